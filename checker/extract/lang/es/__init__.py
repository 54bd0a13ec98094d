"""Spanish: clock times, dates (with Julian/Gregorian pairs), counts."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import regex

from checker.extract.found import Found
from checker.extract.lang.es.counts import SpanishCountRule
from checker.extract.lang.es.dates import DateRule
from checker.extract.lang.es.numwords import SpanishNumberWords
from checker.extract.lang.es.times import TimeRule
from checker.extract.numeric_dates import DayFirstDateRule
from checker.extract.pack import LanguagePack

# Wikipedia's reference marks: "[12]", "[nota 3]", "[cita requerida]".
_CITATION = regex.compile(r"\[(?:nota\s+|n\.\s*)?\d{1,4}\]|\[(?:cita requerida|¿cita\?|sin fuentes)\]", regex.IGNORECASE)


def blank_citations(text: str) -> str:
    """The text with reference marks turned to spaces of the same length, so that "diez
    mil[212][220] hombres" reads as one count and no mark is read as a number.

    >>> blank_citations("300[145] eran")
    '300      eran'
    """
    return _CITATION.sub(lambda m: " " * len(m.group()), text)


class WithoutCitations:
    """A rule run on the text with its reference marks blanked; spans stay those of the text."""

    def __init__(self, rules: Iterable):
        self.rules = list(rules)

    def __call__(self, text: str) -> Iterable[Found]:
        clean = blank_citations(text)
        return [f for rule in self.rules for f in rule(clean)]


PACK = LanguagePack("es", Path(__file__).parent)
WORDS = SpanishNumberWords()
PACK.rules = [WithoutCitations([TimeRule(PACK.lexicon, WORDS), DateRule(PACK.lexicon, WORDS), DayFirstDateRule(), SpanishCountRule(PACK.lexicon, WORDS)])]
