from duban.parsing.dates import find_date
from duban.parsing.metadata import read_metadata

FRONT = [
    "某市人民政府办公室文件",
    "某政办〔2021〕7 号",
    "某市人民政府办公室 关于印发 2021 年政府工作报告重点工作",
    "责任分解的 通 知",
    "各县（市、区）人民政府，市政府直属各单位：",
    "现将分解表印发给你们，请认真贯彻执行。各单位要及时研究解决重",
    "点工作推进过程中的问题。",
    "附件：1. 今后五年重点工作责任分解表",
    "2. 2021 年重点工作责任分解表",
    "某市人民政府办公室",
    "二〇二一年三月七日",
    "（此件公开发布）",
]
TAIL = [
    "抄送：市委各部门，市人大常委会办公室，",
    "市政协办公室，市法院。",
    "某市人民政府办公室",
    "2021年3月9日印发",
]


def test_it_reads_the_issuer_number_title_and_dates():
    meta = read_metadata(FRONT, TAIL)
    assert meta.issuer == "某市人民政府办公室"
    assert meta.doc_number == "某政办〔2021〕7号"
    assert meta.title == "某市人民政府办公室关于印发2021年政府工作报告重点工作责任分解的通知"
    assert meta.issued_on == "2021-03-07"
    assert meta.printed_on == "2021-03-09"
    assert meta.public is True


def test_it_reads_addressees_cc_and_attachments():
    meta = read_metadata(FRONT, TAIL)
    assert meta.addressees == ["各县（市、区）人民政府", "市政府直属各单位"]
    assert meta.cc == ["市委各部门", "市人大常委会办公室", "市政协办公室", "市法院"]
    assert meta.attachments == ["今后五年重点工作责任分解表", "2021年重点工作责任分解表"]


def test_it_joins_body_lines_cut_mid_sentence():
    meta = read_metadata(FRONT, TAIL)
    assert (
        meta.body
        == "现将分解表印发给你们，请认真贯彻执行。各单位要及时研究解决重点工作推进过程中的问题。"
    )


def test_it_reads_other_bracket_forms_of_the_number():
    for printed in ("某政办[2022]4号", "某政办（2022）4号", "某政发〔2022〕第 12 号"):
        assert read_metadata([printed, "关于某事的通知"], []).doc_number == printed.replace(" ", "")


def test_it_reads_a_notice_that_is_not_public():
    assert read_metadata(["关于某事的通知", "此件不公开"], []).public is False
    assert read_metadata(["关于某事的通知"], []).public is None


def test_it_falls_back_to_the_header_for_the_issuer():
    meta = read_metadata(["某县人民政府文件", "某政〔2022〕1号", "关于某事的通知", "各乡镇："], [])
    assert meta.issuer == "某县人民政府"
    assert meta.addressees == ["各乡镇"]


def test_it_reads_dates_in_arabic_and_chinese_numerals():
    assert find_date("2022 年 3 月 7 日") == "2022-03-07"
    assert find_date("二〇二二年十二月三十一日") == "2022-12-31"
    assert find_date("2022年2月30日") is None
