from duban.lib.textsim import has_figures, normalise, similarity


def test_normalise_drops_spaces_and_punctuation_of_both_widths():
    assert normalise("完成 投资，5 亿元。") == normalise("完成投资,5亿元.")


def test_similarity_is_one_for_the_same_text_with_other_punctuation():
    assert similarity("项目有序推进。", "项目有序推进") == 1.0


def test_similarity_is_zero_when_a_text_is_empty():
    assert similarity("", "项目有序推进") == 0.0
    assert similarity(None, "项目有序推进") == 0.0


def test_similarity_is_low_for_different_texts():
    assert similarity("召开协调会三次，签约项目两个", "完成征地 120 亩，启动招标") < 0.5


def test_has_figures_finds_arabic_and_full_width_digits():
    assert has_figures("完成投资 5 亿元")
    assert has_figures("完成投资５亿元")


def test_has_figures_finds_counted_chinese_numerals():
    assert has_figures("召开协调会三次")
    assert has_figures("新增企业十五家")


def test_has_figures_ignores_text_without_numbers():
    assert not has_figures("各项工作有序推进")
    assert not has_figures("统一思想，一以贯之")
