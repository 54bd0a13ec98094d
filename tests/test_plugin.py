"""The pytest plugin, the assertion helpers of checker.testing, and the example test file a user
copies (docs/examples/test_my_corpus.py), run as a user runs it: pytest in a fresh folder."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.model import Finding, Source
from checker.normalize.calendars import CalendarDate
from checker.strategies import calendar_dates, choices, claims, count_claims, counts, date_claims, time_claims, times
from checker.testing import (
    CONTRADICTIONS,
    assert_every_source_states,
    assert_finding_reported,
    assert_no_contradiction,
    assert_value_within,
)

pytest_plugins = ["pytester"]

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "test_my_corpus.py"
GENERIC = [
    "test_every_source_can_be_read",
    "test_every_source_yields_claims",
    "test_every_quote_is_what_its_source_says",
    "test_every_finding_rests_on_claims_of_the_corpus",
    "test_any_text_in_the_corpus_languages_is_quoted_exactly",
]
# What a failed expectation says: the helpers' own words, never an internal traceback.
HELPER_FAILURE = re.compile(r"AssertionError: (\d+ claim\(s\) about|no .+ found about|the sources disagree|\d+ of \d+ sources say nothing|no claim about)")

# A second corpus, about another event, in two languages and two calendars.
FIRE = {
    "corpus.toml": """[corpus]
title = "The Great Fire of London, 1666"
default_year = 1666

[[source]]
id = "diary"
path = "sources/diary.txt"
language = "en"
calendar = "julian"

[[source]]
id = "chronicle"
path = "sources/chronicle.txt"
language = "en"

[[source]]
id = "cronica"
path = "sources/cronica.txt"
language = "es"
""",
    "catalog.yaml": """title: The Great Fire of London
entities:
  pudding_lane:
    label: Pudding Lane
    aliases: {en: [Pudding Lane], es: [Pudding Lane]}
events:
  outbreak:
    label: the fire broke out
    cues: {en: [broke out, began], es: [comenzó, se declaró]}
  destruction:
    label: the houses destroyed
    cues: {en: [destroyed, burnt], es: [destruyó, arrasó]}
topics:
  outbreak_time: {label: When the fire broke out, kind: time, events: [outbreak]}
  outbreak_date: {label: The day the fire broke out, kind: date, events: [outbreak]}
  houses_destroyed: {label: How many houses burnt, kind: count, events: [destruction], units: [houses]}
units:
  houses: {en: [houses], es: [casas]}
""",
    "sources/diary.txt": "The fire broke out in a bakery on Pudding Lane at about 1 a.m. on 2 September 1666.\nBy the end, the fire had destroyed 13,200 houses.\n",
    "sources/chronicle.txt": "The fire began on Pudding Lane at 2 a.m. on 2 September 1666 (Old Style).\nSome 13,000 houses were destroyed.\n",
    "sources/cronica.txt": "El incendio comenzó en Pudding Lane hacia la 1 a. m. del 2 de septiembre de 1666.\nEl fuego destruyó 13.200 casas.\n",
}
# The example's expectations, edited for the fire as a user would edit them.
FIRE_EXPECTATIONS = """PLAUSIBLE = [
    ("outbreak_time", "00:00", "03:00"),
    ("outbreak_date", "1666-09-11", "1666-09-13"),  # 2 September O.S.
    ("houses_destroyed", 10_000, 15_000),
]
KNOWN_DISAGREEMENTS = [("outbreak_time", ("contradiction", "discrepancy"))]
SETTLED = ["houses_destroyed"]
STATED_BY = [("outbreak_date", ["diary", "chronicle", "cronica"])]
"""

# Timing varies with the machine's load (other runs, first imports): no deadline.
LAWS = settings(deadline=None)


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def example_with(expectations: str | None = None) -> str:
    """The example file, its expectation lists replaced when given."""
    text = EXAMPLE.read_text(encoding="utf-8")
    if expectations is None:
        return text
    start, end = text.index("PLAUSIBLE = ["), text.index("\n\ndef _needs")
    return text[:start] + expectations + text[end:]


def run_example(pytester, *args, expectations=None, corpus: Path | None = None):
    pytester.makepyfile(test_my_corpus=example_with(expectations))
    extra = ["--claimcheck-corpus", str(corpus)] if corpus else []
    return pytester.runpytest_subprocess("-p", "no:cacheprovider", "-v", "-rs", *extra, *args)


def outcome_of(result, name: str) -> set[str]:
    return {m.group(1) for m in re.finditer(rf"::{name}\S* (PASSED|FAILED|SKIPPED|ERROR)", result.stdout.str())}


@pytest.fixture
def fire(tmp_path) -> Path:
    return write_tree(tmp_path / "fire", FIRE)


def test_the_example_runs_on_the_bundled_corpus(pytester):
    result = run_example(pytester)
    outcomes = result.parseoutcomes()
    assert outcomes.get("errors", 0) == 0 and "error" not in outcomes, result.stdout.str()
    for name in GENERIC:
        assert outcome_of(result, name) == {"PASSED"}, result.stdout.str()
    # The corpus-specific expectations are historical facts the bundled corpus's extraction may
    # or may not meet yet; what must hold is that a miss reads as a note on the sources.
    failures = outcomes.get("failed", 0)
    assert len(HELPER_FAILURE.findall(result.stdout.str())) >= failures, result.stdout.str()
    assert "checker/testing.py" not in result.stdout.str()


def test_the_example_edited_for_another_corpus_passes(pytester, fire):
    result = run_example(pytester, expectations=FIRE_EXPECTATIONS, corpus=fire)
    result.assert_outcomes(passed=11)


def test_the_example_unedited_skips_the_topics_another_corpus_lacks(pytester, fire):
    result = run_example(pytester, corpus=fire)
    result.assert_outcomes(passed=len(GENERIC), skipped=6)
    result.stdout.fnmatch_lines(["*the catalog has no topic 'palace_fall_time': edit the lists at the top of test_my_corpus.py*"])


def test_a_broken_expectation_fails_like_a_note_on_the_sources(pytester, fire):
    wrong = FIRE_EXPECTATIONS.replace('"00:00", "03:00"', '"00:00", "01:30"').replace('SETTLED = ["houses_destroyed"]', 'SETTLED = ["outbreak_time"]')
    result = run_example(pytester, expectations=wrong, corpus=fire)
    result.assert_outcomes(passed=9, failed=2)
    result.stdout.fnmatch_lines_random([
        "*1 claim(s) about 'outbreak_time' lie outside 00:00 – 01:30:*",
        "*- chronicle says 02:00: «2 a.m.»*",
        "*the sources disagree about 'outbreak_time': 1 finding(s)*",
        "*contradiction ?time:outbreak_time:contradiction?: chronicle says 02:00, cronica says about 01:00*",
        "*cronica says about 01:00: «hacia la 1 a. m.»*",
    ])
    assert "checker/testing.py" not in result.stdout.str()


def test_the_corpus_can_be_set_in_the_ini_file_and_read_with_two_jobs(pytester, fire):
    write_tree(pytester.path / "history", FIRE)
    pytester.makeini("[pytest]\nclaimcheck_corpus = history\n")
    pytester.makepyfile(
        test_ini="""
        def test_corpus(claimcheck_corpus, claimcheck_claims, claimcheck_findings):
            assert claimcheck_corpus.title == "The Great Fire of London, 1666"
            assert {c.source for c in claimcheck_claims} == {"diary", "chronicle", "cronica"}
            assert {f.topic for f in claimcheck_findings} >= {"outbreak_time", "houses_destroyed"}
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--claimcheck-jobs", "2")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["claimcheck corpus: *history"])


def test_an_unreadable_corpus_fails_with_one_line_not_a_traceback(pytester, tmp_path):
    pytester.makepyfile(test_x="def test_x(claimcheck_claims):\n    pass\n")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--claimcheck-corpus", str(tmp_path / "nowhere"))
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*claimcheck: *nowhere: no such corpus folder*"])
    assert "load_corpus" not in result.stdout.str()


def test_the_plugin_is_registered_as_a_pytest11_entry_point():
    """Installed claimcheck means the fixtures exist in any project, with no conftest.py."""
    from importlib.metadata import entry_points

    plugins = {ep.name: ep.value for ep in entry_points(group="pytest11")}
    assert plugins.get("claimcheck") == "checker.pytest_plugin"


ONCE_CONFTEST = """
import checker.pipeline, checker.sources

CALLS = {"load": 0, "run": 0}
_load, _run = checker.sources.load_corpus, checker.pipeline.run_corpus


def _counted(name, real):
    def wrapper(*args, **kwargs):
        CALLS[name] += 1
        return real(*args, **kwargs)
    return wrapper


checker.sources.load_corpus = _counted("load", _load)
checker.pipeline.run_corpus = _counted("run", _run)
"""


def test_the_corpus_is_read_and_extracted_once_per_test_run(pytester, fire):
    """Two test files, six tests, every fixture: one load and one extraction in all."""
    pytester.makeconftest(ONCE_CONFTEST)
    uses = "claimcheck_corpus, claimcheck_result, claimcheck_claims, claimcheck_findings"
    for name in ("test_one", "test_two"):
        pytester.makepyfile(**{name: "\n".join(f"def test_{i}({uses}):\n    assert claimcheck_claims\n" for i in range(3))})
    pytester.makepyfile(
        test_zz_last="""
        from conftest import CALLS

        def test_counted(claimcheck_findings):
            assert CALLS == {"load": 1, "run": 1}, CALLS
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--claimcheck-corpus", str(fire))
    result.assert_outcomes(passed=7)


# --- the helpers, in process ----------------------------------------------------------------


@LAWS
@given(st.lists(time_claims(topic="t", value=times()), min_size=1), st.integers(0, 1439), st.integers(0, 1439))
def test_value_within_takes_exactly_the_times_between_the_bounds(found, a, b):
    low, high = sorted((a, b))
    inside = all(low <= c.low and c.high <= high for c in found)
    hhmm = lambda m: f"{m // 60:02d}:{m % 60:02d}"
    if inside:
        assert_value_within(found, "t", hhmm(low), hhmm(high))
    else:
        with pytest.raises(AssertionError, match="lie outside"):
            assert_value_within(found, "t", hhmm(low), hhmm(high))


@LAWS
@given(st.lists(count_claims(topic="t", value=counts(max_value=1000)), min_size=1), st.integers(0, 1000))
def test_value_within_ignores_open_ends_of_counts(found, high):
    stated = [x for c in found for x in (c.value.low, c.value.high) if x is not None]
    if all(x <= high for x in stated):
        assert_value_within(found, "t", 0, high)
    else:
        with pytest.raises(AssertionError):
            assert_value_within(found, "t", 0, high)


def test_value_within_reads_dates_by_their_calendar():
    julian = date_claim("1917-10-25", "julian")
    assert_value_within([julian], "d", "1917-11-07", "1917-11-07")
    with pytest.raises(AssertionError, match=r"says 1917-10-25 \(julian\)"):
        assert_value_within([julian], "d", "1917-10-25", "1917-10-25")
    unmarked = date_claim("1917-10-25", "unspecified")
    assert_value_within([unmarked], "d", "1917-11-06", "1917-11-08")  # read as Julian
    assert_value_within([unmarked], "d", "1917-10-24", "1917-10-26")  # read as Gregorian
    with pytest.raises(AssertionError):
        assert_value_within([unmarked], "d", "1917-12-01", "1917-12-31")
    leap = date_claim("1900-02-29", "unspecified")  # a day only the Julian calendar has
    assert_value_within([leap], "d", "1900-03-13", "1900-03-13")


def date_claim(iso: str, calendar: str):
    from checker.model import DateClaim

    day = CalendarDate.parse(iso, calendar)
    greg = day.to_gregorian().iso() if calendar != "unspecified" else None
    return DateClaim(id="s:0-10:date", source="s", language="en", topic="d", span=(0, 10), quote=iso, value=iso, calendar=calendar, gregorian=greg)


@LAWS
@given(date_claims(topic="d", calendars=("julian", "gregorian")))
def test_a_marked_date_is_within_its_own_gregorian_day(claim):
    first = CalendarDate.parse(claim.value, claim.calendar).to_gregorian().iso()
    last = CalendarDate.parse(claim.end or claim.value, claim.calendar).to_gregorian().iso()
    assert_value_within([claim], "d", first, last)


def test_value_within_refuses_choices_and_empty_topics():
    with pytest.raises(AssertionError, match="no claim about 'x': nothing to check"):
        assert_value_within([], "x", 0, 1)
    choice = claims(kinds=("choice",), topic="kind")
    from hypothesis import find

    with pytest.raises(TypeError):
        assert_value_within([find(choice, lambda c: True)], "kind", 0, 1)


def test_every_source_states_names_the_silent_ones():
    said = find_claim(source="a", topic="t")
    other = find_claim(source="b", topic="u")
    assert_every_source_states([said], "t", ["a"])
    assert_every_source_states([said], "t", [Source(id="a", path="a.txt", language="en")])
    with pytest.raises(AssertionError, match=r"1 of 2 sources say nothing about 't': b\. What the others say:\n  - a says"):
        assert_every_source_states([said, other], "t")
    with pytest.raises(AssertionError, match="c"):
        assert_every_source_states([said], "t", ["a", "c"])


def find_claim(**fields):
    from hypothesis import find

    return find(claims(kinds=("time",), **fields), lambda c: True)


def finding(topic: str, verdict: str, sources=("a", "b")) -> Finding:
    return Finding(id=f"time:{topic}:{verdict}", topic=topic, kind="time", verdict=verdict, severity="high", claims=[], sources=list(sources), explanation=f"{verdict} on {topic}.")


@LAWS
@given(st.lists(st.tuples(st.sampled_from(["t", "u"]), st.sampled_from(["agreement", "discrepancy", "contradiction", "internal_inconsistency", "calendar_artefact"]))))
def test_no_contradiction_fails_exactly_on_contradictions_of_the_topic(pairs):
    found = [finding(t, v) for t, v in pairs]
    bad = any(t == "t" and v in CONTRADICTIONS for t, v in pairs)
    if bad:
        with pytest.raises(AssertionError, match="the sources disagree about 't'"):
            assert_no_contradiction(found, "t")
    else:
        assert_no_contradiction(found, "t")
    strict = any(t == "t" and v in ("discrepancy", *CONTRADICTIONS) for t, v in pairs)
    if strict:
        with pytest.raises(AssertionError):
            assert_no_contradiction(found, "t", verdicts=("discrepancy", *CONTRADICTIONS))


def test_finding_reported_guards_a_known_disagreement():
    found = [finding("t", "contradiction"), finding("u", "agreement")]
    assert_finding_reported(found, "t", "contradiction")
    assert_finding_reported(found, "t")
    with pytest.raises(AssertionError, match=r"no discrepancy found about 't'; found about it: contradiction \(contradiction on t\.\)"):
        assert_finding_reported(found, "t", "discrepancy")
    with pytest.raises(AssertionError, match="found about it: agreement"):
        assert_finding_reported(found, "u")
    with pytest.raises(ValueError, match="unknown verdict 'contradicton'"):
        assert_finding_reported(found, "t", "contradicton")


# --- the strategies, as a user imports them -------------------------------------------------


@LAWS
@given(st.integers(0, 5000).flatmap(lambda lo: st.tuples(st.just(lo), st.integers(lo, lo + 5000))).flatmap(lambda b: st.tuples(st.just(b), counts(*b))))
def test_counts_stay_within_their_bounds(drawn):
    (low, high), spec = drawn
    ends = [x for x in (spec.value.low, spec.value.high) if x is not None]
    assert ends and all(low <= x <= high for x in ends)
    if spec.approx == "range":
        assert spec.value.low < spec.value.high
    assert spec.approx in ("exact", "about", "at_least", "at_most", "range")
    assert (spec.value.high is None) == (spec.approx == "at_least") and (spec.value.low is None) == (spec.approx == "at_most")


@LAWS
@given(st.sets(st.sampled_from(["julian", "gregorian", "unspecified"]), min_size=1).flatmap(
    lambda cals: st.integers(1, 9999).flatmap(lambda y0: st.integers(y0, min(9999, y0 + 50)).flatmap(
        lambda y1: st.tuples(st.just(sorted(cals)), st.just((y0, y1)), calendar_dates(sorted(cals), y0, y1))))))
def test_calendar_dates_are_real_days_of_their_calendar_within_the_years(drawn):
    calendars, (first, last), day = drawn
    assert day.calendar in calendars and first <= day.year <= last
    assert CalendarDate.parse(day.iso(), day.calendar) == day  # a valid day, or this raises


def test_calendar_dates_reach_both_calendars_and_julian_only_days():
    from hypothesis import find

    assert find(calendar_dates(), lambda d: d.calendar == "julian").calendar == "julian"
    assert find(calendar_dates(), lambda d: d.calendar == "gregorian").calendar == "gregorian"
    leap = find(calendar_dates(("julian",), 1700, 1900), lambda d: d.month == 2 and d.day == 29 and d.year % 100 == 0)
    assert leap.year in (1700, 1800, 1900)


@LAWS
@given(times())
def test_times_carry_a_qualifier_and_an_interval_within_the_day(t):
    assert 0 <= t.low <= t.high <= 1439 and t.value == f"{t.low // 60:02d}:{t.low % 60:02d}"
    assert t.approx in ("exact", "about", "before", "after", "range")
    assert (t.approx == "range") == (t.low < t.high)


@LAWS
@given(st.lists(st.text(min_size=1, max_size=5), min_size=1, max_size=4, unique=True).flatmap(lambda vs: st.tuples(st.just(vs), choices(vs))))
def test_choices_are_one_of_the_values(drawn):
    values, value = drawn
    assert value in values


@LAWS
@given(claims())
def test_generated_claims_are_valid_records(claim):
    """What the strategies build survives claimcheck's own validation (report.json's format)."""
    from pydantic import TypeAdapter

    from checker.model import Claim

    assert TypeAdapter(Claim).validate_python(claim.model_dump()) == claim
    assert claim.span[1] - claim.span[0] == len(claim.quote)
