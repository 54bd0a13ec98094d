"""Build patterns from word lists: the language packs keep words as data, not regex."""
from __future__ import annotations

from collections.abc import Iterable

import regex


_SPACES = regex.compile(r"\s+")
_YO = str.maketrans({"е": "[её]", "ё": "[её]"})


def alternation(phrases: Iterable[str], *, prefix: bool = False) -> str:
    """A non-capturing alternation of phrases, longest first so the longest wins; spaces in a
    phrase match any run of white space. With `prefix`, a phrase may be followed by more letters
    (inflected endings). Cyrillic е and ё are interchangeable, as writers use them.

    >>> regex.fullmatch(alternation(["a. m."]), "a.m.") is not None
    True
    """
    items = sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    parts = []
    for p in items:
        words = p.split()
        pat = regex.escape(words[0], special_only=True)
        for before, word in zip(words, words[1:]):
            # "a. m." is also written "a.m.": after an abbreviation the space is optional.
            pat += (r"\s*" if before.endswith(".") else r"\s+") + regex.escape(word, special_only=True)
        parts.append(pat.translate(_YO) + (r"\p{L}*" if prefix else ""))
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


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


def fold(text: str) -> str:
    """Case- and space-insensitive key; ё and е are one letter.

    >>> fold("Трёх  Тысяч")
    'трехтысяч'
    """
    return _SPACES.sub("", text.casefold()).replace("ё", "е")
