"""Find mentions of catalog phrases in text, tolerant of inflection ("Зимнего дворца" for
"Зимний дворец", "Kerenski" for "Kérenski") without a stemmer per language."""
from __future__ import annotations

from collections.abc import Iterable
import unicodedata
from dataclasses import dataclass

import regex
from anyascii import anyascii

# Languages written without spaces between words: a phrase may touch other letters.
UNSPACED_LANGUAGES = ("th", "lo", "km", "my", "zh", "ja")
# Keep this many letters of a word and let the ending vary; short words must match whole.
_MIN_STEM, _ENDING = 4, 3


def _accent_classes() -> dict[str, str]:
    """Each Latin letter as a class of itself and its accented forms, read from Unicode's own
    decompositions: "e" -> "[eéèêë...]", so "Kérenski" and "Kerenski" are one name."""
    forms: dict[str, set[str]] = {}
    for cp in range(0xC0, 0x250):
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0]
        if base != ch and base.isascii() and base.isalpha():
            forms.setdefault(base.lower(), {base.lower()}).add(ch.lower())
    return {b: "[" + "".join(sorted(fs)) + "]" for b, fs in forms.items()}


_ACCENTS = _accent_classes()


def _unaccented(escaped: str) -> str:
    """A pattern whose Latin letters also match their accented forms.

    >>> bool(regex.fullmatch(_unaccented("Kérenski"), "Kerenski", regex.I))
    True
    """
    out = []
    for ch in escaped:
        base = unicodedata.normalize("NFD", ch)[0].lower()
        out.append(_ACCENTS.get(base, ch) if base.isascii() and base.isalpha() else ch)
    return "".join(out)


def stem_pattern(phrase: str) -> str:
    """A pattern for a phrase whose words may take other endings.

    >>> bool(regex.fullmatch(stem_pattern("Зимний дворец"), "Зимнего дворца", regex.I))
    True
    """
    parts = []
    for word in phrase.split():
        if not regex.fullmatch(r"\p{L}+", word) or len(word) <= _MIN_STEM or _is_unspaced_script(word):
            parts.append(_unaccented(regex.escape(word)))
        else:
            keep = max(_MIN_STEM, len(word) - _ENDING)
            parts.append(_unaccented(regex.escape(word[:keep])) + r"\p{L}{0,5}")
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


# Thai writes these vowels before the consonant they follow in speech; anyascii keeps the
# written order ("เลนิน" -> "elnin"), so they are moved after it first ("lenin").
_THAI_LEADING_VOWEL = regex.compile(r"([\u0E40-\u0E44])([\u0E01-\u0E2E])")


# Romanisations mark aspiration that other spellings of the same name do not ("เค" -> "khe",
# "Kerensky"): the key drops the h after a stop.
_ASPIRATE = regex.compile(r"(?<=[kptc])h")


def latin_key(text: str) -> str:
    """A Latin, lower-case, letters-only key for comparing names across scripts.

    >>> latin_key("Керенский"), latin_key("Kérenski"), latin_key("เลนิน"), latin_key("เคเรนสกี")
    ('kerenskiy', 'kerenski', 'lenin', 'kerenski')
    """
    latin = anyascii(_THAI_LEADING_VOWEL.sub(r"\2\1", text)).lower()
    return _ASPIRATE.sub("", regex.sub(r"[^a-z0-9]+", "", latin))


# Two names whose Latin keys score at least this (rapidfuzz ratio, 0-100) are one name: tested
# in tests/test_verdicts.py (Kerensky/Kerenskiy/Kérenski/Керенский meet, Kamenev and Kornilov not).
NAME_SCORE = 84


class AliasIndex:
    """Every alias of every entity, in every language, as Latin keys: the names a language's own
    aliases miss (another script, another transliteration) are looked up here by rapidfuzz.

    >>> AliasIndex({"kerensky": ["Керенский"]}).lookup("kerensky")
    ('kerensky', 'Керенский', 94.1)
    """

    def __init__(self, aliases: dict[str, list[str]], score: int = NAME_SCORE):
        pairs = sorted({(latin_key(a), eid, a) for eid, names in aliases.items() for a in names})
        self._pairs = [(k, eid, a) for k, eid, a in pairs if len(k) >= 5]
        self._keys = [k for k, _, _ in self._pairs]
        self._score = score
        self._seen: dict[str, tuple[str, str, float] | None] = {}

    def lookup(self, name: str) -> tuple[str, str, float] | None:
        """(entity, alias, score) for a name's Latin key, or None."""
        if name not in self._seen:
            from rapidfuzz import fuzz, process

            hit = process.extractOne(name, self._keys, scorer=fuzz.ratio, score_cutoff=self._score) if len(name) >= 5 else None
            self._seen[name] = None if hit is None else (self._pairs[hit[2]][1], self._pairs[hit[2]][2], round(hit[1], 1))
        return self._seen[name]
