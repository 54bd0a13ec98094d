"""Find mentions of catalog phrases in text, tolerant of inflection ("Зимнего дворца" for
"Зимний дворец", "Kerenski" for "Kérenski") without a stemmer per language."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex
from anyascii import anyascii

# Languages written without spaces between words: a phrase may touch other letters.
UNSPACED_LANGUAGES = ("th", "lo", "km", "my", "zh", "ja")
# Keep this many letters of a word and let the ending vary; short words must match whole.
_MIN_STEM, _ENDING = 4, 3


def stem_pattern(phrase: str) -> str:
    """A pattern for a phrase whose words may take other endings.

    >>> bool(regex.fullmatch(stem_pattern("Зимний дворец"), "Зимнего дворца", regex.I))
    True
    """
    parts = []
    for word in phrase.split():
        if not regex.fullmatch(r"\p{L}+", word) or len(word) <= _MIN_STEM or _is_unspaced_script(word):
            parts.append(regex.escape(word))
        else:
            keep = max(_MIN_STEM, len(word) - _ENDING)
            parts.append(regex.escape(word[:keep]) + r"\p{L}{0,5}")
    return r"\s+".join(parts).translate(str.maketrans({"е": "[её]", "ё": "[её]"}))


def _is_unspaced_script(word: str) -> bool:
    """Thai, Lao, Khmer, Burmese, CJK: words run together, so no endings are guessed."""
    return bool(regex.search(r"[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\p{Han}\p{Hiragana}\p{Katakana}]", word))


@dataclass(frozen=True)
class Mention:
    key: str
    phrase: str
    start: int
    end: int


class PhraseFinder:
    """One compiled pattern for many keyed phrases; finds every mention in a text."""

    def __init__(self, keyed: Iterable[tuple[str, str]], patterns: Iterable[tuple[str, str]] = ()):
        self._keys: list[tuple[str, str]] = []
        groups = []
        # Longest first; ties broken by text, not by set order, which changes with the hash seed.
        items = sorted(set(keyed), key=lambda kp: (-len(kp[1]), kp[1], kp[0]))
        for key, phrase in items:
            groups.append(f"(?P<g{len(self._keys)}>{stem_pattern(phrase)})")
            self._keys.append((key, phrase))
        for key, pattern in patterns:
            groups.append(f"(?P<g{len(self._keys)}>{pattern})")
            self._keys.append((key, pattern))
        body = "|".join(groups) or "(?!)"
        self._rx = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE)
        self._rx_unspaced = regex.compile(body, regex.IGNORECASE)

    def find(self, text: str, unspaced: bool = False) -> list[Mention]:
        """Mentions in text order; in unspaced scripts a phrase may touch other letters."""
        rx = self._rx_unspaced if unspaced else self._rx
        out = []
        for m in rx.finditer(text):
            idx = int(m.lastgroup[1:])
            key, phrase = self._keys[idx]
            out.append(Mention(key, phrase, m.start(), m.end()))
        return out


def latin_key(text: str) -> str:
    """A Latin, lower-case, letters-only key for comparing names across scripts.

    >>> latin_key("Керенский"), latin_key("Kérenski")
    ('kerenskiy', 'kerenski')
    """
    return regex.sub(r"[^a-z0-9]+", "", anyascii(text).lower())
