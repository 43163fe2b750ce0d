"""Options the supervision commands share."""

from datetime import date


def add_date_option(parser) -> None:
    """`--date YYYY-MM-DD`, read as `on` (None: today), to replay or preview a day."""
    parser.add_argument(
        "--date",
        dest="on",
        type=date.fromisoformat,
        default=None,
        help="act as if today were YYYY-MM-DD",
    )
