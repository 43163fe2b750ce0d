"""Notices printed in traditional characters read as their simplified copies do."""

import opencc
import pytest

from conftest import SHARED
from duban.parsing.api import parse_bytes
from duban.parsing.tests.test_devset_renderings import NOTICES, rows

DOCS = SHARED / "devset" / "docs"
TO_TRADITIONAL = opencc.OpenCC("s2t")
TO_SIMPLIFIED = opencc.OpenCC("t2s")


@pytest.mark.skipif(not DOCS.is_dir(), reason="the shared devset is not here")
@pytest.mark.parametrize("name", NOTICES)
def test_a_devset_notice_in_traditional_characters_gives_its_rows_as_printed(name):
    text = (DOCS / f"{name}.txt").read_text(encoding="utf-8")
    simplified = rows(parse_bytes(text.encode(), "copy.txt"))
    traditional = TO_TRADITIONAL.convert(text)
    parsed = parse_bytes(traditional.encode(), "copy.txt")
    printed = rows(parsed)
    assert [TO_SIMPLIFIED.convert(repr(row)) for row in printed] == [
        TO_SIMPLIFIED.convert(repr(row)) for row in simplified
    ]
    # The output keeps the characters as printed.
    assert [row[1] for row in printed] != [row[1] for row in simplified]


def test_a_traditional_table_keeps_its_characters_in_the_output():
    notice = "附件\n重點工作責任分解表\n序號\t重點工作\t責任單位\n1\t新建學校2所。\t縣教育局*、縣財政局\n"
    item = parse_bytes(notice.encode(), "t.txt")["plans"][0]["sections"][0]["items"][0]
    assert item["text"] == "新建學校2所。"
    assert [(u["name"], u["role"]) for u in item["units"]] == [
        ("縣教育局", "lead"),
        ("縣財政局", "support"),
    ]
