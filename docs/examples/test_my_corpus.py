"""Tests of a corpus of historical sources with claimcheck's pytest plugin.

Copy this file into your project's tests/ folder and run

    pytest --claimcheck-corpus path/to/your/corpus

or put `claimcheck_corpus = "path/to/your/corpus"` under [tool.pytest.ini_options] in
pyproject.toml (or [pytest] in pytest.ini) and run `pytest`. Without either, the tests read the
corpus bundled with claimcheck (the October Revolution, 1917).

The first tests hold for any corpus. Those under "What this corpus should show" name topics of
the catalog (catalog.yaml `topics:` and `attributes:`): edit them to your own. A topic your
catalog does not have is skipped with a note, never passed silently.
Guide: docs/testing-your-corpus.md.
"""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.extract import ExtractContext, extract_claims
from checker.strategies import source_texts
from checker.testing import (
    DISAGREEMENTS,
    assert_every_source_states,
    assert_finding_reported,
    assert_no_contradiction,
    assert_quotes_found,
    assert_value_within,
)

# --- What this corpus should show: edit to your catalog's topics ----------------------------

# (topic, low, high): every value the sources state lies within. Times "HH:MM"; dates
# Gregorian "YYYY-MM-DD" (a date with no calendar mark passes if either reading fits); counts.
PLAUSIBLE = [
    ("palace_fall_time", "01:00", "04:00"),  # the small hours of 26 October (O.S.)
    ("palace_fall_date", "1917-11-06", "1917-11-09"),  # 25-26 October O.S. is 7-8 November N.S.
    ("kronstadt_sailors", 1_000, 20_000),
]
# (topic, verdicts): disagreements you have studied and want claimcheck to keep finding.
KNOWN_DISAGREEMENTS = [
    ("palace_fall_time", DISAGREEMENTS),  # by 2:00, at 2:10, the Congress told at 3:10
]
# Topics on which the sources must not contradict one another.
SETTLED = ["aurora_shot_kind"]  # the Aurora fired a blank
# (topic, source ids): sources that must speak of the topic.
STATED_BY = [
    ("revolution_date", ["en-wikipedia", "en-wikiquote"]),
]


def _needs(corpus, topic: str) -> None:
    catalog = corpus.catalog
    if topic not in catalog.topics and topic not in catalog.attributes:
        pytest.skip(f"the catalog has no topic {topic!r}: edit the lists at the top of {__name__}.py")


@pytest.mark.parametrize("topic, low, high", PLAUSIBLE)
def test_values_are_plausible(claimcheck_corpus, claimcheck_claims, topic, low, high):
    _needs(claimcheck_corpus, topic)
    assert_value_within(claimcheck_claims, topic, low, high)


@pytest.mark.parametrize("topic, verdicts", KNOWN_DISAGREEMENTS)
def test_known_disagreement_is_still_found(claimcheck_corpus, claimcheck_findings, topic, verdicts):
    _needs(claimcheck_corpus, topic)
    assert_finding_reported(claimcheck_findings, topic, verdicts)


@pytest.mark.parametrize("topic", SETTLED)
def test_settled_topic_has_no_contradiction(claimcheck_corpus, claimcheck_findings, claimcheck_claims, topic):
    _needs(claimcheck_corpus, topic)
    assert_no_contradiction(claimcheck_findings, topic, claims=claimcheck_claims)


@pytest.mark.parametrize("topic, sources", STATED_BY)
def test_sources_speak_of_the_topic(claimcheck_corpus, claimcheck_claims, topic, sources):
    _needs(claimcheck_corpus, topic)
    assert_every_source_states(claimcheck_claims, topic, sources)


# --- Any corpus -----------------------------------------------------------------------------


def test_every_source_can_be_read(claimcheck_result):
    assert not claimcheck_result.errors, "; ".join(e.message for e in claimcheck_result.errors)


def test_every_source_yields_claims(claimcheck_result):
    silent = [s.id for s in claimcheck_result.sources if s.claims == 0 and s.size]
    assert not silent, f"no claim found in {', '.join(silent)}: is its language right? (try `claimcheck extract --source ID`)"


def test_every_quote_is_what_its_source_says(claimcheck_corpus, claimcheck_claims):
    assert_quotes_found(claimcheck_claims, claimcheck_corpus)


def test_every_finding_rests_on_claims_of_the_corpus(claimcheck_claims, claimcheck_findings):
    known = {c.id for c in claimcheck_claims}
    for finding in claimcheck_findings:
        assert set(finding.claims) <= known, f"{finding.id} cites claims the corpus does not have"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_text_in_the_corpus_languages_is_quoted_exactly(claimcheck_corpus, data):
    """Property test: text in the corpus's languages, cut up and spliced, read with this
    catalog: every claim found quotes the text exactly."""
    language = data.draw(st.sampled_from(sorted({s.language for s in claimcheck_corpus.sources})))
    text = data.draw(source_texts(language))
    context = ExtractContext("generated", language, claimcheck_corpus.default_year, catalog=claimcheck_corpus.catalog)
    assert_quotes_found(extract_claims(text, context), {"generated": text})
