"""The notice parser: a plain library, no Django. `parse_file(path)` is the entry point."""

from duban.parsing.errors import ParseError

__all__ = ["ParseError", "from_json", "parse_bytes", "parse_file", "parse_notice", "to_json"]


def __getattr__(name: str):
    # The apps load small helpers of the package (numerals, text) at start-up; the readers
    # behind parse_bytes and parse_file take a second to import, so they load on first use.
    if name in ("parse_bytes", "parse_file", "parse_notice"):
        from duban.parsing import api

        return getattr(api, name)
    if name in ("from_json", "to_json"):
        from duban.parsing import schema

        return getattr(schema, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
