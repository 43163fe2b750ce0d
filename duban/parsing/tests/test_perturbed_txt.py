"""The reference .txt still parses to the gold when it is laid out the way real copies are."""

import re
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from duban.parsing.readers.txt import read_txt
from duban.parsing.structure import assemble
from duban.parsing.tests.gold import differences, load_gold, report, rows_from_parsed
from duban.parsing.text import fold

REFERENCE = "000_de8080339d2f7ae4"
# The punctuation that copies print either full-width or ASCII.
SWAPS = str.maketrans({"（": "(", "）": ")", "，": ",", "：": ":"})
HEADER = re.compile(r"^序号\t")


@cache
def _reference(seed_dir) -> tuple[list[str], list[dict]]:
    text = (seed_dir / f"{REFERENCE}.txt").read_text(encoding="utf-8")
    return text.split("\n"), load_gold(seed_dir / f"{REFERENCE}.gold.json")["tasks"]


def _wrap_cell(line: str, position: int) -> str:
    """Break the row inside a cell after the 序号, as a cell's own line break would."""
    spots = [
        i
        for i in range(line.find("\t") + 2, len(line))
        if not {"\t", "\n"} & set(line[i - 1 : i + 1])
    ]
    if not spots:
        return line
    spot = spots[position % len(spots)]
    return line[:spot] + "\n" + line[spot:]


def _pad_unit(line: str, position: int) -> str:
    """Put a stray space inside the name of a unit, after the text cell."""
    cells = line.split("\t")
    if len(cells) < 3 or len(cells[2]) < 2:
        return line
    cell = cells[2]
    spot = 1 + position % (len(cell) - 1)
    cells[2] = cell[:spot] + " " + cell[spot:]
    return "\t".join(cells)


def _perturb(lines: list[str], edits: list[tuple[int, int, int]], swap: bool) -> str:
    rows = [i for i, line in enumerate(lines) if "\t" in line and not HEADER.match(line)]
    changed = list(lines)
    for kind, which, position in edits:
        index = rows[which % len(rows)]
        header = next(line for line in reversed(lines[:index]) if HEADER.match(line))
        if kind == 0:
            changed[index] = _wrap_cell(changed[index], position)
        elif kind == 1:
            changed[index] = _pad_unit(changed[index], position)
        else:
            gap = "\n" if position % 2 else ""
            changed[index] = f"{gap}{header}\n{changed[index]}"
    text = "\n".join(changed)
    return text.translate(SWAPS) if swap else text


EDITS = st.lists(
    st.tuples(st.integers(0, 2), st.integers(0, 10_000), st.integers(0, 10_000)), max_size=12
)


@settings(max_examples=30, deadline=None)
@given(edits=EDITS, swap=st.booleans())
def test_it_reads_the_gold_rows_from_perturbed_copies(seed_dir, edits, swap):
    lines, gold = _reference(seed_dir)
    parsed = assemble(read_txt(_perturb(lines, edits, swap).encode())).to_dict()
    found = differences(rows_from_parsed(parsed), gold, normalise=fold if swap else None)
    assert not found, report(found)
