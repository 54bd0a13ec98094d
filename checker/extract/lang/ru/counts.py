"""Russian counts: the shared CountRule, plus what Russian word order adds to it.

- scope in the instrumental, after the noun or before the number: "70 тысяч человек убитыми и
  ранеными", "потеряла убитыми и ранеными 70 тысяч" are casualties;
- a genitive singular after a qualifier is one round number: "более сотни" is more than 100,
  where "сотни людей" alone is hundreds;
- "с лишним" after a number: "сто с лишним человек" is more than a hundred.
"""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.common import CountRule, qualifier_group
from checker.extract.found import Found
from checker.extract.lang.ru.words import PAST_VERB, OrdinalWords
from checker.extract.phrases import alternation, lookup
from checker.extract.tallies import Partitives, PartsOfThem, Tallies
from checker.extract.wordnum import NumberWords

_PAST_VERB = regex.compile(PAST_VERB, regex.IGNORECASE)
_DIGITS = regex.compile(r"\d+")


class RussianCountRule:
    """
    >>> from checker.extract.lang.ru import PACK
    >>> [(f.low, f.high, f.unit) for f in PACK.rules[-1]("более 70 тысяч человек убитыми и ранеными, более сотни юнкеров")]
    [(70000.0, None, 'casualties'), (100.0, None, None)]
    >>> [(f.low, f.high) for f in PACK.rules[-1]("более тысячи трёхсот человек, около двух с половиной тысяч рабочих")]
    [(1300.0, None), (2500.0, 2500.0)]
    """

    def __init__(self, lexicon: dict, words: NumberWords, ordinals: OrdinalWords):
        self.base = CountRule(lexicon, words)
        self.tallies = Tallies(lexicon, self.base)
        self.partitives = Partitives(lexicon, self.base)
        self.parts_of_them = PartsOfThem(lexicon, self.base)
        self.rx_ordinal = regex.compile(ordinals.pattern, regex.IGNORECASE)
        self.scopes = {p: unit for unit, ps in (lexicon.get("scope_units") or {}).items() for p in ps}
        scope = alternation(self.scopes)
        self.rx_scope_after = regex.compile(rf"\s*(?P<s>{scope})(?!\p{{L}})", regex.IGNORECASE)
        self.rx_scope_before = regex.compile(rf"(?<!\p{{L}})(?P<s>{scope})\s{{1,3}}$", regex.IGNORECASE)
        self.round = lexicon.get("round_after_qualifier") or {}
        self.rx_round = regex.compile(
            rf"{qualifier_group(lexicon, ('about', 'at_least', 'at_most'))}\s+(?P<r>{alternation(self.round)})(?!\p{{L}})",
            regex.IGNORECASE,
        )
        self.rx_more_words = regex.compile(rf"\s+(?:{words.pattern})", regex.IGNORECASE)
        self.rx_postfix = regex.compile(rf"(?<!\p{{L}}){alternation(lexicon.get('postfix_at_least') or [])}(?!\p{{L}})", regex.IGNORECASE)

    def __call__(self, text: str) -> Iterator[Found]:
        for f in self.base(text):
            if self._verb_after_figure(f, text) or (f.counted and self.rx_ordinal.fullmatch(f.counted)):
                continue  # "сорок восьмой полк" is the 48th regiment
            self._round_number(f, text)
            self._postfix(f, text)
            self._scope(f, text)
            yield f
        yield from self.tallies(text)
        yield from self.partitives(text)
        yield from self.parts_of_them(text)

    def _verb_after_figure(self, f: Found, text: str) -> bool:
        """ "из 35 снарядов 2 попали": a bare figure before a past-tense verb names nothing
        counted here; "2 погибли" is still killed (the unit vocabulary knows "погиб")."""
        return bool(
            f.counted
            and f.approx == "exact"
            and _DIGITS.fullmatch(text[f.start : f.end].split()[0])
            and _PAST_VERB.fullmatch(f.counted)
            and not self.base.unit_rx.match(f.counted)
        )

    def _round_number(self, f: Found, text: str) -> None:
        """ "более сотни" -> more than 100, not more than 200-900."""
        m = self.rx_round.match(text, f.start, f.end)
        if not m or self.rx_more_words.match(text, m.end(), f.end):
            return  # "более тысячи трёхсот" is more than 1,300
        value = float(lookup(self.round, m.group("r")))
        f.low = None if f.approx == "at_most" else value
        f.high = None if f.approx == "at_least" else value

    def _postfix(self, f: Found, text: str) -> None:
        """ "сто с лишним человек" -> at least 100."""
        if f.approx == "exact" and f.low is not None and self.rx_postfix.search(text, f.start, f.end):
            f.approx, f.high = "at_least", None

    def _scope(self, f: Found, text: str) -> None:
        """The unit a scope phrase next to the count gives it; the span takes the phrase in."""
        counted_at = text.rfind(f.counted, f.start, f.end) if f.counted else -1
        for at in (counted_at, f.end):
            m = self.rx_scope_after.match(text, at) if at >= 0 else None
            if m:
                f.unit, f.end = lookup(self.scopes, m.group("s")), max(f.end, m.end())
                return
        m = self.rx_scope_before.search(text, max(0, f.start - 80), f.start)
        if m:
            f.unit = lookup(self.scopes, m.group("s"))
