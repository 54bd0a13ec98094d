"""Russian dates: "7 ноября", "25 октября 1917 года", "25-го октября", "двадцать пятого октября",
"25 октября по старому стилю", "12 (25) ноября", "в ночь с 7 на 8 ноября", "в ночь на 8 ноября" (the
day written, which its bracketed twin names too), "5–6 июля", "с 30 октября по 2 ноября",
"25.10.1917", "26.X.1917"."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.common import Anchored, calendar_mark, first_tokens, token_count
from checker.extract.found import Found
from checker.extract.lang.ru.words import OrdinalWords
from checker.extract.months import month_number, month_pattern
from checker.extract.phrases import alternation, lookup

ROMAN_MONTHS = {r: i for i, r in enumerate("I II III IV V VI VII VIII IX X XI XII".split(), start=1)}
# "12 (25) ноября": the bracketed day is the same day in the Gregorian calendar when it is this
# many days later (10 in the 16th-17th centuries … 13 in the 20th).
_CALENDAR_GAPS = (10, 11, 12, 13)
_DIGITS = regex.compile(r"\d+")
_DASHES = ("-", "–", "—")
_YEAR_AFTER = regex.compile(r"\s*(?P<y>[12]\d{3})(?!\d)")


class DateRule:
    """
    >>> from checker.extract.lang.ru import PACK
    >>> [(f.day, f.month, f.end_date, f.calendar, f.gregorian) for f in PACK.rules[3]("В ночь с 7 на 8 ноября; 12 (25) ноября 1917 года")]
    [(7, 11, (None, 11, 8), None, None), (12, 11, None, 'julian', (1917, 11, 25))]
    """

    def __init__(self, lexicon: dict, ordinals: OrdinalWords, language: str = "ru"):
        self.language, self.ordinals = language, ordinals
        self.month_extra = lexicon.get("month_abbreviations") or {}
        month = f"(?:{month_pattern(language, extra=self.month_extra)})"
        day = rf"[0-3]?\d(?!\d)(?:-?{alternation(lexicon['day_suffixes'])}(?!\p{{L}}))?"  # "25-го"
        self.marks = {p: cal for cal, ps in lexicon["calendar_marks"].items() for p in ps}
        mark = calendar_mark(self.marks)
        year = rf"(?:\s+(?P<y>[12]\d{{3}})(?!\d)(?:\s*{alternation(lexicon['year_words'])}(?!\p{{L}}))?)?"
        openers, night = alternation(lexicon["date_range_openers"]), alternation(lexicon["night_of"])
        self.rx = regex.compile(
            rf"""(?<![\p{{L}}\d.])(?:
                  (?P<open>{openers})\s+(?P<d>{day})\s*{alternation(lexicon['date_range_joiners'])}\s*(?P<d2>{day})
                 |(?P<d>{day})\s*{alternation(lexicon['day_range_joiners'])}\s*(?P<d2>{day})
                 |(?P<d>{day})\s*(?:\(\s*(?P<dual>[0-3]?\d)\s*\)|/\s*(?P<dual>[0-3]?\d)(?!\d))
                 |(?P<night>{night})\s+(?P<d>{day})
                 |(?P<d>{day})
                 |(?P<dw>{ordinals.pattern})
                )\s+(?P<mon>{month})(?!\p{{L}}){year}{mark}""",
            regex.IGNORECASE | regex.VERBOSE,
        )
        self.rx_span = regex.compile(
            rf"""(?<![\p{{L}}\d.])(?:(?P<open>{openers})\s+)?(?P<d>{day})\s+(?P<mon>{month})(?!\p{{L}}){year}
                \s*(?P<join>{alternation(lexicon['date_span_joiners'])})\s*(?P<d2>{day})\s+(?P<mon2>{month})(?!\p{{L}}){year.replace('<y>', '<y2>')}{mark}""",
            regex.IGNORECASE | regex.VERBOSE,
        )
        self.rx_numeric = regex.compile(
            rf"(?<![\d.,])(?P<d>[0-3]?\d)\.(?P<mon>[01]?\d|{alternation(ROMAN_MONTHS)})\.(?P<y>[12]\d{{3}})(?!\d|\.\d)(?:\s*{alternation(lexicon['year_words'])}(?!\p{{L}}))?{mark}",
            regex.IGNORECASE,
        )
        # "25 октября (7 ноября) 1917 года", "с 25 на 26 октября (с 7 на 8 ноября 1917 г.)": the
        # year written once, after the bracketed twin, serves both halves.
        # A date opens with its day (digits or an ordinal), or with a range opener or night words
        # a few tokens before the day's digits.
        openers = [*lexicon["date_range_openers"], *lexicon["night_of"]]
        self.scan = Anchored(self.rx, first_tokens(ordinals.first_words), token_count(openers), openers=first_tokens(openers))
        self.span_scan = Anchored(self.rx_span, set(), token_count(lexicon["date_range_openers"]), openers=first_tokens(lexicon["date_range_openers"]))
        self.numeric_scan = Anchored(self.rx_numeric, set(), 0)
        self.rx_twin_year = regex.compile(
            r"\s*(?:\([^()\n]{0,40}?\)\s*|/[^()\n]{0,20}?\s|\([^()\n]{0,30}?\s)(?P<y>[12]\d{3})(?!\d)|\s*\)\s*(?P<y>[12]\d{3})(?!\d)"
        )

    def __call__(self, text: str) -> Iterator[Found]:
        yield from self._spans(text)
        yield from self._written(text)
        yield from self._numeric(text)

    def calendar(self, m: regex.Match) -> str | None:
        return lookup(self.marks, m.group("mark")) if m.group("mark") else None

    def day(self, m: regex.Match, group: str = "d") -> int | None:
        """The day of a written day: "25", "25-го", "двадцать пятого"."""
        if group == "d" and "dw" in m.re.groupindex and m.group("dw"):
            return self.ordinals.value(m.group("dw"))
        written = m.group(group)
        return int(_DIGITS.match(written).group()) if written else None

    def year(self, m: regex.Match, text: str) -> int | None:
        """The year written with the date, or right after its bracketed twin."""
        if m.group("y"):
            return int(m.group("y"))
        twin = self.rx_twin_year.match(text, m.end())
        if twin is None and m.group("mark_open"):  # "25 октября (ст. ст.) 1917 года": after the mark's bracket
            twin = _YEAR_AFTER.match(text, m.end())
        return int(twin.group("y")) if twin else None

    def _written(self, text: str) -> Iterator[Found]:
        for m in self.scan.finditer(text):
            month = month_number(self.language, m.group("mon"), self.month_extra)
            d = self.day(m)
            if month is None or d is None or not 1 <= d <= 31:
                continue
            year = self.year(m, text)
            found = Found("date", m.start(), m.end(), year=year, month=month, day=d, calendar=self.calendar(m))
            d2 = self.day(m, "d2")
            if m.group("dual"):
                found = self._dual(found, int(m.group("dual")))
            elif d2 is not None and d < d2 <= 31:
                found.end_date, found.approx = (year, month, d2), "range"
            elif d2 is not None:
                # Not a range after all ("с 8 на 7"): the day written next to the month.
                found = Found("date", m.start("d2"), m.end(), year=year, month=month, day=d2, calendar=self.calendar(m)) if 1 <= d2 <= 31 else None
            if found:
                yield found

    def _dual(self, found: Found, other_day: int) -> Found | None:
        """ "12 (25) ноября": one day in both calendars, Julian first. Other brackets hold no date."""
        if other_day - found.day not in _CALENDAR_GAPS or other_day > 31:
            return None
        found.calendar, found.gregorian = found.calendar or "julian", (found.year, found.month, other_day)
        return found

    def _spans(self, text: str) -> Iterator[Found]:
        """ "с 30 октября по 2 ноября", "30 декабря – 2 января 1918": one date, the first day,
        with its far end. Without an opener only a dash joins two dates into a span."""
        for m in self.span_scan.finditer(text):
            if not m.group("open") and m.group("join") not in _DASHES:
                continue
            mon, mon2 = month_number(self.language, m.group("mon"), self.month_extra), month_number(self.language, m.group("mon2"), self.month_extra)
            d, d2 = self.day(m), self.day(m, "d2")
            if None in (mon, mon2, d, d2):
                continue
            y, y2 = (int(m.group(g)) if m.group(g) else None for g in ("y", "y2"))
            # A year written at one end only: the other end is in it, or across its new year.
            backwards = (mon2, d2) <= (mon, d)
            if y is None and y2 is not None:
                y = y2 - 1 if backwards else y2
            elif y2 is None and y is not None:
                y2 = y + 1 if backwards else y
            if y is not None and (y2, mon2, d2) <= (y, mon, d):
                continue
            if y is None and backwards and mon2 >= mon:
                continue  # "с 8 по 7 ноября" is no span; with no year, only a new year turns back
            yield Found("date", m.start(), m.end(), approx="range", year=y, month=mon, day=d, end_date=(y2, mon2, d2), calendar=self.calendar(m))

    def _numeric(self, text: str) -> Iterator[Found]:
        for m in self.numeric_scan.finditer(text):
            written = m.group("mon")
            month = int(written) if written.isdigit() else ROMAN_MONTHS[written]
            if 1 <= month <= 12 and 1 <= int(m.group("d")) <= 31:
                yield Found("date", m.start(), m.end(), year=int(m.group("y")), month=month, day=int(m.group("d")), calendar=self.calendar(m))
