"""Laws every part of claimcheck keeps, whatever the corpus: quotes are the text at their span,
calendars convert both ways over the whole range, intervals behave like intervals, verdicts do
not depend on the order of sources or claims, extraction is repeatable, and report.json
accounts for every source and every claim."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from checker.compare import compare_claims, judge_pair
from checker.extract import ExtractContext, extract_claims
from checker.extract.lang import available_languages
from checker.model import Report
from checker.normalize.calendars import MAX_YEAR, MIN_YEAR, CalendarDate, days_in_month, from_jdn, is_valid, to_jdn
from checker.normalize.intervals import INF, Interval, claim_interval, shaped
from checker.pipeline import run_corpus
from checker.report.write import build_report
from checker.sources import load_corpus
from checker.strategies import SOURCE_IDS, calendar_dates, claims, source_texts, texts_with_claims
from checker.testing import assert_quotes_found

TITANIC = Path(__file__).parent / "corpora" / "titanic-1912"
AGREEING = ("agreement", "approximate_agreement")
# Extraction of generated texts runs every pack's rules; Thai segmentation makes it slow-ish.
EXTRACTION = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def bundled():
    corpus = load_corpus(None)
    return corpus, run_corpus(corpus, jobs=1)


# --- quotes ---------------------------------------------------------------------------------


def test_every_quote_of_the_bundled_corpus_is_its_text_at_span(bundled):
    corpus, result = bundled
    assert result.claims
    assert_quotes_found(result.claims, corpus)


def _assert_claims_quote(text: str, found) -> None:
    for c in found:
        start, end = c.span
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == c.quote
        assert c.prefix == text[max(0, start - len(c.prefix)) : start] and text[:start].endswith(c.prefix)
        assert text[end:].startswith(c.suffix)


@EXTRACTION
@given(st.sampled_from(available_languages()).flatmap(lambda lang: st.tuples(st.just(lang), source_texts(lang))))
def test_every_quote_of_a_generated_text_is_its_text_at_span(lang_text):
    lang, text = lang_text
    _assert_claims_quote(text, extract_claims(text, ExtractContext("generated", lang, 1917)))


@given(texts_with_claims())
def test_generated_claims_quote_their_generated_text(written):
    assert_quotes_found(written.claims, {"source-a": written.text})
    ids = [c.id for c in written.claims]
    assert len(ids) == len(set(ids))


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


@given(calendar_dates())
def test_every_day_of_either_calendar_round_trips_through_its_day_number(day):
    assert CalendarDate(*from_jdn(day.jdn(), day.calendar), day.calendar) == day
    assert CalendarDate.parse(day.iso(), day.calendar) == day


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


@given(st.integers(MIN_YEAR, MAX_YEAR - 1), st.integers(1, 12), CALENDARS)
def test_month_lengths_agree_with_day_numbers(year, month, calendar):
    following = (year + 1, 1) if month == 12 else (year, month + 1)
    length = to_jdn(*following, 1, calendar) - to_jdn(year, month, 1, calendar)
    assert days_in_month(year, month, calendar) == length
    assert is_valid(year, month, length, calendar) and not is_valid(year, month, length + 1, calendar)


@given(st.integers(MIN_YEAR, MAX_YEAR), st.integers(1, 12), st.integers(1, 31))
def test_an_unmarked_date_is_valid_when_either_calendar_has_it(year, month, day):
    either = is_valid(year, month, day, "julian") or is_valid(year, month, day, "gregorian")
    assert is_valid(year, month, day, "unspecified") == either


# --- intervals ------------------------------------------------------------------------------

ENDS = st.one_of(st.integers(-10**6, 10**6), st.sampled_from([-INF, INF]))
INTERVALS = st.tuples(ENDS, ENDS).filter(lambda p: p[0] <= p[1]).map(lambda p: Interval(*sorted(p)))
WIDTHS = st.integers(0, 10**4)


@given(INTERVALS, INTERVALS)
def test_overlap_and_gap_are_symmetric(a, b):
    assert a.overlaps(b) == b.overlaps(a)
    assert a.gap(b) == b.gap(a)
    assert a.gap(b) >= 0 and (a.gap(b) == 0) == a.overlaps(b)


@given(INTERVALS)
def test_an_interval_overlaps_itself(a):
    assert a.overlaps(a) and a.gap(a) == 0


@given(INTERVALS, INTERVALS, WIDTHS, WIDTHS)
def test_widening_never_removes_an_overlap_nor_widens_a_gap(a, b, w, v):
    wide = a.widen(w)
    assert wide.low <= a.low and a.high <= wide.high
    if a.overlaps(b):
        assert wide.overlaps(b) and wide.overlaps(b.widen(v))
    assert wide.gap(b) <= a.gap(b)


@given(st.integers(-10**6, 10**6), st.integers(0, 10**4), st.sampled_from(["exact", "about", "before", "after", "at_least", "at_most", "range"]), WIDTHS)
def test_a_qualifier_never_excludes_the_value_written(low, width, approx, about):
    allowed = shaped(low, low + width, approx, about)
    assert allowed.low <= low and low + width <= allowed.high


@given(claims(kinds=("time", "date", "count")))
def test_a_claims_interval_holds_its_stated_value(claim):
    interval = claim_interval(claim, absolute_time=False)
    if claim.kind == "count":
        for end in (claim.value.low, claim.value.high):
            assert end is None or interval.low <= end <= interval.high
    elif claim.kind == "time":
        assert interval.low <= claim.low and claim.high <= interval.high


# --- verdicts -------------------------------------------------------------------------------

ONE_TOPIC = st.lists(claims(source=st.sampled_from(SOURCE_IDS[:3]), topic="t"), max_size=7, unique_by=lambda c: c.id)
SOURCE_RENAMES = st.permutations(SOURCE_IDS)


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


@given(ONE_TOPIC, SOURCE_RENAMES)
def test_verdicts_do_not_depend_on_what_sources_are_called_or_their_order(found, order):
    rename = dict(zip(SOURCE_IDS, order))
    back = {v: k for k, v in rename.items()}
    identity = {s: s for s in SOURCE_IDS}
    assert _verdicts(compare_claims([_renamed(c, rename) for c in found]), back) == _verdicts(compare_claims(found), identity)


@given(ONE_TOPIC.filter(bool), st.lists(st.sampled_from(["capture", "shot"]), min_size=7, max_size=7), st.lists(st.sets(st.sampled_from(["kerensky", "kerenskiy", "lenin", "aurora"]), min_size=1), min_size=7, max_size=7), st.data())
def test_automatic_groups_do_not_depend_on_claim_order(found, events, names, data):
    untopiced = [c.model_copy(update={"topic": None, "event": e, "names": sorted(n)}) for c, e, n in zip(found, events, names) if c.kind != "choice"]
    shuffled = data.draw(st.permutations(untopiced))
    assert compare_claims(shuffled) == compare_claims(untopiced)


@given(claims())
def test_a_claim_never_contradicts_itself(claim):
    assert judge_pair(claim, claim).verdict in AGREEING


@given(claims(source="source-a"), st.sampled_from(SOURCE_IDS[1:]))
def test_a_duplicate_in_another_source_agrees(claim, other):
    duplicate = _renamed(claim, {"source-a": other})
    assert judge_pair(claim, duplicate).verdict in AGREEING
    assert {f.verdict for f in compare_claims([claim, duplicate])} <= set(AGREEING)


@given(claims(), claims())
def test_pair_verdicts_are_symmetric_for_every_kind(a, b):
    assume(a.kind == b.kind and a.id != b.id)
    assert judge_pair(a, b) == judge_pair(b, a)


# --- extraction -----------------------------------------------------------------------------


@EXTRACTION
@given(st.sampled_from(available_languages()).flatmap(lambda lang: st.tuples(st.just(lang), source_texts(lang), source_texts(lang))))
def test_extraction_is_repeatable_and_forgets_the_previous_text(texts):
    lang, text, other = texts
    first = extract_claims(text, ExtractContext("s", lang, 1917))
    extract_claims(other, ExtractContext("s", lang, 1917))
    assert extract_claims(text, ExtractContext("s", lang, 1917)) == first


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
