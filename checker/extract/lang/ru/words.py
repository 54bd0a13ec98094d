"""Russian number words: cardinals (number-parser's, plus collective numerals from the lexicon)
and ordinals ("третьего", "двадцать пятого"), which the hour and day rules need."""
from __future__ import annotations

import regex

from checker.extract.phrases import alternation, fold
from checker.extract.wordnum import NumberWords


_MAX_RUN = 7
# A past-tense verb ("раздались", "погиб", "стал"): it tells a figure or an hour before it from
# an ordinal or a count of something.
PAST_VERB = r"\p{L}+(?:л|ла|ло|ли|лся|лась|лось|лись)(?!\p{L})"
_HALF = r"с\s+половиной"
_HALF_KEY = "споловиной"  # as fold() writes "с половиной"


class RussianNumberWords(NumberWords):
    """Cardinal number words. Russian never hyphenates one number, so a hyphen joins two:
    "два-три" is a range (two or three), not five.

    >>> w = RussianNumberWords({"двое": 2})
    >>> regex.fullmatch(w.pattern, "двух-трех") is None, w.value("трёх тысяч"), w.value("двое"), w.value("двух с половиной тысяч")
    (True, 3000.0, 2.0, 2500.0)
    """

    def __init__(self, extra: dict[str, float] | None = None):
        super().__init__("ru", extra=extra)
        word = alternation(self.words)
        # A run is bounded: "две тысячи триста сорок пять" is five words, and an unbounded run
        # re-read from every word of a long list of numbers would take quadratic time.
        # "двух с половиной тысяч" is 2,500: the half joins the number before it.
        self.pattern = rf"(?<!\p{{L}})(?:{word})(?:\s+(?:{word}|{_HALF})){{0,{_MAX_RUN}}}+(?!\p{{L}})"
        self._word = regex.compile(rf"(?<!\p{{L}})(?:{_HALF}|{word})(?!\p{{L}})", regex.IGNORECASE)
        # The same run as a named list, for rules that compile with `**self.lists`; the short
        # one for hours, minutes and days, never more than two words ("двадцать пять").
        self.list_pattern = rf"(?<!\p{{L}})\L<ru_number>(?:\s+\L<ru_number>){{0,{_MAX_RUN}}}+(?!\p{{L}})"
        self.short_pattern = r"(?<!\p{L})\L<ru_number>(?:\s+\L<ru_number>)?+(?!\p{L})"
        self.lists = {"ru_number": sorted({v for w in self.words for v in with_yo(w)})}
        self.words[_HALF_KEY] = 0.5  # for value(); the hour and day lists take no halves


def with_yo(word: str) -> list[str]:
    """A folded word and its spellings with one ё, as writers may use it.

    >>> with_yo("трех")
    ['трех', 'трёх']
    """
    return [word] + [word[:i] + "ё" + word[i + 1 :] for i, ch in enumerate(word) if ch == "е"]


class OrdinalWords:
    """Ordinal numbers in any case from a stem table: "третьего" 3, "двадцать пятого" 25.

    >>> o = OrdinalWords({"трет": 3, "пят": 5, "двадцат": 20}, ["ого", "ьего", "ом", "ьем"], {"двадцать": 20})
    >>> o.value("третьего"), o.value("двадцать пятого"), o.value("двадцатом")
    (3, 25, 20)
    """

    def __init__(self, stems: dict[str, int], endings: list[str], tens: dict[str, int]):
        self.stems = {fold(k): int(v) for k, v in stems.items()}
        self.tens = {fold(k): int(v) for k, v in tens.items()}
        stem = alternation(self.stems)
        ending = alternation(endings)
        # Every word an ordinal opens with (a tens word, or a stem and an ending), for anchored scans.
        self.first_words = {*self.tens, *(s + fold(e) for s in self.stems for e in endings)}
        self.pattern = rf"(?<!\p{{L}})(?:{alternation(self.tens)}\s+)?{stem}{ending}(?!\p{{L}})"
        self._stem = regex.compile(rf"^(?P<tens>{alternation(self.tens)}\s+)?(?P<stem>{stem})", regex.IGNORECASE)

    def value(self, written: str) -> int | None:
        m = self._stem.match(written.strip())
        if not m:
            return None
        tens = self.tens[fold(m.group("tens"))] if m.group("tens") else 0
        return tens + self.stems[fold(m.group("stem"))]


def ordinals_of(lexicon: dict) -> OrdinalWords:
    """The lexicon's ordinal table as an OrdinalWords."""
    return OrdinalWords(lexicon["ordinal_stems"], lexicon["ordinal_endings"], lexicon.get("ordinal_tens") or {})
