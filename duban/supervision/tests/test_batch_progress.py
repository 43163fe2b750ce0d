"""The batch commands' bar: drawn on a terminal, absent for cron, the listing printed after it."""

import io

from duban.supervision.management.progress import closing_line, progress_bar


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_without_a_terminal_only_the_listing_is_written():
    out = io.StringIO()
    with progress_bar(out, "计算督办状态", 3) as bar:
        bar.advance(2)
        bar.say("第一行")
        bar.advance()
    assert out.getvalue() == "第一行"
    assert bar.progress is None


def test_on_a_terminal_the_bar_counts_the_work_and_the_listing_follows_it():
    out = Terminal()
    with progress_bar(out, "计算督办状态", 3) as bar:
        bar.advance(2)
        bar.say("第一行")
        assert bar.progress.tasks[0].completed == 2
        assert out.getvalue() == ""
    assert out.getvalue() == "第一行"


def test_the_closing_line_gives_the_seconds_to_a_tenth():
    assert closing_line("已升级 2 份督办单。", 12.34) == "已升级 2 份督办单。（用时 12.3 秒）"
