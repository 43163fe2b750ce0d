from django.test import SimpleTestCase

from duban.parsing.numerals import chinese_number


class ChineseNumberTestCase(SimpleTestCase):
    def test_it_reads_numerals_with_units(self):
        cases = {"十": 10, "十二": 12, "二十一": 21, "两千三": 2300, "三千五百": 3500, "百": 100}
        for text, value in cases.items():
            with self.subTest(text=text):
                self.assertEqual(chinese_number(text), value)

    def test_a_run_of_digits_reads_digit_by_digit_as_years_are_printed(self):
        for text in ("二〇二二", "二○二二", "二Ｏ二二"):
            with self.subTest(text=text):
                self.assertEqual(chinese_number(text), 2022)

    def test_a_run_of_digits_is_no_quantity(self):
        self.assertIsNone(chinese_number("一二", digit_by_digit=False))
        self.assertEqual(chinese_number("一百零五", digit_by_digit=False), 105)

    def test_arabic_digits_pass_through(self):
        self.assertEqual(chinese_number("7"), 7)

    def test_what_is_no_whole_number_is_none(self):
        for text in ("", "百分", "十五点五", "二十〇"):
            with self.subTest(text=text):
                self.assertIsNone(chinese_number(text))
