"""The progress bar and the closing line of the batch commands (refresh-status, remind, escalate)."""

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


class Bar:
    """Counts the work done; shows it on a terminal, and keeps the lines to print after it."""

    def __init__(self, progress: Progress | None, label: str, total: int):
        self.progress = progress
        self.task = progress.add_task(label, total=total) if progress else None
        self.lines: list[str] = []

    def advance(self, done: int = 1) -> None:
        if self.progress is not None:
            self.progress.advance(self.task, done)

    def say(self, line: str) -> None:
        """A line of the command's listing, printed once the bar is gone."""
        self.lines.append(line)


@contextmanager
def progress_bar(stdout, label: str, total: int) -> Iterator[Bar]:
    """A bar with the elapsed time on stderr while stdout is a terminal; quiet for cron.

    The listing the command gathered with `Bar.say` goes to stdout after the bar, so the two
    never overwrite each other.
    """
    if not stdout.isatty():
        bar = Bar(None, label, total)
        yield bar
    else:
        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        )
        with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
            bar = Bar(progress, label, total)
            yield bar
    for line in bar.lines:
        stdout.write(line)


def closing_line(summary: str, seconds: float) -> str:
    """The command's last line: what it did, counted, and how long it took."""
    return f"{summary}（用时 {seconds:.1f} 秒）"
