"""The counted noun of a Thai count. Thai names what it counts before the number
("ปืนไรเฟิล ๕,๐๐๐ กระบอก"), as a run of nouns the tokenizer can split ("กลาสีเรือ"), and may put
qualifiers and words like "รวม" (in all) between them ("แกนนำพรรครวม ๑๒ คน")."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from checker.extract.lang.th.wordbreak import THAI, word_starts
from checker.extract.phrases import alternation, fold, lookup

# How far back (in letters) the counted noun before a number is looked for, and how much may
# stand between that noun and the number ("แกนนำพรรคบอลเชวิครวม ๑๒ คน").
NOUN_REACH = 40
NOUN_GAP = 16
_THAI_LETTER = regex.compile(THAI)


@dataclass
class Noun:
    """The counted noun before a number: where it is, what it says and the unit it names."""

    start: int
    end: int
    unit: str | None
    adjacent: bool  # nothing but skip words between it and the number


class Nouns:
    """The lexicon's unit words (`units`, in order of precedence) and classifiers."""

    def __init__(self, lexicon: dict):
        self.units = lexicon["units"]
        self.unit_rank = {fold(w): i for i, ws in enumerate(self.units.values()) for w in reversed(ws)}
        self.unit_names = list(self.units)
        self.classifiers = lexicon["classifiers"]
        self.measures = set(lexicon["measures"])
        self.collectives = {fold(w) for w in lexicon["collectives"]}
        self.skip_tail = regex.compile(rf"(?:{alternation(lexicon['counted_skip'])}|\s)+$")
        self.unit_rx = regex.compile(alternation([w for ws in self.units.values() for w in ws]))

    def before(self, text: str, pos: int) -> Noun | None:
        """The counted noun in the clause before `pos`: the unit words nearest the number (a run
        of them, "กลาสีเรือ"), starting where the tokenizer starts a word.

        >>> from checker.extract.lang.th import PACK
        >>> nouns = Nouns(PACK.lexicon)
        >>> t = "ตรอตสกีสั่งให้จ่ายปืนไรเฟิล ๕,๐๐๐ กระบอก"
        >>> n = nouns.before(t, t.index("๕")); t[n.start:n.end], n.unit, n.adjacent
        ('ปืนไรเฟิล', 'guns', True)
        """
        lo, hi = _clause_before(text, pos)
        hits = self._unit_words(text, lo, hi) if lo < hi else []
        if not hits:
            return None
        start, end, members = _nearest_run(hits)
        tail = self.skip_tail.search(text, end, hi)
        content_end = tail.start() if tail else hi
        adjacent = content_end == end
        if content_end - end > NOUN_GAP:
            content_end = end  # a long stretch between is not part of the noun
        rank = min(self.unit_rank[fold(text[s:e])] for s, e in members)
        return Noun(start, content_end, self.unit_names[rank], adjacent)

    def _unit_words(self, text: str, lo: int, hi: int) -> list[tuple[int, int]]:
        """(start, end) of every unit word in text[lo:hi] that begins a word."""
        starts = word_starts(text, lo, hi)
        found = self.unit_rx.finditer(text[lo:hi], overlapped=True)
        return [(lo + m.start(), lo + m.end()) for m in found if lo + m.start() in starts]

    def unit(self, cls: str | None, noun: Noun | None) -> str | None:
        """A measure classifier names the unit ("อีก ๕ วัน"); else the noun, else the classifier."""
        cls_unit = self.classifier_unit(cls)
        if cls_unit in self.measures:
            return cls_unit
        return (noun.unit if noun else None) or cls_unit

    def classifier_unit(self, cls: str | None) -> str | None:
        """The unit a word after a number names: a unit word's own, else the classifier's.

        >>> from checker.extract.lang.th import PACK
        >>> Nouns(PACK.lexicon).classifier_unit("กระบอก"), Nouns(PACK.lexicon).classifier_unit("วัน")
        ('guns', 'days')
        """
        if not cls:
            return None
        if fold(cls) in self.unit_rank:
            return self.unit_names[self.unit_rank[fold(cls)]]
        return lookup(self.classifiers, cls)


def _clause_before(text: str, pos: int) -> tuple[int, int]:
    """The Thai letters just before `pos` (across the one space a number follows), at most
    NOUN_REACH of them.

    >>> _clause_before("x ทหาร ๕", 7)
    (2, 6)
    """
    hi = pos
    while hi > 0 and text[hi - 1] in " \u00a0":
        hi -= 1
    lo = hi
    while lo > max(0, hi - NOUN_REACH) and _THAI_LETTER.match(text, lo - 1):
        lo -= 1
    return lo, hi


def _nearest_run(hits: list[tuple[int, int]]) -> tuple[int, int, list[tuple[int, int]]]:
    """The unit word ending nearest the number, extended back over unit words running into it
    ("กลาสี" + "เรือ"): its start, end and members.

    >>> _nearest_run([(0, 5), (5, 9), (12, 15)]), _nearest_run([(0, 5), (5, 9)])[:2]
    ((12, 15, [(12, 15)]), (0, 9))
    """
    start, end = max(hits, key=lambda h: (h[1], h[1] - h[0]))
    members = [(start, end)]
    for s, e in sorted(hits, key=lambda h: -h[1]):
        if s < start <= e:
            start = s
            members.append((s, e))
    return start, end, members
