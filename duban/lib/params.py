"""Parsing ids and numbers out of request parameters: ASCII digits in the database's range.

`str.isdigit()` and `int()` accept ², ٣ and numbers no column holds; these do not.
"""

import re

from django import forms
from django.core.exceptions import ValidationError

# The largest value of a 64-bit signed integer column (BigAutoField, PositiveIntegerField).
MAX_ID = 2**63 - 1
_DIGITS = re.compile(r"[0-9]{1,19}")


def parse_id(value) -> int | None:
    """The positive id written in `value`, or None for anything else."""
    if not isinstance(value, str) or not _DIGITS.fullmatch(value):
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


def parse_count(value, maximum: int = MAX_ID) -> int | None:
    """The whole number ≥ 0 written in `value` (a version, a page), or None."""
    if not isinstance(value, str) or not _DIGITS.fullmatch(value):
        return None
    number = int(value)
    return number if number <= maximum else None


class IdChoiceField(forms.ModelChoiceField):
    """ModelChoiceField refusing, as an invalid choice, a key no id column can hold."""

    def to_python(self, value):
        if isinstance(value, str) and value and parse_id(value) is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """ModelMultipleChoiceField refusing, as an invalid choice, keys no id column can hold."""

    def _check_values(self, value):
        for key in value:
            if parse_id(str(key)) is None:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": key},
                )
        return super()._check_values(value)


class IdConverter:
    """A primary key in a URL: ASCII digits a key column can hold, else the URL does not match."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = parse_id(value)
        if number is None:
            raise ValueError(value)
        return number

    def to_url(self, value) -> str:
        return str(int(value))


class YearConverter:
    """A year in a URL: four ASCII digits between 1900 and 2100, else the URL does not match."""

    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        year = int(value)
        if not 1900 <= year <= 2100:
            raise ValueError(year)
        return year

    def to_url(self, value) -> str:
        return f"{int(value):04d}"
