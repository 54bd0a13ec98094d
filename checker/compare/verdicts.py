"""Verdicts on pairs of claims (findings.py gathers them per group). A pair's verdict does not
depend on the order of its claims: they are sorted before anything is chosen."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from checker.normalize.calendars import CalendarDate, is_valid, julian_offset
from checker.normalize.intervals import ABOUT_DAYS, Interval, claim_interval, shaped
from checker.normalize.zones import clock_name, utc_clock

# Gaps at or under these are a discrepancy (a small gap), over them a contradiction.
SMALL_GAP = {"time": 30, "date": 2}
SMALL_COUNT_RATIO = 0.25
# Units that are part of a wider one, for any event: killed and wounded are casualties.
PART_OF = {"killed": "casualties", "wounded": "casualties", "arrested": "casualties", "missing": "casualties"}

ORDER = [
    "internal_inconsistency",
    "contradiction",
    "discrepancy",
    "different_events",
    "scope_difference",
    "calendar_artefact",
    "zone_artefact",
    "approximate_agreement",
    "agreement",
]
SEVERITY = {
    "internal_inconsistency": "high",
    "contradiction": "high",
    "discrepancy": "medium",
    "different_events": "low",
    "scope_difference": "low",
    "calendar_artefact": "low",
    "zone_artefact": "low",
    "approximate_agreement": "none",
    "agreement": "none",
}


# A gap at or under these is slight: a discrepancy this small, or a source contradicting itself
# by this little, is worth a look rather than an alarm.
SLIGHT_GAP = {"time": 10, "date": 1}
SLIGHT_COUNT_RATIO = 0.10


@dataclass(frozen=True)
class PairVerdict:
    verdict: str
    gap: str | None
    # The explanation is written only for the pairs a finding shows: a large group judges
    # many pairs and words few of them.
    explain: Callable[[], str] = field(compare=False, repr=False)
    size: float = 0.0  # the gap as a number, to pick the widest pair
    slight: bool = False  # the gap is slight (SLIGHT_GAP): it lowers the severity
    # False when the two could not be set side by side (two clocks of unknown offset): such a
    # pair is no agreement, and no finding counts it.
    compared: bool = True

    @property
    def why(self) -> str:
        return self.explain()


def _describe(c, clock: bool = True) -> str:
    if c.kind == "count":
        lo, hi = c.value.low, c.value.high
        if lo == hi:
            return f"{lo:,.0f}"
        if hi is None:
            return f"≥ {lo:,.0f}"
        if lo is None:
            return f"≤ {hi:,.0f}"
        return f"{lo:,.0f}–{hi:,.0f}"
    if c.kind == "date":
        days = f"{c.value} to {c.end}" if c.end and c.end != c.value else c.value
        return days + (f" ({c.calendar})" if c.calendar != "unspecified" else "")
    if c.kind == "time" and clock and getattr(c, "zone", None):
        return f"{c.value} {clock_name(c.zone, None)}"
    return str(c.value)


def _both_dated(a, b) -> bool:
    return a.kind == "time" and bool(a.date) and bool(b.date)


def _calendar_artefact(a, b) -> bool:
    """Whether two disjoint dates, at least one with no calendar mark, overlap once an unmarked
    one is read in the other calendar: probably one day written in two calendars."""
    if a.kind != "date" or "unspecified" not in (a.calendar, b.calendar):
        return False
    return any(
        _date_interval(a, ca).overlaps(_date_interval(b, cb))
        for ca in _readings(a)
        for cb in _readings(b)
    )


def _readings(c) -> tuple[str, ...]:
    return _calendars_having(c) if c.calendar == "unspecified" else (c.calendar,)


def _calendars_having(c) -> tuple[str, ...]:
    """The calendars in which an unmarked date claim's written days exist (1900-02-29: Julian)."""
    days = [tuple(int(p) for p in d.split("-")) for d in (c.value, c.end) if d]
    return tuple(cal for cal in ("julian", "gregorian") if all(is_valid(*day, cal) for day in days))


def _date_interval(c, calendar: str):
    """A date claim's interval with its written value read in `calendar`."""
    day = CalendarDate.parse(c.value, calendar).jdn()
    end = CalendarDate.parse(c.end, calendar).jdn() if c.end else day
    return shaped(day, max(day, end), c.approx, ABOUT_DAYS)


def _says(c) -> str:
    """"es-wikipedia says about 02:10"."""
    return f"{c.source} says {_stated(c)}"


def _scope_why(a, b) -> str:
    part, whole = (a, b) if PART_OF.get(a.unit) == b.unit else (b, a)
    note = f"{part.unit} are part of {whole.unit}" if PART_OF.get(part.unit) == whole.unit else "they count different things"
    return f"{_says(a)} {a.unit}, {_says(b)} {b.unit}: {note}, a difference of scope rather than of fact"


def judge_pair(a, b) -> PairVerdict:
    """The verdict on two claims about one topic; judge_pair(a, b) == judge_pair(b, a)."""
    a, b = sorted((a, b), key=lambda c: c.id)
    if a.kind == "choice":
        if a.value == b.value:
            return PairVerdict("agreement", None, lambda: f"both say {a.value}")
        verdict = "internal_inconsistency" if a.source == b.source else "contradiction"
        return PairVerdict(verdict, None, lambda: f"{a.source} says {a.value}, {b.source} says {b.value}", 1.0)
    absolute = _both_dated(a, b)
    ia, ib = claim_interval(a, absolute_time=absolute), claim_interval(b, absolute_time=absolute)
    if ia is None or ib is None:
        return PairVerdict("agreement", None, lambda: "nothing to compare")
    clocks = clocks_of(a, b)
    if clocks == "unknown":
        return PairVerdict("agreement", None, lambda: f"nothing to compare: {_says(a)}, {_says(b)}, two clocks the corpus gives no offset for (its time_zone)", compared=False)
    if clocks == "two":
        ua, ub = _on_utc(a, b, absolute)
        if ua.overlaps(ub) and not ia.overlaps(ib):
            gap = ia.gap(ib)
            return PairVerdict("zone_artefact", _amount(gap, "minute"), lambda: _zone_why(a, b), gap)
        ia, ib = ua, ub
    related_units = a.kind == "count" and a.unit != b.unit and bool(a.unit and b.unit)
    if ia.overlaps(ib):
        if related_units:
            return PairVerdict("scope_difference", None, lambda: _scope_why(a, b))
        exact = a.approx == b.approx == "exact" and ia == ib
        return PairVerdict("agreement" if exact else "approximate_agreement", None, lambda: f"{_says(a)}, {_says(b)}")
    gap = ia.gap(ib)
    if a.kind == "date" and _calendar_artefact(a, b):
        return PairVerdict("calendar_artefact", _amount(gap, "day"), lambda: _artefact_why(a, b, gap), gap)
    if related_units:
        return PairVerdict("scope_difference", _gap_text(a, gap, b), lambda: _scope_why(a, b), gap)
    slight = _is_small(a, b, gap, ia, ib, SLIGHT_GAP, SLIGHT_COUNT_RATIO)
    if a.kind == "time" and a.event != b.event and a.reported != b.reported:
        told, happened = (a, b) if a.reported else (b, a)
        it, ih = (ia, ib) if told is a else (ib, ia)
        if it.high >= ih.low:
            apart = int(abs(_middle(it) - _middle(ih)))
            return PairVerdict("different_events", _amount(apart, "minute"), lambda: f"{told.source} gives {told.value} for when it was reported ({told.event}), {happened.source} {happened.value} for when it happened ({happened.event}), {_amount(apart, 'minute')} earlier: two events, not one contradiction", gap)
        return PairVerdict("contradiction", _amount(gap, "minute"), lambda: f"{told.source} has it reported ({told.event}) at {told.value}, {_amount(gap, 'minute')} before {happened.source} has it happen ({happened.event}) at {happened.value}: a report cannot come before its event", gap)
    if a.source == b.source and not (getattr(a, "derived", False) or getattr(b, "derived", False)):
        return PairVerdict("internal_inconsistency", _gap_text(a, gap, b), lambda: f"{a.source} gives both {_stated(a)} and {_stated(b)}, {_gap_text(a, gap, b)} apart", gap, slight)
    small = _is_small(a, b, gap, ia, ib)
    return PairVerdict("discrepancy" if small else "contradiction", _gap_text(a, gap, b), lambda: f"{_says(a)}, {_says(b)}" + (f": a small gap ({_gap_text(a, gap, b)})" if small else ": they cannot both hold"), gap, slight)


def clocks_of(a, b) -> str:
    """Whether two times are read on one clock ("one"), on two whose offsets from UTC are both
    known ("two": compared on UTC), or on two named clocks, one of unknown offset ("unknown":
    not compared). A time that names no clock is taken to be on the other's, as ever.

    >>> from types import SimpleNamespace as T
    >>> utc, local = T(kind="time", zone="UTC", utc_offset=0), T(kind="time", zone="local", utc_offset=None)
    >>> clocks_of(utc, T(kind="time", zone=None, utc_offset=None)), clocks_of(utc, local)
    ('one', 'unknown')
    """
    if a.kind != "time":
        return "one"
    if a.utc_offset is not None and b.utc_offset is not None:
        return "one" if a.utc_offset == b.utc_offset else "two"
    return "unknown" if a.zone and b.zone and a.zone != b.zone else "one"


def _on_utc(a, b, absolute: bool) -> tuple[Interval, Interval]:
    """Both times' intervals on UTC. Without their days a clock wraps: 23:30 UTC and 02:30 at
    UTC+03:00 are one moment, so the other is taken a day either way where it comes nearest."""
    ua, ub = (claim_interval(c, absolute_time=absolute, on_utc=True) for c in (a, b))
    if not absolute:
        ub = min((Interval(ub.low + k, ub.high + k) for k in (0, -1440, 1440)), key=ua.gap)
    return ua, ub


def _zone_why(a, b) -> str:
    """Why two times that look apart are one moment told on two clocks."""
    return (
        f"{a.source} gives {_stated(a, clock=False)} on {clock_name(a.zone, a.utc_offset)}, {b.source} {_stated(b, clock=False)} on "
        f"{clock_name(b.zone, b.utc_offset)}: on UTC they are {utc_clock(a)} and {utc_clock(b)}, one moment "
        "told on two clocks, not a disagreement"
    )


def _amount(n: float, unit: str) -> str:
    """"1 day", "13 days".

    >>> _amount(1, "day"), _amount(13.0, "day")
    ('1 day', '13 days')
    """
    return f"{int(n)} {unit}" + ("" if int(n) == 1 else "s")


def _middle(i) -> float:
    """The middle of an interval, or its finite end when it is open on one side."""
    ends = [x for x in (i.low, i.high) if abs(x) != float("inf")]
    return sum(ends) / len(ends)


def _stated(c, clock: bool = True) -> str:
    """A value with its qualifier in words: "by 02:00", "about 21:00", "02:10".

    >>> from types import SimpleNamespace as C
    >>> _stated(C(kind="time", value="02:00", approx="before"))
    'by 02:00'
    """
    words = {"before": "by", "after": "after", "about": "about", "at_least": "at least", "at_most": "at most"}
    word = words.get(c.approx)
    return f"{word} {_describe(c, clock)}" if word else _describe(c, clock)


def _artefact_why(a, b, gap) -> str:
    """Why two dates that look apart are probably one day in two calendars."""
    unmarked, other = (a, b) if a.calendar == "unspecified" else (b, a)
    mark = "" if other.calendar == "unspecified" else f" ({other.calendar})"
    reading = next(
        cal for cal in _calendars_having(unmarked)
        if any(_date_interval(unmarked, cal).overlaps(_date_interval(other, co)) for co in _readings(other))
    )
    offset = julian_offset(int(unmarked.value[:4]))
    return (
        f"{unmarked.source} writes {unmarked.value} and marks no calendar; read in the {reading.capitalize()} calendar "
        f"it is the same day as {other.source}'s {other.value}{mark}, read in the other the two are {int(gap)} days apart "
        f"({offset} days separate the calendars in that century): one day in two calendars, not a disagreement"
    )


def _is_small(a, b, gap, ia, ib, limits=SMALL_GAP, ratio=SMALL_COUNT_RATIO) -> bool:
    if a.kind == "count":
        # Measured against the nearer ends, so that widening either interval never makes a
        # gap look larger: 60 against 100-200 is 40 in 100 however high the range reaches.
        lower, upper = (ia, ib) if ia.high < ib.low else (ib, ia)
        ref = max(abs(lower.high), abs(upper.low))
        return ref > 0 and gap / ref <= ratio
    return gap <= limits[a.kind]


def _gap_text(a, gap, b=None) -> str:
    if a.kind == "time":
        return _amount(gap, "minute")
    if a.kind == "date":
        return _amount(gap, "day")
    return f"{_describe(a)} vs {_describe(b)}" if b is not None else f"{gap:,.0f}"
