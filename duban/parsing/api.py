"""Parsing a notice file into its dataclasses (model.py), or the `duban.notice/1` dict."""

import hashlib
from pathlib import Path

from duban.parsing.deadlines import date_deadlines
from duban.parsing.errors import NO_FILE, TOO_LARGE, ParseError
from duban.parsing.model import ParsedNotice, Source
from duban.parsing.readers import read
from duban.parsing.refusal import refuse_without_tasks
from duban.parsing.schema import from_json, to_json
from duban.parsing.script import as_printed, simplified
from duban.parsing.structure import assemble

# Notices are a few hundred KB; refuse before reading anything this big into memory.
MAX_FILE_SIZE = 50 * 1024 * 1024


def parse_file(path: str | Path) -> dict:
    """Parse the notice at `path`; ParseError if it is missing, too big or unreadable."""
    path = Path(path)
    try:
        if path.is_dir():
            raise ParseError("is a directory, not a notice file", NO_FILE)
        _check_size(path.stat().st_size)
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ParseError("no such file", NO_FILE) from exc
    except OSError as exc:
        raise ParseError(f"cannot read the file: {exc.strerror}", NO_FILE) from exc
    return parse_bytes(data, path.name)


def parse_bytes(
    data: bytes, filename: str, roles: dict[int, list[str | None]] | None = None
) -> dict:
    """`parse_notice` as the `duban.notice/1` dict that `duban parse` prints."""
    return to_json(parse_notice(data, filename, roles))


def parse_notice(
    data: bytes, filename: str, roles: dict[int, list[str | None]] | None = None
) -> ParsedNotice:
    """Parse a notice's bytes; `filename` names the source and breaks format ties.

    `roles` sets the column roles of tables by number (layout.ROLES), as the office corrected.
    """
    _check_size(len(data))
    document = simplified(read(data, filename))
    parsed = assemble(document, roles)
    refuse_without_tasks(document, parsed)
    if document.printed:
        parsed = from_json(as_printed(parsed.to_dict(), document.printed))
    # The reader's warnings quote the file as printed already.
    parsed.warnings = document.warnings + parsed.warnings
    parsed.source = Source(
        filename=filename,
        format=document.format,
        sha256=hashlib.sha256(data).hexdigest(),
        pages=document.pages,
    )
    return date_deadlines(parsed)


def _check_size(size: int) -> None:
    if size > MAX_FILE_SIZE:
        raise ParseError(
            f"file too large: {size // 2**20} MB (limit {MAX_FILE_SIZE // 2**20} MB); "
            "a notice is far smaller",
            TOO_LARGE,
        )
