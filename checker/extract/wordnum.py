"""Number words ("five thousand", "mil doscientos", "трёх тысяч") found as runs and valued.

The vocabulary comes from number-parser's per-language data (every inflected form it knows)
plus a pack's own extra words; the value is computed by one positional rule for all languages.
"""
from __future__ import annotations

import importlib
from collections.abc import Iterable

import regex

from checker.extract.phrases import alternation, fold

_TABLES = ("UNIT_NUMBERS", "DIRECT_NUMBERS", "TENS", "HUNDREDS", "BIG_POWERS_OF_TEN")
_MAX_SCALE = 10**12  # beyond a trillion the words are too rare and too ambiguous to matter


def library_vocabulary(language: str) -> dict[str, float]:
    """Number words number-parser knows for `language`, folded, or {} when it has none.

    >>> library_vocabulary("ru")["трех"], library_vocabulary("es")["mil"]
    (3.0, 1000.0)
    """
    try:
        info = importlib.import_module(f"number_parser.data.{language}").info
    except ModuleNotFoundError:
        return {}
    words: dict[str, float] = {}
    for table in _TABLES:
        for word, value in info.get(table, {}).items():
            if value <= _MAX_SCALE and "\u200b" not in word:
                words[fold(word)] = float(value)
    return words


def combine(values: Iterable[float]) -> float | None:
    """Value of a sequence of number-word values, read left to right.

    >>> combine([1000, 200]), combine([5, 1000]), combine([2, 100, 30, 4]), combine([70, 1000])
    (1200.0, 5000.0, 234.0, 70000.0)
    """
    total, group, seen = 0.0, 0.0, False
    for v in values:
        seen = True
        if v >= 1000:
            total += max(group, 1.0) * v
            group = 0.0
        elif v == 100 and 0 < group < 100:
            group *= 100
        else:
            group += v
    return total + group if seen else None


def well_formed(values: list[float], joined: list[bool]) -> bool:
    """Whether number-word values, in order, make one number: within each part below a hundred,
    at most one tens word and one unit word, in that order, a teen standing alone; `joined`
    tells which words follow a connector ("and", "y"), which may only come after a hundred or
    more, or between tens and units ("treinta y cinco").

    >>> well_formed([20, 5], [False, False]), well_formed([6, 7], [False, True]), well_formed([100, 50], [False, True])
    (True, False, True)
    >>> well_formed([19, 100], [False, False]), well_formed([30, 12], [False, False]), well_formed([1.5, 1000], [False, False])
    (True, False, True)
    >>> well_formed([2, 0.5, 1000], [False] * 3), well_formed([0.5], [False])
    (True, False)
    """
    tens = units = False
    previous = None
    for v, after_connector in zip(values, joined):
        if after_connector and not (previous is not None and (previous >= 100 or (previous in _TENS and v < 10))):
            return False
        if v < 1:
            if not (tens or units):
                return False  # a half ("с половиной") only after a number
        elif v >= 100:
            tens = units = False  # "hundred", "thousand": a new part below a hundred begins
        elif v in _TENS:
            if tens or units:
                return False
            tens = True
        elif v < 10:
            if units:
                return False
            units = True
        else:  # ten to nineteen
            if tens or units:
                return False
            tens = units = True
        previous = v
    return True


_TENS = {20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0}


class NumberWords:
    """The number words of one language: a pattern for a run of them, and its value."""

    def __init__(self, language: str, extra: dict[str, float] | None = None, connectors: Iterable[str] = ()):
        self.language = language
        self.words = library_vocabulary(language)
        self.words.update({fold(k): float(v) for k, v in (extra or {}).items()})
        word = alternation(self.words)
        joiner = r"(?:\s*-\s*|\s+(?:" + alternation(connectors) + r"\s+)?|\s+)" if connectors else r"(?:\s*-\s*|\s+)"
        # Possessive repetition: a run of words never backtracks into itself.
        self.pattern = rf"(?<!\p{{L}})(?:{word})(?:{joiner}(?:{word}))*+(?!\p{{L}})"
        # Whole words: "an" (one) stands inside "and".
        self._word = regex.compile(rf"(?<!\p{{L}}){word}(?!\p{{L}})", regex.IGNORECASE)

    def value(self, text: str) -> float | None:
        """Value of a run matched by `pattern`, or None when the words are no one number but a
        list ("six and seven", "dos y tres").

        >>> NumberWords("es", connectors=["y"]).value("treinta y cinco mil")
        35000.0
        >>> en = NumberWords("en", connectors=["and"])
        >>> en.value("two hundred and fifty"), en.value("six and seven"), en.value("five six")
        (250.0, None, None)
        """
        values, joined, end = [], [], None
        for m in self._word.finditer(text):
            word = fold(m.group())
            if word in self.words:
                joined.append(end is not None and any(c.isalpha() for c in text[end : m.start()]))
                values.append(self.words[word])
                end = m.end()
        return combine(values) if well_formed(values, joined) else None
