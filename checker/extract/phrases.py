"""Build patterns from word lists: the language packs keep words as data, not regex."""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

from checker.normalize.mentions import YO_EITHER, factored_alternation, split_head

_SPACES = regex.compile(r"\s+")


def alternation(phrases: Iterable[str], *, prefix: bool = False) -> str:
    """A non-capturing alternation of phrases, longest first so the longest wins; spaces in a
    phrase match any run of white space. With `prefix`, a phrase may be followed by more letters
    (inflected endings). Cyrillic е and ё are interchangeable, as writers use them.

    >>> regex.fullmatch(alternation(["a. m."]), "a.m.") is not None
    True
    """
    items = sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    if not items:
        return "(?!)"
    # Grouped by their opening characters, as the engine tries them faster so; which phrase
    # matches first stays the same (see factored_alternation).
    return "(?:" + factored_alternation([(None, _atoms(p, prefix)) for p in items]) + ")"


def _atoms(phrase: str, prefix: bool) -> list[str]:
    r"""A phrase's pattern for `alternation`: one element for each character of its first word,
    then the rest in one piece.

    >>> _atoms("a. m.", False)
    ['a', '\\.', '\\s*m\\.']
    """
    words = phrase.split()
    pattern = regex.escape(words[0], special_only=True)
    for before, word in zip(words, words[1:]):
        # "a. m." is also written "a.m.": after an abbreviation the space is optional.
        pattern += (r"\s*" if before.endswith(".") else r"\s+") + regex.escape(word, special_only=True)
    pattern = pattern.translate(YO_EITHER) + (r"\p{L}*" if prefix else "")
    return split_head(pattern, [regex.escape(ch, special_only=True).translate(YO_EITHER) for ch in words[0]])


def unit_patterns(table: dict[str, list[str]]) -> list[tuple[regex.Pattern, str]]:
    """(pattern, unit) for each unit of a `units` table, its words stems that may take
    endings ("marin" covers marinos, marineros), in table order."""
    return [(regex.compile(alternation(words, prefix=True), regex.IGNORECASE), unit) for unit, words in table.items() if words]


def unit_of(patterns: list[tuple[regex.Pattern, str]], text: str | None, whole: bool = False) -> str | None:
    """The unit of the first pattern that matches the start of `text` (all of it with `whole`).

    >>> units = unit_patterns({"sailors": ["marin"], "killed": ["killed"]})
    >>> unit_of(units, "marineros de Kronstadt"), unit_of(units, "killed 17"), unit_of(units, "killed 17", whole=True)
    ('sailors', 'killed', None)
    """
    if not text:
        return None
    return next((unit for rx, unit in patterns if (rx.fullmatch if whole else rx.match)(text)), None)


def lookup(table: dict[str, object], key: str, default=None):
    """Look a matched phrase up in a table keyed by phrase, ignoring case and spacing.

    >>> lookup({"a. m.": "am"}, "A.M.")
    'am'
    """
    k = fold(key)
    for phrase, value in table.items():
        if fold(phrase) == k:
            return value
    return default


# Rules fold every matched word to look it up: the same few hundred words again and again.
@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case- and space-insensitive key; ё and е are one letter.

    >>> fold("Трёх  Тысяч")
    'трехтысяч'
    """
    return _SPACES.sub("", text.casefold()).replace("ё", "е")


UNSPACED = regex.compile(r"[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\p{Han}]")


def phrases_before(words: Iterable[str]) -> str:
    """An alternation of phrases that stand right before something ("the night of ", "by "),
    longest first, each a whole word, spaces matching any white space. Scripts without spaces
    run words together: there a phrase may touch the word before it.

    >>> regex.search(phrases_before(["by", "no later than"]), "fell no  later than ").group()
    'no  later than'
    >>> regex.search(phrases_before(["by"]), "nearby") is None
    True
    """
    def one(word: str) -> str:
        edge = "" if UNSPACED.match(word) else r"(?<![\p{L}\p{M}])"
        return edge + regex.escape(word).replace(r"\ ", r"\s+")

    return "|".join(one(w) for w in sorted(words, key=len, reverse=True))
