from datetime import date
from decimal import Decimal

from duban.lib.text import clip, metric_key, plain_number, spoken_date


def test_metric_key_drops_spaces_and_widens_nothing():
    assert metric_key(" 地区生产 总值 ") == "地区生产总值"
    assert metric_key("PCR 实验室") == "PCR实验室"


def test_metric_key_folds_full_width_letters_and_brackets():
    assert metric_key("ＧＤＰ（现价）") == "GDP(现价)"


def test_metric_key_of_nothing_is_empty():
    assert metric_key("") == ""


def test_plain_number_drops_trailing_zeros():
    assert plain_number(Decimal("8.5000")) == "8.5"
    assert plain_number(Decimal("60.0000")) == "60"
    assert plain_number(8.50745) == "8.51"
    assert plain_number(Decimal("1E+2")) == "100"
    assert plain_number(Decimal("-0.001")) == "0"


def test_spoken_date_leaves_out_the_current_year():
    assert spoken_date(date(2022, 9, 10), date(2022, 12, 31)) == "9月10日"


def test_spoken_date_names_another_year():
    assert spoken_date(date(2021, 12, 31), date(2022, 1, 1)) == "2021年12月31日"


def test_clip_keeps_a_text_that_fits():
    assert clip("推进老旧小区改造", 8) == "推进老旧小区改造"


def test_clip_ends_a_longer_text_in_an_ellipsis_within_the_length():
    assert clip("推进老旧小区改造", 7) == "推进老旧小区…"
