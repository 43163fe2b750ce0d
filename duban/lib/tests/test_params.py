import pytest

from duban.lib.params import MAX_ID, YearConverter, parse_count, parse_id


@pytest.mark.parametrize(
    "value", ["²", "٣", "１２", "-1", "0", "1e3", "", " 1", "\x00", None, str(MAX_ID + 1), "9" * 30]
)
def test_parse_id_refuses_what_no_id_column_holds(value):
    assert parse_id(value) is None


def test_parse_id_reads_ascii_ids():
    assert parse_id("42") == 42
    assert parse_id(str(MAX_ID)) == MAX_ID


def test_parse_count_takes_zero_and_refuses_non_ascii_digits():
    assert parse_count("0") == 0
    assert parse_count("²") is None
    assert parse_count("11", maximum=10) is None


@pytest.mark.parametrize("value", ["0000", "1899", "2101", "9999"])
def test_a_year_outside_the_range_does_not_match(value):
    with pytest.raises(ValueError):
        YearConverter().to_python(value)


def test_a_year_in_range_matches():
    assert YearConverter().to_python("2022") == 2022
