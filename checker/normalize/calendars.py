"""Calendar dates in the Julian and Gregorian calendars, without `datetime`.

`datetime.date` cannot hold Julian dates such as 1900-02-29, so a date here is three integers
and a calendar, converted through the Julian Day Number (JDN).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Calendar = Literal["julian", "gregorian", "unspecified"]

_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
MIN_YEAR, MAX_YEAR = 1, 9999


def is_leap(year: int, calendar: Calendar) -> bool:
    """Whether `year` has 29 February in `calendar`.

    >>> is_leap(1900, "julian"), is_leap(1900, "gregorian"), is_leap(2000, "gregorian")
    (True, False, True)
    """
    if calendar == "julian":
        return year % 4 == 0
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int, calendar: Calendar) -> int:
    """Length of a month; an unspecified calendar is read as Gregorian, Julian's superset
    aside from century leap days.

    >>> days_in_month(1900, 2, "julian"), days_in_month(1900, 2, "gregorian")
    (29, 28)
    """
    if month == 2 and is_leap(year, "julian" if calendar == "julian" else "gregorian"):
        return 29
    return _MONTH_DAYS[month - 1]


def is_valid(year: int, month: int, day: int, calendar: Calendar = "gregorian") -> bool:
    """Whether the triple names a real day of `calendar`.

    >>> is_valid(1900, 2, 29, "julian"), is_valid(1900, 2, 29, "gregorian")
    (True, False)
    """
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return False
    cal = "julian" if calendar == "julian" else "gregorian"
    if month == 2 and day == 29 and calendar == "unspecified":
        return is_leap(year, "julian")
    return 1 <= day <= days_in_month(year, month, cal)


def to_jdn(year: int, month: int, day: int, calendar: Calendar) -> int:
    """Julian Day Number of a date (the Fliegel & Van Flandern integer formulas).

    >>> to_jdn(1917, 10, 25, "julian") == to_jdn(1917, 11, 7, "gregorian")
    True
    """
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    jdn = day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    if calendar == "julian":
        return jdn
    return jdn - y // 100 + y // 400 + 38


def from_jdn(jdn: int, calendar: Calendar) -> tuple[int, int, int]:
    """The (year, month, day) of a Julian Day Number in `calendar`.

    >>> from_jdn(2421540, "gregorian"), from_jdn(2421540, "julian")
    ((1917, 11, 7), (1917, 10, 25))
    """
    if calendar == "julian":
        b, c = 0, jdn + 32082
    else:
        a = jdn + 32044
        b = (4 * a + 3) // 146097
        c = a - 146097 * b // 4
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    day = e - (153 * m + 2) // 5 + 1
    month = m + 3 - 12 * (m // 10)
    year = 100 * b + d - 4800 + m // 10
    return year, month, day


@dataclass(frozen=True, order=True)
class CalendarDate:
    """A day as written in a calendar.

    >>> CalendarDate(1917, 10, 25, "julian").to_gregorian().iso()
    '1917-11-07'
    """

    year: int
    month: int
    day: int
    calendar: Calendar = "unspecified"

    def __post_init__(self) -> None:
        if not is_valid(self.year, self.month, self.day, self.calendar):
            raise ValueError(f"{self.iso()} is not a day of the {self.calendar} calendar")

    def iso(self) -> str:
        """`YYYY-MM-DD` as written, in its own calendar."""
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def jdn(self) -> int:
        """The day's JDN; an unspecified calendar is taken at face value as Gregorian."""
        return to_jdn(self.year, self.month, self.day, "julian" if self.calendar == "julian" else "gregorian")

    def to_gregorian(self) -> "CalendarDate":
        return CalendarDate(*from_jdn(self.jdn(), "gregorian"), "gregorian")

    def to_julian(self) -> "CalendarDate":
        return CalendarDate(*from_jdn(self.jdn(), "julian"), "julian")

    def shifted(self, days: int) -> "CalendarDate":
        """The same calendar, `days` later (or earlier). An unmarked day is counted in the
        calendar that has it: the day after an unmarked 29 February 1900 is 1 March.

        >>> CalendarDate(1917, 10, 31, "julian").shifted(1).iso(), CalendarDate(1900, 2, 29).shifted(1).iso()
        ('1917-11-01', '1900-03-01')
        """
        julian = self.calendar == "julian" or not is_valid(self.year, self.month, self.day, "gregorian")
        cal = "julian" if julian else "gregorian"
        return CalendarDate(*from_jdn(to_jdn(self.year, self.month, self.day, cal) + days, cal), self.calendar)

    @classmethod
    def parse(cls, iso: str, calendar: Calendar = "unspecified") -> "CalendarDate":
        """Read `YYYY-MM-DD`.

        >>> CalendarDate.parse("1900-02-29", "julian").calendar
        'julian'
        """
        y, m, d = (int(p) for p in iso.split("-"))
        return cls(y, m, d, calendar)


# Years whose leap days stand for every year's: each place in the four-year cycle, around a
# Gregorian century year that is not leap (1900) and one that is (2000).
_SAMPLE_YEARS = (*range(1896, 1905), *range(1996, 2005))


@dataclass(frozen=True, order=True)
class MonthDay:
    """A day and month whose year nothing tells, as ISO 8601 and XML Schema's gMonthDay write it.

    It is kept apart from CalendarDate on purpose: without a year neither its weekday, nor its
    twin in the other calendar (10 to 13 days away, by century), nor its order with a dated day
    is known, so nothing may compare it as if it had one.

    >>> MonthDay(10, 26, "julian").iso(), MonthDay(10, 26).in_year(1917).iso()
    ('--10-26', '1917-10-26')
    """

    month: int
    day: int
    calendar: Calendar = "unspecified"

    def __post_init__(self) -> None:
        if not exists_in_some_year(self.month, self.day):
            raise ValueError(f"{self.iso()} is a day of no year")

    def iso(self) -> str:
        """`--MM-DD`: the year left out, as ISO 8601:2000 and XML Schema write it."""
        return f"--{self.month:02d}-{self.day:02d}"

    def in_year(self, year: int) -> CalendarDate:
        """The day in `year` (ValueError when that year has no such day, e.g. 29 February)."""
        return CalendarDate(year, self.month, self.day, self.calendar)

    def shifted(self, days: int) -> "MonthDay | None":
        """The day and month `days` later (or earlier), or None when that depends on whether
        the unknown year is a leap year (the count passes the end of February).

        >>> MonthDay(10, 25, "julian").shifted(1).iso(), MonthDay(12, 31).shifted(1).iso()
        ('--10-26', '--01-01')
        >>> MonthDay(2, 28).shifted(1) is None, MonthDay(2, 29).shifted(-1).iso(), MonthDay(9, 1).shifted(181) is None
        (True, '--02-28', True)
        >>> MonthDay(2, 29, "gregorian").shifted(1).iso()
        '--03-01'
        """
        # Every place in the four-year cycle, and a Gregorian century year that is not leap.
        calendar = "gregorian" if self.calendar == "gregorian" else "julian"  # the one that has the day
        ends = {self.in_year(y).shifted(days) for y in _SAMPLE_YEARS if is_valid(y, self.month, self.day, calendar)}
        later = {(d.month, d.day) for d in ends}
        if len(later) != 1:
            return None
        month, day = later.pop()
        return MonthDay(month, day, self.calendar)


def exists_in_some_year(month: int, day: int) -> bool:
    """Whether a day and month occur in some year (29 February does, in leap years).

    >>> exists_in_some_year(2, 29), exists_in_some_year(4, 31)
    (True, False)
    """
    # 2000 is a leap year in both calendars.
    return is_valid(2000, month, day, "julian")


def julian_offset(year: int) -> int:
    """Days the Gregorian calendar runs ahead of the Julian one around 1 March of `year`.

    >>> julian_offset(1917), julian_offset(1582), julian_offset(2000)
    (13, 10, 13)
    """
    return to_jdn(year, 3, 1, "julian") - to_jdn(year, 3, 1, "gregorian")
