"""Who gets what: every role against every page and action (see ledger/access.py)."""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from duban.ledger.models import ImportDraft, Unit
from duban.ledger.tests.base import add_ledger_data
from duban.testing import build_cast, notice_text

ROLES = ["anonymous", "alice", "admin", "lin", "wang", "bob", "dave", "nobody"]

# Each page: (method, URL, POST data) built from the cast.
PAGES = {
    "ledger list": lambda c: ("get", reverse("ledger:tasks"), None),
    "task of X": lambda c: ("get", c.task.get_absolute_url(), None),
    "task of Y": lambda c: ("get", c.wang_task.get_absolute_url(), None),
    "leader page A": lambda c: ("get", c.lin_official.get_absolute_url(), None),
    "leader page B": lambda c: ("get", c.wang_official.get_absolute_url(), None),
    "unit page X": lambda c: ("get", c.fagai.get_absolute_url(), None),
    "unit page Y": lambda c: ("get", c.jiaoyu.get_absolute_url(), None),
    "notice page": lambda c: ("get", c.notice.get_absolute_url(), None),
    "plan page": lambda c: ("get", c.plan.get_absolute_url(), None),
    "notice list": lambda c: ("get", reverse("ledger:notices"), None),
    "unit registry": lambda c: ("get", reverse("ledger:units"), None),
    "upload page": lambda c: ("get", reverse("ledger:import"), None),
    "upload post": lambda c: ("post", reverse("ledger:import"), {}),
    "unknown preview": lambda c: ("get", reverse("ledger:import-preview", args=[10**9]), None),
    "import preview": lambda c: ("get", c.draft.get_absolute_url(), None),
    "import columns": lambda c: (
        "post",
        reverse("ledger:import-columns", args=[c.draft.pk]),
        {"table": 1, "role_0": "", "role_1": "text", "role_2": "lead_units"},
    ),
    "import row": lambda c: ("post", reverse("ledger:import-row", args=[c.draft.pk]), {}),
    "import undo": lambda c: ("post", reverse("ledger:import-undo", args=[c.draft.pk]), {}),
    "import alias": lambda c: ("post", reverse("ledger:import-alias", args=[c.draft.pk]), {}),
    "import confirm": lambda c: ("post", reverse("ledger:import-confirm", args=[c.draft.pk]), {}),
    "placeholder list": lambda c: ("get", reverse("ledger:placeholders"), None),
    "placeholder page": lambda c: (
        "get",
        reverse("ledger:placeholder-resolve", args=[c.placeholder_assignment.pk]),
        None,
    ),
    "placeholder resolve": lambda c: (
        "post",
        reverse("ledger:placeholder-resolve", args=[c.placeholder_assignment.pk]),
        {"units": [c.street.pk]},
    ),
    "merge units": lambda c: (
        "post",
        reverse("ledger:unit-merge", args=[c.fagai.pk]),
        {"drop": c.street.pk},
    ),
    "unit kind edit": lambda c: (
        "post",
        reverse("ledger:unit-kind", args=[c.fagai.pk]),
        {"kind": "other"},
    ),
    "admin": lambda c: ("get", reverse("admin:index"), None),
}

# fmt: off
EXPECTED = {
    #                      anon alice admin lin  wang bob  dave nobody
    "ledger list":         (302, 200, 200, 200, 200, 200, 200, 200),
    "task of X":           (302, 200, 200, 200, 404, 200, 404, 404),
    "task of Y":           (302, 200, 200, 404, 200, 404, 200, 404),
    "leader page A":       (302, 200, 200, 200, 404, 404, 404, 404),
    "leader page B":       (302, 200, 200, 404, 200, 404, 404, 404),
    "unit page X":         (302, 200, 200, 200, 404, 200, 404, 404),
    "unit page Y":         (302, 200, 200, 404, 200, 404, 200, 404),
    "notice page":         (302, 200, 200, 200, 200, 200, 200, 404),
    "plan page":           (302, 200, 200, 200, 200, 200, 200, 404),
    "notice list":         (302, 200, 200, 403, 403, 403, 403, 403),
    "unit registry":       (302, 200, 200, 403, 403, 403, 403, 403),
    "upload page":         (302, 200, 200, 403, 403, 403, 403, 403),
    "upload post":         (302, 200, 200, 403, 403, 403, 403, 403),
    "unknown preview":     (302, 404, 404, 404, 404, 404, 404, 404),
    "import preview":      (302, 200, 200, 404, 404, 404, 404, 404),
    "import columns":      (302, 302, 302, 404, 404, 404, 404, 404),
    "import row":          (302, 302, 302, 404, 404, 404, 404, 404),
    "import undo":         (302, 302, 302, 404, 404, 404, 404, 404),
    "import alias":        (302, 302, 302, 404, 404, 404, 404, 404),
    "import confirm":      (302, 302, 302, 404, 404, 404, 404, 404),
    "placeholder list":    (302, 200, 200, 403, 403, 403, 403, 403),
    "placeholder page":    (302, 200, 200, 403, 403, 403, 403, 403),
    "placeholder resolve": (302, 302, 302, 403, 403, 403, 403, 403),
    "merge units":         (302, 302, 302, 403, 403, 403, 403, 403),
    "unit kind edit":      (302, 302, 302, 403, 403, 403, 403, 403),
    "admin":               (302, 302, 200, 302, 302, 302, 302, 302),
}
# fmt: on

CASES = [
    pytest.param(page, role, EXPECTED[page][i], id=f"{page}-{role}")
    for page in PAGES
    for i, role in enumerate(ROLES)
]


@pytest.fixture
def cast(db, settings, tmp_path):
    settings.UPLOAD_DIR = tmp_path / "uploads"
    settings.MEDIA_ROOT = tmp_path / "files"
    c = SimpleNamespace()
    build_cast(c)
    add_ledger_data(c)
    c.draft = ImportDraft.start(notice_text().encode(), "notice.txt", c.alice)
    return c


@pytest.mark.parametrize(("page", "role", "expected"), CASES)
def test_role_gets_expected_status(client, cast, page, role, expected):
    if role != "anonymous":
        client.force_login(getattr(cast, role))
    method, url, data = PAGES[page](cast)
    response = getattr(client, method)(url, data or {})
    assert response.status_code == expected
    if role == "anonymous":
        assert response["Location"].startswith(
            "/admin/login/" if page == "admin" else reverse("accounts:login")
        )


def test_denied_actions_change_nothing(client, cast):
    client.force_login(cast.bob)
    client.post(reverse("ledger:unit-merge", args=[cast.fagai.pk]), {"drop": cast.street.pk})
    client.post(reverse("ledger:unit-kind", args=[cast.fagai.pk]), {"kind": "other"})
    client.post(
        reverse("ledger:placeholder-resolve", args=[cast.placeholder_assignment.pk]),
        {"units": [cast.street.pk]},
    )
    cast.fagai.refresh_from_db()
    assert cast.fagai.kind == "district_department"
    assert Unit.objects.filter(pk=cast.street.pk).exists()
    assert not cast.placeholder_assignment.resolutions.exists()


def test_state_changes_refuse_get(client, cast):
    client.force_login(cast.alice)
    for name in ("ledger:unit-merge", "ledger:unit-kind"):
        response = client.get(reverse(name, args=[cast.fagai.pk]))
        assert response.status_code == 405


@pytest.mark.parametrize(
    ("role", "own", "other"),
    [
        ("bob", "task", "wang_task"),
        ("dave", "wang_task", "task"),
        ("lin", "task", "wang_task"),
        ("wang", "wang_task", "task"),
    ],
)
def test_lists_show_only_own_tasks(client, cast, role, own, other):
    client.force_login(getattr(cast, role))
    pages = [reverse("ledger:tasks"), cast.notice.get_absolute_url(), cast.plan.get_absolute_url()]
    for url in pages:
        html = client.get(url).content.decode()
        if url == reverse("ledger:tasks") or url == cast.plan.get_absolute_url():
            assert getattr(cast, own).text in html
        assert getattr(cast, other).text not in html


def test_ledger_filters_cannot_reach_other_units_tasks(client, cast):
    client.force_login(cast.bob)
    response = client.get(reverse("ledger:tasks"), {"unit": cast.jiaoyu.pk, "q": "学校"})
    assert response.status_code == 200
    assert cast.wang_task.text not in response.content.decode()


def test_a_resolved_placeholder_opens_the_task_to_the_concrete_unit(client, cast):
    from duban.ledger.registry import resolve_placeholder
    from duban.testing import make_user

    liaison = make_user("qidu", "unit", unit=cast.street)
    client.force_login(liaison)
    assert client.get(cast.task.get_absolute_url()).status_code == 404
    resolve_placeholder(cast.placeholder_assignment, [cast.street])
    assert client.get(cast.task.get_absolute_url()).status_code == 200
    assert cast.task.text in client.get(reverse("ledger:tasks")).content.decode()


def test_denials_are_explained_in_chinese(client, cast):
    client.force_login(cast.bob)
    assert "无权访问" in client.get(reverse("ledger:import")).content.decode()
    assert "不在您的查看范围内" in client.get(cast.wang_task.get_absolute_url()).content.decode()
