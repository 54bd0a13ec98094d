"""English counts: the shared CountRule, with the counted noun taken where English puts it,
after the words that describe it: "ten thousand Baltic fleet mariners" counts mariners."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.common import CountRule
from checker.extract.found import Found
from checker.extract.phrases import fold
from checker.extract.tallies import NounOf, Partitives, Tallies
from checker.extract.wordnum import NumberWords

# A plural noun: "lines", "SRs", "Days"; not "class", nor a possessive "Russia's".
_PLURAL = regex.compile(r"\p{L}[\p{L}'’-]*[^s'’\W]s", regex.IGNORECASE)


class EnglishCountRule:
    """CountRule's hits, with the head noun of what they count. CountRule takes the first word
    of the unit vocabulary among the three words after the number, else the first word; in
    English that first word is often an adjective or a noun used as one ("44 railway lines",
    "six Left SRs"). Where no word of the vocabulary stands there, the first plural word before
    a function word is the head, for counts of more than one.

    >>> from checker.extract.lang.en import PACK, _words
    >>> [f.counted for f in EnglishCountRule(PACK.lexicon, _words)("over 4,000 peasant uprisings and 44 railway lines; five sailors")]
    ['uprisings', 'lines', 'sailors']
    """

    def __init__(self, lexicon: dict, words: NumberWords):
        self.rule = CountRule(lexicon, words)
        self.tallies = Tallies(lexicon, self.rule)
        self.partitives = Partitives(lexicon, self.rule)
        self.noun_of = NounOf(lexicon, self.rule)

    def __call__(self, text: str) -> Iterator[Found]:
        for f, m in self.rule.hits(text):
            if f.counted and f.counted != "%" and not self.rule.unit_rx.match(f.counted) and not (f.low == 1 and f.high == 1):
                self._head(f, m)
            yield f
        yield from self.tallies(text)
        yield from self.partitives(text)
        yield from self.noun_of(text)

    def _head(self, f: Found, m: regex.Match) -> None:
        for word, end in self.rule.words_after(f, m):
            if fold(word) in self.rule.function_words:
                return
            if _PLURAL.fullmatch(word):
                f.counted, f.end = word, end
                return

