from hypothesis import given
from hypothesis import strategies as st

from checker.normalize.calendars import CalendarDate, from_jdn, is_valid, julian_offset, to_jdn

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


def test_known_days():
    assert CalendarDate(1917, 10, 25, "julian").to_gregorian().iso() == "1917-11-07"
    assert CalendarDate(1918, 1, 31, "julian").to_gregorian().iso() == "1918-02-13"
    assert julian_offset(1917) == 13 and julian_offset(1700) == 11 and julian_offset(1900) == 13
    assert is_valid(1900, 2, 29, "julian") and not is_valid(1900, 2, 29, "gregorian")
