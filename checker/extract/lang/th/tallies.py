"""Thai vote tallies: "ด้วยคะแนน ๑๐ : ๒", "คะแนนเสียง ๑๐ ต่อ ๒ เสียง" are two counts of votes."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.found import Found
from checker.extract.lang.th.numwords import ThaiNumberWords
from checker.extract.lang.th.scan import ascii_text
from checker.extract.phrases import alternation


class TallyRule:
    """ "ด้วยคะแนน ๑๐ : ๒", "คะแนนเสียง ๑๐ ต่อ ๒ เสียง": the votes on each side are counts."""

    def __init__(self, lexicon: dict, words: ThaiNumberWords):
        self.words = words
        num = rf"(?:\d+|{words.pattern})"
        self.rx = regex.compile(
            rf"(?P<cue>{alternation(lexicon['tally_cues'])})\s*(?P<a>{num})\s*{alternation(lexicon['tally_joiners'])}\s*(?P<b>{num})(?![\d.:])"
            rf"(?:\s*(?P<cls>{alternation(lexicon['tally_cues'])}))?"
        )

    def _value(self, text: str, m: regex.Match, g: str) -> float | None:
        written = m.group(g)
        if written.isdigit():
            return float(written)
        if self.words.whole_run(text, m.start(g), m.end(g)) != m.end(g):
            return None
        b = self.words.bounds(self.words.split(written))
        return b[0] if b and b[0] == b[1] else None

    def __call__(self, text: str) -> Iterator[Found]:
        for m in self.rx.finditer(ascii_text(text)):
            a, b = self._value(text, m, "a"), self._value(text, m, "b")
            if a is None or b is None:
                continue
            cue = m.group("cue")
            yield Found("count", m.start(), m.end("a"), low=a, high=a, counted=cue, unit="votes")
            yield Found("count", m.start("b"), m.end(), low=b, high=b, counted=cue, unit="votes")
