"""The one error the parser raises for a file it cannot read, with why as a code."""

# Why a file cannot be read; interfaces in other languages explain each in their own words.
EMPTY = "empty"
LEGACY_OFFICE = "legacy_office"  # .doc/.xls, or an Office file with a password
UNSUPPORTED = "unsupported"  # RTF, OpenDocument, other archives, binary content
DAMAGED = "damaged"  # damaged or truncated
ENCRYPTED = "encrypted"
ZIP_BOMB = "zip_bomb"
SCANNED = "scanned"  # a PDF without a text layer
TOO_LARGE = "too_large"
NO_FILE = "no_file"  # missing, a directory, or not readable
NO_TASKS = "no_tasks"  # read, but no row names a unit or leader: not a notice of the genre


class ParseError(Exception):
    """A file the parser cannot read: a one-line explanation for the user, and its `code`."""

    def __init__(self, message: str, code: str = DAMAGED, seen: dict | None = None):
        super().__init__(message)
        self.code = code
        # What a readable file held instead of tasks (no_tasks): tables, headings, paragraphs.
        self.seen = seen
