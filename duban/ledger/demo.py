"""Demo data for `duban demo`: steps run in order on a shared `Demo`, each idempotent.

Each app contributes its steps to STEPS, in the order they run.
"""

import hashlib
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q

from duban.ledger.changes import ChangeReport
from duban.ledger.choices import AssignmentRole, PlanKind, UnitKind
from duban.ledger.importing import apply_import, prepare_import
from duban.ledger.models import Notice, Plan, Task, Unit
from duban.lib import clock
from duban.supervision.demo import on_day, restamp, stamp_mark, year_in_progress
from duban.targets.demo import add_targets

REFERENCE = "000_de8080339d2f7ae4"
# The Word rendering first: it is what an office would upload.
FORMATS = ("docx", "txt", "pdf")
# Demo log-ins are meant to be typed in from the console table; never use them in production.
PASSWORD = "duban-demo"  # noqa: S105


def password() -> str:
    """The demo log-ins' password: DUBAN_DEMO_PASSWORD, or the published one."""
    return os.getenv("DUBAN_DEMO_PASSWORD") or PASSWORD


def published_password_refused() -> bool:
    """Whether the demo must not create log-ins: the published password in production."""
    return settings.DUBAN_PRODUCTION and password() == PASSWORD


@dataclass
class Account:
    username: str
    password: str
    role: str
    tied_to: str


@dataclass
class Demo:
    """What the steps have built so far, and what the command prints at the end."""

    notice: Notice | None = None
    report: ChangeReport | None = None
    today: date | None = None
    accounts: list[Account] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)


def seed_dir() -> Path:
    """$DUBAN_SHARED_DIR/seed, else the shared folder beside the repository."""
    shared = os.getenv("DUBAN_SHARED_DIR")
    return (Path(shared) if shared else Path(settings.BASE_DIR).parent.parent / "shared") / "seed"


def loaded_today() -> date:
    """The date of the demo already loaded, for DUBAN_TODAY; FileNotFoundError if none is."""
    digest = hashlib.sha256(reference_file().read_bytes()).hexdigest()
    notice = Notice.objects.filter(file_hash=digest).first()
    if notice is None:
        raise FileNotFoundError("演示数据尚未加载：请先运行 duban demo")
    return demo_today(notice)


def reference_file() -> Path:
    for fmt in FORMATS:
        path = seed_dir() / f"{REFERENCE}.{fmt}"
        if path.exists():
            return path
    raise FileNotFoundError(f"参考通知不在 {seed_dir()}（可设置 DUBAN_SHARED_DIR）")


def import_reference(demo: Demo) -> None:
    """Import the reference notice; a second run finds it unchanged."""
    path = reference_file()
    preview = prepare_import(path.read_bytes(), path.name)
    mark = stamp_mark()
    demo.notice = apply_import(preview)
    demo.report = preview.report
    demo.today = demo_today(demo.notice)
    restamp(mark, import_day(demo))
    demo.lines.append(f"{path.name}：{preview.report.summary()}")


def import_day(demo: Demo) -> date:
    """The day the office imported the notice in the demo's year: the day it was printed
    (or signed), else 1 March; never after the demo's today."""
    notice = demo.notice
    printed = notice.printed_on or notice.issued_on
    day = printed if printed and printed.year == demo.today.year else date(demo.today.year, 3, 1)
    return min(day, demo.today)


def targets_on_import_day(demo: Demo) -> None:
    """The notice's targets and the statistics, recorded on the day of the import."""
    with on_day(import_day(demo)):
        add_targets(demo)


def demo_today(notice: Notice) -> date:
    """Today if it falls in the annual plan's year, else 10 September of that year: the demo's "now"."""
    today = clock.today()
    year = notice.plans.filter(kind=PlanKind.ANNUAL).values_list("start_year", flat=True).first()
    if year and today.year != year:
        return date(year, 9, 10)
    return today


def demo_units(notice: Notice) -> tuple[Unit, Unit]:
    """Two units of the annual plan: the one leading most tasks, and the unit that supports
    most often among those supporting one of its tasks, so consolidation can be tried."""
    plan = Plan.objects.get(notice=notice, kind=PlanKind.ANNUAL)
    units = Unit.objects.exclude(kind=UnitKind.PLACEHOLDER).filter(assignments__task__plan=plan)
    lead = (
        units.annotate(n=Count("assignments", filter=Q(assignments__role=AssignmentRole.LEAD)))
        .order_by("-n", "name")
        .first()
    )
    led = Task.objects.filter(plan=plan).for_unit(lead, role=AssignmentRole.LEAD)
    # The lead unit must consolidate the shared task: the first of its lead units.
    consolidated = [pk for pk, ids in led.lead_unit_ids().items() if ids[:1] == [lead.pk]]
    supporting = Q(assignments__role=AssignmentRole.SUPPORT)
    partners = units.filter(supporting, assignments__task__in=consolidated).distinct()
    support = (
        Unit.objects.filter(pk__in=partners.exclude(pk=lead.pk).values("pk"))
        .annotate(n=Count("assignments", filter=supporting))
        .order_by("-n", "name")
        .first()
    )
    return lead, support


def shared_task(lead: Unit, support: Unit) -> Task | None:
    """The first task of the annual plan that `lead` consolidates and `support` supports."""
    supported = Task.objects.for_unit(support, role=AssignmentRole.SUPPORT)
    tasks = Task.objects.for_unit(lead, role=AssignmentRole.LEAD).filter(
        pk__in=supported.values("pk"), plan__kind=PlanKind.ANNUAL
    )
    leads = tasks.lead_unit_ids()
    return next(
        (t for t in tasks.order_by("plan", "position") if leads.get(t.pk, [])[:1] == [lead.pk]),
        None,
    )


@transaction.atomic
def create_accounts(demo: Demo) -> None:
    """Log-ins for the office, the first leader of the annual plan and their secretary, and two
    of its units."""
    from duban.accounts.choices import UserRole
    from duban.accounts.models import Profile

    plan = Plan.objects.get(notice=demo.notice, kind=PlanKind.ANNUAL)
    leader = plan.sections.first().leaders.order_by("section_leaders__position").first()
    lead_unit, support_unit = demo_units(demo.notice)
    people = [
        ("office", UserRole.OFFICE, None, None, "督查室"),
        ("leader", UserRole.LEADER, leader, None, leader.name),
        ("secretary", UserRole.SECRETARY, leader, None, f"{leader.name}的秘书，代为批示"),
        ("lead-unit", UserRole.UNIT, None, lead_unit, f"{lead_unit.name}（牵头任务最多）"),
        (
            "support-unit",
            UserRole.UNIT,
            None,
            support_unit,
            f"{support_unit.name}（配合，如任务 {shared_task(lead_unit, support_unit).seq}）",
        ),
    ]
    User = get_user_model()
    # Records name who acted: the leader's log-in reads as the leader, the secretary by a name.
    names = {"leader": leader.name, "secretary": "张秘书"}
    for username, role, official, unit, tied_to in people:
        user, _ = User.objects.get_or_create(username=username)
        user.first_name = names.get(username, "")
        user.set_password(password())
        # example.org never receives mail; the console backend prints what would be sent.
        user.email = f"{username}@example.org"
        user.save()
        Profile.objects.update_or_create(
            user=user, defaults={"role": role, "official": official, "unit": unit}
        )
        demo.accounts.append(Account(username, password(), UserRole(role).label, tied_to))


STEPS = [import_reference, targets_on_import_day, create_accounts, year_in_progress]
