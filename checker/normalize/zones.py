"""How far a clock was from UTC on a day: the zone names a time claim carries ("UTC",
"UTC+03:00", an IANA zone such as "Europe/Moscow", "local") read with the IANA time-zone data
(Python's zoneinfo: daylight saving and the history of each zone, local mean time included)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import regex

from checker.normalize.calendars import CalendarDate

_FIXED = regex.compile(r"UTC(?:(?P<sign>[+-])(?P<hours>\d\d):(?P<minutes>\d\d))?")


def is_known_zone(name: str) -> bool:
    """Whether a corpus or lexicon may name this clock.

    >>> is_known_zone("Europe/Kyiv"), is_known_zone("UTC+05:30"), is_known_zone("Mars/Olympus")
    (True, True, False)
    """
    return name == "local" or _FIXED.fullmatch(name) is not None or name in _iana_names()


@lru_cache(maxsize=1)
def _iana_names() -> frozenset[str]:
    return frozenset(available_timezones())


def utc_offset(zone: str | None, day: CalendarDate | None, local_zone: str | None = None, year: int | None = None) -> int | None:
    """Minutes east of UTC of the clock `zone` at noon of `day`, or None when it cannot be
    told: no zone, a local clock the corpus does not name, a zone whose offset depends on the
    day given without one. Without a day, a zone that keeps one offset all through `year` has it.

    >>> d = CalendarDate(2022, 3, 4, "gregorian")
    >>> utc_offset("UTC", None), utc_offset("UTC-03:30", None), utc_offset("Europe/Kyiv", d)
    (0, -210, 120)
    >>> utc_offset("Europe/Kyiv", None), utc_offset("local", d), utc_offset("local", d, "Europe/Moscow")
    (None, None, 180)
    >>> utc_offset("Asia/Bangkok", None, year=2004), utc_offset("Europe/Kyiv", None, year=2022)
    (420, None)
    """
    if zone is None:
        return None
    if zone == "local":
        return utc_offset(local_zone, day, year=year) if local_zone and local_zone != "local" else None
    fixed = _FIXED.fullmatch(zone)
    if fixed is not None:
        if not fixed.group("sign"):
            return 0
        minutes = int(fixed.group("hours")) * 60 + int(fixed.group("minutes"))
        return minutes if fixed.group("sign") == "+" else -minutes
    if day is None:
        if year is None or not 1 < year < 9999:
            return None
        winter, summer = (_iana_offset(zone, f"{year:04d}-{month:02d}-15") for month in (1, 7))
        return winter if winter == summer else None
    # A day in no marked calendar is read as written, as everywhere else.
    return _iana_offset(zone, day.to_gregorian().iso() if day.calendar == "julian" else day.iso())


@lru_cache(maxsize=4096)
def _iana_offset(zone: str, iso_day: str) -> int | None:
    try:
        tz = ZoneInfo(zone)
        noon = datetime(*map(int, iso_day.split("-")), 12, tzinfo=timezone.utc)
    except (ZoneInfoNotFoundError, ValueError):  # no such zone; a year datetime cannot hold
        return None
    offset = noon.astimezone(tz).utcoffset() or timedelta(0)
    return round(offset.total_seconds() / 60)


def offset_text(minutes: int) -> str:
    """An offset from UTC as it is written.

    >>> offset_text(180), offset_text(-210), offset_text(0)
    ('UTC+03:00', 'UTC-03:30', 'UTC')
    """
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def clock_name(zone: str | None, offset: int | None) -> str | None:
    """A time's clock as a reader is told it; None when the text names none and the corpus
    gives no time zone.

    >>> clock_name("local", 180), clock_name("Europe/Kyiv", 120), clock_name("UTC", 0)
    ('local time (UTC+03:00)', 'Europe/Kyiv (UTC+02:00)', 'UTC')
    >>> clock_name(None, 180), clock_name("local", None), clock_name(None, None)
    ("the corpus's time zone (UTC+03:00)", 'local time', None)
    """
    name = {"local": "local time", None: "the corpus's time zone"}.get(zone, zone)
    if offset is None:
        return None if zone is None else name
    written = offset_text(offset)
    return written if name == written else f"{name} ({written})"


def utc_clock(claim) -> str:
    """A time claim's clock value read on UTC (its offset known).

    >>> from types import SimpleNamespace as T
    >>> utc_clock(T(value="01:23", utc_offset=240)), utc_clock(T(value="23:30", utc_offset=-60))
    ('21:23', '00:30')
    """
    minutes = (int(claim.value[:2]) * 60 + int(claim.value[3:]) - claim.utc_offset) % 1440
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
