"""Russian steps from the narrative's last day or clock time: "на следующий день", "в тот же
день", "накануне вечером", "через два дня"; "через час", "спустя два часа", "часом позже"."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.common import Anchored, first_tokens
from checker.extract.found import Found
from checker.extract.lang.ru.words import PAST_VERB, RussianNumberWords
from checker.extract.phrases import alternation, fold, lookup

# A Russian verb in the past tense: "накануне собрались" is the day before, "накануне восстания" is not.
_MAX_DAYS = 60  # "через 300 дней" is a span of time, not a step in the narrative


class RelativeDayRule:
    """
    >>> from checker.extract.lang.ru import PACK
    >>> rule = RelativeDayRule(PACK.lexicon, RussianNumberWords())
    >>> [f.relative_days for f in rule("Накануне вечером. Накануне восстания. Через два дня. Через два дня после коронации.")]
    [-1, 2]
    """

    def __init__(self, lexicon: dict, words: RussianNumberWords):
        self.words = words
        self.rel_days = lexicon["relative_days"]
        self.eve = {fold(w) for w in lexicon.get("eve_words") or []}
        self.rx = regex.compile(rf"(?<![\p{{L}}\d])(?P<r>{alternation(self.rel_days)})(?!\p{{L}})", regex.IGNORECASE)
        self.rx_eve_ok = regex.compile(
            rf"\s*(?:[.;:!?)—–]|,(?!\s*\d)|$)|\s+(?:{alternation(lexicon.get('eve_followers') or [])}(?!\p{{L}})|{PAST_VERB})",
            regex.IGNORECASE,
        )
        num = rf"(?:\d{{1,2}}(?!\d)|{words.short_pattern})"
        units = alternation(lexicon["day_units"])
        before, after = alternation(lexicon["relative_before_number"]), alternation(lexicon["later"])
        self.rx_n = regex.compile(
            rf"(?<![\p{{L}}\d])(?:{before}\s+(?P<n>{num})\s+{units}|(?P<n>{num})\s+{units}\s+{after})(?!\p{{L}})",
            regex.IGNORECASE,
            **words.lists,
        )
        # "на следующий день после объявления", "через четыре дня после коронации": counted from
        # an event the text may not date, not from the narrative's day.
        self.rx_from_event = regex.compile(rf"\s+{alternation(lexicon.get('from_event') or [])}(?!\p{{L}})", regex.IGNORECASE)
        # Each opens with one of its phrases' first words, or a number.
        self.scan = Anchored(self.rx, first_tokens(self.rel_days), 0, digits=False)
        self.scan_n = Anchored(self.rx_n, first_tokens([*lexicon["relative_before_number"], *words.words]), 0)

    def __call__(self, text: str) -> Iterator[Found]:
        for m in self.scan.finditer(text):
            # "накануне" alone is the day before; "накануне восстания" the eve of something else.
            if fold(m.group("r")) in self.eve and not self.rx_eve_ok.match(text, m.end()):
                continue
            if self.rx_from_event.match(text, m.end()):
                continue
            yield Found("date", m.start(), m.end(), relative_days=lookup(self.rel_days, m.group("r")))
        for m in self.scan_n.finditer(text):
            n = m.group("n")
            days = int(n) if n.isdigit() else self.words.value(n)
            if days and days == int(days) and days <= _MAX_DAYS and not self.rx_from_event.match(text, m.end()):
                yield Found("date", m.start(), m.end(), relative_days=int(days))


class RelativeTimeRule:
    """
    >>> from checker.extract.lang.ru import PACK
    >>> rule = RelativeTimeRule(PACK.lexicon, RussianNumberWords({"полтора": 1.5}))
    >>> [f.relative_minutes for f in rule("Через час. Спустя полтора часа. Двумя часами позже. За 10 минут до этого. Спустя 2 часа 40 минут.")]
    [60, 90, 120, -10, 160]
    """

    def __init__(self, lexicon: dict, words: RussianNumberWords):
        self.words = words
        self.units = lexicon["relative_units"]
        self.later = {fold(w) for w in lexicon["later"]}
        num = rf"(?:\d{{1,3}}(?!\d)|{words.short_pattern})"
        # "спустя 2 часа 40 минут": the minutes after the hours.
        unit = rf"""(?P<u>{alternation(self.units)})
            (?:\s+(?P<mn>\d{{1,2}}(?!\d)|{words.short_pattern})\s+{alternation(lexicon['minute_words'])}(?!\p{{L}}))?"""
        self.rx = regex.compile(
            rf"""(?<![\p{{L}}\d])(?:
                (?P<pre>{alternation(lexicon['relative_before_number'])})\s+(?:(?P<n>{num})\s+)?{unit}
               |(?:(?P<n>{num})\s+)?{unit}\s+(?P<dir>{alternation(lexicon['later'] + lexicon['earlier'])})
               |{alternation(lexicon['ago_before'])}\s+(?:(?P<n>{num})\s+)?{unit}\s+{alternation(lexicon['ago_after'])}
            )(?!\p{{L}})""",
            regex.IGNORECASE | regex.VERBOSE,
            **words.lists,
        )
        # It opens with "через"/"спустя"/"за", a number or its unit ("часом позже").
        self.scan = Anchored(self.rx, first_tokens([*lexicon["relative_before_number"], *self.units, *lexicon["ago_before"], *words.words]), 0)

    def _count(self, written: str) -> float | None:
        return float(written) if written.isdigit() else self.words.value(written)

    def __call__(self, text: str) -> Iterator[Found]:
        for m in self.scan.finditer(text):
            count = self._count(m.group("n")) if m.group("n") else 1.0
            if not count:
                continue
            later = bool(m.group("pre")) or (m.group("dir") is not None and fold(m.group("dir")) in self.later)
            step = count * lookup(self.units, m.group("u")) + (self._count(m.group("mn")) or 0 if m.group("mn") else 0)
            yield Found("time", m.start(), m.end(), relative_minutes=int(step if later else -step))
