"""Claims' normalized values as a reader sees them: short forms for the matrix and timeline, and
the dates in both calendars."""
from __future__ import annotations

from checker.normalize.calendars import CalendarDate
from checker.normalize.zones import clock_name, utc_clock

_CALENDAR_WORDS = {"julian": "Julian", "gregorian": "Gregorian", "unspecified": "calendar not stated"}
# How a time's or a single date's approximation is written: "by 9 November", "c. 02:10".
_APPROX_TIME = {"about": "c. {}", "before": "by {}", "after": "after {}", "at_least": "≥ {}", "at_most": "≤ {}"}


def clock(minutes: int) -> str:
    """Minutes from midnight as HH:MM, wrapping past midnight.

    >>> clock(130), clock(1440 + 5)
    ('02:10', '00:05')
    """
    minutes %= 1440
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def number(x: float) -> str:
    """A count with thousands separators, decimals only when it has some.

    >>> number(70000.0), number(14.25), number(3.0), number(2.999), number(0.5)
    ('70,000', '14.25', '3', '3', '0.5')
    """
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")


def count_text(low: float | None, high: float | None, approx: str = "exact") -> str:
    """A count's interval in words and signs.

    >>> count_text(700, 700, "about"), count_text(70000, None), count_text(200, 900), count_text(None, 5)
    ('c. 700', '≥ 70,000', '200–900', '≤ 5')
    """
    if low is not None and low == high:
        return f"c. {number(low)}" if approx == "about" else number(low)
    if high is None:
        return f"≥ {number(low)}" if low is not None else "?"
    if low is None:
        return f"≤ {number(high)}"
    return f"{number(low)}–{number(high)}"


def time_text(claim) -> str:
    """A time claim's clock value with its approximation.

    >>> from types import SimpleNamespace as NS
    >>> time_text(NS(value="02:10", approx="about", low=130, high=130))
    'c. 02:10'
    >>> time_text(NS(value="20:00", approx="range", low=1200, high=1260))
    '20:00–21:00'
    """
    if claim.approx == "range" and claim.low is not None and claim.high is not None and claim.low != claim.high:
        return f"{clock(claim.low)}–{clock(claim.high)}"
    return _APPROX_TIME.get(claim.approx, "{}").format(claim.value)


def gregorian_of(iso: str | None, calendar: str) -> str | None:
    """The Gregorian form of a Julian day, else None (nothing to add).

    >>> gregorian_of("1917-10-25", "julian"), gregorian_of("1917-11-07", "gregorian")
    ('1917-11-07', None)
    """
    if not iso or calendar != "julian":
        return None
    try:
        return CalendarDate.parse(iso, "julian").to_gregorian().iso()
    except ValueError:
        return None


def date_text(claim) -> str:
    """A date claim as written, with its calendar, and its range end.

    >>> from types import SimpleNamespace as NS
    >>> date_text(NS(value="1917-10-25", end="1917-10-26", calendar="julian", approx="range"))
    '1917-10-25 – 1917-10-26 (Julian)'
    >>> date_text(NS(value="1917-11-09", end=None, calendar="unspecified", approx="before"))
    'by 1917-11-09 (calendar not stated)'
    """
    return f"{_dated(claim)} ({_CALENDAR_WORDS.get(claim.calendar, claim.calendar)})"


def _dated(claim) -> str:
    """A date claim's day or span with its approximation ("c. ", "by ", "after ")."""
    if claim.end:
        return f"c. {claim.value} – {claim.end}" if claim.approx == "about" else f"{claim.value} – {claim.end}"
    return _APPROX_TIME.get(claim.approx, "{}").format(claim.value)


def date_gregorian_text(claim) -> str | None:
    """The same day(s) in the Gregorian calendar, when the claim is Julian.

    >>> from types import SimpleNamespace as NS
    >>> date_gregorian_text(NS(value="1917-10-25", end="1917-10-26", calendar="julian", gregorian="1917-11-07"))
    '1917-11-07 – 1917-11-08 (Gregorian)'
    """
    if claim.calendar != "julian":
        return None
    start = claim.gregorian or gregorian_of(claim.value, "julian")
    if not start:
        return None
    end = gregorian_of(claim.end, "julian")
    return f"{start} – {end} (Gregorian)" if end else f"{start} (Gregorian)"


def _time_gregorian(claim) -> str | None:
    """The Gregorian day of a time claim's Julian date: the extractor's, else computed here, so a
    Julian day is never shown alone.

    >>> from types import SimpleNamespace as NS
    >>> _time_gregorian(NS(date="1917-10-25", date_calendar="julian", gregorian_date=None))
    '1917-11-07'
    """
    if claim.date_calendar != "julian":
        return None
    return claim.gregorian_date or gregorian_of(claim.date, "julian")


def short_value(claim) -> str:
    """The value in a few characters, for a matrix cell or a timeline label.

    >>> from types import SimpleNamespace as NS
    >>> short_value(NS(kind="count", value=NS(low=3000.0, high=3000.0), approx="exact"))
    '3,000'
    """
    if claim.kind == "time":
        return time_text(claim) + (f" {_short_zone(claim.zone)}" if getattr(claim, "zone", None) else "")
    if claim.kind == "date":
        mark = {"julian": " (Jul.)", "gregorian": " (Greg.)"}.get(claim.calendar, "")
        return f"{_dated(claim)}{mark}"
    if claim.kind == "count":
        return count_text(claim.value.low, claim.value.high, claim.approx)
    return str(claim.value)


def _short_zone(zone: str) -> str:
    """A named clock in a few characters: "UTC", "local", "Kyiv".

    >>> _short_zone("Europe/Kyiv"), _short_zone("America/Argentina/Buenos_Aires"), _short_zone("UTC+03:00")
    ('Kyiv', 'Buenos Aires', 'UTC+03:00')
    """
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def short_note(claim) -> str | None:
    """What a short value leaves out that a reader comparing columns needs: the Gregorian day of
    a Julian date, the day of a dated time.

    >>> from types import SimpleNamespace as NS
    >>> short_note(NS(kind="date", value="1917-10-25", end=None, calendar="julian", gregorian="1917-11-07"))
    '= 1917-11-07 (Gregorian)'
    >>> short_note(NS(kind="time", date="1917-10-26", date_calendar="julian", gregorian_date="1917-11-08"))
    'on 1917-10-26 (Jul.) = 1917-11-08'
    """
    if claim.kind == "date":
        greg = date_gregorian_text(claim)
        return f"= {greg}" if greg else None
    if claim.kind == "time" and claim.date:
        greg = _time_gregorian(claim)
        return f"on {claim.date} (Jul.) = {greg}" if greg else f"on {claim.date}"
    return None


def value_lines(claim) -> list[str]:
    """The normalized value as one or more lines for a claim card: the value, then the
    Gregorian equivalent of a Julian date, then what was counted.

    >>> from types import SimpleNamespace as NS
    >>> value_lines(NS(kind="time", value="02:10", approx="exact", low=130, high=130, date="1917-10-26",
    ...                date_calendar="julian", gregorian_date="1917-11-08", derived=False))
    ['02:10', 'on 1917-10-26 (Julian)', '= 1917-11-08 (Gregorian)']
    """
    if claim.kind == "time":
        lines = [time_text(claim)]
        clock = clock_name(getattr(claim, "zone", None), getattr(claim, "utc_offset", None))
        if clock:
            lines.append(f"on {clock}" + (f" = {utc_clock(claim)} UTC" if claim.utc_offset else ""))
        if claim.derived:
            lines.append("counted from an earlier time")
        if claim.date:
            lines.append(f"on {claim.date} ({_CALENDAR_WORDS.get(claim.date_calendar, claim.date_calendar)})")
            greg = _time_gregorian(claim)
            if greg:
                lines.append(f"= {greg} (Gregorian)")
        return lines
    if claim.kind == "date":
        greg = date_gregorian_text(claim)
        lines = [date_text(claim)] + ([f"= {greg}"] if greg else [])
        return lines + (["year not written, inferred"] if claim.year_inferred else [])
    if claim.kind == "count":
        what = claim.counted or ""
        if claim.unit and claim.unit != claim.counted:
            what = f"{what} ({claim.unit})" if what else claim.unit
        return [f"{short_value(claim)} {what}".strip()]
    return [f"{claim.attribute}: {claim.value}"]
