"""Stage 2: pull typed claims out of a source's text with its language pack."""
from __future__ import annotations

import bisect
from functools import lru_cache
from dataclasses import dataclass, field

import regex

from checker.extract.bounds import bound_dates, bound_phrases, negated_bounds, negated_phrases
from checker.extract.lang import get_pack
from checker.extract.months import weekday_pattern
from checker.extract.phrases import unit_of, unit_patterns
from checker.extract.report_days import mark_report_days, report_phrases
from checker.extract.resolve import Resolved, night_phrases, resolve, widen_nights
from checker.extract.topics import TopicBinder
from checker.extract.zones import zone_phrases, zone_times
from checker.model import ChoiceClaim, CountClaim, CountValue, DateClaim, TimeClaim
from checker.normalize.zones import utc_offset
from checker.sources.catalog import Catalog

CONTEXT_CHARS = 32
_KIND_RANK = {"date": 0, "time": 1, "count": 2}


@dataclass
class ExtractContext:
    """What extraction needs to know besides the text."""

    source: str
    language: str
    default_year: int | None = None
    calendar: str = "unspecified"
    catalog: Catalog = field(default_factory=Catalog)
    # Keep dates no year can be found for, as "--MM-DD" (`claimcheck extract --text`). Off in
    # corpus runs: such a date cannot be compared with a dated one.
    keep_yearless: bool = False
    # The IANA zone of the event's place (the corpus's `time_zone`): the clock of times that
    # name none, or say "local time".
    time_zone: str | None = None


class CatalogUnits:
    """The catalog's own words for what is counted (`units:`), checked before the pack's."""

    def __init__(self, catalog: Catalog, language: str):
        self._units = unit_patterns({unit: catalog.phrases(words, language) for unit, words in catalog.units.items()})

    def unit_of(self, counted: str | None) -> str | None:
        return unit_of(self._units, counted)


def _drop_overlaps(found):
    """A number inside a date or a time is not a count; of two hits of one kind on the same
    characters the longer wins.

    >>> from checker.extract.found import Found
    >>> [(f.kind, f.start) for f in _drop_overlaps([Found("count", 3, 5), Found("date", 0, 9), Found("time", 12, 16)])]
    [('date', 0), ('time', 12)]
    """
    if all(f.kind in _KIND_RANK and f.end > f.start for f in found):
        return _drop_overlaps_sorted(found)
    kept = []
    for f in sorted(found, key=lambda f: (_KIND_RANK.get(f.kind, 3), f.start, -(f.end - f.start))):
        clash = any(
            f.start < k.end and k.start < f.end and (k.kind == f.kind or _KIND_RANK[k.kind] < _KIND_RANK[f.kind])
            for k in kept
        )
        if not clash:
            kept.append(f)
    kept.sort(key=lambda f: (f.start, f.end))
    return kept


def _drop_overlaps_sorted(found):
    """_drop_overlaps in O(n log n) for non-empty hits of the known kinds, where any two
    overlapping hits clash: the hits kept are then disjoint, so one look at the kept hit
    starting last before a new hit's end decides. A text of 50 MB yields ~10^5 hits; the pairwise test took hours."""
    kept: list = []
    by_rank = sorted(found, key=lambda f: (_KIND_RANK[f.kind], f.start, -(f.end - f.start)))
    rank = None
    for f in by_rank:
        if _KIND_RANK[f.kind] != rank:
            # Earlier ranks are final: index them once; this rank's hits come in start order.
            rank = _KIND_RANK[f.kind]
            kept.sort(key=lambda k: (k.start, k.end))
            starts, ends, last = [k.start for k in kept], [k.end for k in kept], None
        i = bisect.bisect_left(starts, f.end) - 1
        if i >= 0 and ends[i] > f.start:
            continue
        if last is not None and f.start < last.end and last.start < f.end:
            continue
        kept.append(f)
        last = f
    kept.sort(key=lambda f: (f.start, f.end))
    return kept


def _hhmm(minutes: float) -> str:
    m = int(minutes) % 1440
    return f"{m // 60:02d}:{m % 60:02d}"


def _claim(r: Resolved, text: str, ctx: ExtractContext, pack, units: "CatalogUnits"):
    f = r.found
    start, end = f.start, f.end
    common = dict(
        id=f"{ctx.source}:{start}-{end}:{f.kind}",
        source=ctx.source,
        language=ctx.language,
        approx=f.approx,
        span=(start, end),
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )
    if f.kind == "time":
        low = f.low if f.low is not None else f.minutes
        high = f.high if f.high is not None else f.minutes
        day = r.date
        return TimeClaim(
            **common,
            value=_hhmm(f.minutes),
            derived=f.relative_minutes is not None,
            low=int(low),
            high=int(high),
            date=day.iso() if day else None,
            date_calendar=day.calendar if day else "unspecified",
            gregorian_date=(day.iso() if day.calendar == "gregorian" else day.to_gregorian().iso()) if day and day.calendar != "unspecified" else None,
            zone=f.zone,
            utc_offset=f.utc_offset if f.utc_offset is not None else utc_offset(f.zone or ctx.time_zone, day, ctx.time_zone, ctx.default_year),
        )
    if f.kind == "date":
        return DateClaim(
            **common,
            value=(r.date or r.month_day).iso(),
            calendar=(r.date or r.month_day).calendar,
            gregorian=r.gregorian.iso() if r.gregorian else None,
            end=(r.end or r.end_month_day).iso() if (r.end or r.end_month_day) else None,
            year_inferred=r.year_inferred,
        )
    unit = f.unit or units.unit_of(f.counted) or pack.unit_of(f.counted)
    return CountClaim(**common, value=CountValue(low=f.low, high=f.high), counted=f.counted, unit=unit)


_BINDERS: dict[tuple[int, str], tuple[Catalog, TopicBinder]] = {}


def _binder(catalog: Catalog, pack) -> TopicBinder:
    """One compiled binder per catalog and language, reused for every source."""
    key = (id(catalog), pack.code)
    hit = _BINDERS.get(key)
    if hit is None or hit[0] is not catalog:
        if len(_BINDERS) > 64:
            _BINDERS.clear()
        hit = _BINDERS[key] = (catalog, TopicBinder(catalog, pack))
    return hit[1]


@lru_cache(maxsize=None)
def _context_phrases(code: str) -> tuple:
    """A pack's phrases around its hits, compiled once: its `night_of` and `night_before`
    words, its `date_qualifiers` and its `report_verbs` before a date, its negations before a
    bound, its clock names after a time."""
    lexicon = get_pack(code).lexicon
    return (
        night_phrases(lexicon.get("night_of")),
        night_phrases(lexicon.get("night_before")),
        bound_phrases(lexicon.get("date_qualifiers")),
        report_phrases(lexicon.get("report_verbs")),
        negated_phrases(lexicon.get("negated_bounds")),
        zone_phrases(lexicon, code),
    )


# Line ends other than LF and CRLF: old Mac CR, NEL, Unicode line and paragraph separators.
_OTHER_LINE_ENDS = regex.compile("\r(?!\n)|[\u0085\u2028\u2029]")


def _as_lf(text: str) -> str:
    """The text with every other line end as LF, for the rules, which know lines and
    paragraphs by LF. One character for one, so offsets hold; quotes still come from the text
    as read.

    >>> _as_lf("a\\rb\\r\\nc\\u2028d")
    'a\\nb\\r\\nc\\nd'
    """
    return _OTHER_LINE_ENDS.sub("\n", text)


def extract_claims(text: str, ctx: ExtractContext) -> list:
    """Every claim of one text, in text order.

    >>> [c.value for c in extract_claims("It fell at 2:10 a.m.", ExtractContext("s", "en"))]
    ['02:10']
    """
    pack = get_pack(ctx.language)
    read_as = pack.reading(_as_lf(text))
    found = _drop_overlaps(pack.find(read_as))
    night_of, night_before, bounds, reports, negations, zones = _context_phrases(pack.code)
    bound_dates(found, read_as, bounds)
    negated_bounds(found, read_as, negations)
    mark_report_days(found, read_as, reports)
    zone_times(found, read_as, zones)
    resolved = resolve(found, read_as, default_year=ctx.default_year, calendar=ctx.calendar, nights=(night_of, night_before), weekdays=weekday_pattern(pack.code))
    widen_nights(resolved, read_as, night_of, night_before)
    units = CatalogUnits(ctx.catalog, pack.code)
    claims = [_claim(r, text, ctx, pack, units) for r in resolved if r.found.kind != "date" or r.date is not None or (ctx.keep_yearless and r.month_day is not None)]
    sentences = pack.sentences(read_as)
    binder = _binder(ctx.catalog, pack)
    for attribute, value, start, end in binder.choices.find(read_as, sentences):
        claims.append(
            ChoiceClaim(
                id=f"{ctx.source}:{start}-{end}:choice",
                source=ctx.source,
                language=ctx.language,
                topic=attribute,
                span=(start, end),
                quote=text[start:end],
                prefix=text[max(0, start - CONTEXT_CHARS) : start],
                suffix=text[end : end + CONTEXT_CHARS],
                attribute=attribute,
                value=value,
                topic_reason=f"attribute {attribute!r}",
            )
        )
    binder.bind(claims, read_as, sentences)
    claims.sort(key=lambda c: (c.span[0], c.span[1], c.kind))
    return claims
