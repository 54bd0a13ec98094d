"""Try a long pattern only where it can match. A rule's full pattern (qualifiers, cues, ranges,
marks) is slow to try at every position of a long unbroken Thai run; a cheap anchor (a digit, a
number word) finds the few places worth trying, and the pattern runs only around them."""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from checker.extract.numbers import ascii_digits

# Further than this from its anchor no part of a claim reaches (a qualifier and a cue before
# it, a mark, minutes or a classifier after it).
REACH = 48


def windows(anchor: regex.Pattern, text: str, reach: int = REACH) -> list[tuple[int, int]]:
    """Stretches of `text` within `reach` of an anchor hit, overlapping ones merged.

    >>> windows(regex.compile("[0-9]"), "ab1cdefgh2ij", 2)
    [(0, 5), (7, 12)]
    """
    run = _runs(anchor.pattern, anchor.flags, reach)
    return [(max(0, m.start() - reach), min(len(text), m.end() + reach)) for m in run.finditer(text)]


@lru_cache(maxsize=64)
def _runs(anchor: str, flags: int, reach: int) -> regex.Pattern:
    """One match a merged stretch: anchors no further apart than two reaches, found by the
    regex engine rather than by a Python loop over every anchor of a dense text."""
    return regex.compile(rf"(?:{anchor})(?:[\s\S]{{0,{2 * reach}}}?(?:{anchor}))*+", flags)


@lru_cache(maxsize=2)
def ascii_text(text: str) -> str:
    """The text with ASCII digits, offsets kept (numbers.ascii_digits), worked out once for all
    the rules that read one text.

    >>> ascii_text("๐๓.๑๐ น.")
    '03.10 น.'
    """
    return ascii_digits(text)


def near(rx: regex.Pattern, anchor: regex.Pattern, text: str, reach: int = REACH) -> Iterator[regex.Match]:
    """The matches of `rx` in `text` that lie near a hit of `anchor`, in text order.

    >>> [m.group() for m in near(regex.compile(r"x\\d+"), regex.compile(r"\\d"), "x12 y x3")]
    ['x12', 'x3']
    """
    for lo, hi in windows(anchor, text, reach):
        yield from rx.finditer(text, lo, hi)
