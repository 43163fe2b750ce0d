from django.test import SimpleTestCase

from duban.ledger.choices import UnitKind
from duban.ledger.names import (
    canonical_names,
    infer_kind,
    is_placeholder,
    normalise_name,
    split_suffix,
)


class NormaliseNameTestCase(SimpleTestCase):
    def test_it_folds_half_width_brackets_to_full_width(self):
        self.assertEqual(
            normalise_name("区府办(区大数据发展管理局)"), "区府办（区大数据发展管理局）"
        )

    def test_it_folds_straight_quotes_to_chinese_ones(self):
        self.assertEqual(normalise_name('区府办(区"两个健康"办)'), "区府办（区“两个健康”办）")

    def test_it_removes_stray_spaces(self):
        self.assertEqual(normalise_name(" 区 交通运输局 "), "区交通运输局")
        self.assertEqual(
            normalise_name("区府办 （ 区大数据发展管理局 ）"), "区府办（区大数据发展管理局）"
        )

    def test_it_keeps_spaces_between_latin_words(self):
        self.assertEqual(normalise_name("区 IT Center"), "区IT Center")

    def test_it_drops_the_lead_marker(self):
        self.assertEqual(normalise_name("区发改局 *"), "区发改局")
        self.assertEqual(normalise_name("区发改局＊"), "区发改局")

    def test_it_folds_full_width_digits(self):
        self.assertEqual(normalise_name("第２中心"), "第2中心")


class SplitSuffixTestCase(SimpleTestCase):
    def test_it_splits_a_trailing_bracket(self):
        self.assertEqual(
            split_suffix("区府办（区大数据发展管理局）"), ("区府办", "区大数据发展管理局")
        )
        self.assertEqual(split_suffix("区府办(区“两个健康”办)"), ("区府办", "区“两个健康”办"))

    def test_it_ignores_names_without_a_trailing_bracket(self):
        self.assertIsNone(split_suffix("区发改局"))
        self.assertIsNone(split_suffix("（筹）区发改局"))


class CanonicalNamesTestCase(SimpleTestCase):
    def test_a_bracket_is_an_alias_when_the_notice_prints_the_base_bare(self):
        names = canonical_names(["区财政局", "区财政局（区国资办）"])
        self.assertEqual(names["区财政局（区国资办）"], ("区财政局", "区国资办"))
        self.assertEqual(names["区财政局"], ("区财政局", ""))

    def test_a_bracket_is_an_alias_when_the_registry_knows_the_base(self):
        names = canonical_names(["区应急管理局（区防汛办）"], known=["区应急管理局"])
        self.assertEqual(names["区应急管理局（区防汛办）"], ("区应急管理局", "区防汛办"))

    def test_two_different_brackets_on_one_base_are_aliases_of_it(self):
        names = canonical_names(["区府办（区大数据发展管理局）", "区府办(区“两个健康”办)"])
        self.assertEqual(names["区府办（区大数据发展管理局）"][0], "区府办")
        self.assertEqual(names["区府办（区“两个健康”办）"][0], "区府办")

    def test_a_lone_bracketed_name_stays_whole(self):
        names = canonical_names(["区委组织部（区人才办）", "区教育局"])
        self.assertEqual(names["区委组织部（区人才办）"], ("区委组织部（区人才办）", ""))

    def test_a_name_the_registry_knows_is_kept_as_it_is(self):
        names = canonical_names(
            ["区委组织部（区人才办）", "区委组织部"], known=["区委组织部（区人才办）"]
        )
        self.assertEqual(names["区委组织部（区人才办）"], ("区委组织部（区人才办）", ""))


class PlaceholderTestCase(SimpleTestCase):
    def test_it_recognises_placeholders(self):
        for name in [
            "相关街镇",
            "各相关单位",
            "各街镇",
            "各街道",
            "有关部门",
            "区新冠肺炎疫情防控领导小组其他成员单位",
            "区级各有关单位",
        ]:
            with self.subTest(name=name):
                self.assertTrue(is_placeholder(name))

    def test_it_does_not_take_units_for_placeholders(self):
        for name in ["区发改局", "五马街道", "区委组织部（区人才办）", "区政务服务中心"]:
            with self.subTest(name=name):
                self.assertFalse(is_placeholder(name))


class InferKindTestCase(SimpleTestCase):
    def test_it_infers_kinds_from_generic_patterns(self):
        cases = {
            "五马街道": UnitKind.SUBDISTRICT,
            "藤桥镇": UnitKind.TOWN,
            "市生态环境局鹿城分局": UnitKind.MUNICIPAL_BRANCH,
            "区公安分局": UnitKind.MUNICIPAL_BRANCH,
            "区消防救援大队": UnitKind.MUNICIPAL_BRANCH,
            "区委宣传部": UnitKind.PARTY_BODY,
            "区委组织部（区人才办）": UnitKind.PARTY_BODY,
            "团区委": UnitKind.PARTY_BODY,
            "某街道党工委": UnitKind.PARTY_BODY,
            "区国资经营集团": UnitKind.STATE_COMPANY,
            "区城发公司": UnitKind.STATE_COMPANY,
            "区残联": UnitKind.MASS_ORGANISATION,
            "区科协": UnitKind.MASS_ORGANISATION,
            "区妇联": UnitKind.MASS_ORGANISATION,
            "区发改局": UnitKind.DISTRICT_DEPARTMENT,
            "区府办（区大数据发展管理局）": UnitKind.DISTRICT_DEPARTMENT,
            "区政务服务中心": UnitKind.DISTRICT_DEPARTMENT,
            "区金融办": UnitKind.DISTRICT_DEPARTMENT,
            "相关街镇": UnitKind.PLACEHOLDER,
            "某某": UnitKind.OTHER,
            # The same rules in a city's or a county's notice.
            "市委宣传部（市新闻出版局）": UnitKind.PARTY_BODY,
            "县委政法委": UnitKind.PARTY_BODY,
            "团市委": UnitKind.PARTY_BODY,
            "市发展改革委": UnitKind.DISTRICT_DEPARTMENT,
            "县妇联": UnitKind.MASS_ORGANISATION,
            "人行台州市中心支行": UnitKind.MUNICIPAL_BRANCH,
            "温州海关": UnitKind.MUNICIPAL_BRANCH,
            "国网台州供电公司": UnitKind.STATE_COMPANY,
        }
        for name, kind in cases.items():
            with self.subTest(name=name):
                self.assertEqual(infer_kind(name), kind)
