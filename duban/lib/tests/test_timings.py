import pytest

from duban.lib.timings import ms, percentile


def test_the_p95_of_twenty_samples_is_the_nineteenth_smallest():
    samples = [float(n) for n in range(20, 0, -1)]
    assert percentile(samples, 0.95) == 19.0
    assert percentile(samples, 0.5) == 10.0


def test_the_p95_of_a_few_samples_is_the_largest_and_of_one_that_one():
    assert percentile([0.3, 0.1, 0.2], 0.95) == 0.3
    assert percentile([0.4], 0.95) == 0.4


def test_no_samples_have_no_percentile():
    with pytest.raises(ValueError, match="no samples"):
        percentile([], 0.95)


def test_seconds_read_as_milliseconds_to_one_decimal():
    assert ms(0.01234) == 12.3
