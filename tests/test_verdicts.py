"""Verdicts on pairs and groups of claims, and the matching that forms the groups."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.compare import compare_claims, judge_pair
from checker.match.blocking import NAME_SCORE, group_claims, name_clusters
from checker.model import CountClaim, CountValue, DateClaim, TimeClaim
from checker.normalize.calendars import CalendarDate
from checker.pipeline import run_corpus
from checker.sources import load_corpus

TITANIC = Path(__file__).parent / "corpora" / "titanic-1912"


def time_claim(source, value, approx="exact", *, topic="t", event=None, reported=False, date=None, n=0):
    h, m = map(int, value.split(":"))
    return TimeClaim(
        id=f"{source}:{n}-{n + 5}:time", source=source, language="en", topic=topic, approx=approx,
        span=(n, n + 5), quote="x" * 5, value=value, low=h * 60 + m, high=h * 60 + m,
        event=event, reported=reported, date=date, date_calendar="gregorian" if date else "unspecified",
        gregorian_date=date,
    )


def date_claim(source, value, calendar="unspecified", *, topic="d", n=0):
    greg = CalendarDate.parse(value, calendar).to_gregorian().iso() if calendar != "unspecified" else None
    return DateClaim(id=f"{source}:{n}-{n + 3}:date", source=source, language="en", topic=topic, span=(n, n + 3), quote="abc", value=value, calendar=calendar, gregorian=greg)


def count_claim(source, low, high=None, approx="exact", *, unit=None, topic="c", n=0):
    high = low if high is None and approx not in ("at_least",) else high
    return CountClaim(id=f"{source}:{n}-{n + 2}:count", source=source, language="en", topic=topic, approx=approx, span=(n, n + 2), quote="ab", value=CountValue(low=low, high=high), unit=unit)


def test_same_time_agrees_and_about_is_approximate():
    assert judge_pair(time_claim("a", "02:10"), time_claim("b", "02:10")).verdict == "agreement"
    assert judge_pair(time_claim("a", "02:10"), time_claim("b", "02:00", "about")).verdict == "approximate_agreement"


def test_an_hour_apart_is_a_contradiction_and_minutes_a_discrepancy():
    assert judge_pair(time_claim("a", "02:10"), time_claim("b", "03:10")).verdict == "contradiction"
    pv = judge_pair(time_claim("a", "02:10"), time_claim("b", "02:30"))
    assert pv.verdict == "discrepancy" and pv.gap == "20 minutes"


def test_by_two_against_ten_past_two_is_an_inconsistency_of_one_source():
    pv = judge_pair(time_claim("en", "02:00", "before"), time_claim("en", "02:10", n=9))
    assert pv.verdict == "internal_inconsistency"


def test_a_report_of_the_event_is_a_different_event():
    told = time_claim("th", "03:10", "about", event="informed", reported=True)
    pv = judge_pair(time_claim("es", "02:10", event="capture"), told)
    # The gap between the two events is that between the stated times, not the tolerances.
    assert pv.verdict == "different_events" and pv.gap == "60 minutes"
    assert "when it was reported" in pv.why


def test_a_report_before_its_event_is_a_contradiction():
    told = time_claim("th", "01:00", event="informed", reported=True)
    pv = judge_pair(time_claim("es", "02:10", event="capture"), told)
    assert pv.verdict == "contradiction" and "cannot come before" in pv.why


def test_an_unmarked_date_read_in_the_other_calendar_is_explained():
    pv = judge_pair(date_claim("en", "1917-10-25"), date_claim("th", "1917-10-25", "julian"))
    assert pv.verdict == "calendar_artefact"
    assert "en writes 1917-10-25 and marks no calendar; read in the Julian calendar" in pv.why


def test_a_slight_gap_lowers_the_severity_but_not_the_verdict():
    slight = compare_claims([time_claim("a", "22:40", topic="t"), time_claim("b", "22:45", topic="t")])
    wider = compare_claims([time_claim("a", "22:40", topic="t"), time_claim("b", "23:05", topic="t")])
    assert [(f.verdict, f.severity) for f in slight] == [("discrepancy", "low")]
    assert [(f.verdict, f.severity) for f in wider] == [("discrepancy", "medium")]


def test_old_style_and_new_style_dates_agree_and_unmarked_ones_are_artefacts():
    assert judge_pair(date_claim("a", "1917-10-25", "julian"), date_claim("b", "1917-11-07", "gregorian")).verdict == "agreement"
    pv = judge_pair(date_claim("a", "1917-10-25"), date_claim("b", "1917-11-07"))
    assert pv.verdict == "calendar_artefact" and pv.gap == "13 days"
    assert judge_pair(date_claim("a", "1917-10-25"), date_claim("b", "1917-11-20")).verdict == "contradiction"


def test_the_missing_are_part_of_the_casualties_and_not_of_the_dead():
    missing = count_claim("en", 14, unit="missing")
    assert "missing are part of casualties" in judge_pair(missing, count_claim("es", 500, unit="casualties", n=5)).why
    assert "they count different things" in judge_pair(missing, count_claim("es", 500, unit="killed", n=5)).why


def test_killed_and_casualties_are_a_scope_difference():
    pv = judge_pair(count_claim("es", 6, unit="killed"), count_claim("en", 700, approx="about", unit="casualties"))
    assert pv.verdict == "scope_difference" and "killed are part of casualties" in pv.why


def test_count_bounds():
    assert judge_pair(count_claim("a", 70000, None, "at_least"), count_claim("b", 80000)).verdict == "approximate_agreement"
    assert judge_pair(count_claim("a", 70000, None, "at_least"), count_claim("b", 20000)).verdict == "contradiction"
    assert judge_pair(count_claim("a", 3000), count_claim("b", 5000)).verdict == "contradiction"
    assert judge_pair(count_claim("a", 705), count_claim("b", 712)).verdict == "discrepancy"
    assert judge_pair(count_claim("a", 5000, approx="about"), count_claim("b", 5500)).verdict == "approximate_agreement"


VALUES = st.sampled_from(["01:50", "02:00", "02:10", "03:10", "21:40", "21:00"])
APPROX = st.sampled_from(["exact", "about", "before", "after"])


@given(VALUES, APPROX, VALUES, APPROX)
def test_pair_verdicts_are_symmetric(v1, q1, v2, q2):
    a, b = time_claim("a", v1, q1), time_claim("b", v2, q2)
    assert judge_pair(a, b) == judge_pair(b, a)
    assert judge_pair(a, b).why == judge_pair(b, a).why


@given(VALUES, APPROX)
def test_a_claim_never_contradicts_itself_or_its_duplicate(v, q):
    a = time_claim("a", v, q)
    assert judge_pair(a, a).verdict in ("agreement", "approximate_agreement")
    assert judge_pair(a, time_claim("b", v, q)).verdict in ("agreement", "approximate_agreement")


@given(st.permutations(range(5)))
def test_findings_do_not_depend_on_claim_order(order):
    claims = [time_claim("a", "02:10"), time_claim("b", "03:10"), time_claim("c", "02:00", "about"),
              time_claim("d", "03:10", "about", event="informed", reported=True), time_claim("a", "02:00", "before", n=20)]
    base = compare_claims(claims)
    assert compare_claims([claims[i] for i in order]) == base


def test_name_clusters_threshold():
    clusters = name_clusters(["kerensky", "kerenskiy", "kerenski", "lenin", "lenina", "trotsky", "tsereteli"])
    assert clusters["kerenskiy"] == clusters["kerenski"] == clusters["kerensky"]
    assert clusters["lenina"] == clusters["lenin"]
    assert clusters["trotsky"] != clusters["tsereteli"]
    assert 70 < NAME_SCORE < 95


def test_automatic_groups_need_two_sources_and_a_shared_name():
    a = time_claim("a", "02:10", topic=None, event="capture")
    b = time_claim("b", "03:10", topic=None, event="capture", n=10)
    c = time_claim("c", "04:10", topic=None, event="capture", n=20)
    a.names, b.names, c.names = ["kerensky"], ["kerenskiy"], ["trotsky"]
    groups = group_claims([a, b, c])
    assert len(groups) == 1 and {x.source for x in groups[0].claims} == {"a", "b"}


def test_counts_of_a_definite_unit_meet_by_unit_and_name_whatever_their_cue():
    """Without a catalog, "Five thousand Kronshtadt sailors" (capture) and "tres mil marinos"
    of Kronstadt (arrival) are one figure; "people", which says little, still needs the cue."""
    def pair(unit):
        a = count_claim("en", 5000, unit=unit, topic=None)
        b = count_claim("es", 3000, unit=unit, topic=None, n=10)
        a.event, b.event = "capture", "arrival"
        a.names, b.names = ["kronshtadt"], ["kronstadt"]
        return group_claims([a, b])

    [group] = pair("sailors")
    assert group.topic == "auto:any:kronshtadt:sailors" and group.sources == ["en", "es"]
    assert all("unit 'sailors'" in r for r in group.reasons)
    assert pair("people") == []
    [finding] = compare_claims(group.claims)
    assert finding.verdict == "contradiction" and "counted unit" in finding.explanation


def test_an_automatic_group_accuses_less_firmly_than_a_catalog_topic():
    """The same two times an hour apart are a contradiction either way; grouped only by a
    shared cue and name, its severity is a step lower and it says how it was matched."""
    def pair(topic):
        a = time_claim("a", "02:10", topic=topic, event="capture")
        b = time_claim("b", "03:10", topic=topic, event="capture", n=10)
        a.names = b.names = ["kerensky"]
        [finding] = compare_claims([a, b])
        return finding

    topical, automatic = pair("t"), pair(None)
    assert topical.verdict == automatic.verdict == "contradiction" and automatic.topic.startswith("auto:")
    assert (topical.severity, automatic.severity) == ("high", "medium")
    assert "catalog" in automatic.explanation and "catalog" not in topical.explanation


@pytest.fixture(scope="module")
def titanic():
    corpus = load_corpus(TITANIC)
    result = run_corpus(corpus, jobs=1)
    return result, compare_claims(result.claims, corpus.catalog)


def test_another_event_finds_its_own_disagreements(titanic):
    """The same code on a corpus about the Titanic: nothing about 1917 is needed."""
    _, findings = titanic
    verdicts = {(f.topic, f.verdict) for f in findings}
    assert ("sinking_time", "contradiction") in verdicts  # 2:20 against 3:20
    assert ("sinking_time", "different_events") in verdicts  # announced at 8:20
    assert ("survivors", "discrepancy") in verdicts  # 705 against 712
    assert ("dead", "scope_difference") in verdicts  # killed against casualties
    assert ("collision_time", "agreement") in verdicts
    contradiction = next(f for f in findings if f.verdict == "contradiction")
    assert contradiction.gap == "60 minutes" and set(contradiction.sources) >= {"account-a", "account-b"}


def test_finding_claims_exist_and_match_reasons_are_given(titanic):
    result, findings = titanic
    ids = {c.id for c in result.claims}
    for f in findings:
        assert set(f.claims) <= ids
        assert len(f.sources) >= (1 if f.verdict == "internal_inconsistency" else 2)
        assert f.match_reasons


def test_the_bundled_corpus_without_its_catalog_still_meets_across_languages(tmp_path):
    """No catalog: the English five thousand Kronshtadt sailors and the Spanish three thousand
    of Kronstadt are matched by their unit and the transliterated name."""
    bundled = load_corpus()
    folder = tmp_path / "no-catalog"
    shutil.copytree(bundled.root, folder)
    (folder / "catalog.yaml").unlink()
    manifest = folder / "corpus.toml"
    manifest.write_text("".join(l for l in manifest.read_text(encoding="utf-8").splitlines(True) if not l.startswith("catalog =")), encoding="utf-8")
    corpus = load_corpus(folder)
    assert not corpus.catalog.topics
    findings = compare_claims(run_corpus(corpus, jobs=1).claims, corpus.catalog)
    sailors = [f for f in findings if f.topic.startswith("auto:any:") and f.topic.endswith(":sailors")]
    assert [(f.verdict, f.sources) for f in sailors] == [("contradiction", ["en-wikiquote", "es-wikipedia"])]
