"""Figures that count what a neighbouring figure counts:

- the second figure of a tally: "by 381 votes to 150", "por 29 votos a 23", "381 голосом против
  150" (lexicon `tally_joiners`, the words between the figures);
- the part of a whole: "684 of the 801 men", "71 de los 72 rehenes", "102 из 120 БМП" (lexicon
  `partitives`).

The other figure is an ordinary count; these report the one the count rule cannot name."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.common import DIGITS, Anchored, CountRule
from checker.extract.found import Found
from checker.extract.phrases import alternation


class Tallies:
    """
    >>> from checker.extract.lang.en import PACK, _words
    >>> [(f.low, f.counted) for f in Tallies(PACK.lexicon, CountRule(PACK.lexicon, _words))("carried by 381 votes to 150, and 20 to 3")]
    [(150.0, 'votes')]
    """

    def __init__(self, lexicon: dict, rule: CountRule):
        self.rule = rule
        joiners = lexicon.get("tally_joiners") or []
        self.enabled = bool(joiners)
        if not self.enabled:
            return
        num = rf"(?:(?:{DIGITS})(?!\p{{L}})|{rule.words.pattern})"
        unit = alternation([w for ws in (lexicon.get("units") or {}).values() for w in ws], prefix=True)
        self.rx = regex.compile(
            rf"(?<![\p{{L}}\d])(?:{num})\s+(?P<noun>{unit})\s+(?:{alternation(joiners)})\s+(?P<m>{num})(?![\p{{L}}\d])(?!\s*{unit})",
            regex.IGNORECASE,
        )
        # A tally opens with its first figure.
        self.scan = Anchored(self.rx, rule.anchors, lead=0)

    def __call__(self, text: str) -> Iterator[Found]:
        if not self.enabled:
            return
        for m in self.scan.finditer(text):
            value = self.rule.number(m.group("m"))
            if value is not None:
                yield Found("count", m.start("m"), m.end("m"), low=value, high=value, counted=m.group("noun"))


class Partitives:
    """
    >>> from checker.extract.lang.en import PACK, _words
    >>> [(f.low, f.counted, f.start) for f in Partitives(PACK.lexicon, CountRule(PACK.lexicon, _words))("lost 684 of the 801 men")]
    [(684.0, 'men', 5)]
    """

    def __init__(self, lexicon: dict, rule: CountRule):
        self.rule = rule
        words = lexicon.get("partitives") or []
        self.enabled = bool(words)
        if not self.enabled:
            return
        num = rf"(?:(?:{DIGITS})(?!\p{{L}})|{rule.words.pattern})"
        self.rx = regex.compile(
            rf"(?<![\p{{L}}\d])(?P<n>{num})\s+(?:{alternation(words)})\s+(?:{num})\s+(?P<noun>\p{{L}}[\p{{L}}'’-]*)",
            regex.IGNORECASE,
        )
        self.scan = Anchored(self.rx, rule.anchors, lead=0)

    def __call__(self, text: str) -> Iterator[Found]:
        if not self.enabled:
            return
        for m in self.scan.finditer(text):
            value = self.rule.number(m.group("n"))
            labelled = self.rule.label_rx is not None and self.rule.label_rx.search(text, max(0, m.start() - 16), m.start())
            if value is not None and not labelled:  # not "p. 12 of the 300 pages"
                yield Found("count", m.start("n"), m.end("n"), low=value, high=value, counted=m.group("noun"))
