"""Tables of a PDF's text export (`pdftotext -layout`): rows centred over several lines."""

from duban.parsing.tests.notices import headings, items, names, parse_text, units

SEQ, TEXT, LEADER, LEAD, HELPERS, DEADLINE = 0, 4, 24, 31, 38, 50


def line(*cells: tuple[int, str]) -> str:
    """Cells at the character columns the export prints them at."""
    printed = ""
    for start, text in cells:
        printed = printed.ljust(start) + text
    return printed


def header(shift: int) -> list[str]:
    """The header as the export prints it on a page, its words over three lines."""
    return [
        line((SEQ, "序"), (LEADER + 1 + shift, "分包县")),
        line(
            (TEXT + 6 + shift, "重点工作"),
            (LEAD + shift, "牵头单位"),
            (HELPERS + 2 + shift, "责任单位"),
            (DEADLINE + shift, "时限要求"),
        ),
        line((SEQ, "号"), (LEADER + 2 + shift, "领导")),
    ]


def test_rows_centred_over_several_lines_are_read_across_a_page_break():
    page_two = 2  # the next page lays its columns out a little further right
    lines = [
        "附件",
        *header(0),
        "一、主要预期目标",
        line((DEADLINE, "2024 年")),
        line(
            (1, "1"),
            (TEXT, "地区生产总值增长 6%。"),
            (LEADER, "张国栋"),
            (LEAD, "县发改局"),
            (HELPERS, "县统计局"),
        ),
        line((DEADLINE, "12 月底")),
        line((TEXT, "城镇居民人均可支配"), (HELPERS, "县人社局、县农业"), (DEADLINE, "2024 年")),
        line((1, "2"), (LEADER, "刘卫东"), (LEAD, "县统计局")),
        line((TEXT, "收入增长 7%。"), (HELPERS, "农村局"), (DEADLINE, "12 月底")),
        "",
        line((30, "—2—")),
        "\f" + header(page_two)[0],
        *header(page_two)[1:],
        line((LEADER + page_two, "张国")),
        line(
            (TEXT + page_two, "抓好重点项目建设，"),
            (LEADER + page_two, "栋、陈"),
            (LEAD + page_two, "县发改局"),
            (HELPERS + page_two, "县住建局"),
            (DEADLINE + page_two, "2024 年"),
        ),
        line((SEQ, "3")),
        line(
            (TEXT + page_two, "实施项目 35 个。"),
            (LEADER + page_two, "志远"),
            (DEADLINE + page_two, "12 月底"),
        ),
    ]
    parsed = parse_text("\n".join(lines) + "\n")
    rows = [
        (item["seq"], item["text"], names(item["leaders"]), units(item), item["deadline"])
        for item in items(parsed)
    ]
    assert rows == [
        (
            "1",
            "地区生产总值增长 6%。",
            ["张国栋"],
            [("县发改局", "lead"), ("县统计局", "support")],
            "2024 年12 月底",
        ),
        (
            "2",
            "城镇居民人均可支配收入增长 7%。",
            ["刘卫东"],
            [("县统计局", "lead"), ("县人社局", "support"), ("县农业农村局", "support")],
            "2024 年12 月底",
        ),
        (
            "3",
            "抓好重点项目建设，实施项目 35 个。",
            ["张国栋", "陈志远"],
            [("县发改局", "lead"), ("县住建局", "support")],
            "2024 年12 月底",
        ),
    ]
    assert headings(parsed) == ["一、主要预期目标"]
