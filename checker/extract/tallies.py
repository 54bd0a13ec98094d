"""The second figure of a tally: "by 381 votes to 150", "por 29 votos a 23", "381 голосом
против 150". The first figure is an ordinary count; the second counts what the first does. A
pack turns this on with the lexicon key `tally_joiners` (the words between the two figures)."""
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
