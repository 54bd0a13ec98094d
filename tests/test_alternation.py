"""phrases.alternation groups its phrases by their opening characters (factored_alternation),
for speed: the grouped pattern must match exactly what the plain alternation of the phrases,
longest first, matches, with and without IGNORECASE, on every word list of every language pack."""
from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract.lang import available_languages, get_pack
from checker.extract.months import month_table
from checker.extract.phrases import _atoms, alternation
from checker.extract.wordnum import library_vocabulary


def _plain(phrases, prefix: bool = False) -> str:
    items = sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    return "(?:" + "|".join("".join(_atoms(p, prefix)) for p in items) + ")" if items else "(?!)"


def _word_lists(value, path=()):
    """Every list (or dict's keys) of strings in a lexicon."""
    if isinstance(value, dict):
        keys = [k for k in value if isinstance(k, str)]
        if len(keys) > 1:
            yield path, keys
        for k, v in value.items():
            yield from _word_lists(v, (*path, str(k)))
    elif isinstance(value, list) and len(value) > 1 and all(isinstance(v, str) for v in value):
        yield path, value


def _all_lists():
    seen = set()
    for lang in available_languages():
        found = [*_word_lists(get_pack(lang).lexicon), (("number_words",), list(library_vocabulary(lang))), (("months",), list(month_table(lang)))]
        for path, words in found:
            if words and tuple(words) not in seen:
                seen.add(tuple(words))
                yield pytest.param(words, id=f"{lang}-{'.'.join(path)}")


LISTS = list(_all_lists())


def test_word_lists_are_found():
    assert len(LISTS) > 50


@pytest.mark.parametrize("words", LISTS)
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_grouped_alternation_matches_what_the_plain_one_matches(words, data):
    piece = st.one_of(
        st.sampled_from(words),
        st.sampled_from(words).map(str.upper),
        st.sampled_from(words).flatmap(lambda w: st.integers(1, len(w)).map(lambda n: w[:n])),
        st.sampled_from([" ", "  ", ".", "ё", "é", "a", "-"]),
        st.text(max_size=3),
    )
    text = "".join(data.draw(st.lists(piece, max_size=10)))
    for prefix in (False, True):
        grouped, plain = alternation(words, prefix=prefix), _plain(words, prefix)
        for flags in (0, regex.IGNORECASE):
            want = [m.span() for m in regex.finditer(f"(?:{plain})(?!\\p{{L}})|(?:{plain})", text, flags)]
            got = [m.span() for m in regex.finditer(f"(?:{grouped})(?!\\p{{L}})|(?:{grouped})", text, flags)]
            assert got == want, (words, prefix, flags)
