"""Spanish number words. Spanish joins words with "y" only between tens and units ("treinta y
cinco"), so "entre cinco y diez mil" stays two numbers, a range, not one."""
from __future__ import annotations

from checker.extract.phrases import alternation
from checker.extract.wordnum import NumberWords

# Spellings without accents, as careless or older texts write them.
UNACCENTED = {
    "dieciseis": 16,
    "veintiun": 21,
    "veintidos": 22,
    "veintitres": 23,
    "veintiseis": 26,
    "millon": 1_000_000,
}

MAX_WORDS = 12


class SpanishNumberWords(NumberWords):
    """Runs of Spanish number words.

    >>> import regex
    >>> w = SpanishNumberWords()
    >>> [w.value(m.group()) for m in regex.finditer(w.pattern, "entre cinco y diez mil, sesenta y ocho")]
    [5.0, 10000.0, 68.0]
    >>> regex.search(w.pattern, "dos milicianos").group()
    'dos'
    """

    def __init__(self, extra: dict[str, float] | None = None):
        super().__init__("es", extra={**UNACCENTED, **(extra or {})})
        # Each word ends at a word boundary: "mil" is no number inside "milicianos".
        word = alternation(self.words) + r"(?!\p{L})"
        tens = alternation(w for w, v in self.words.items() if v in (30, 40, 50, 60, 70, 80, 90))
        units = alternation(w for w, v in self.words.items() if 1 <= v <= 9)
        joiner = rf"(?:\s*-\s*|(?<=(?<!\p{{L}}){tens})\s+y\s+(?={units}(?!\p{{L}}))|\s+)"
        # Possessive and bounded: a run never backtracks into itself, and no Spanish number
        # needs more words ("ciento cincuenta y tres mil cuatrocientos veinte" has nine), so a
        # pattern that fails after a long run of number words costs little at each start.
        self.pattern = rf"(?<!\p{{L}})(?:{word})(?:{joiner}(?:{word})){{0,{MAX_WORDS - 1}}}+"
