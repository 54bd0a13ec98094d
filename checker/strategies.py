"""Hypothesis strategies for claimcheck's values and claims, for property tests of a corpus, of
a language pack, or of claimcheck itself.

    >>> from hypothesis import given
    >>> from checker.compare import judge_pair
    >>> @given(claims(kinds=("time",)))
    ... def test_a_claim_never_contradicts_itself(claim):
    ...     assert judge_pair(claim, claim).verdict in ("agreement", "approximate_agreement")
    >>> test_a_claim_never_contradicts_itself()

Every strategy here builds valid records: a claim's quote is its span's length, a Julian date is
a day of the Julian calendar (1900-02-29 included), a range's low end is below its high end.
`texts_with_claims` goes further and returns a text in which every quote is text[span].
"""
from __future__ import annotations

from typing import NamedTuple

from hypothesis import find  # noqa: F401  (the examples in the docstrings use it)
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from checker.model import KINDS, ChoiceClaim, CountClaim, CountValue, DateClaim, TimeClaim
from checker.normalize.calendars import MAX_YEAR, MIN_YEAR, CalendarDate, from_jdn, to_jdn

# The qualifiers each kind of claim takes ("range" is given by times/dates/counts with two ends).
QUALIFIERS = {
    "time": ("exact", "about", "before", "after"),
    "date": ("exact", "about", "before", "after"),
    "count": ("exact", "about", "at_least", "at_most"),
}
# Days where calendars trip code up: Julian-only leap days, the Gregorian reform, the ends of
# the range, the turn of a century.
EDGE_DATES = (
    CalendarDate(1900, 2, 29, "julian"),
    CalendarDate(1800, 2, 29, "julian"),
    CalendarDate(1700, 2, 29, "julian"),
    CalendarDate(2000, 2, 29, "gregorian"),
    CalendarDate(1582, 10, 4, "julian"),
    CalendarDate(1582, 10, 15, "gregorian"),
    CalendarDate(1900, 3, 13, "gregorian"),
    CalendarDate(1899, 12, 31, "julian"),
    CalendarDate(1900, 1, 1, "gregorian"),
    CalendarDate(1, 1, 1, "julian"),
    CalendarDate(1, 1, 1, "gregorian"),
    CalendarDate(9999, 12, 31, "julian"),
    CalendarDate(9999, 12, 31, "gregorian"),
)
SOURCE_IDS = ("source-a", "source-b", "source-c", "source-d")
UNITS = (None, "killed", "wounded", "casualties", "people", "sailors")


def _as_strategy(value) -> SearchStrategy:
    """A strategy for `value`: itself if it is one, else always that value.

    >>> find(_as_strategy("es"), lambda s: True)
    'es'
    """
    return value if isinstance(value, SearchStrategy) else st.just(value)


def _hhmm(minutes: int) -> str:
    """ "HH:MM" of minutes from midnight.

    >>> _hhmm(130)
    '02:10'
    """
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def clock_times() -> SearchStrategy[str]:
    """A time of day, "HH:MM" on the 24-hour clock, midnight and 23:59 included.

    >>> find(clock_times(), lambda t: t > "23:58")
    '23:59'
    """
    return st.integers(0, 1439).map(_hhmm)


class TimeValue(NamedTuple):
    """A time as a claim states it: value "HH:MM", qualifier, and the minutes it allows."""

    value: str
    approx: str
    low: int
    high: int

    def text(self) -> str:
        """How a source might write it: "about 02:10", "02:10-02:40".

        >>> TimeValue("02:10", "about", 130, 130).text()
        'about 02:10'
        """
        if self.approx == "range":
            return f"{self.value}-{_hhmm(self.high)}"
        return self.value if self.approx == "exact" else f"{self.approx.replace('_', ' ')} {self.value}"


@st.composite
def times(draw, qualifiers=QUALIFIERS["time"], ranges: bool = True) -> TimeValue:
    """A time with a qualifier ("about", "before"…) or, when `ranges`, a range within one day.

    >>> t = find(times(), lambda t: t.approx == "range"); t.low < t.high
    True
    """
    low = draw(st.integers(0, 1439))
    if ranges and low < 1439 and draw(st.booleans()):
        high = draw(st.integers(low + 1, 1439))
        return TimeValue(_hhmm(low), "range", low, high)
    return TimeValue(_hhmm(low), draw(st.sampled_from(qualifiers)), low, low)


def calendar_dates(
    calendars=("julian", "gregorian"), min_year: int = MIN_YEAR, max_year: int = MAX_YEAR, edges: bool = True
) -> SearchStrategy[CalendarDate]:
    """A day of the Julian or Gregorian calendar (or, with "unspecified", a date as written with
    no calendar mark) between 1 January `min_year` and 31 December `max_year`, both kept.

    Julian-only days such as 1900-02-29 come up, and with `edges` the awkward days of
    EDGE_DATES come up often.

    >>> find(calendar_dates(("julian",), 1900, 1900), lambda d: d.month == 2 and d.day == 29)
    CalendarDate(year=1900, month=2, day=29, calendar='julian')
    """

    def in_calendar(calendar: str) -> SearchStrategy[CalendarDate]:
        reading = "julian" if calendar == "julian" else "gregorian"
        # An unmarked date may be any day valid in either calendar: read half through each.
        readings = ("julian", "gregorian") if calendar == "unspecified" else (reading,)
        return st.sampled_from(readings).flatmap(
            lambda r: st.integers(to_jdn(min_year, 1, 1, r), to_jdn(max_year, 12, 31, r)).map(
                lambda jdn: CalendarDate(*from_jdn(jdn, r), calendar)
            )
        )

    general = st.sampled_from(tuple(calendars)).flatmap(in_calendar)
    edge = [
        CalendarDate(d.year, d.month, d.day, c)
        for d in EDGE_DATES
        for c in calendars
        if min_year <= d.year <= max_year and _valid_as(d, c)
    ]
    return st.one_of(st.sampled_from(edge), general) if edges and edge else general


def _valid_as(day: CalendarDate, calendar: str) -> bool:
    """Whether the day as written is a day of `calendar` ("unspecified" takes either).

    >>> _valid_as(CalendarDate(1900, 2, 29, "julian"), "gregorian")
    False
    """
    try:
        CalendarDate(day.year, day.month, day.day, calendar)
    except ValueError:
        return False
    return True


class CountSpec(NamedTuple):
    """A count as a claim states it: a CountValue and its qualifier."""

    value: CountValue
    approx: str

    def text(self) -> str:
        """How a source might write it: "at least 5,000", "400-500".

        >>> CountSpec(CountValue(low=5000, high=None), "at_least").text()
        'at least 5,000'
        """
        lo, hi = self.value.low, self.value.high
        if self.approx == "range":
            return f"{lo:,.0f}-{hi:,.0f}"
        figure = f"{(lo if lo is not None else hi):,.0f}"
        return figure if self.approx == "exact" else f"{self.approx.replace('_', ' ')} {figure}"


@st.composite
def counts(draw, min_value: int = 0, max_value: int = 10_000_000, qualifiers=QUALIFIERS["count"], ranges: bool = True) -> CountSpec:
    """A count between the bounds: exact, about, open-ended (at least/at most) or a range.

    >>> find(counts(max_value=10), lambda c: c.approx == "at_most").value.low is None
    True
    """
    low = draw(st.integers(min_value, max_value))
    if ranges and low < max_value and draw(st.booleans()):
        return CountSpec(CountValue(low=low, high=draw(st.integers(low + 1, max_value))), "range")
    approx = draw(st.sampled_from(qualifiers))
    if approx == "at_least":
        return CountSpec(CountValue(low=low, high=None), approx)
    if approx == "at_most":
        return CountSpec(CountValue(low=None, high=low), approx)
    return CountSpec(CountValue(low=low, high=low), approx)


def choices(values=("yes", "no")) -> SearchStrategy[str]:
    """One value of a categorical attribute.

    >>> find(choices(("blank", "live")), lambda v: v != "blank")
    'live'
    """
    return st.sampled_from(tuple(values))


@st.composite
def _span(draw, quote: str, start) -> tuple[int, int]:
    begin = draw(_as_strategy(start))
    return begin, begin + len(quote)


def _common(draw, kind: str, quote: str, source, topic, language, start) -> dict:
    """The fields every claim has; the id has extraction's shape, source:start-end:kind."""
    sid = draw(_as_strategy(source))
    span = draw(_span(quote, start))
    return dict(
        id=f"{sid}:{span[0]}-{span[1]}:{kind}",
        source=sid,
        language=draw(_as_strategy(language)),
        topic=draw(_as_strategy(topic)),
        span=span,
        quote=quote,
    )


_ANY_SOURCE = st.sampled_from(SOURCE_IDS)
_ANY_START = st.integers(0, 1_000_000)


@st.composite
def time_claims(draw, source=_ANY_SOURCE, topic="topic", language="en", start=_ANY_START, value=None, dated=None) -> TimeClaim:
    """A TimeClaim; `value` a TimeValue strategy (default `times()`); `dated` a strategy of
    CalendarDate for the day it refers to, or None for a claim with no day.

    >>> c = find(time_claims(topic="fall", source="es"), lambda c: c.approx == "exact")
    >>> c.id == f"es:{c.span[0]}-{c.span[1]}:time" and c.quote == c.value
    True
    """
    t = draw(_as_strategy(value) if value is not None else times())
    day = draw(_as_strategy(dated)) if dated is not None else None
    gregorian = _gregorian(day)
    return TimeClaim(
        **_common(draw, "time", t.text(), source, topic, language, start),
        value=t.value,
        approx=t.approx,
        low=t.low,
        high=t.high,
        date=day.iso() if day else None,
        date_calendar=day.calendar if day else "unspecified",
        gregorian_date=gregorian,
    )


def _gregorian(day: CalendarDate | None) -> str | None:
    """The Gregorian ISO day of a marked date, when it falls in the range the code accepts."""
    if day is None or day.calendar == "unspecified":
        return None
    try:
        return day.to_gregorian().iso()
    except ValueError:
        return None


@st.composite
def date_claims(draw, source=_ANY_SOURCE, topic="topic", language="en", start=_ANY_START, calendars=("julian", "gregorian", "unspecified"), min_year: int = 1000, max_year: int = 2100) -> DateClaim:
    """A DateClaim in one of `calendars`, sometimes qualified, sometimes a range of days.

    >>> find(date_claims(calendars=("julian",)), lambda c: c.calendar == "julian").gregorian is not None
    True
    """
    day = draw(calendar_dates(calendars, min_year, max_year))
    approx = draw(st.sampled_from(QUALIFIERS["date"] + ("range",)))
    end = None
    if approx == "range":
        span = draw(st.integers(1, 10))
        try:
            end = day.shifted(span)
        except ValueError:
            approx = "exact"
    mark = {"julian": " (O.S.)", "gregorian": " (N.S.)"}.get(day.calendar, "")
    quote = day.iso() + (f"/{end.iso()}" if end else "") + mark
    return DateClaim(
        **_common(draw, "date", quote, source, topic, language, start),
        value=day.iso(),
        approx=approx,
        calendar=day.calendar,
        gregorian=_gregorian(day),
        end=end.iso() if end else None,
    )


@st.composite
def count_claims(draw, source=_ANY_SOURCE, topic="topic", language="en", start=_ANY_START, value=None, unit=st.sampled_from(UNITS)) -> CountClaim:
    """A CountClaim; `value` a CountSpec strategy (default `counts()`).

    >>> find(count_claims(unit="killed"), lambda c: c.approx == "at_least").quote.startswith("at least ")
    True
    """
    c = draw(_as_strategy(value) if value is not None else counts())
    u = draw(_as_strategy(unit))
    return CountClaim(
        **_common(draw, "count", c.text() + (f" {u}" if u else ""), source, topic, language, start),
        value=c.value,
        approx=c.approx,
        counted=u,
        unit=u,
    )


@st.composite
def choice_claims(draw, source=_ANY_SOURCE, attribute="attribute", values=("yes", "no"), language="en", start=_ANY_START) -> ChoiceClaim:
    """A ChoiceClaim of `attribute` (its topic too) taking one of `values`.

    >>> find(choice_claims(values=("blank",)), lambda c: True).value
    'blank'
    """
    value = draw(choices(values))
    return ChoiceClaim(**_common(draw, "choice", value, source, attribute, language, start), attribute=attribute, value=value)


def claims(kinds=KINDS, **fields) -> SearchStrategy:
    """A claim of one of `kinds`; `fields` (source, topic, language, start) go to each kind's
    strategy, as values or strategies.

    >>> find(claims(kinds=("count", "date"), source="es"), lambda c: c.kind == "date").source
    'es'
    """
    topic = fields.pop("topic", "topic")
    makers = {
        "time": lambda: time_claims(topic=topic, **fields),
        "date": lambda: date_claims(topic=topic, **fields),
        "count": lambda: count_claims(topic=topic, **fields),
        "choice": lambda: choice_claims(attribute=topic, **fields),
    }
    return st.one_of(*(makers[k]() for k in kinds))


class ClaimText(NamedTuple):
    """A generated source text and its claims, each quote at its span."""

    text: str
    claims: list


_FILLER = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@st.composite
def texts_with_claims(draw, kinds=KINDS, source="source-a", topic="topic", language="en", filler=_FILLER, max_claims: int = 8) -> ClaimText:
    """A text with claims written into it between runs of `filler`, so that every claim's
    quote is text[span] and its id is source:start-end:kind, as extraction makes them.

    >>> t = find(texts_with_claims(), lambda t: len(t.claims) > 2)
    >>> all(t.text[c.span[0]:c.span[1]] == c.quote for c in t.claims)
    True
    """
    parts, found, pos = [], [], 0
    for _ in range(draw(st.integers(0, max_claims))):
        gap = draw(filler)
        parts.append(gap)
        pos += len(gap)
        claim = draw(claims(kinds, source=source, topic=topic, language=language, start=pos))
        parts.append(claim.quote)
        found.append(claim)
        pos += len(claim.quote)
    parts.append(draw(filler))
    return ClaimText("".join(parts), found)


def example_fragments(language: str) -> list[str]:
    """Sentences of a language pack's examples.yaml: the formats its rules are built for.

    >>> any("2:10" in s for s in example_fragments("en"))
    True
    """
    from checker.extract.lang import LANG_DIR, pack_code
    from checker.extract.pack import load_lexicon

    table = LANG_DIR / pack_code(language) / "examples.yaml"
    rows = load_lexicon(table) if table.is_file() else []
    return [r["text"] for r in rows or [] if isinstance(r, dict) and isinstance(r.get("text"), str)]


def source_texts(language: str, max_pieces: int = 12) -> SearchStrategy[str]:
    """Texts for a language pack to read: its example sentences cut up and spliced with digits,
    punctuation and arbitrary characters, the way real sources mix formats.

    >>> find(source_texts("en"), lambda s: "2:10" in s) != ""
    True
    """
    sentences = example_fragments(language)
    words = sorted({w for s in sentences for w in s.split()}) or ["1"]
    pieces = st.one_of(
        st.sampled_from(sentences or words),
        st.lists(st.sampled_from(words), min_size=1, max_size=6).map(" ".join),
        st.from_regex(r"\d{1,4}([:.,]\d{1,3})?", fullmatch=True),
        st.sampled_from([" ", ". ", ", ", "\n", "\n\n", "(", ")", "-", "–", "\u00a0", "a. m.", "p.m."]),
        st.text(max_size=8),
    )
    return st.lists(pieces, max_size=max_pieces).map("".join)
