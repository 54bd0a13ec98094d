"""Spanish clock times: "a las 2:10 a. m.", "21:35", "a las cuatro de la tarde", "A las once y
media de la mañana", "hacia las 2 a. m.", "cerca del mediodía", "pasadas las nueve",
"entre las 20:00 y las 21:00", "cinco minutos más tarde"."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.common import Anchored, anchor_words, approx_of, first_tokens, qualifier_group
from checker.extract.found import Found
from checker.extract.phrases import alternation, fold
from checker.extract.wordnum import NumberWords
from checker.normalize.tokens import TOKEN

# The word right after a reading, across spaces only: "a las 3 divisiones", "a las 3, la".
_FIRST_WORD = regex.compile(r"[ \t\xa0]+(\p{L}+)")


def _twelve_hour(m: regex.Match) -> bool:
    """Whether a single reading could be a.m. or p.m.: an hour of 1 to 12 with no period of the
    day ("hacia las cinco", "a las 5:30"), not "a las 05:30" nor "a las 17:30"."""
    if m.group("named") or m.group("per") or m.group("wper"):
        return False
    written = m.group("h") or ""
    return not written.startswith("0") and (m.group("hw") is not None or 1 <= int(written or 0) <= 12)


def _hours(article: str | None) -> bool:
    """Whether an article before a number makes it an hour: "la una", "las tres"."""
    return (article or "").lower() in ("la", "las")

NIGHT_FROM = 6  # "las ocho de la noche" is 20:00, "las dos de la noche" 02:00


def to_minutes(hour: int, minute: int, period: str | None) -> int | None:
    """Minutes after midnight of a reading on a 12- or 24-hour clock with its period of day.

    >>> to_minutes(2, 10, "am"), to_minutes(4, 0, "pm"), to_minutes(9, 0, "night"), to_minutes(2, 0, "night")
    (130, 960, 1260, 120)
    >>> to_minutes(12, 0, "night"), to_minutes(21, 35, None), to_minutes(21, 0, "pm"), to_minutes(25, 0, None)
    (0, 1295, 1260, None)
    """
    if not 0 <= minute < 60 or not 0 <= hour <= 24:
        return None
    if period is None or hour > 12:
        # "las 21:00 de la noche" repeats the period a 24-hour reading already has.
        return None if hour == 24 and minute else (hour % 24) * 60 + minute
    if period == "night":
        period = "pm" if NIGHT_FROM <= hour < 12 else "am"
    if period == "small_hours":
        period = "am"
    return (hour % 12 + (12 if period == "pm" else 0)) * 60 + minute


def folded(table: dict) -> dict:
    """A phrase table keyed by folded phrase.

    >>> folded({"a. m.": "am"})
    {'a.m.': 'am'}
    """
    return {fold(k): v for k, v in table.items()}


class TimeRule:
    """Clock times, named times, ranges and times counted from the previous one."""

    def __init__(self, lexicon: dict, words: NumberWords):
        self.period = {p: k for k, ps in lexicon["day_periods"].items() for p in ps}
        self.named = lexicon["named_times"]
        self.minute_words = lexicon["minute_words"]
        self.rel_units = lexicon["relative_units"]
        self.later = {fold(w) for w in lexicon["later"]}
        # Folded keys: a matched phrase is looked up in one step, whatever its case and spacing.
        self.period_of, self.named_of = folded(self.period), folded(self.named)
        self.minute_of, self.rel_unit_of = folded(self.minute_words), folded(self.rel_units)
        self.words = words
        self.oclock = lexicon["oclock"]
        self.qualifier_groups = [f"q_{k}" for k in lexicon["time_qualifiers"]]
        self.unit_words = alternation([w for ws in (lexicon.get("units") or {}).values() for w in ws], prefix=True)
        self.hour_words = {w: int(v) for w, v in words.words.items() if 1 <= v <= 24 and v == int(v)}
        self.unit_rx = regex.compile(self.unit_words, regex.IGNORECASE)
        self.function_words = {fold(w) for w in [*lexicon.get("function_words", []), *lexicon.get("counted_skip", [])]}
        self.word_after_ok = regex.compile(rf"\s*{alternation(lexicon['after_hour'])}(?!\p{{L}})", regex.IGNORECASE)
        self.rx = regex.compile(self._single(lexicon), regex.IGNORECASE | regex.VERBOSE)
        self.range_rx = regex.compile(self._range(lexicon), regex.IGNORECASE | regex.VERBOSE)
        num = rf"(?:\d{{1,3}}|{words.pattern})"
        directions = alternation(lexicon["later"] + lexicon["earlier"])
        self.rel = regex.compile(
            rf"(?<!\p{{L}})(?:(?P<n>{num})\s+)?(?P<u>{alternation(self.rel_units)})\s+(?P<dir>{directions})(?!\p{{L}})(?!\s+del?\s)",
            regex.IGNORECASE,
        )
        # A reading holds a digit, an hour word or a named time after at most a qualifier or
        # preposition and an article; a relative time opens with its number or its unit.
        leads = [*lexicon["time_prepositions"], *(q for qs in lexicon["time_qualifiers"].values() for q in qs)]
        lead = 1 + max(len(TOKEN.findall(p)) for p in leads)
        clock_words = anchor_words([*words.words, *self.named])
        # Before its clock word a reading opens with a lead, an article (_lead: "las?|el"), or
        # a one-word lead glued to "l" ("al", "del"); a range with "entre|desde|de" (_range).
        openers = first_tokens([*leads, "las", "la", "el"])
        openers |= {word + "l" for word in first_tokens(p for p in leads if len(TOKEN.findall(p)) == 1)}
        self.scan = Anchored(self.rx, clock_words, lead, openers=openers)
        self.range_scan = Anchored(self.range_rx, clock_words, 2, openers=first_tokens(["entre", "desde", "de"]))
        self.rel_scan = Anchored(self.rel, anchor_words([*words.words, *self.rel_units]), 0)

    def _clock(self, tag: str = "") -> str:
        """One reading: "2:10 a. m.", "21.35 h", "las once y media de la mañana", "mediodía"."""
        per = alternation(self.period)
        hour_word = alternation(self.hour_words)
        minute_word = alternation(list(self.minute_words) + [w for w, v in self.words.words.items() if 1 <= v < 60])
        # Digits alone ("a las 3", "a las 15 horas") need an article; with minutes or a period,
        # nothing. "Horas" alone is a span: "las primeras 24 horas", "durante 12 horas".
        digit_gate = f"(?(m{tag})|(?(per{tag})|{self._needs_article(tag)}))"
        return rf"""(?:
            (?<![\d:.,])(?P<h{tag}>\d{{1,2}})(?:(?P<sep{tag}>[:.])(?P<m{tag}>\d{{2}})(?::[0-5]\d)?)?(?!\d)
              (?:\s*(?P<per{tag}>{per})(?!\p{{L}}))?(?:\s*(?P<oclock{tag}>{alternation(self.oclock)})(?!\p{{L}}))?
              {digit_gate}
           |(?P<hw{tag}>{hour_word})(?!\p{{L}}){self._needs_article(tag)}
              (?:\s+(?:(?P<plus{tag}>y)|(?P<minus{tag}>menos))\s+(?P<mw{tag}>{minute_word})(?!\p{{L}}))?
              (?:\s+(?P<wper{tag}>{per})(?!\p{{L}})|\s+(?P<woclock{tag}>en\s+punto))?
           |(?<!\p{{L}})(?P<named{tag}>{alternation(self.named)})(?!\p{{L}}))"""

    @staticmethod
    def _needs_article(tag: str) -> str:
        """A regex condition that fails unless an article stood before the reading, so that a
        bare "1" or "dos" fails inside the regex and costs no Python work.

        >>> TimeRule._needs_article("1")
        '(?(art1)|(?!))'
        """
        groups = ("art", "art0") if not tag else ("art" + tag,)
        return "".join(f"(?({g})|" for g in groups) + "(?!)" + ")" * len(groups)

    def _lead(self, lexicon: dict) -> str:
        """What may stand before a time: a qualifier or a preposition, then an article; "cerca
        del mediodía" glues the article to "de"."""
        q = qualifier_group({"qualifiers": lexicon["time_qualifiers"]})
        preps = alternation(lexicon["time_prepositions"])
        article = r"(?:(?<=\bde|\ba)l|\s+(?P<art>las?|el))"
        return rf"(?:(?<!\p{{L}})(?:{q}|(?P<prep>{preps}))(?:{article})?\s+|(?<!\p{{L}})(?P<art0>las?|el)\s+)?"

    def _single(self, lexicon: dict) -> str:
        return rf"{self._lead(lexicon)}{self._clock()}(?![\d:])"

    def _range(self, lexicon: dict) -> str:
        return rf"""(?<!\p{{L}})(?P<from>entre|desde|de)(?:\s+(?P<art1>las?|el))?\s+{self._clock('1')}
            \s+(?:y|a|hasta)(?:\s+(?P<art2>las?|el))?\s+{self._clock('2')}(?![\d:])"""

    def reading(self, m: regex.Match, tag: str = "", *, ruled: bool = False, period_of: str = "") -> tuple[int, bool] | None:
        """(minutes, small_hours) of one matched reading, or None when it is not a time.

        A bare hour is a time only with a period of day, "horas" or a governing article:
        "a las 3 a. m.", "a las 15 horas", "a las 3 del 24"; never "las 3 divisiones". A range's
        first end takes the period of its second (`period_of`): "entre las 8 y las 9 de la noche".
        """
        g = lambda k: m.group(k + tag) or (self._period_text(m, period_of) if period_of and k in ("per", "wper") else None)
        article = (m.group("art" + tag) or (m.group("art0") if not tag else None) or "").lower()
        if g("named"):
            return self.named_of[fold(g("named"))], False
        if g("hw"):
            hour = self.hour_words[fold(g("hw"))] if fold(g("hw")) in self.hour_words else None
            period = self.period_of[fold(g("wper"))] if g("wper") else None
            minute = self._minute_word(g("mw"), bool(g("minus"))) if g("mw") else 0
            if hour is None or minute is None:
                return None
            # A number word is an hour only after "la"/"las": "las cinco y diez", not "cinco y diez".
            if article not in ("la", "las") or not (period or g("mw") or g("woclock") or ruled):
                return None
            if g("minus"):
                hour, minute = hour - 1, 60 + minute
            value = to_minutes(hour, minute, period)
            return (value, period == "small_hours" or (period == "night" and hour < NIGHT_FROM)) if value is not None else None
        period = self.period_of[fold(g("per"))] if g("per") else None
        if g("m") is None and not (period or g("oclock") or (ruled and article in ("la", "las"))):
            return None
        if g("m") is None and article == "el":
            return None  # "el 24 por la noche" is a day: an hour takes "la"/"las"
        if g("sep") == "." and not (period or g("oclock") or article in ("la", "las")):
            return None  # "21.35" alone may be a decimal; "a las 18.00" is an hour
        value = to_minutes(int(g("h")), int(g("m") or 0), period)
        if value is None:
            return None
        return value, period == "small_hours" or (period == "night" and int(g("h")) < NIGHT_FROM)

    @staticmethod
    def _period_text(m: regex.Match, tag: str) -> str | None:
        return m.group("per" + tag) or m.group("wper" + tag)

    def _minute_word(self, word: str, minus: bool) -> int | None:
        """Minutes of "media", "cuarto" or a number word after "y"/"menos".

        >>> from checker.extract.lang.es import PACK, WORDS
        >>> TimeRule(PACK.lexicon, WORDS)._minute_word("media", False)
        30
        """
        value = self.minute_of.get(fold(word))
        if value is None:
            value = self.words.value(word)
        if value is None or not 0 < value < 60:
            return None
        return -int(value) if minus else int(value)

    def _governed(self, m: regex.Match, text: str, tag: str = "") -> bool:
        """An article before the hour, and no counted noun after it: "a las 3," "las cuatro.",
        "a las tres llegaron"; not "a las 3 divisiones". What "las tres" counts is a feminine
        plural, so a word after it that ends in -s (a function word aside) or that the units
        know is a noun; a verb ("llegaron", "cayó", "se") is not."""
        if not (tag or m.group("art") or m.group("art0")):
            return False
        after = text[m.end() : m.end() + 40]
        if self.word_after_ok.match(after):
            return True
        word = _FIRST_WORD.match(after)
        if word is None:
            return True
        word = word.group(1)
        if self.unit_rx.match(word):
            return False
        return not (word.lower().endswith("s") and fold(word) not in self.function_words)

    def __call__(self, text: str) -> Iterator[Found]:
        taken: list[tuple[int, int]] = []
        yield from self._ranges(text, taken)
        for m in self.scan.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            qualified = any(m.group(g) for g in self.qualifier_groups)
            ruled = bool(m.group("prep") or qualified) and self._governed(m, text)
            got = self.reading(m, ruled=ruled)
            if got is None:
                continue
            minutes, small = got
            approx = approx_of(m) if qualified else "exact"
            yield Found("time", m.start(), m.end(), approx=approx, minutes=minutes, low=minutes, high=minutes, small_hours=small, twelve_hour=_twelve_hour(m))
        yield from self._relative(text)

    def _ranges(self, text: str, taken: list) -> Iterator[Found]:
        """"entre las 20:00 y las 21:00": two claims, one an end, each with both bounds."""
        for m in self.range_scan.finditer(text):
            ends = [self.reading(m, "1", ruled=True, period_of="2"), self.reading(m, "2", ruled=True)]
            if None in ends:
                continue
            (low, small1), (high, small2) = ends
            # Both ends must look like times: at least one has minutes, a period or a name, or
            # both are hours with "las" and no counted noun follows ("entre las tres y las cuatro").
            timed = any(m.group(k) for k in ("m1", "m2", "per1", "per2", "wper1", "wper2", "named1", "named2", "oclock1", "oclock2"))
            if not timed and not (_hours(m.group("art1")) and _hours(m.group("art2")) and self._governed(m, text, "2")):
                continue
            taken.append(m.span())
            first_end = max(m.end(k) for k in ("h1", "m1", "per1", "oclock1", "hw1", "mw1", "wper1", "woclock1", "named1") if m.group(k))
            second_start = next(m.start(k) for k in ("h2", "hw2", "named2") if m.group(k))
            yield Found("time", m.start(), first_end, approx="range", minutes=low, low=low, high=high, small_hours=small1)
            yield Found("time", second_start, m.end(), approx="range", minutes=high, low=low, high=high, small_hours=small2)

    def _relative(self, text: str) -> Iterator[Found]:
        """"cinco minutos más tarde", "Una hora después": minutes from the previous time."""
        for m in self.rel_scan.finditer(text):
            unit = self.rel_unit_of[fold(m.group("u"))]
            if m.group("n"):
                n = m.group("n")
                count = int(n) if n.isdigit() else self.words.value(n)
            else:
                # Only "media hora" and "cuarto de hora" carry their amount in the unit.
                count = 1 if fold(m.group("u")) in ("mediahora", "cuartodehora") else None
            if not count:
                continue
            sign = 1 if fold(m.group("dir")) in self.later else -1
            yield Found("time", m.start(), m.end(), relative_minutes=sign * int(count * unit))
