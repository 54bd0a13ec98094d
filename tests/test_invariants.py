"""Laws every part of claimcheck keeps, whatever the corpus: quotes are the text at their span,
calendars convert both ways over the whole range, intervals behave like intervals, verdicts do
not depend on the order of sources or claims, extraction is repeatable, and report.json
accounts for every source and every claim."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from checker.compare import compare_claims, judge_pair
from checker.compare.findings import judge_group
from checker.compare.verdicts import SEVERITY
from checker.match import ClaimGroup
from checker.extract import ExtractContext, extract_claims
from checker.extract.lang import available_languages
from checker.model import CountClaim, CountValue, Report, TimeClaim
from checker.normalize.calendars import MAX_YEAR, MIN_YEAR, CalendarDate, days_in_month, from_jdn, is_valid, to_jdn
from checker.normalize.intervals import INF, Interval, claim_interval, shaped
from checker.pipeline import run_corpus
from checker.report.write import build_report
from checker.sources import load_corpus
from checker.strategies import SOURCE_IDS, calendar_dates, claims, count_claims, counts, date_claims, source_texts, texts_with_claims, time_claims
from checker.testing import assert_quotes_found

TITANIC = Path(__file__).parent / "corpora" / "titanic-1912"
AGREEING = ("agreement", "approximate_agreement")
CONTRADICTING = ("contradiction", "internal_inconsistency")
# Extraction of generated texts runs every pack's rules; Thai segmentation makes it slow-ish.
EXTRACTION = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Timing varies with the machine's load (other runs, first imports): no deadline.
LAWS = settings(deadline=None)


@pytest.fixture(scope="module")
def bundled():
    corpus = load_corpus(None)
    return corpus, run_corpus(corpus, jobs=1)


# --- quotes ---------------------------------------------------------------------------------


def test_every_quote_of_the_bundled_corpus_is_its_text_at_span(bundled):
    corpus, result = bundled
    assert result.claims
    assert_quotes_found(result.claims, corpus)


def _brackets_balance(quote: str) -> bool:
    depth = 0
    for ch in quote:
        depth += ch in "(["
        depth -= ch in ")]"
        if depth < 0:
            return False
    return depth == 0


def test_no_quote_of_the_bundled_corpus_cuts_a_bracket_in_half(bundled):
    """A quote that takes a bracket takes its partner: "24 October 1917 (O.S.)", not "… (O.S."
    nor "…greg.)" whose "(" stood before the date."""
    _, result = bundled
    assert [c.quote for c in result.claims if not _brackets_balance(c.quote)] == []


def _assert_claims_quote(text: str, found) -> None:
    for c in found:
        start, end = c.span
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == c.quote
        assert c.quote == c.quote.strip(), "a quote neither starts nor ends with white space"
        assert c.prefix == text[max(0, start - len(c.prefix)) : start] and text[:start].endswith(c.prefix)
        assert text[end:].startswith(c.suffix)


@EXTRACTION
@given(st.sampled_from(available_languages()).flatmap(lambda lang: st.tuples(st.just(lang), source_texts(lang))))
def test_every_quote_of_a_generated_text_is_its_text_at_span(lang_text):
    lang, text = lang_text
    _assert_claims_quote(text, extract_claims(text, ExtractContext("generated", lang, 1917)))


@LAWS
@given(st.sampled_from(available_languages()).flatmap(lambda lang: st.tuples(st.just(lang), source_texts(lang).map(lambda t: f"{t}[12] [nota 3]{t}"))))
def test_a_pack_reads_a_text_of_the_same_length(lang_text):
    """The rules and topic binding read `pack.reading(text)`; quotes come from the text: only
    a reading of the same length keeps every span in place."""
    from checker.extract.lang import get_pack

    lang, text = lang_text
    assert len(get_pack(lang).reading(text)) == len(text)


@LAWS
@given(texts_with_claims())
def test_generated_claims_quote_their_generated_text(written):
    assert_quotes_found(written.claims, {"source-a": written.text})
    ids = [c.id for c in written.claims]
    assert len(ids) == len(set(ids))


@LAWS
@given(texts_with_claims(), st.data())
def test_a_quote_that_is_not_the_text_is_caught(written, data):
    assume(written.claims)
    claim = data.draw(st.sampled_from(written.claims))
    start, end = claim.span
    shifted = written.text[:start] + "\u2060" + written.text[start:]
    with pytest.raises(AssertionError, match=claim.source):
        assert_quotes_found([claim], {"source-a": shifted})


# --- calendars (tests/test_calendars.py covers 1 March 1 to 31 December 9999 Gregorian) -------

CALENDARS = st.sampled_from(["julian", "gregorian"])


@LAWS
@given(calendar_dates())
def test_every_day_of_either_calendar_round_trips_through_its_day_number(day):
    assert CalendarDate(*from_jdn(day.jdn(), day.calendar), day.calendar) == day
    assert CalendarDate.parse(day.iso(), day.calendar) == day


@LAWS
@given(calendar_dates())
def test_conversion_round_trips_or_refuses_outside_years_1_to_9999(day):
    other = "gregorian" if day.calendar == "julian" else "julian"
    year = from_jdn(day.jdn(), other)[0]
    convert = {"gregorian": CalendarDate.to_gregorian, "julian": CalendarDate.to_julian}
    if MIN_YEAR <= year <= MAX_YEAR:
        there = convert[other](day)
        assert there.jdn() == day.jdn() and convert[day.calendar](there) == day
    else:
        with pytest.raises(ValueError, match="is not a day of"):
            convert[other](day)


@LAWS
@given(st.integers(MIN_YEAR, MAX_YEAR - 1), st.integers(1, 12), CALENDARS)
def test_month_lengths_agree_with_day_numbers(year, month, calendar):
    following = (year + 1, 1) if month == 12 else (year, month + 1)
    length = to_jdn(*following, 1, calendar) - to_jdn(year, month, 1, calendar)
    assert days_in_month(year, month, calendar) == length
    assert is_valid(year, month, length, calendar) and not is_valid(year, month, length + 1, calendar)


@LAWS
@given(st.integers(MIN_YEAR, MAX_YEAR), st.integers(1, 12), st.integers(1, 31))
def test_an_unmarked_date_is_valid_when_either_calendar_has_it(year, month, day):
    either = is_valid(year, month, day, "julian") or is_valid(year, month, day, "gregorian")
    assert is_valid(year, month, day, "unspecified") == either


# --- intervals ------------------------------------------------------------------------------

ENDS = st.one_of(st.integers(-10**6, 10**6), st.sampled_from([-INF, INF]))
INTERVALS = st.tuples(ENDS, ENDS).filter(lambda p: p[0] <= p[1]).map(lambda p: Interval(*sorted(p)))
WIDTHS = st.integers(0, 10**4)


@LAWS
@given(INTERVALS, INTERVALS)
def test_overlap_and_gap_are_symmetric(a, b):
    assert a.overlaps(b) == b.overlaps(a)
    assert a.gap(b) == b.gap(a)
    assert a.gap(b) >= 0 and (a.gap(b) == 0) == a.overlaps(b)


@LAWS
@given(INTERVALS)
def test_an_interval_overlaps_itself(a):
    assert a.overlaps(a) and a.gap(a) == 0


@LAWS
@given(INTERVALS, INTERVALS, WIDTHS, WIDTHS)
def test_widening_never_removes_an_overlap_nor_widens_a_gap(a, b, w, v):
    wide = a.widen(w)
    assert wide.low <= a.low and a.high <= wide.high
    if a.overlaps(b):
        assert wide.overlaps(b) and wide.overlaps(b.widen(v))
    assert wide.gap(b) <= a.gap(b)


@LAWS
@given(st.integers(-10**6, 10**6), st.integers(0, 10**4), st.sampled_from(["exact", "about", "before", "after", "at_least", "at_most", "range"]), WIDTHS)
def test_a_qualifier_never_excludes_the_value_written(low, width, approx, about):
    allowed = shaped(low, low + width, approx, about)
    assert allowed.low <= low and low + width <= allowed.high


@LAWS
@given(claims(kinds=("time", "date", "count")))
def test_a_claims_interval_holds_its_stated_value(claim):
    interval = claim_interval(claim, absolute_time=False)
    if claim.kind == "count":
        for end in (claim.value.low, claim.value.high):
            assert end is None or interval.low <= end <= interval.high
    elif claim.kind == "time":
        assert interval.low <= claim.low and claim.high <= interval.high


@EXTRACTION
@given(st.integers(1, 11), st.integers(1, 11))
def test_both_ends_of_a_time_range_across_midnight_are_one_span(evening, morning):
    """ "between 11 p.m. and 1 a.m.": both ends give one non-empty interval from the evening
    into the next morning, each end dated its own day in a night narrative (the interval used
    to be empty and raise)."""
    text = f"On 6 May 1917 it went on between {evening} p.m. and {morning} a.m."
    ends = [c for c in extract_claims(text, ExtractContext("s", "en", 1917)) if c.kind == "time"]
    first, second = (claim_interval(c) for c in ends)
    for interval in (first, second, *(claim_interval(c, absolute_time=False) for c in ends)):
        assert interval.high - interval.low == (morning + 12 - evening) * 60
    if ends[1].date != ends[0].date:
        assert first == second


# --- verdicts -------------------------------------------------------------------------------

ONE_TOPIC = st.lists(claims(source=st.sampled_from(SOURCE_IDS[:3]), topic="t"), max_size=7, unique_by=lambda c: c.id)
SOURCE_RENAMES = st.permutations(SOURCE_IDS)


@LAWS
@given(ONE_TOPIC, st.data())
def test_findings_do_not_depend_on_claim_order(found, data):
    shuffled = data.draw(st.permutations(found))
    assert compare_claims(shuffled) == compare_claims(found)


def _renamed(claim, rename: dict):
    new = rename[claim.source]
    return claim.model_copy(update={"source": new, "id": new + claim.id[len(claim.source) :]})


def _verdicts(findings, back: dict) -> set:
    """Findings with source names mapped through `back`: what they say, not what they are called."""
    def name(s: str) -> str:
        head, sep, tail = s.partition(":")
        return back.get(head, head) + sep + tail

    # A count's gap reads "712 vs 705" in the order of claim ids: the same gap either way.
    gap = lambda f: frozenset(f.gap.split(" vs ")) if f.gap else None
    return {
        (f.kind, f.topic, f.verdict, gap(f), frozenset(name(c) for c in f.claims), frozenset(back[s] for s in f.sources))
        for f in findings
    }


@LAWS
@given(ONE_TOPIC, SOURCE_RENAMES)
def test_verdicts_do_not_depend_on_what_sources_are_called_or_their_order(found, order):
    rename = dict(zip(SOURCE_IDS, order))
    back = {v: k for k, v in rename.items()}
    identity = {s: s for s in SOURCE_IDS}
    assert _verdicts(compare_claims([_renamed(c, rename) for c in found]), back) == _verdicts(compare_claims(found), identity)


@LAWS
@given(ONE_TOPIC.filter(bool), st.lists(st.sampled_from(["capture", "shot"]), min_size=7, max_size=7), st.lists(st.sets(st.sampled_from(["kerensky", "kerenskiy", "lenin", "aurora"]), min_size=1), min_size=7, max_size=7), st.data())
def test_automatic_groups_do_not_depend_on_claim_order(found, events, names, data):
    untopiced = [c.model_copy(update={"topic": None, "event": e, "names": sorted(n)}) for c, e, n in zip(found, events, names) if c.kind != "choice"]
    shuffled = data.draw(st.permutations(untopiced))
    assert compare_claims(shuffled) == compare_claims(untopiced)


def _every_pair(group) -> dict:
    """The findings of a group the slow way, judging every pair of claims: verdict -> (claims,
    sources, gaps of the pairs that explain it, whether every gap is slight)."""
    from itertools import combinations

    out: dict = {}
    for a, b in combinations(sorted(group.claims, key=lambda c: c.id), 2):
        pv = judge_pair(a, b)
        if (a.source == b.source and pv.verdict != "internal_inconsistency") or not pv.compared:
            continue
        key = ("internal", a.source) if a.source == b.source else pv.verdict
        out.setdefault(key, []).append((a, b, pv))
    found = {}
    for key, pairs in out.items():
        extreme = (min if key == "different_events" else max)(p[2].size for p in pairs)
        found[key] = (
            {c.id for p in pairs for c in p[:2]},
            {c.source for p in pairs for c in p[:2]},
            {p[2].gap for p in pairs if p[2].size == extreme},
            all(p[2].slight for p in pairs),
        )
    return found


@st.composite
def groups_with_repeats(draw):
    """One topic's claims of one kind, many of them saying the same as another claim; times
    of two events, told or happening, some on a known day, some derived."""
    kind = draw(st.sampled_from(["time", "date", "count", "choice"]))
    dated = st.one_of(st.none(), calendar_dates(min_year=1917, max_year=1917)) if kind == "time" else None
    strategy = time_claims(source=st.sampled_from(SOURCE_IDS), topic="t", dated=dated) if kind == "time" else claims(kinds=(kind,), source=st.sampled_from(SOURCE_IDS), topic="t")
    bases = draw(st.lists(strategy, min_size=1, max_size=8, unique_by=lambda c: c.id))
    if kind == "time":
        events = st.sampled_from([(None, False), ("capture", False), ("informed", True), ("shot", False)])
        bases = [c.model_copy(update=dict(zip(("event", "reported"), draw(events)), derived=draw(st.booleans()))) for c in bases]
        # Clocks: unnamed, named with a known offset, the corpus's own, named of unknown offset.
        clocks = st.sampled_from([(None, None), (None, None), ("UTC", 0), ("Europe/Moscow", 180), (None, 180), ("local", None), ("UTC+02:00", 120)])
        bases = [c.model_copy(update=dict(zip(("zone", "utc_offset"), draw(clocks)))) for c in bases]
    # Values close together, so that pairs overlap, lie a small gap apart or far apart in turn.
    if kind == "time" and draw(st.booleans()):
        near = st.sampled_from(["02:00", "02:10", "02:25", "02:40", "03:00", "03:10", "05:00"])
        bases = [c.model_copy(update={"value": draw(near), "low": None, "high": None}) for c in bases]
    if kind == "count" and draw(st.booleans()):
        near = st.sampled_from([100, 110, 120, 128, 150, 200, 1000])
        bases = [c.model_copy(update={"value": CountValue(low=(v := draw(near)), high=v if c.approx != "at_least" else None)}) for c in bases]
    out = list(bases)
    for i, source in enumerate(draw(st.lists(st.sampled_from(SOURCE_IDS), max_size=10))):
        base = draw(st.sampled_from(bases))
        out.append(base.model_copy(update={"source": source, "id": f"{source}:copy{i}"}))
    return ClaimGroup("t", kind, out)


def _timed(source: str, value: str, event: str | None = None, reported: bool = False):
    return TimeClaim(id=f"{source}:{value}", source=source, language="en", span=(0, len(value)), quote=value, value=value, topic="t", event=event, reported=reported)


# C's 01:40 is a small gap from B's 01:20 only, and B's widest small gap is to C's other claim.
HIDDEN_DISCREPANCY = ClaimGroup("t", "time", [_timed("a", "00:00"), _timed("b", "01:20"), _timed("c", "01:40"), _timed("c", "01:45")])
# A's 01:00 is a small gap from B's 01:20 only; B's nearest small gap is A's other claim, its
# farthest E's 00:00, and A's farthest partner is D's 05:00.
HIDDEN_LOWER = ClaimGroup("t", "time", [_timed("e", "00:00"), _timed("a", "01:00"), _timed("a", "01:10"), _timed("b", "01:20"), _timed("d", "05:00")])

# Told at 03:10 and 05:00, happened at 01:00 and 02:10: the nearest pair is an hour apart,
# and neither claim of it is the other's farthest.
HIDDEN_NEAREST = ClaimGroup("t", "time", [
    _timed("c", "03:10", "informed", True), _timed("d", "05:00", "informed", True),
    _timed("a", "02:10", "capture"), _timed("b", "01:00", "capture"),
])


@settings(LAWS, max_examples=500)
@given(groups_with_repeats())
@example(HIDDEN_DISCREPANCY)
@example(HIDDEN_LOWER)
@example(HIDDEN_NEAREST)
def test_judging_variants_finds_what_judging_every_pair_finds(group):
    slow = _every_pair(group)
    findings = judge_group(group)
    disagreeing = {k for k in slow if k not in AGREEING and not isinstance(k, tuple)}
    expected = {("internal", k[1]) for k in slow if isinstance(k, tuple)} | disagreeing
    if not disagreeing:
        agreeing = [k for k in AGREEING if k in slow]
        expected |= {"approximate_agreement" if "approximate_agreement" in agreeing else "agreement"} if agreeing else set()
    got = {("internal", f.sources[0]) if f.verdict == "internal_inconsistency" else f.verdict: f for f in findings}
    assert set(got) == expected
    for key, f in got.items():
        if key in AGREEING:
            pairs = [slow[k] for k in AGREEING if k in slow]
            ids, sources = set().union(*(p[0] for p in pairs)), set().union(*(p[1] for p in pairs))
        else:
            ids, sources, gaps, slight = slow[key]
            assert f.gap in gaps
            base = SEVERITY[f.verdict]
            assert f.severity == ({"high": "medium", "medium": "low"}[base] if slight and f.verdict in ("internal_inconsistency", "discrepancy") else base)
        assert (set(f.claims), set(f.sources)) == (ids, sources)


@LAWS
@given(claims())
def test_a_claim_never_contradicts_itself(claim):
    assert judge_pair(claim, claim).verdict in AGREEING


@LAWS
@given(claims(source="source-a"), st.sampled_from(SOURCE_IDS[1:]))
def test_a_duplicate_in_another_source_agrees(claim, other):
    duplicate = _renamed(claim, {"source-a": other})
    assert judge_pair(claim, duplicate).verdict in AGREEING
    assert {f.verdict for f in compare_claims([claim, duplicate])} <= set(AGREEING)


# Counts of a few thousand, so that widening by hundreds matters and gaps are often small.
_OF_KIND = {
    "time": lambda **f: time_claims(**f),
    "date": lambda **f: date_claims(**f),
    "count": lambda **f: count_claims(value=counts(max_value=3000), **f),
    "choice": lambda **f: claims(kinds=("choice",), **f),
}


def _pairs_of_one_kind(kinds=tuple(_OF_KIND)):
    """Two claims of the same kind about one topic, from the same or different sources; drawn
    together, and the second placed after the first, so that none is thrown away."""
    def pair(kind):
        first = _OF_KIND[kind](source="source-a", start=0)
        second = _OF_KIND[kind](source=st.sampled_from(SOURCE_IDS[:2]), start=st.integers(10_000, 10**6))
        return st.tuples(first, second)

    return st.sampled_from(kinds).flatmap(pair)


@LAWS
@given(_pairs_of_one_kind())
def test_pair_verdicts_are_symmetric_for_every_kind(pair):
    a, b = pair
    assert judge_pair(a, b) == judge_pair(b, a)


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _stretched_time(c, down: int, up: int):
    """The time claim with its low end earlier and its high end later (within the day)."""
    low, high = c.low, c.high
    if c.approx != "before":  # "before" has no low end to move
        low = max(0, low - down)
    if c.approx != "after":
        high = min(1439, high + up)
    approx = "range" if c.approx == "exact" and low < high else c.approx
    return c.model_copy(update={"low": low, "high": high, "value": _hhmm(low), "approx": approx})


def _stretched_count(c, down: int, up: int):
    lo, hi = c.value.low, c.value.high
    lo = None if lo is None else max(0, lo - down)
    hi = None if hi is None else hi + up
    approx = "range" if c.approx == "exact" and lo != hi else c.approx
    return c.model_copy(update={"value": c.value.model_copy(update={"low": lo, "high": hi}), "approx": approx})


def _stretched_date(c, down: int, up: int):
    first = CalendarDate.parse(c.value, c.calendar)
    last = CalendarDate.parse(c.end or c.value, c.calendar)
    # An end that does not move keeps its written day as it is.
    if c.approx != "before" and down:
        first = first.shifted(-down)
    if c.approx != "after" and up:
        last = last.shifted(up)
    gregorian = first.to_gregorian().iso() if c.calendar != "unspecified" else None
    approx = "range" if c.approx == "exact" and first != last else c.approx
    end = last.iso() if last != first else None
    return c.model_copy(update={"value": first.iso(), "end": end, "gregorian": gregorian, "approx": approx})


def _opened(c, side: str):
    """The claim with one end opened: "at least"/"at most" for counts, "after"/"before" else."""
    if c.kind == "count":
        lo, hi = c.value.low, c.value.high
        value = {"low": lo if lo is not None else hi, "high": None} if side == "high" else {"low": None, "high": hi if hi is not None else lo}
        return c.model_copy(update={"value": c.value.model_copy(update=value), "approx": "at_least" if side == "high" else "at_most"})
    return c.model_copy(update={"approx": "after" if side == "high" else "before"})


def _widened(c, how: str, down: int, up: int):
    """A claim that allows everything `c` allows and more: its ends moved apart, "about" for an
    exact value, or one end opened."""
    if how == "about":
        return c.model_copy(update={"approx": "about"}) if c.approx == "exact" else c
    if how in ("open-low", "open-high"):
        return _opened(c, how.removeprefix("open-"))
    stretch = {"time": _stretched_time, "count": _stretched_count, "date": _stretched_date}[c.kind]
    return stretch(c, down, up)


def _count(source: str, start: int, low, high, approx: str):
    quote = f"{low}-{high}" if approx == "range" else str(low if low is not None else high)
    return CountClaim(id=f"{source}:{start}-{start + len(quote)}:count", source=source, language="en", topic="topic", span=(start, start + len(quote)), quote=quote, value=CountValue(low=low, high=high), approx=approx)


# Found by Hypothesis (at 20,000 examples it finds "≥ 1 vs 0"); kept so the law is always tried on
# it: 100-200 against 60 is a small gap (40 of 200), but "at least 100", which allows more, is
# judged against its finite end only (40 of 100) and becomes a contradiction.
@example(pair=(_count("source-a", 0, 100, 200, "range"), _count("source-b", 10_000, 60, 60, "exact")), how="open-high", down=0, up=0)
@settings(max_examples=1000, deadline=None)
@given(_pairs_of_one_kind(("time", "date", "count")), st.sampled_from(["stretch", "about", "open-low", "open-high"]), st.integers(0, 500), st.integers(0, 500))
def test_widening_a_claim_never_creates_a_contradiction(pair, how, down, up):
    """A claim that allows more can only agree more: if `a` and `b` are not a contradiction,
    neither are `a` widened and `b`. (Widening is checked on the intervals first, so that only
    true widenings are judged.)"""
    a, b = pair
    try:
        wide = _widened(a, how, down, up)
    except ValueError:  # a date moved past year 1 or 9999
        assume(False)
    before, after = claim_interval(a), claim_interval(wide)
    assume(before is not None and after is not None and after.low <= before.low and before.high <= after.high)
    was = judge_pair(a, b).verdict
    now = judge_pair(wide, b).verdict
    if was not in CONTRADICTING:
        assert now not in CONTRADICTING, f"{was} became {now}: {judge_pair(wide, b).why}"
    if was in AGREEING:
        assert now in AGREEING + ("scope_difference", "different_events"), f"{was} became {now}"


# --- extraction -----------------------------------------------------------------------------


@EXTRACTION
@given(st.sampled_from(available_languages()).flatmap(lambda lang: st.tuples(st.just(lang), source_texts(lang), source_texts(lang))))
def test_extraction_is_repeatable_and_forgets_the_previous_text(texts):
    lang, text, other = texts
    first = extract_claims(text, ExtractContext("s", lang, 1917))
    extract_claims(other, ExtractContext("s", lang, 1917))
    assert extract_claims(text, ExtractContext("s", lang, 1917)) == first


_CLOCKS = {"At 5:30 a.m. the cadets raided the press.": 330, "By 10 a.m. the cabinet met again.": 600, "Around 14:00 the bridge was taken.": 840}
_PLAIN = st.text(st.sampled_from("abcdefghij klmnop"), min_size=2, max_size=60).map(lambda t: t.strip().capitalize() + ".").filter(lambda t: len(t) > 2)


@EXTRACTION
@given(st.lists(st.one_of(st.sampled_from(sorted(_CLOCKS)), _PLAIN), min_size=1, max_size=6))
def test_a_day_holds_through_paragraphs_that_tell_the_hours_and_no_further(later):
    """A clock time is on the day a paragraph named while every paragraph since tells the
    hours and the clock does not run back; a paragraph without a time ends it for good."""
    paragraphs = ["At 3 a.m. on 24 October 1917 Kerensky was at the palace.", *later]
    times = [c for c in extract_claims("\n".join(paragraphs), ExtractContext("s", "en")) if c.kind == "time"]
    expected, holds, last = ["1917-10-24"], True, 180
    for p in later:
        if p not in _CLOCKS:
            holds = False
            continue
        holds = holds and _CLOCKS[p] >= last
        expected.append("1917-10-24" if holds else None)
        last = _CLOCKS[p]
    assert [t.date for t in times] == expected, paragraphs


def test_extracting_a_source_alone_or_after_the_others_gives_the_same_claims(bundled):
    corpus, result = bundled
    for spec in (corpus.sources[0], corpus.sources[-1]):
        only = load_corpus(corpus.root)
        only.sources = [s for s in only.sources if s.id == spec.id]
        assert run_corpus(only, jobs=1).claims == [c for c in result.claims if c.source == spec.id]


# --- report.json ----------------------------------------------------------------------------


def _corpus_with_an_unreadable_source(tmp_path: Path) -> Path:
    root = shutil.copytree(TITANIC, tmp_path / "corpus")
    (root / "sources" / "empty.txt").write_bytes(b"")
    with open(root / "corpus.toml", "a", encoding="utf-8") as f:
        f.write('\n[[source]]\nid = "empty"\npath = "sources/empty.txt"\nlanguage = "en"\n')
    return root


@pytest.mark.parametrize("which", ["bundled", "titanic", "unreadable"])
def test_report_json_accounts_for_every_source_and_claim(tmp_path, which):
    path = {"bundled": None, "titanic": TITANIC, "unreadable": None}[which]
    if which == "unreadable":
        path = _corpus_with_an_unreadable_source(tmp_path)
    corpus = load_corpus(path)
    result = run_corpus(corpus, jobs=1)
    findings = compare_claims(result.claims, corpus.catalog)
    report = Report.model_validate_json(build_report(result, findings).model_dump_json())
    data = json.loads(report.model_dump_json())

    assert [s["id"] for s in data["sources"]] == [s.id for s in corpus.sources]
    failed = {e["source"] for e in data["errors"]}
    assert failed == ({"empty"} if which == "unreadable" else set())
    per_source = {s["id"]: s["claims"] for s in data["sources"]}
    assert sum(per_source.values()) == len(data["claims"]) == len(result.claims)
    for s in data["sources"]:
        assert s["claims"] == sum(c["source"] == s["id"] for c in data["claims"])
        assert s["id"] in failed or s["sha256"]
    ids = [c["id"] for c in data["claims"]]
    assert len(ids) == len(set(ids))
    for f in data["discrepancies"]:
        assert set(f["claims"]) <= set(ids) and set(f["sources"]) <= set(per_source)
    assert report.claims == result.claims
