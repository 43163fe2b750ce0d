"""Unit names the registry knows under another spelling: the normaliser and the proposals."""

import pytest

from duban.ledger.unit_names import likely_same, name_key, propose

SAME = [
    ("区住房和城乡建设局", "区住建局"),
    ("区发展和改革局", "区发改局"),
    ("区人力资源和社会保障局", "区人力社保局"),
    ("区人力资源和社会保障局", "区人社局"),
    ("杭州市西湖区市场监督管理局", "区市场监管局"),
    ("區住房和城鄉建設局", "区住建局"),
    ("区城市管理局", "区城管局"),
    ("区自然资源和规划局", "区资规局"),
    ("区自然资源和规划局", "区自然资源局"),
    ("区农业局", "区农业农村局"),
    ("区文化和旅游局", "区文广旅局"),
    ("区卫生健康局", "区卫健局"),
    ("区大数据发展管理局", "区大数据局"),
    ("区综合行政执法局", "区综合执法局"),
    ("区人民政府办公室", "区政府办"),
    ("中国共产党测试区委员会办公室", "区委办"),
    ("共青团测试区委", "团区委"),
    ("区残疾人联合会", "区残联"),
    ("东湖街道办事处", "东湖街道"),
    ("区公共资源交易中心", "区公共资源交易服务中心"),  # not in the table: a near match
]
DIFFERENT = [
    ("区教育局", "区体育局"),
    ("市住建局", "区住建局"),
    ("东湖街道", "西湖街道"),
    ("区第一人民医院", "区第二人民医院"),
    ("区发改局", "区财政局"),
    ("区科技局", "区科协"),
]


@pytest.mark.parametrize(("name", "other"), SAME)
def test_it_tells_spellings_of_one_body(name, other):
    assert likely_same(name, other)
    assert likely_same(other, name)


@pytest.mark.parametrize(("name", "other"), DIFFERENT)
def test_it_keeps_different_bodies_apart(name, other):
    assert not likely_same(name, other)


def test_a_key_keeps_the_level_and_drops_the_place():
    assert name_key("杭州市西湖区住房和城乡建设局") == ("区", "住建局")
    assert name_key("市场监督管理局") == ("", "市场监管局")
    assert name_key("区城市更新局") == ("区", "城市更新局")


def test_it_proposes_the_known_unit_for_a_new_name_only_when_one_fits():
    known = {"区住建局": "区住建局", "区教育局": "区教育局", "住建局": "区住建局"}
    new = ["区住房和城乡建设局", "区体育局", "相关单位", "区科技局"]
    assert propose(new, known) == {"区住房和城乡建设局": "区住建局"}


def test_it_proposes_nothing_when_two_known_units_fit():
    known = {"区住建局": "区住建局", "区住房和城乡建设局": "区城建中心"}
    assert propose(["区住房城乡建设局"], known) == {}
