"""The one error the parser raises for a file it cannot read."""


class ParseError(Exception):
    """A file the parser cannot read; the message is a one-line explanation for the user."""
