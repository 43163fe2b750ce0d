from duban.supervision.quality import TargetShortfall, check_report_text


def test_it_flags_boilerplate_without_facts():
    flags = check_report_text("各项工作有序推进，稳步推进项目建设。")
    assert flags == ["内容空泛：只有“推进”等套话，没有数字或具体举措"]


def test_it_accepts_boilerplate_with_a_number():
    assert check_report_text("项目有序推进，已完成投资 3.2 亿元。") == []


def test_it_accepts_boilerplate_with_a_concrete_action():
    assert check_report_text("积极推进，召开专题协调会，印发实施方案。") == []


def test_it_accepts_a_factual_report_without_stock_phrases():
    assert check_report_text("完成征地 120 亩。") == []


def test_it_flags_a_copy_of_the_previous_report():
    previous = "完成征地 120 亩，启动二期招标，召开协调会 2 次。"
    flags = check_report_text("完成征地120亩，启动二期招标，召开协调会2次", previous)
    assert flags == ["与本单位上期报告内容相同或几乎相同"]


def test_it_accepts_a_report_that_moved_on():
    previous = "完成征地 120 亩，启动二期招标。"
    assert check_report_text("二期完成招标，中标单位进场施工，完成投资 1.5 亿元。", previous) == []


def test_it_flags_a_full_completion_that_a_target_contradicts():
    shortfall = TargetShortfall("新增高新技术企业", actual=38, goal=50)
    flags = check_report_text("全面完成。已认定企业 38 家。", percent=100, shortfalls=(shortfall,))
    assert flags == ["报告完成 100%，但指标“新增高新技术企业”实际 38，未达目标 50"]


def test_it_ignores_a_shortfall_while_completion_is_not_claimed():
    shortfall = TargetShortfall("新增高新技术企业", actual=38, goal=50)
    assert check_report_text("已认定企业 38 家。", percent=80, shortfalls=(shortfall,)) == []
