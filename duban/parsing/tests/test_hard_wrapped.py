"""Copies hard-wrapped at a fixed width, with page footers, read as the unwrapped copy does."""

import pytest

from conftest import SHARED
from duban.parsing.api import parse_bytes
from duban.parsing.document import Table
from duban.parsing.readers import read
from duban.parsing.tests.test_devset_renderings import NOTICES, rows

DOCS = SHARED / "devset" / "docs"
WIDTH = 30
FOOTER_EVERY = 40


def hard_wrap(text: str) -> str:
    """Cut every line at WIDTH characters, as a text export does, with a footer per page."""
    lines: list[str] = []
    for line in text.split("\n"):
        for start in range(0, max(len(line), 1), WIDTH):
            lines.append(line[start : start + WIDTH])
            if len(lines) % FOOTER_EVERY == 0:
                lines.append(f"- {len(lines) // FOOTER_EVERY} -")
    return "\n".join(lines)


def _paragraph_notices() -> list[str]:
    """The devset notices laid out as paragraphs (a wrapped table is another matter)."""
    if not DOCS.is_dir():
        return []
    return [
        name
        for name in NOTICES
        if not any(
            isinstance(block, Table)
            for block in read((DOCS / f"{name}.txt").read_bytes(), "copy.txt").blocks
        )
    ]


@pytest.mark.parametrize("name", _paragraph_notices())
def test_a_hard_wrapped_copy_reads_as_the_copy_does(name):
    text = (DOCS / f"{name}.txt").read_text(encoding="utf-8")
    expected = rows(parse_bytes(text.encode(), "copy.txt"))
    assert rows(parse_bytes(hard_wrap(text).encode(), "wrapped.txt")) == expected


def test_lines_of_varied_length_are_not_joined():
    notice = "附件\n重点工作\n1.新建学校2所。（牵头单位：县教育局）\n2.改造道路5公里。（牵头单位：县交通局）\n"
    parsed = parse_bytes(notice.encode(), "t.txt")
    assert len(parsed["plans"][0]["sections"][0]["items"]) == 2
