"""Days named by their weekday alone: "late on Sunday", "la noche del sábado", "в субботу".
The rule reports the weekday; the resolver puts it on the day of that name nearest the
narrative's day, three days either way (checker/extract/resolve.py): a wire report dated
Sunday 23 November that says "on Saturday" means the 22nd, a history on Sunday 21 May that
goes on "on Tuesday" the 23rd.

A pack turns it on with the lexicon key `weekdays` (names from CLDR, plus the inflected forms
the language needs: Russian "в субботу"). A weekday followed by its day ("Sunday, 8 October",
"el martes 17") is the date rule's. Two weekdays with one of the key's `joiners` between are a
span: "between Tuesday and Wednesday", "del jueves al sábado", "с пятницы на субботу".
"""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.common import Anchored, join_neighbours, word_before
from checker.extract.found import Found
from checker.extract.months import weekday_table
from checker.extract.phrases import alternation, fold


class WeekdayRule:
    """
    >>> rule = WeekdayRule({"weekdays": {"forms": {"субботу": 5}}, "function_words": ["в", "во"]}, "ru")
    >>> [(f.weekday, f.start) for f in rule("В субботу около 15:00; во вторник 12 марта; Кровавое воскресенье.")]
    [(5, 2)]
    >>> span = WeekdayRule({"weekdays": {"joiners": ["al"], "pair_joiners": ["y el"]}}, "es")
    >>> [(f.weekday, f.end_weekday) for f in span("del jueves al sábado; el lunes y el miércoles; el lunes y el martes")]
    [(3, 5), (0, None), (2, None), (0, 1)]
    """

    def __init__(self, lexicon: dict, language: str):
        spec = lexicon.get("weekdays")
        self.names = {**weekday_table(language), **{fold(k): int(v) for k, v in ((spec or {}).get("forms") or {}).items()}} if spec is not None else {}
        if not self.names:
            self.scan = None
            return
        self.rx = regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?P<wd>{alternation(self.names)})(?![\p{{L}}\p{{M}}])(?!,?\s*\d)", regex.IGNORECASE)
        self.function_words = {fold(w) for w in lexicon.get("function_words") or []}
        self.scan = Anchored(self.rx, set(self.names), lead=0, digits=False)
        # `joiners` span any days ("del jueves al sábado"); `pair_joiners` only two days running
        # ("between Tuesday and Wednesday"): "on Monday and Wednesday" names two days, no span.
        spans, pairs = (spec or {}).get("joiners") or [], (spec or {}).get("pair_joiners") or []
        self.joiner = regex.compile(rf"\s+(?:(?P<span>{alternation(spans)})|{alternation(pairs)})\s+", regex.IGNORECASE) if spans or pairs else None

    def __call__(self, text: str) -> list[Found]:
        if self.scan is None:
            return []
        days = list(self._days(text))
        return join_neighbours(days, lambda a, b: self._span(a, b, text)) if self.joiner else days

    def _span(self, first: Found, last: Found, text: str) -> Found | None:
        """One span of two weekdays with a joiner between, else None."""
        joiner = self.joiner.fullmatch(text, first.end, last.start)
        days = (last.weekday - first.weekday) % 7
        if joiner is None or days == 0 or (days > 1 and not joiner.group("span")):
            return None
        return Found("date", first.start, last.end, weekday=first.weekday, end_weekday=last.weekday, approx="range")

    def _days(self, text: str) -> Iterator[Found]:
        for m in self.scan.finditer(text):
            weekday = self.names.get(fold(m.group("wd")))
            before = word_before(text, m.start())
            if before[:1].isupper() and fold(before) not in self.function_words:
                continue  # a name: "Bloody Sunday", "Кровавое воскресенье"
            if weekday is not None:
                yield Found("date", m.start(), m.end(), weekday=weekday)
