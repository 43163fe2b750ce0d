"""Reading a list of unit liaisons from Excel into log-ins, reporting every row it cannot take.

Columns: 单位 (a unit's name or alias, matched as the notice import matches them), 姓名,
用户名, optionally 手机 and 邮箱. The office sees each row's errors first; a list with any
error creates no log-in at all, and a confirmed list creates every log-in in one transaction.
"""

import io
from dataclasses import dataclass, field
from zipfile import BadZipFile

from django.contrib.auth.models import User
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from duban.accounts.actions import AccountAction
from duban.accounts.choices import UserRole
from duban.accounts.people import PHONE, LoginError, NewPassword, create_login
from duban.audit.log import record
from duban.ledger.models import Unit, UnitAlias
from duban.ledger.names import normalise_name
from duban.ledger.unit_names import propose

# Each column's heading and the other headings lists use for it.
COLUMNS = {
    "unit": ("单位", "单位名称", "责任单位", "所在单位"),
    "name": ("姓名", "联络员", "联络员姓名"),
    "username": ("用户名", "账号", "登录名", "登录账号"),
    "phone": ("手机", "手机号", "手机号码", "电话", "联系电话"),
    "email": ("邮箱", "电子邮箱", "邮件", "E-mail", "Email"),
}
REQUIRED = ["unit", "name", "username"]
REQUIRED_FIELDS = [("unit_name", "单位"), ("name", "姓名"), ("username", "用户名")]
MAX_ROWS = 2000
HEADER_SEARCH = 5
# How long a preview may wait for its confirmation.
PREVIEW_SECONDS = 3600
_SALT = "duban.ledger.liaisons"


class LiaisonFileError(ValueError):
    """The file cannot be read as a liaison list; the message is for the office."""


@dataclass
class LiaisonRow:
    line: int
    unit_name: str
    name: str
    username: str
    phone: str = ""
    email: str = ""
    unit: Unit | None = None
    errors: list[str] = field(default_factory=list)

    def fields(self) -> dict:
        return {
            k: getattr(self, k) for k in ("line", "unit_name", "name", "username", "phone", "email")
        }


@dataclass
class LiaisonList:
    rows: list[LiaisonRow]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.error_rows

    @property
    def error_rows(self) -> list[LiaisonRow]:
        return [row for row in self.rows if row.errors]

    def signed(self) -> str:
        """The rows, signed, for the preview page to send back with the confirmation."""
        return signing.dumps([row.fields() for row in self.rows], salt=_SALT, compress=True)


def _text(cell) -> str:
    if cell is None:
        return ""
    # Phone numbers typed into a number cell come back as int or float.
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return " ".join(str(cell).split())


def _columns(cells: list) -> dict[str, int]:
    names = [_text(c).replace(" ", "") for c in cells]
    found = {}
    for key, options in COLUMNS.items():
        for i, name in enumerate(names):
            if name in options:
                found[key] = i
                break
    return found


def _header(records: list[tuple[int, list]]) -> tuple[int, dict[str, int]]:
    """The header's place among the records and its columns; lists often open with a title
    row (某某区督办工作联络员名单) above it, so the first rows are searched."""
    for place, (_, cells) in enumerate(records[:HEADER_SEARCH]):
        found = _columns(cells)
        if all(k in found for k in REQUIRED):
            return place, found
    found = _columns(records[0][1])
    missing = [COLUMNS[k][0] for k in REQUIRED if k not in found]
    raise LiaisonFileError(
        f"表头缺少列：{'、'.join(missing)}。表头应有：单位、姓名、用户名，可选手机、邮箱。"
    )


def read_liaisons(content: bytes) -> LiaisonList:
    """The rows of an .xlsx liaison list, checked; LiaisonFileError for a file it cannot read."""
    try:
        sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
        records = list(enumerate(sheet.iter_rows(values_only=True), start=1))
    except (BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise LiaisonFileError("无法读取该文件，请确认是 Excel（.xlsx）格式且未加密。") from exc
    # Kept with their sheet row numbers, so an error names the row the office sees in Excel.
    records = [(line, list(r)) for line, r in records if any(_text(c) for c in r)]
    if not records:
        raise LiaisonFileError("文件是空的。")
    place, columns = _header(records)
    records = records[place + 1 :]
    if not records:
        raise LiaisonFileError("文件只有表头，没有联络员。")
    if len(records) > MAX_ROWS:
        raise LiaisonFileError(f"一次最多导入 {MAX_ROWS} 名联络员，请分批导入。")
    rows = []
    for line, cells in records:

        def cell(key, cells=cells):
            i = columns.get(key)
            return _text(cells[i]) if i is not None and i < len(cells) else ""

        rows.append(
            LiaisonRow(
                line,
                cell("unit"),
                cell("name"),
                cell("username"),
                "".join(cell("phone").split()),
                cell("email"),
            )
        )
    return check(rows)


def from_signed(payload: str) -> LiaisonList:
    """The rows a preview sent back, checked again against the database as it is now."""
    try:
        fields = signing.loads(payload, salt=_SALT, max_age=PREVIEW_SECONDS)
    except signing.SignatureExpired as exc:
        raise LiaisonFileError("预览已超过一小时，请重新上传名单。") from exc
    except signing.BadSignature as exc:
        raise LiaisonFileError("预览数据无效，请重新上传名单。") from exc
    return check([LiaisonRow(**f) for f in fields])


def _known_names() -> dict[str, str]:
    known = dict(Unit.objects.concrete().values_list("name", "name"))
    known.update(UnitAlias.objects.values_list("alias", "unit__name"))
    return known


def check(rows: list[LiaisonRow]) -> LiaisonList:
    """Resolve each row's unit and note what keeps it from becoming a log-in."""
    names = {normalise_name(r.unit_name) for r in rows if r.unit_name}
    units = {}
    for unit in Unit.objects.concrete().filter(name__in=names):
        units[unit.name] = unit
    for alias in UnitAlias.objects.filter(alias__in=names).select_related("unit"):
        units.setdefault(alias.alias, alias.unit)
    unknown = sorted(n for n in names if n not in units)
    guesses = propose(unknown, _known_names()) if unknown else {}
    usernames = [r.username.lower() for r in rows]
    taken = set(
        User.objects.annotate(lowered=Lower("username"))
        .filter(lowered__in=usernames)
        .values_list("lowered", flat=True)
    )
    for row in rows:
        row.errors = []
        missing = [label for key, label in REQUIRED_FIELDS if not getattr(row, key)]
        if missing:
            row.errors.append(f"缺少{'、'.join(missing)}")
        if row.unit_name:
            row.unit = units.get(normalise_name(row.unit_name))
            if row.unit is None:
                guess = guesses.get(normalise_name(row.unit_name))
                hint = (
                    f"，是否为“{guess}”？可在单位名录中添加别名"
                    if guess
                    else "，请先在单位名录中添加"
                )
                row.errors.append(f"单位“{row.unit_name}”不在单位名录中{hint}")
        if row.username:
            _check_username(row, usernames, taken)
        if row.phone and not PHONE.fullmatch(row.phone):
            row.errors.append(f"手机号“{row.phone}”格式不对")
        if row.email:
            try:
                validate_email(row.email)
            except ValidationError:
                row.errors.append(f"邮箱“{row.email}”格式不对")
    return LiaisonList(rows)


def _check_username(row: LiaisonRow, usernames: list[str], taken: set[str]) -> None:
    try:
        User.username_validator(row.username)
    except ValidationError:
        row.errors.append(f"用户名“{row.username}”只能包含字母、数字和 @ . + - _")
    if len(row.username) > 150:
        row.errors.append("用户名过长")
    if row.username.lower() in taken:
        row.errors.append(f"用户名“{row.username}”已被使用")
    elif usernames.count(row.username.lower()) > 1:
        row.errors.append(f"用户名“{row.username}”在名单中重复")


def import_liaisons(liaisons: LiaisonList, by) -> list[NewPassword]:
    """Create every row's log-in with a new password, or none when any row has an error."""
    if not liaisons.ok:
        raise LiaisonFileError("名单中有错误的行，未导入任何账号。")
    try:
        return _create_logins(liaisons, by)
    except (LoginError, IntegrityError) as exc:
        # A user name taken since the check: by another page, or by the same list confirmed
        # twice at once (then the unique index, not the check, is what refuses it).
        raise LiaisonFileError("名单中的用户名刚被使用，未导入任何账号，请重新上传名单。") from exc


@transaction.atomic
def _create_logins(liaisons: LiaisonList, by) -> list[NewPassword]:
    created = [
        create_login(
            by,
            role=UserRole.UNIT,
            username=row.username,
            name=row.name,
            email=row.email,
            phone=row.phone,
            unit=row.unit,
        )
        for row in liaisons.rows
    ]
    usernames = [new.user.get_username() for new in created]
    record(AccountAction.LIAISONS_IMPORTED, user=by, data={"usernames": usernames})
    return created
