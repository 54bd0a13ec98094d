"""What a language pack's rules report: a raw hit, before context fills in years, dates and topics."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Found:
    """One hit of a rule. Spans index the source text; only the fields of its kind are set.

    time:  minutes (0-1439) or relative_minutes (from the previous time), low/high for a range.
    date:  day, month and year (None when the text omits it) or relative_days (from the
           previous date); calendar when the text marks it; gregorian (y, m, d) for a dual date;
           end (y, m, d) for a range's far end.
    count: low/high (None for an open end), counted (the noun as written) and unit.
    """

    kind: str
    start: int
    end: int
    approx: str = "exact"
    minutes: int | None = None
    relative_minutes: int | None = None
    low: float | None = None
    high: float | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    relative_days: int | None = None
    # A date named by its weekday alone ("on Saturday"): 0 Monday … 6 Sunday.
    weekday: int | None = None
    # The last day of a span named by weekdays ("del jueves al sábado"), 0 Monday … 6 Sunday.
    end_weekday: int | None = None
    calendar: str | None = None
    gregorian: tuple[int, int, int] | None = None
    end_date: tuple[int | None, int, int] | None = None
    counted: str | None = None
    unit: str | None = None
    # Night narrative hint for a time: "de la madrugada", "ночи", "a.m." after midnight.
    small_hours: bool = False
    # A time read off a 12-hour clock with no period of day ("at 4 o'clock", "hacia las cinco"):
    # it may be 12 hours later, which the times before it decide (checker/extract/resolve.py).
    twelve_hour: bool = False
    # The clock a time is told on, when the text names it ("05:30 UTC"; checker/extract/zones.py).
    zone: str | None = None
    # Minutes east of UTC of a local clock, when the text gives its reading on UTC beside it.
    utc_offset: int | None = None
    # A date told right after a report verb ("said on Tuesday"): the day of the telling, which
    # does not move the narrative's day (checker/extract/report_days.py).
    report_day: bool = False

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    def same_range(self, other: "Found") -> bool:
        """Whether two time hits are the two ends of one range ("entre las 7:37 y las 7:40"),
        which a rule reports as two hits with the range's bounds.

        >>> Found("time", 0, 4, approx="range", low=457, high=460).same_range(Found("time", 9, 13, approx="range", low=457, high=460))
        True
        """
        return self.kind == other.kind == "time" and self.approx == other.approx == "range" and (self.low, self.high) == (other.low, other.high)
