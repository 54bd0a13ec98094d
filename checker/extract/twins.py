"""Dual dates: one day written in the Julian calendar and again in the Gregorian, as in
"26 de octubrejul./ 8 de noviembregreg." or "25 October (O.S.; 7 November, N.S.)". Packs use
these to tell a Julian day and its twin from two dates that merely stand side by side."""
from __future__ import annotations

# The Gregorian day of a Julian date lies this many days later: 10 in 1582-1700 up to 13 in
# 1900-2100. The year may be unwritten, so every offset of those centuries passes.
TWIN_OFFSETS = range(10, 14)


def _day_of_year(month: int, day: int) -> int:
    """Days from 1 January in a common year, enough to compare two days a few weeks apart.

    >>> _day_of_year(10, 25), _day_of_year(11, 7)
    (298, 311)
    """
    starts = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
    return starts[month - 1] + day


def twin_gap(first: tuple[int, int], second: tuple[int, int]) -> int:
    """Days from the first (month, day) to the second, across a new year if needed.

    >>> twin_gap((10, 25), (11, 7)), twin_gap((12, 23), (1, 5))
    (13, 13)
    """
    gap = _day_of_year(*second) - _day_of_year(*first)
    return gap + 365 if gap < -300 else gap


def are_twins(julian: tuple[int, int], gregorian: tuple[int, int]) -> bool:
    """Whether a (month, day) in the Julian calendar and one in the Gregorian can be one day.

    >>> are_twins((10, 25), (11, 7)), are_twins((10, 25), (11, 8)), are_twins((11, 7), (10, 25))
    (True, False, False)
    """
    return twin_gap(julian, gregorian) in TWIN_OFFSETS
