"""Russian clock times: "в 2 часа 10 минут ночи", "в 21:40", "в 21.40", "около трёх часов ночи",
"после 9 вечера", "к 2 часам ночи", "в полночь", "с 20 до 21 часа" (a range: one claim an end).
Hours named by ordinals ("в половине третьего") are in ordinal_times.py, steps ("через час") in
relative.py."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.common import Anchored, first_tokens, token_count
from checker.extract.found import Found
from checker.extract.lang.ru.words import RussianNumberWords
from checker.extract.phrases import alternation, fold, lookup

NIGHT_END = 6  # "в 5 часов ночи" is still the small hours; "в 10 ночи" is the evening


def to_24h(hour: int, minute: int, period: str | None) -> int | None:
    """Minutes after midnight of an hour read with a Russian time of day, or None when the two
    do not fit ("в 9 часов дня").

    >>> to_24h(2, 10, "night"), to_24h(10, 0, "night"), to_24h(9, 0, "evening"), to_24h(3, 0, "afternoon")
    (130, 1320, 1260, 900)
    >>> to_24h(10, 0, "morning"), to_24h(12, 0, "night"), to_24h(21, 40, None), to_24h(25, 0, None)
    (600, 0, 1300, None)
    """
    if not 0 <= minute < 60 or not 0 <= hour <= 24:
        return None
    hour %= 24
    if period is None or hour > 12:
        fits = period is None or {"morning": hour < 12, "afternoon": hour <= 18, "evening": hour >= 16, "night": hour >= 21}[period]
        return hour * 60 + minute if fits else None
    if period == "morning":
        hour = hour % 12
    elif period == "afternoon":
        hour = hour if hour >= 11 else hour + 12 if hour <= 6 else None
    elif period == "evening":
        hour = hour + 12 if 4 <= hour < 12 else None
    elif period == "night":
        hour = 0 if hour == 12 else hour if hour < NIGHT_END else hour + 12 if hour >= 9 else None
    return None if hour is None else hour * 60 + minute


_LEADING_ZERO = regex.compile(r"0\d")


class TimeWords:
    """What every Russian time rule reads: times of day, and the words before a time ("в",
    "около", "к", "после"), of which only qualifiers change the approximation."""

    def __init__(self, lexicon: dict, words: RussianNumberWords):
        self.words = words
        self.period = {p: k for k, ps in lexicon["day_periods"].items() for p in ps}
        self.period_pattern = alternation(self.period)
        quals = lexicon["qualifiers"]
        self.lead_kind = {p: k for k in ("about", "before", "after") for p in quals.get(k) or []}
        self.lead_phrases = [*self.lead_kind, *lexicon["time_prepositions"]]
        lead = alternation(self.lead_phrases)
        # Atomic: a word taken as a lead is never tried again as something else.
        self.leads = rf"(?>(?:(?P<lead1>{lead})\s+)?(?:(?P<lead2>{lead})\s+)?)"

    def number(self, written: str | None, default: float | None = None) -> float | None:
        """Digits or number words: "3", "трёх"."""
        if not written:
            return default
        return float(written) if written.isdigit() else self.words.value(written)

    def period_of(self, written: str | None) -> str | None:
        return lookup(self.period, written) if written else None

    def approx(self, m: regex.Match) -> str:
        for g in ("lead2", "lead1"):
            if m.group(g) and lookup(self.lead_kind, m.group(g)):
                return lookup(self.lead_kind, m.group(g))
        return "exact"


class TimeRule:
    """Clock readings by number: digits, "21:40", number words, with or without "часов".

    >>> from checker.extract.lang.ru import PACK
    >>> [(f.minutes, f.approx) for f in PACK.rules[0]("в 2 часа 10 минут ночи, после 9 вечера, с 20 до 21 часа, бой длился 2 часа")]
    [(130, 'exact'), (1260, 'after'), (1200, 'range'), (1260, 'range')]
    """

    def __init__(self, lexicon: dict, tw: TimeWords):
        self.tw = tw
        self.named = lexicon["named_times"]
        self.needs_hour_word = {fold(p) for p in lexicon.get("periods_needing_hour_word") or []}
        self.hour_words, self.minute_words = alternation(lexicon["hour_words"]), alternation(lexicon["minute_words"])
        self.one_hour = {fold(w) for w in lexicon["one_hour"]}  # "в час ночи", "около часа ночи"
        # The range comes first: "с 10 часов утра до 2 часов дня" is one range, not "с" + a time.
        # A range without "с", "от" or "между" is joined by a dash: "10—11 часов вечера" (digits only).
        pattern = rf"""(?<![\p{{L}}\d:.,])
            (?:(?P<range>(?P<opener>{alternation(lexicon['time_range_openers'])})\s+){self._single('1', True)}\s*{alternation(lexicon['time_range_joiners'])}\s*{self._single('2', True)}
              |{tw.leads}(?:(?=\d)(?P<range>){self._single('1', True)}\s*[-–—]\s*{self._single('2', True)}|{self._single('', False)}))"""
        self.rx = regex.compile(pattern, regex.IGNORECASE | regex.VERBOSE, **tw.words.lists)
        # A reading opens with digits, a number word, "час" or a named time, after at most a
        # range opener or two lead words ("около", "в"), which are tried only before one.
        openers, leads = lexicon["time_range_openers"], tw.lead_phrases
        self.scan = Anchored(
            self.rx,
            first_tokens([*tw.words.words, *self.one_hour, *self.named]),
            max(token_count(openers), 2 * token_count(leads)),
            openers=first_tokens([*openers, *leads]),
        )

    def _single(self, t: str, bare: bool) -> str:
        """One clock reading; group names end in `t` so a range can hold two. A number without
        "час" is a time only before a time of day, or with `bare`, as a range's first end."""
        num = rf"(?:\d{{1,2}}(?!\d|[:.,]\d)|{self.tw.words.short_pattern})"
        minutes = rf"(?:\s*(?P<mn{t}>\d{{1,2}}(?!\d)|{self.tw.words.short_pattern})\s*(?P<mw{t}>{self.minute_words})(?!\p{{L}}))?"
        otherwise = "" if bare else rf"|(?=\s+{self.tw.period_pattern}(?!\p{{L}}))"
        return rf"""(?:
            (?P<ch{t}>\d{{1,2}})(?P<sep{t}>[:.])(?P<cm{t}>\d{{2}})(?::[0-5]\d)?(?!\d|[.,:]\d)
          | (?P<hn{t}>{num})(?:\s*(?P<hw{t}>{self.hour_words})(?!\p{{L}}){minutes}{otherwise}){'?' if bare else ''}
          | (?P<hw{t}>{alternation(self.one_hour)})(?=\s+{self.tw.period_pattern}(?!\p{{L}}))
          | (?P<named{t}>(?<!\p{{L}}){alternation(self.named)}(?!\p{{L}}))
        )(?:\s+(?P<per{t}>{self.tw.period_pattern})(?!\p{{L}}))?"""

    def reading(self, m: regex.Match, t: str, period: str | None, alone: bool) -> int | None:
        """Minutes of clock reading `t`, or None when it is no time: a bare "2 часа" (a
        duration), "21.40" with nothing that says time, "2 дня" (two days), "три ночи" (three
        nights: a number and a time of day need "в", "к", "после"…), "в час" (per hour)."""
        if m.group(f"named{t}"):
            return lookup(self.named, m.group(f"named{t}"))
        led = bool(m.group("lead1") or m.group("lead2") or m.group("opener"))
        framed = led or bool(period)
        if m.group(f"ch{t}"):
            if m.group(f"sep{t}") == "." and not framed:
                return None
            return to_24h(int(m.group(f"ch{t}")), int(m.group(f"cm{t}")), period)
        hour_word = fold(m.group(f"hw{t}") or "")
        hour = self.tw.number(m.group(f"hn{t}"), 1.0 if hour_word in self.one_hour else None)
        if hour is None or hour != int(hour):
            return None
        if not hour_word:
            own = m.group(f"per{t}")
            if (alone and not (own and led)) or (own and fold(own) in self.needs_hour_word):
                return None
        elif (alone and not (framed or m.group(f"mw{t}"))) or (not m.group(f"hn{t}") and not period):
            return None
        minute = self.tw.number(m.group(f"mn{t}"), 0.0)
        if minute is None or minute != int(minute):
            return None
        return to_24h(int(hour), int(minute), period)

    def __call__(self, text: str) -> Iterator[Found]:
        pos = 0
        while (m := self.scan.search(text, pos)) is not None:
            found = list(self._hits(m))
            pos = m.end() if found else m.start() + 1
            yield from found

    def _hits(self, m: regex.Match) -> Iterator[Found]:
        """One clock reading, or both ends of a range: "с 20 до 21 часа" gives 20:00 and 21:00."""
        if m.group("range") is not None:
            yield from self._range(m)
            return
        period = self.tw.period_of(m.group("per"))
        minutes = self.reading(m, "", period, alone=True)
        if minutes is None:
            return
        approx = self.tw.approx(m)
        start = m.start() if approx != "exact" else m.start(_first_group(m, ""))
        twelve = period is None and 60 <= minutes < 13 * 60 and not _LEADING_ZERO.match(m.group(0), m.start(_first_group(m, "")) - m.start())
        yield Found("time", start, m.end(), approx=approx, minutes=minutes, small_hours=period == "night" and minutes < NIGHT_END * 60, twelve_hour=twelve)

    def _range(self, m: regex.Match) -> Iterator[Found]:
        period2 = self.tw.period_of(m.group("per2"))
        high = self.reading(m, "2", period2, alone=False)
        # The first end borrows the second's time of day: "с 10 до 11 вечера".
        low = self.reading(m, "1", self.tw.period_of(m.group("per1")) or period2, alone=False)
        says_time = m.group("per2") or m.group("ch2") or (m.group("opener") and (m.group("hw2") or m.group("named2")))
        if low is None or high is None or not says_time or low == high:
            return
        yield Found("time", m.start("range" if m.group("opener") else _first_group(m, "1")), m.end(_last_group(m, "1")), approx="range", minutes=low, low=low, high=high)
        yield Found("time", m.start(_first_group(m, "2")), m.end(), approx="range", minutes=high, low=low, high=high, small_hours=high < NIGHT_END * 60)


def _first_group(m: regex.Match, t: str) -> str:
    return next(g + t for g in ("ch", "hn", "hw", "named") if m.group(g + t))


def _last_group(m: regex.Match, t: str) -> str:
    return next(g + t for g in ("per", "mw", "hw", "cm", "hn", "named") if m.group(g + t))
