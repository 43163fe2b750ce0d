"""Reading a statistics release (CSV or xlsx) into metric values, reporting what it cannot place.

Columns: 指标 (a metric name or alias), 时间 or 月份 (2022-06, 2022年1-6月…), 数值 (a
rate or a level), optionally 单位. Without a 单位 column or a % sign a value is read as a
rate in %, the way releases print 增速. Unknown metric names are reported, never created,
and a file with any row that cannot be placed is imported not at all.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from zipfile import BadZipFile

from charset_normalizer import from_bytes
from django.db import transaction
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from duban.lib.pacing import month_end, parse_month
from duban.targets.checks import impossible
from duban.targets.choices import ValueSource
from duban.targets.models import Metric
from duban.targets.values import record_metric_value

__all__ = ["ReleaseFileError", "ValueImport", "ValueRow", "apply_values", "read_values"]

COLUMNS = {
    "metric": ("指标", "指标名称"),
    "period": ("时间", "月份", "期间", "日期"),
    "value": ("数值", "增速", "增幅", "增速(%)", "增幅(%)", "数值(%)"),
    "unit": ("单位",),
}


class ReleaseFileError(ValueError):
    """The file as a whole cannot be read (format, missing columns); nothing was imported."""


@dataclass
class ValueRow:
    line: int
    metric: Metric
    on_date: date
    value: Decimal
    unit: str
    label: str


@dataclass
class ValueImport:
    """The rows that can be imported and, by line, the ones that cannot."""

    rows: list[ValueRow] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    # Unknown metric names with the lines they appear on.
    unknown: dict[str, list[int]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.unknown


def _records(name: str, content: bytes) -> list[list]:
    if name.lower().endswith(".xlsx"):
        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
        except (BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
            raise ReleaseFileError(f"无法读取 Excel 文件：{exc}") from exc
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    if name.lower().endswith(".csv"):
        guess = from_bytes(content).best()
        text = str(guess) if guess is not None else content.decode("utf-8", errors="replace")
        return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    raise ReleaseFileError("只支持 .csv 和 .xlsx 文件。")


def _header(cells: list) -> dict[str, int]:
    names = [str(c or "").strip().replace("（", "(").replace("）", ")") for c in cells]
    found = {}
    for key, options in COLUMNS.items():
        for i, name in enumerate(names):
            if name in options:
                found[key] = i
                break
    missing = [COLUMNS[k][0] for k in ("metric", "period", "value") if k not in found]
    if missing:
        raise ReleaseFileError(f"缺少列：{'、'.join(missing)}。")
    rate_header = any(w in names[found["value"]] for w in ("%", "增速", "增幅"))
    found["rate_header"] = rate_header
    return found


def _on_date(cell) -> date | None:
    if isinstance(cell, datetime | date):
        return month_end(cell.year, cell.month)
    parsed = parse_month(str(cell or ""))
    return month_end(*parsed) if parsed else None


def _value(cell) -> tuple[Decimal, bool] | None:
    text = str(cell if cell is not None else "").strip().replace(",", "").replace("，", "")
    percent = text.endswith("%")
    try:
        return Decimal(text.rstrip("%").strip()), percent
    except InvalidOperation:
        return None


def _impossible_for(metric: Metric, value: Decimal, unit: str) -> str | None:
    """Why `value` cannot be a value of a target bound to the metric in that unit, if so."""
    for target in metric.targets.active().filter(unit=unit):
        if (problem := impossible(target, value)) is not None:
            return f"不可能：{target.metric_text}{problem}"
    return None


def read_values(name: str, content: bytes) -> ValueImport:
    """Parse and check a release file; writes nothing. Raises ReleaseFileError for unreadable files."""
    records = [r for r in _records(name, content) if any(str(c or "").strip() for c in r)]
    if not records:
        raise ReleaseFileError("文件是空的。")
    columns = _header(records[0])
    result = ValueImport()
    seen: dict[tuple, int] = {}
    for line, cells in enumerate(records[1:], start=2):
        cells = list(cells) + [None] * (len(records[0]) - len(cells))
        metric_name = str(cells[columns["metric"]] or "").strip()
        metric = Metric.objects.by_name(metric_name).first() if metric_name else None
        if metric is None:
            result.unknown.setdefault(metric_name or "（空）", []).append(line)
            continue
        on_date = _on_date(cells[columns["period"]])
        if on_date is None:
            result.errors.append((line, f"无法识别时间“{cells[columns['period']]}”"))
            continue
        parsed = _value(cells[columns["value"]])
        if parsed is None:
            result.errors.append((line, f"无法识别数值“{cells[columns['value']]}”"))
            continue
        value, percent = parsed
        unit = str(cells[columns["unit"]] or "").strip() if "unit" in columns else ""
        if not unit and (percent or columns["rate_header"] or "unit" not in columns):
            unit = "%"
        if (problem := _impossible_for(metric, value, unit)) is not None:
            result.errors.append((line, f"数值“{cells[columns['value']]}”{problem}"))
            continue
        key = (metric.pk, on_date, unit)
        if key in seen:
            result.errors.append((line, f"与第 {seen[key]} 行重复"))
            continue
        seen[key] = line
        label = str(cells[columns["period"]])
        result.rows.append(ValueRow(line, metric, on_date, value, unit, label))
    return result


@transaction.atomic
def apply_values(result: ValueImport, *, user) -> int:
    """Record every row as its metric's value (source: import); returns the count."""
    if not result.ok:
        raise ReleaseFileError("文件中有无法导入的行，未导入任何数据。")
    for row in result.rows:
        record_metric_value(
            row.metric,
            row.value,
            row.on_date,
            unit=row.unit,
            user=user,
            source=ValueSource.IMPORT,
            note=row.label,
        )
    return len(result.rows)
