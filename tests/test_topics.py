"""Topic binding: which claims a catalog topic takes, and why. Each rule is shown by a pair of
sentences, one the rule binds and one it must not."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.extract import ExtractContext, extract_claims
from checker.normalize.mentions import NAME_SCORE, AliasIndex, PhraseFinder, latin_key
from checker.sources.catalog import Catalog

CATALOG = Catalog.model_validate({
    "title": "A siege",
    "entities": {
        "fortress": {"label": "the fortress", "aliases": {"en": ["Fortress of Saint Elmo"], "es": ["Fortaleza de San Telmo"]}},
        "governor": {"label": "the governor", "aliases": {"ru": ["Керенский"], "en": ["Governor"]}},
    },
    "events": {
        "surrender": {"label": "the surrender", "cues": {"en": ["surrendered", "surrender"], "es": ["rindió", "rendición"]}},
        "council": {"label": "the council", "cues": {"en": ["council met"], "es": ["sesión"]}},
    },
    "topics": {
        "surrender_time": {"label": "When the fortress surrendered", "kind": "time", "events": ["surrender"], "entities": ["fortress", "governor"]},
        "surrender_date": {"label": "The day it surrendered", "kind": "date", "events": ["surrender"], "entities": ["fortress"]},
        "council_date": {"label": "The day the council met", "kind": "date", "events": ["council"]},
    },
})


def topics_of(text: str, lang: str = "en") -> dict[str, str | None]:
    claims = extract_claims(text, ExtractContext("s", lang, 1565, catalog=CATALOG))
    return {c.quote: c.topic for c in claims}


def test_an_event_cue_and_an_entity_beside_the_claim_bind_it():
    assert topics_of("The Fortress of Saint Elmo surrendered at 2:10 a.m.")["2:10 a.m."] == "surrender_time"


def test_an_entity_far_off_in_a_long_sentence_does_not_bind_it():
    filler = "the garrison held the walls and the bastions through many days of heavy rain and hunger " * 2
    text = f"The Fortress of Saint Elmo was besieged while {filler}until the outer works surrendered at 2:10 a.m."
    assert topics_of(text)["2:10 a.m."] is None


def test_an_entity_in_the_previous_sentence_does_not_bind_it():
    text = "The Fortress of Saint Elmo stood firm.[12] The outer works surrendered at 2:10 a.m."
    assert topics_of(text)["2:10 a.m."] is None


def test_a_spanish_reference_mark_ends_the_sentence_before_it():
    """"[nota 2]" holds a space, so only with the marks blanked does the sentence end at it: the
    entity of the sentence before no longer binds, nor do its names count."""
    text = "La Fortaleza de San Telmo resistió la rendición.[nota 2] Luego la guarnición se retiró el 3 de mayo de 1565."
    (claim,) = extract_claims(text, ExtractContext("s", "es", 1565, catalog=CATALOG))
    assert claim.topic is None and claim.entities == [] and claim.names == []


def test_a_plan_or_a_demand_is_not_the_event():
    assert topics_of("The Fortress of Saint Elmo surrendered at 2:10 a.m.")["2:10 a.m."] == "surrender_time"
    assert topics_of("The envoy demanded the surrender of the Fortress of Saint Elmo at 2:10 a.m.")["2:10 a.m."] is None
    assert topics_of("La sesión exigía la rendición de la Fortaleza de San Telmo a las 2:10 a. m.", "es")["a las 2:10 a. m."] is None


def test_a_clause_mark_puts_a_cue_further_away():
    text = "The surrender of the Fortress of Saint Elmo on 24 May 1565, while the council met, ended it."
    assert topics_of(text)["24 May 1565"] == "surrender_date"


def test_a_name_in_another_script_or_spelling_is_the_entity():
    # The English aliases do not name the governor "Kerenskiy": the Russian alias does, in Cyrillic.
    # A sentence's first word is not taken for a name: any sentence starts with a capital.
    assert topics_of("At dawn Kerenskiy surrendered at 2:10 a.m.")["2:10 a.m."] == "surrender_time"
    assert topics_of("At dawn Kamenev surrendered at 2:10 a.m.")["2:10 a.m."] is None


def test_aliases_match_without_their_accents():
    finder = PhraseFinder([("k", "Kérenski")])
    assert [m.phrase for m in finder.find("Kerenski huyó; KÉRENSKI volvió")] == ["Kérenski", "Kérenski"]


@pytest.mark.parametrize("name", ["Kerensky", "Kerenskiy", "Kérenski", "Керенский", "เคเรนสกี"])
def test_spellings_of_one_name_meet_in_the_alias_index(name):
    index = AliasIndex({"kerensky": ["Kerensky"]})
    assert index.lookup(latin_key(name)) is not None, (name, latin_key(name))


@pytest.mark.parametrize("name", ["Kamenev", "Kornilov", "Krasnov", "Kerenskiy government", "Trotsky"])
def test_other_names_do_not(name):
    assert AliasIndex({"kerensky": ["Kerensky"]}).lookup(latin_key(name)) is None


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzéü", min_size=5, max_size=12))
def test_a_name_always_finds_its_own_alias(name):
    hit = AliasIndex({"e": [name]}).lookup(latin_key(name))
    assert len(latin_key(name)) < 5 or hit == ("e", name, 100.0)


def test_the_name_threshold_sits_between_spellings_and_other_names():
    assert 80 <= NAME_SCORE <= 90


TWO_SHIPS = Catalog.model_validate({
    "title": "A bombardment",
    "entities": {
        "ship": {"label": "the ship", "aliases": {"en": ["Neptune"]}},
        "fort": {"label": "the fort", "aliases": {"en": ["the fort"]}},
    },
    "events": {"shot": {"label": "firing", "cues": {"en": ["fired", "opened fire"]}}},
    "topics": {
        "ship_fire_time": {"label": "When the ship fired", "kind": "time", "events": ["shot"], "entities": ["ship"]},
        "fort_fire_time": {"label": "When the fort fired", "kind": "time", "events": ["shot"], "entities": ["fort"]},
    },
})


def _claims(text: str, source: str):
    return extract_claims(text, ExtractContext(source, "en", 1800, catalog=TWO_SHIPS))


def test_a_claim_naming_both_subjects_speaks_to_both_topics():
    (both,) = _claims("At dawn the Neptune and the fort fired at 9:00 p.m.", "a")
    assert (both.topic, both.also_topics) == ("ship_fire_time", ["fort_fire_time"])
    (one,) = _claims("At dawn the fort opened fire at 11:30 p.m.", "b")
    assert (one.topic, one.also_topics) == ("fort_fire_time", [])


def test_a_shared_claim_stands_for_a_topic_only_where_its_source_says_nothing_more_direct():
    from checker.match.blocking import group_claims

    shared = _claims("At dawn the Neptune and the fort fired at 9:00 p.m.", "a")
    direct_a = _claims("Later the fort opened fire at 11:30 p.m.", "a")
    direct_b = _claims("At dawn the fort opened fire at 11:00 p.m.", "b")
    groups = {g.topic: g for g in group_claims(shared + direct_a + direct_b)}
    fort = sorted((c.source, c.value) for c in groups["fort_fire_time"].claims)
    assert fort == [("a", "23:30"), ("b", "23:00")]
    assert [(c.source, c.value) for c in groups["ship_fire_time"].claims] == [("a", "21:00")]


def _finders():
    """Every PhraseFinder topic binding uses for the bundled catalog, in every language."""
    from checker.extract import _binder
    from checker.extract.lang import available_languages, get_pack
    from checker.sources import load_corpus

    catalog = load_corpus(None).catalog
    for lang in available_languages():
        binder = _binder(catalog, get_pack(lang))
        found = [binder.events, binder.entities, binder.irrealis]
        found += [f for _, _, subject, values in binder.choices.attributes for f in (subject, values)]
        for finder in found:
            yield lang, finder


def _plain(finder: PhraseFinder):
    """The finder's patterns as one unfactored alternation, in the order of its phrases."""
    import regex

    from checker.normalize.mentions import stem_pattern

    body = "|".join(f"(?P<g{i}>{stem_pattern(p)})" for i, (_, p) in enumerate(finder._keys)) or "(?!)"
    spaced = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE)
    return spaced, regex.compile(body, regex.IGNORECASE)


FINDERS = list(_finders())


@pytest.mark.parametrize("lang,finder", FINDERS, ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(FINDERS)])
@given(data=st.data())
def test_a_factored_phrase_pattern_finds_what_the_plain_one_finds(lang, finder, data):
    """PhraseFinder groups its phrases by their opening letters (factored_alternation) and tries
    them only at words that open like one (checker.normalize.tokens.openings): on text made of
    its own phrases, cut, recased, unaccented and spliced with anything, it finds the same
    mentions as one plain alternation of the phrases in order, in the whole text and in any
    slice of it (a sentence)."""
    import unicodedata

    phrases = [p for _, p in finder._keys] or ["x"]
    unaccented = lambda p: "".join(c for c in unicodedata.normalize("NFD", p) if not unicodedata.combining(c))
    piece = st.one_of(
        st.sampled_from(phrases),
        st.sampled_from(phrases).map(str.upper),
        st.sampled_from(phrases).map(str.title),
        st.sampled_from(phrases).map(unaccented),
        st.sampled_from(phrases).map(lambda p: p.replace("е", "ё")),
        st.sampled_from(phrases).flatmap(lambda p: st.integers(1, max(1, len(p))).map(lambda n: p[:n])),
        st.sampled_from(phrases).flatmap(lambda p: st.sampled_from(["", "s", "ого", "es", "ами"]).map(lambda e: p + e)),
        st.sampled_from([" ", ", ", "\n", "-", "ё", "É", "\u0301", "a", "İ", "1"]),
        st.text(max_size=4),
    )
    text = "".join(data.draw(st.lists(piece, max_size=12)))
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    spaced, unspaced = _plain(finder)
    for rx, unspaced_script in ((spaced, False), (unspaced, True)):
        want = [(m.start(), m.end(), *finder._keys[int(m.lastgroup[1:])]) for m in rx.finditer(text)]
        assert [(m.start, m.end, m.key, m.phrase) for m in finder.find(text, unspaced_script)] == want
        want = [(m.start() + lo, m.end() + lo, *finder._keys[int(m.lastgroup[1:])]) for m in rx.finditer(text[lo:hi])]
        assert [(m.start, m.end, m.key, m.phrase) for m in finder.find(text, unspaced_script, lo, hi)] == want


def test_phrases_are_grouped_only_under_letters_that_match_alike():
    from checker.normalize.mentions import factored_alternation

    # Ignoring case, "Д" and "д" match the same letters, so their phrases share one opening;
    # matched with case they are different letters, and "Д" must not open the group of "д".
    alternatives = [("g0", ["Д", "a"]), ("g1", ["x", "b"]), ("g2", ["д", "c"])]
    assert factored_alternation(alternatives, merge_alike=True) == "Д(?:(?P<g0>a)|(?P<g2>c))|(?P<g1>xb)"
    assert factored_alternation(alternatives) == "(?P<g0>Дa)|(?P<g1>xb)|(?P<g2>дc)"
    # "Ё" matches ё as "[её]" does, but not е: moving g2 before g1 could change the first match.
    plain = "(?P<g0>[её]a)|(?P<g1>xb)|(?P<g2>Ёc)"
    assert factored_alternation([("g0", ["[её]", "a"]), ("g1", ["x", "b"]), ("g2", ["Ё", "c"])]) == plain
