"""Spanish: clock times, dates (with Julian/Gregorian pairs), counts."""
from __future__ import annotations

from pathlib import Path

import regex

from checker.extract.days_alone import DayAloneRule
from checker.extract.weekdays import WeekdayRule
from checker.extract.lang.es.counts import SpanishCountRule
from checker.extract.lang.es.dates import DateRule
from checker.extract.lang.es.numwords import SpanishNumberWords
from checker.extract.lang.es.times import TimeRule
from checker.extract.numeric_dates import DAY_FIRST, NumericDateRule
from checker.extract.pack import LanguagePack
from checker.extract.zones import WireTimeRule

# Wikipedia's reference marks: "[12]", "[nota 3]", "[cita requerida]".
_CITATION = regex.compile(r"\[(?:nota\s+|n\.\s*)?\d{1,4}\]|\[(?:cita requerida|¿cita\?|sin fuentes)\]", regex.IGNORECASE)


def blank_citations(text: str) -> str:
    """The text with reference marks turned to spaces of the same length, so that "diez
    mil[212][220] hombres" reads as one count and no mark is read as a number.

    >>> blank_citations("300[145] eran")
    '300      eran'
    """
    return _CITATION.sub(lambda m: " " * len(m.group()), text)


PACK = LanguagePack("es", Path(__file__).parent, reading=blank_citations)
WORDS = SpanishNumberWords()
PACK.rules = [TimeRule(PACK.lexicon, WORDS), DateRule(PACK.lexicon, WORDS), DayAloneRule(PACK.lexicon, "es"), WeekdayRule(PACK.lexicon, "es"), NumericDateRule(DAY_FIRST), SpanishCountRule(PACK.lexicon, WORDS), WireTimeRule()]
