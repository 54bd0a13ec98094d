"""Figures that count what a neighbouring figure counts:

- the second figure of a tally: "by 381 votes to 150", "por 29 votos a 23", "381 голосом против
  150" (lexicon `tally_joiners`, the words between the figures);
- the part of a whole: "684 of the 801 men", "71 de los 72 rehenes", "102 из 120 БМП" (lexicon
  `partitives`);
- the part of a whole named before: "ранены 783 человека, 118 из них — дети" (lexicon
  `partitive_pronouns`, the words that point back: "из них", "из которых");
- a body and its size: "a crew of 1,196", "an army of 30,000" (lexicon `count_of`).

The other figure is an ordinary count; these report the one the count rule cannot name."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.common import DIGITS, Anchored, CountRule, looks_like_year
from checker.extract.found import Found
from checker.extract.phrases import alternation, fold


class _Borrowing:
    """A pattern whose `figure` group counts what its `noun` group names, on when the pack's
    lexicon has words under `key`; the pattern opens with a figure."""

    key = ""
    lead = 0  # tokens a match may start before its figure

    def __init__(self, lexicon: dict, rule: CountRule):
        self.rule = rule
        words = lexicon.get(self.key) or []
        num = rf"(?:(?:{DIGITS})(?!\p{{L}})|{rule.words.pattern})"
        self.scan = Anchored(regex.compile(self.pattern(lexicon, words, num), regex.IGNORECASE), rule.anchors, lead=self.lead) if words else None

    def pattern(self, lexicon: dict, words: list[str], num: str) -> str:
        raise NotImplementedError

    def keeps(self, text: str, m: regex.Match) -> bool:
        return True

    def __call__(self, text: str) -> Iterator[Found]:
        if self.scan is None:
            return
        for m in self.scan.finditer(text):
            value = self.rule.number(m.group("figure"))
            if value is not None and self.keeps(text, m):
                yield Found("count", m.start("figure"), m.end("figure"), low=value, high=value, counted=m.group("noun"))


class Tallies(_Borrowing):
    """
    >>> from checker.extract.lang.en import PACK, _words
    >>> [(f.low, f.counted) for f in Tallies(PACK.lexicon, CountRule(PACK.lexicon, _words))("carried by 381 votes to 150, and 20 to 3")]
    [(150.0, 'votes')]
    """

    key = "tally_joiners"

    def pattern(self, lexicon: dict, words: list[str], num: str) -> str:
        unit = alternation([w for ws in (lexicon.get("units") or {}).values() for w in ws], prefix=True)
        return rf"(?<![\p{{L}}\d])(?:{num})\s+(?P<noun>{unit})\s+(?:{alternation(words)})\s+(?P<figure>{num})(?![\p{{L}}\d])(?!\s*{unit})"


class Partitives(_Borrowing):
    """
    >>> from checker.extract.lang.en import PACK, _words
    >>> [(f.low, f.counted, f.start) for f in Partitives(PACK.lexicon, CountRule(PACK.lexicon, _words))("lost 684 of the 801 men")]
    [(684.0, 'men', 5)]
    """

    key = "partitives"

    def pattern(self, lexicon: dict, words: list[str], num: str) -> str:
        return rf"(?<![\p{{L}}\d])(?P<figure>{num})\s+(?:{alternation(words)})\s+(?:{num})\s+(?P<noun>\p{{L}}[\p{{L}}'’-]*)"

    def keeps(self, text: str, m: regex.Match) -> bool:
        """Not "p. 12 of the 300 pages": a figure after a label word names a page."""
        return self.rule.label_rx is None or not self.rule.label_rx.search(text, max(0, m.start() - 16), m.start())


class PartsOfThem(_Borrowing):
    """A figure before words that point back to a whole counted just before, in the same
    sentence: it counts what the whole counts.

    >>> from checker.extract.lang.ru import PACK, _words
    >>> rule = PartsOfThem(PACK.lexicon, CountRule(PACK.lexicon, _words))
    >>> [(f.low, f.counted) for f in rule("Ранены 783 человека, 118 из них — дети. Сгорели 5 домов. 2 из них")]
    [(118.0, 'человека')]
    """

    key = "partitive_pronouns"

    def __init__(self, lexicon: dict, rule: CountRule):
        super().__init__(lexicon, rule)
        words = lexicon.get(self.key) or []
        # The pointing words are rare: one scan in C for them spares the figure-by-figure scan.
        self.present = regex.compile(rf"(?<!\p{{L}}){alternation(words)}(?!\p{{L}})", regex.IGNORECASE) if words else None

    def __call__(self, text: str) -> Iterator[Found]:
        if self.present is not None and self.present.search(text):
            yield from super().__call__(text)

    def pattern(self, lexicon: dict, words: list[str], num: str) -> str:
        between = r"[^.;!?\n\d]{0,60}?"
        return rf"(?<![\p{{L}}\d])(?:{num})\s+(?P<noun>\p{{L}}[\p{{L}}-]*){between}(?<![\p{{L}}\d])(?P<figure>{num})\s+(?:{alternation(words)})(?!\p{{L}})"


class NounOf(_Borrowing):
    """A figure that ends its phrase after a noun and "of": the noun is what it counts.

    >>> from checker.extract.lang.en import PACK, _words
    >>> rule = NounOf(PACK.lexicon, CountRule(PACK.lexicon, _words))
    >>> [(f.low, f.counted) for f in rule("She had a crew of 1,196. He led an army of 30,000; the summer of 1917, an army of 30,000 marched")]
    [(1196.0, 'crew'), (30000.0, 'army')]
    """

    key = "count_of"
    lead = 2

    def pattern(self, lexicon: dict, words: list[str], num: str) -> str:
        return rf"(?<![\p{{L}}\p{{M}}])(?P<noun>\p{{L}}[\p{{L}}'’-]*)\s+(?:{alternation(words)})\s+(?P<figure>(?>{DIGITS}))(?=[ \t]*(?:[.,;:!?)\]—–]|$))"

    def keeps(self, text: str, m: regex.Match) -> bool:
        """Not a year ("the summer of 1917"), nor after a function or label word."""
        noun = fold(m.group("noun"))
        figure = m.group("figure")
        return not (looks_like_year(figure, self.rule.number(figure) or 0) or noun in self.rule.function_words or noun in self.rule.not_counted
                    or (self.rule.label_rx is not None and self.rule.label_rx.search(m.group("noun") + " ")))
