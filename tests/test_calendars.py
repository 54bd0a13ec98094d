import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from checker.normalize.calendars import CalendarDate, from_jdn, is_valid, julian_offset, to_jdn
from checker.strategies import calendar_dates

JDN = st.integers(min_value=to_jdn(1, 3, 1, "gregorian"), max_value=to_jdn(9999, 12, 31, "gregorian"))


@given(JDN, st.sampled_from(["julian", "gregorian"]))
def test_jdn_round_trip(jdn, cal):
    y, m, d = from_jdn(jdn, cal)
    assert is_valid(y, m, d, cal)
    assert to_jdn(y, m, d, cal) == jdn


@given(JDN)
def test_julian_gregorian_round_trip(jdn):
    jul = CalendarDate(*from_jdn(jdn, "julian"), "julian")
    greg = jul.to_gregorian()
    assert greg.to_julian() == jul
    assert greg.jdn() == jul.jdn()


@given(JDN, st.integers(-5000, 5000))
def test_shift_is_additive(jdn, days):
    d = CalendarDate(*from_jdn(jdn, "gregorian"), "gregorian")
    if to_jdn(1, 3, 1, "gregorian") <= jdn + days <= to_jdn(9999, 12, 31, "gregorian"):
        assert d.shifted(days).jdn() == jdn + days


@given(calendar_dates(calendars=("julian", "gregorian", "unspecified")), st.integers(-400, 400))
def test_shifting_counts_days_in_the_calendar_that_has_the_day(day, days):
    """An unmarked day is counted in the Gregorian calendar, or in the Julian one when only it
    has the day (1900-02-29); so there and back again is the same day unless one end is such
    a day, and shifting by nothing never rewrites a day."""
    try:
        there = day.shifted(days)
    except ValueError:  # past the calendars' range
        return
    assert there.calendar == day.calendar
    assert day.shifted(0) == day
    counted_in = "julian" if day.calendar == "julian" or not is_valid(day.year, day.month, day.day, "gregorian") else "gregorian"
    assert to_jdn(there.year, there.month, there.day, counted_in) == to_jdn(day.year, day.month, day.day, counted_in) + days
    julian_only = lambda d: d.calendar == "unspecified" and not is_valid(d.year, d.month, d.day, "gregorian")
    if not julian_only(day) and not julian_only(there):
        assert there.shifted(-days) == day


def test_known_days():
    assert CalendarDate(1917, 10, 25, "julian").to_gregorian().iso() == "1917-11-07"
    assert CalendarDate(1918, 1, 31, "julian").to_gregorian().iso() == "1918-02-13"
    assert julian_offset(1917) == 13 and julian_offset(1700) == 11 and julian_offset(1900) == 13
    assert is_valid(1900, 2, 29, "julian") and not is_valid(1900, 2, 29, "gregorian")


def test_julian_days_near_the_year_end_are_gregorian_days_of_the_next_year():
    # 13 days apart in the 20th century: the last 13 Julian days of a year fall in January.
    assert CalendarDate(1917, 12, 25, "julian").to_gregorian().iso() == "1918-01-07"
    assert CalendarDate(1917, 12, 19, "julian").to_gregorian().iso() == "1918-01-01"
    assert CalendarDate(1917, 12, 18, "julian").to_gregorian().iso() == "1917-12-31"
    # 12 days in the 19th century, 11 in the 18th.
    assert CalendarDate(1812, 12, 20, "julian").to_gregorian().iso() == "1813-01-01"
    assert CalendarDate(1799, 12, 21, "julian").to_gregorian().iso() == "1800-01-01"
    assert CalendarDate(1918, 1, 7, "gregorian").to_julian().iso() == "1917-12-25"


@given(st.integers(1, 12), st.integers(1, 31))
def test_month_day_exists_when_some_year_has_it(month, day):
    from checker.normalize.calendars import MonthDay, exists_in_some_year

    if exists_in_some_year(month, day):
        md = MonthDay(month, day)
        assert md.iso() == f"--{month:02d}-{day:02d}"
        assert md.in_year(2000).iso() == f"2000-{month:02d}-{day:02d}"
    else:
        with pytest.raises(ValueError):
            MonthDay(month, day)


def test_month_day_is_never_a_calendar_date():
    from checker.normalize.calendars import MonthDay

    md = MonthDay(2, 29, "julian")
    assert not isinstance(md, CalendarDate)
    assert md.in_year(1900).calendar == "julian"  # Julian 1900 has a 29 February
    with pytest.raises(ValueError):
        MonthDay(2, 29, "gregorian").in_year(1900)


@given(st.integers(1, 12), st.integers(1, 31), st.integers(-400, 400), st.integers(1600, 2100), st.sampled_from(["julian", "gregorian", "unspecified"]))
@example(2, 29, 1, 1900, "gregorian")  # no Gregorian 1900 has this day: only the years that do count
@example(9, 1, 181, 1979, "julian")  # the count reaches the February of the next year
def test_a_month_day_shifts_as_the_day_would_in_every_year_that_has_it(month, day, days, year, calendar):
    """A day and month moved by some days, when the answer does not depend on the unknown year,
    is the same day and month the shift gives in any year; when it does (the count passes the
    end of some February), two years give different answers."""
    from checker.normalize.calendars import MonthDay, exists_in_some_year

    if not exists_in_some_year(month, day):
        return
    md = MonthDay(month, day, calendar)
    later = md.shifted(days)
    has_day = "gregorian" if calendar == "gregorian" else "julian"
    years = [y for y in (year, *range(1890, 1910), *range(1990, 2010)) if is_valid(y, month, day, has_day)]
    outcomes = {(d.month, d.day) for d in (md.in_year(y).shifted(days) for y in years)}
    if later is None:
        assert len(outcomes) > 1
    else:
        assert outcomes == {(later.month, later.day)} and later.calendar == calendar
