"""`python -m duban.parsing FILE`: the notice's JSON, without starting Django.

`duban parse` is the command for people (tables, --explain); this one is for scripts that
parse many files, such as the devset's scorer, and pay Django's start-up for none of them.
"""

import argparse
import sys

from duban.parsing import ParseError, parse_file
from duban.parsing.render import render_json


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m duban.parsing", description=__doc__)
    parser.add_argument("file", help="the notice file (.txt, .docx, .pdf or .xlsx)")
    parser.add_argument("--format", choices=["json"], default="json")
    options = parser.parse_args(argv)
    try:
        result = parse_file(options.file)
    except ParseError as exc:
        sys.stderr.write(f"{options.file}: {' '.join(str(exc).split())}\n")
        return 2
    sys.stdout.write(render_json(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
