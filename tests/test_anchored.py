"""Anchored scans find exactly what a full regex scan finds: the speed-up may not cost a match.

Every Anchored scanner of every language pack is compared with its pattern's own finditer on
texts made of the pack's example sentences cut up and spliced (checker.strategies.source_texts),
also padded past the match window so that the windowed match path is taken.
"""
from __future__ import annotations

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.extract import common
from checker.extract.common import Anchored
from checker.extract.lang import available_languages, get_pack
from checker.normalize import tokens as token_index
from checker.strategies import source_texts


def scanners(obj, seen=None) -> list[Anchored]:
    """Every Anchored held by a pack's rules, however deep their wrappers nest them."""
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return []
    seen.add(id(obj))
    if isinstance(obj, Anchored):
        return [obj]
    if isinstance(obj, (list, tuple)):
        return [a for item in obj for a in scanners(item, seen)]
    if hasattr(obj, "__dict__") and type(obj).__module__.startswith("checker."):
        return [a for value in vars(obj).values() for a in scanners(value, seen)]
    return []


def spans(matches) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in matches]


LANGUAGES = available_languages()


def test_every_spaced_pack_has_anchored_scanners():
    found = {lang: len(scanners(get_pack(lang).rules)) for lang in LANGUAGES}
    assert found["en"] >= 3 and found["es"] >= 3, found


@pytest.mark.parametrize("language", LANGUAGES)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_anchored_scan_equals_full_scan(language, data):
    text = data.draw(source_texts(language, max_pieces=16))
    # Padding of repeated text longer than the window makes every match take the windowed path.
    pad = data.draw(st.sampled_from(["", " 1917, " * (common.MATCH_WINDOW // 6 + 1)]))
    text = text + pad + text
    token_index._cache[:] = [None, None, None]
    for scan in scanners(get_pack(language).rules):
        assert spans(scan.finditer(text)) == spans(scan.rx.finditer(text)), scan.rx.pattern[:80]


def _example_text(language: str) -> str:
    from checker.strategies import example_fragments

    return "\n".join(example_fragments(language))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "marked",
    [
        pytest.param(lambda t: regex.sub(r"(\p{L})(?!\p{L})", "\\1\u0301", t), id="mark-ending-each-word"),
        pytest.param(lambda t: regex.sub(r"(?<!\p{L})(\p{L})", "a\u0301\\1", t), id="marked-letter-glued-before-each-word"),
    ],
)
def test_combining_marks_hide_no_match(language, marked):
    """A stress mark ("вчера́") is no letter to (?!\\p{L}) nor to (?<!\\p{L}): a word ending in one
    is still an anchor, and a match may start right after one."""
    text = marked(_example_text(language))
    token_index._cache[:] = [None, None, None]
    for scan in scanners(get_pack(language).rules):
        assert spans(scan.finditer(text)) == spans(scan.rx.finditer(text)), scan.rx.pattern[:80]


def test_russian_time_search_equals_full_search():
    """The Russian time rule goes on from a position of its own (Anchored.search)."""
    from checker.extract.lang.ru.times import TimeRule

    rule = next(r for r in get_pack("ru").rules if isinstance(r, TimeRule))
    text = _example_text("ru")
    for pos in range(0, len(text), 7):
        want, got = rule.scan.rx.search(text, pos), rule.scan.search(text, pos)
        assert (want and want.span()) == (got and got.span()), pos
