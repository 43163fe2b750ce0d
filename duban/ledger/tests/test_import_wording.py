"""Every warning the parser can give reaches the office in Chinese."""

from duban.ledger.importing.wording import WARNINGS, warning_text
from duban.parsing import parse_bytes
from duban.parsing.cautions import MESSAGES


def test_every_warning_code_of_the_parser_has_chinese_words():
    assert set(MESSAGES) <= set(WARNINGS)


def test_a_warning_is_said_in_chinese_with_the_text_it_is_about():
    notice = (
        "附件\n重点工作表\n序号\t重点工作\t责任单位\t投资额\n1\t新建学校2所。\t区教育局\t3000\n"
    )
    (warning,) = parse_bytes(notice.encode(), "t.txt")["warnings"]
    assert warning_text(warning) == "以下列未能识别，内容按原文保留：投资额"
