"""Dates written in figures. Year first ("2022-02-24", ISO 8601's order; "2022/2/24") reads the
same in every language. Day and month first depend on the language: Spanish and Russian write
the day first ("24/02/2022", "24.02.2022"); English writes either, so "24/02/2022" and
"2/24/2022" are read, and "04/02/2022" (4 February or 2 April) is not."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.common import Anchored
from checker.extract.found import Found
from checker.normalize.calendars import is_valid

# One separator used twice, a year of four digits, no figure glued on either side.
_NUMERIC_DATE = regex.compile(
    r"(?<![\d/.,-])(?:(?P<y0>[12]\d{3})(?P<sep0>[-/.])(?P<m0>[01]?\d)(?P=sep0)(?P<d0>[0-3]?\d)"
    r"|(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>[12]\d{3}))(?![\d/.,-]?\d)"
)
# What the first of two figures before the year is, by the language's habit.
DAY_FIRST, DAY_OR_MONTH_FIRST = "day", "day or month"


class NumericDateRule:
    """Year-first dates, and with `first` the day-month-year ones of a language.

    >>> [(f.year, f.month, f.day) for f in NumericDateRule(DAY_FIRST)("el 24/02/2022, no 31/02/2022 ni 1.2.33, 2022-02-25")]
    [(2022, 2, 24), (2022, 2, 25)]
    >>> [(f.year, f.month, f.day) for f in NumericDateRule(DAY_OR_MONTH_FIRST)("24/02/2022, 2/24/2022, 04/02/2022, 5/5/2022")]
    [(2022, 2, 24), (2022, 2, 24), (2022, 5, 5)]
    >>> [f.day for f in NumericDateRule(None)("24.02.2022 and 2022-02-24")]
    [24]
    """

    def __init__(self, first: str | None):
        if first not in (DAY_FIRST, DAY_OR_MONTH_FIRST, None):
            raise ValueError(f"first: {DAY_FIRST!r}, {DAY_OR_MONTH_FIRST!r} or None, not {first!r}")
        self.first = first
        self.scan = Anchored(_NUMERIC_DATE, set(), 0)

    def __call__(self, text: str) -> Iterator[Found]:
        for m in self.scan.finditer(text):
            if m.group("y0"):
                year, month, day = int(m.group("y0")), int(m.group("m0")), int(m.group("d0"))
            elif self.first is None:
                continue
            else:
                year, a, b = int(m.group("y")), int(m.group("a")), int(m.group("b"))
                month, day = self._month_day(a, b)
            if month is not None and is_valid(year, month, day, "unspecified"):
                yield Found("date", m.start(), m.end(), year=year, month=month, day=day)

    def _month_day(self, a: int, b: int) -> tuple[int | None, int]:
        """(month, day) of the two figures before the year; month None when they cannot be told."""
        if self.first == DAY_FIRST or a > 12 >= b or a == b:
            return b, a
        if b > 12 >= a:
            return a, b
        return None, a
