"""Parsing a notice file into the `duban.notice/1` dict (spec/notice.schema.json)."""

import hashlib
from pathlib import Path

from duban.parsing.errors import NO_FILE, TOO_LARGE, ParseError
from duban.parsing.readers import read
from duban.parsing.refusal import refuse_without_tasks
from duban.parsing.script import as_printed, simplified
from duban.parsing.structure import assemble

SCHEMA = "duban.notice/1"
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
    """Parse a notice's bytes; `filename` names the source and breaks format ties.

    `roles` sets the column roles of tables by number (layout.ROLES), as the office corrected.
    """
    _check_size(len(data))
    document = simplified(read(data, filename))
    assembled = assemble(document, roles)
    refuse_without_tasks(document, assembled)
    parsed = as_printed(assembled.to_dict(), document.printed)
    return {
        "schema": SCHEMA,
        "source": {
            "filename": filename,
            "format": document.format,
            "sha256": hashlib.sha256(data).hexdigest(),
            "pages": document.pages,
        },
        "notice": parsed["notice"],
        "plans": parsed["plans"],
        "warnings": [w.to_dict() for w in document.warnings] + parsed["warnings"],
        "layouts": parsed["layouts"],
    }


def _check_size(size: int) -> None:
    if size > MAX_FILE_SIZE:
        raise ParseError(
            f"file too large: {size // 2**20} MB (limit {MAX_FILE_SIZE // 2**20} MB); "
            "a notice is far smaller",
            TOO_LARGE,
        )
