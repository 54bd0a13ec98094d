"""Tolls: a figure whose counted noun stands before it, a few words back: "the death toll rose
to 1,234", "la cifra de muertos ascendió a 1.234", "число погибших достигло 1234". The
lexicon's `tolls` map each unit to its phrases; `toll_deltas` are the words that make the
figure a change, not a total ("rose by 12")."""
from __future__ import annotations

import bisect

import regex

from checker.extract.phrases import alternation, fold, lookup

# How far back from the figure the toll phrase may end, and what may stand between: a few
# words and commas, no figure and no end of a sentence or clause.
REACH = 60
_GAP = regex.compile(r"(?:[\s,]+[\p{L}\p{M}'’-]+){0,6}?[\s,]+")
_WORD = regex.compile(r"[\p{L}\p{M}'’-]+")


class Tolls:
    """
    >>> tolls = Tolls({"tolls": {"killed": ["death toll"]}, "toll_deltas": ["by"], "labels": ["magnitude"]})
    >>> text = "The death toll rose to 1,234; the death toll rose by 12."
    >>> tolls.before(text, 23), tolls.before(text, 52)
    ((4, 'death toll', 'killed'), None)
    >>> quake = "The death toll from the magnitude 7.8 earthquake rose to 1,234"
    >>> tolls.before(quake, quake.index("1,234"))
    (4, 'death toll', 'killed')
    """

    def __init__(self, lexicon: dict):
        from checker.extract.common import Anchored, anchor_words, token_count

        table = lexicon.get("tolls") or {}
        self.unit_of = {p: unit for unit, phrases in table.items() for p in phrases}
        self.deltas = {fold(w) for w in lexicon.get("toll_deltas") or []}
        self.scan = None
        if self.unit_of:
            rx = regex.compile(rf"(?<![\p{{L}}\p{{M}}]){alternation(self.unit_of)}(?![\p{{L}}\p{{M}}])", regex.IGNORECASE)
            # Anchored on each phrase's last word: "muertos", not the "de" of "cifra de muertos".
            last_words = anchor_words(p.split()[-1] for p in self.unit_of)
            self.scan = Anchored(rx, last_words, token_count(self.unit_of), digits=False)
        self._found: tuple[str | None, list[int], list] = (None, [], [])
        # A measure between the toll and its figure is no figure of the toll: "the death toll
        # from the magnitude 7.8 earthquake rose to 1,234" (the lexicon's `labels`).
        labels = lexicon.get("labels") or []
        self.measures = regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{alternation(labels)})\s*+\d+(?:[.,]\d+)?", regex.IGNORECASE) if labels else None

    def _hits(self, text: str) -> tuple[list[int], list]:
        """The toll phrases of a text, found once per text, and the list of their ends."""
        if self._found[0] is not text:
            hits = list(self.scan.finditer(text)) if self.scan is not None else []
            self._found = (text, [m.end() for m in hits], hits)
        return self._found[1], self._found[2]

    def near(self, text: str, pos: int) -> bool:
        """Whether a toll phrase ends within REACH before `pos`: the cheap test first."""
        ends, _ = self._hits(text)
        i = bisect.bisect_right(ends, pos)
        return i > 0 and ends[i - 1] >= pos - REACH

    def before(self, text: str, pos: int) -> tuple[int, str, str] | None:
        """(start, phrase, unit) of the toll a figure at `pos` gives, or None."""
        ends, hits = self._hits(text)
        i = bisect.bisect_right(ends, pos)
        if i == 0 or ends[i - 1] < pos - REACH:
            return None
        m = hits[i - 1]
        gap = text[m.end() : pos]
        if self.measures is not None:
            gap = self.measures.sub("", gap)
        if not _GAP.fullmatch(gap):
            return None
        words = _WORD.findall(gap)
        if words and fold(words[-1]) in self.deltas:
            return None
        return m.start(), m.group(), lookup(self.unit_of, m.group())
