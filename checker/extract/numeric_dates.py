"""Dates written in figures, day first: "24/02/2022", "24-02-2022", "24.02.2022". For packs
whose language writes the day first; English "04/02/2022" could be either, so it has none."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.common import Anchored
from checker.extract.found import Found
from checker.normalize.calendars import is_valid

# One separator used twice, a year of four digits, no figure glued on either side.
_DAY_FIRST = regex.compile(r"(?<![\d/.,-])(?P<d>[0-3]?\d)(?P<sep>[/.-])(?P<m>[01]?\d)(?P=sep)(?P<y>[12]\d{3})(?![\d/.,-]?\d)")


class DayFirstDateRule:
    """
    >>> [(f.year, f.month, f.day) for f in DayFirstDateRule()("el 24/02/2022, no 31/02/2022 ni 1.2.33")]
    [(2022, 2, 24)]
    """

    def __init__(self):
        self.scan = Anchored(_DAY_FIRST, set(), 0)

    def __call__(self, text: str) -> Iterator[Found]:
        for m in self.scan.finditer(text):
            day, month, year = int(m.group("d")), int(m.group("m")), int(m.group("y"))
            if is_valid(year, month, day, "unspecified"):
                yield Found("date", m.start(), m.end(), year=year, month=month, day=day)
