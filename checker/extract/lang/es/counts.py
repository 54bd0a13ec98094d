"""Spanish counts: the shared CountRule, plus what Spanish says its own way: "una treintena"
(about 30) and "por 29 votos a 23" (two tallies)."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.common import CountRule
from checker.extract.found import Found
from checker.extract.phrases import fold
from checker.extract.tallies import Partitives, Tallies
from checker.extract.wordnum import NumberWords

_DIGIT_RANGE = regex.compile(r"\d+\s*[-–—]\s*\d+")
_WORD = regex.compile(r"\p{L}[\p{L}'’-]*")


class SpanishCountRule:
    """CountRule's hits, adjusted; and the second figure of a tally ("29 votos a 23")."""

    def __init__(self, lexicon: dict, words: NumberWords):
        self.rule = CountRule(lexicon, words)
        self.fillers = {fold(w) for w in (lexicon.get("counted_skip") or []) + (lexicon.get("function_words") or [])}
        self.tallies = Tallies(lexicon, self.rule)
        self.partitives = Partitives(lexicon, self.rule)

    def __call__(self, text: str) -> Iterator[Found]:
        for f, m in self.rule.hits(text):
            if f.counted is None and _DIGIT_RANGE.fullmatch(text, f.start, f.end):
                continue  # "328-347", "84-350-2614": pages and codes, not a range of anything
            if f.counted:
                self._noun_first(f, m)
            yield f
        yield from self.tallies(text)
        yield from self.partitives(text)

    def _noun_first(self, f: Found, m: regex.Match) -> None:
        """Spanish puts the noun first and its adjectives after: "dos periódicos bolcheviques"
        counts newspapers, not Bolsheviks. CountRule takes the first known unit among three
        words (English "five thousand Kronstadt sailors"); here the first word that is not a
        function word wins unless it is a verb-like filler ("300 eran bolcheviques").

        >>> from checker.extract.lang.es import PACK, WORDS
        >>> [f.counted for f in SpanishCountRule(PACK.lexicon, WORDS)("dos periódicos bolcheviques y 300 eran bolcheviques")]
        ['periódicos', 'bolcheviques']
        """
        for word, end in self.rule.words_after(f, m):
            if fold(word) in self.fillers:
                continue
            if word != f.counted and not self.rule.unit_rx.match(word) and _WORD.fullmatch(word):
                f.counted, f.end = word, end
            return
