"""Every claim value as an interval on one axis, so that two claims disagree exactly when
their intervals cannot both hold.

Axes: times in minutes (absolute, from the Julian Day Number, when the day is known; else
minutes of the day), dates in Gregorian day numbers, counts as numbers. Tolerances, documented
in docs/verdicts.md:
- "about" widens a time by ABOUT_MINUTES, a date by ABOUT_DAYS, a count by ABOUT_FRACTION;
- "before"/"at_most" open the low end, "after"/"at_least" the high end;
- a range is its two ends.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from checker.normalize.calendars import CalendarDate

ABOUT_MINUTES = 20
ABOUT_DAYS = 1
ABOUT_FRACTION = 0.15
INF = math.inf


@dataclass(frozen=True, order=True)
class Interval:
    low: float
    high: float

    def __post_init__(self) -> None:
        if self.low > self.high:
            raise ValueError(f"empty interval [{self.low}, {self.high}]")

    def overlaps(self, other: "Interval") -> bool:
        """Whether both can hold at once.

        >>> Interval(1, 3).overlaps(Interval(3, 5)), Interval(1, 2).overlaps(Interval(3, 4))
        (True, False)
        """
        return self.low <= other.high and other.low <= self.high

    def gap(self, other: "Interval") -> float:
        """Distance between the nearest ends; 0 when they overlap.

        >>> Interval(1, 2).gap(Interval(5, 9))
        3
        """
        if self.overlaps(other):
            return 0
        return other.low - self.high if self.high < other.low else self.low - other.high

    def widen(self, by: float) -> "Interval":
        return Interval(self.low - by, self.high + by)

    @property
    def is_point(self) -> bool:
        return self.low == self.high


def shaped(low: float, high: float, approx: str, about: float) -> Interval:
    """The interval a qualifier allows around [low, high].

    >>> shaped(120, 120, "before", 20)
    Interval(low=-inf, high=120)
    """
    if approx == "about":
        return Interval(low - about, high + about)
    if approx in ("before", "at_most"):
        return Interval(-INF, high)
    if approx in ("after", "at_least"):
        return Interval(low, INF)
    return Interval(low, high)


def claim_interval(claim, *, absolute_time: bool = True, on_utc: bool = False) -> Interval | None:
    """The interval a claim's value allows, or None for a choice claim. With `on_utc`, a time
    whose clock's offset is known is read on UTC."""
    if claim.kind == "time":
        lo = claim.low if claim.low is not None else _minutes(claim.value)
        hi = claim.high if claim.high is not None else _minutes(claim.value)
        if lo > hi:
            # A range across midnight ("from 11 p.m. to 1 a.m."): each end, dated its own day,
            # reaches to the other over midnight, so both give the same span.
            lo, hi = (lo - 1440, hi) if _minutes(claim.value) == hi else (lo, hi + 1440)
        base = 0
        if absolute_time and claim.date:
            base = CalendarDate.parse(claim.gregorian_date or claim.date, "gregorian" if claim.gregorian_date else claim.date_calendar).jdn() * 1440
        if on_utc and claim.utc_offset is not None:
            base -= claim.utc_offset
        return shaped(base + lo, base + hi, claim.approx, ABOUT_MINUTES)
    if claim.kind == "date":
        # Unmarked, the written day is read at face value: 1900-02-29 exists only in Julian.
        day = _day(claim.gregorian, "gregorian") if claim.gregorian else _day(claim.value, claim.calendar)
        end = _day(claim.end, claim.calendar) if claim.end else day
        return shaped(day, max(day, end), claim.approx, ABOUT_DAYS)
    if claim.kind == "count":
        lo, hi = claim.value.low, claim.value.high
        if lo is None and hi is None:
            return None
        if claim.approx == "about" and lo is not None and hi is not None:
            return Interval(lo * (1 - ABOUT_FRACTION), hi * (1 + ABOUT_FRACTION))
        return Interval(-INF if lo is None else lo, INF if hi is None else hi)
    return None


def _minutes(hhmm: str) -> int:
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def _day(iso: str, calendar: str) -> int:
    return CalendarDate.parse(iso, calendar if calendar in ("julian", "gregorian") else "unspecified").jdn()
