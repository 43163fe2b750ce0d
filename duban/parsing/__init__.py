"""The notice parser: a plain library, no Django. `parse_file(path)` is the entry point."""

from duban.parsing.api import parse_bytes, parse_file
from duban.parsing.errors import ParseError

__all__ = ["ParseError", "parse_bytes", "parse_file"]
