"""Spanish dates: "25 de octubre de 1917", dual dates "26 de octubrejul./ 8 de noviembre de
1917greg.", "(20 de noviembrejul./ 3 de diciembregreg.)", "el 8 y 27 de octubre", "del 5 al 7 de
julio", "al día siguiente", "el mismo día", "cuatro días más tarde"."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.common import Anchored, anchor_words, has_digits, join_neighbours
from checker.extract.found import Found
from checker.extract.lang.es.times import folded
from checker.extract.months import month_number, month_pattern
from checker.extract.phrases import alternation, fold
from checker.extract.twins import are_twins
from checker.extract.wordnum import NumberWords

_YEAR = regex.compile(r"(?<![\p{L}\d.,:/-])1\d{3}(?![\d.,:/-]\d)")
_SENTENCE_END = regex.compile(r"(?<!\b\p{L}{1,2})[.!?…](?=\s)|\n")


class DateRule:
    """Day-and-month dates with their year, calendar marks and Gregorian twin, and days counted
    from the narrative's day."""

    def __init__(self, lexicon: dict, words: NumberWords, language: str = "es"):
        self.language = language
        self.month_extra = lexicon.get("month_abbreviations") or {}
        self.marks = {p: cal for cal, ps in lexicon["calendar_marks"].items() for p in ps}
        self.names = {p: cal for cal, ps in lexicon["calendar_names"].items() for p in ps}
        self.rel_days = lexicon["relative_days"]
        self.rel_units = lexicon["relative_day_units"]
        self.later = {fold(w) for w in lexicon["later"]}
        self.mark_of, self.name_of = folded(self.marks), folded(self.names)
        self.rel_day_of, self.rel_unit_of = folded(self.rel_days), folded(self.rel_units)
        self.words = words
        self.rx = regex.compile(self._pattern(lexicon), regex.IGNORECASE | regex.VERBOSE)
        self.span_pairs = {fold(o): {fold(c) for c in closers} for o, closers in lexicon["date_span_pairs"].items()}
        self.list_joiners = {fold(j) for j in lexicon["day_list_joiners"]}
        self.span_open = regex.compile(rf"(?<!\p{{L}})(?P<open>{alternation(self.span_pairs)})\s+(?:(?:el|los)\s+)?(?:días?\s+)?$", regex.IGNORECASE)
        closers = {c for cs in self.span_pairs.values() for c in cs}
        self.span_join = regex.compile(rf"\s*(?P<join>{alternation(closers)})\s+(?:el\s+)?(?:día\s+)?", regex.IGNORECASE)
        self.names_rx = regex.compile(rf"(?<!\p{{L}}){alternation(self.names)}(?!\p{{L}})", regex.IGNORECASE)
        articles = r"(?:(?:al|del|el|la|a\s+la|de\s+la|en\s+la|ese|esa|aquel|aquella|este|esta)\s+)?"
        self.rel = regex.compile(
            # Not "el mismo día 25" (the date follows) nor "el mismo día que…", "al día siguiente
            # de la reunión" (counted from an event, not from the narrative's day).
            rf"(?<!\p{{L}}){articles}(?P<r>{alternation(self.rel_days)})(?!\p{{L}})(?!\s+(?:\d|que|en\s+que|en\s+el\s+que|del?\s|a\s+la\s))",
            regex.IGNORECASE,
        )
        directions = alternation(lexicon["later"] + lexicon["earlier"])
        self.rel_n = regex.compile(
            rf"(?<!\p{{L}})(?P<n>\d{{1,3}}|{words.pattern})\s+(?P<u>{alternation(self.rel_units)})\s+(?P<dir>{directions})(?!\p{{L}})(?!\s+del?\s)",
            regex.IGNORECASE,
        )
        # A date opens with its day's digits; "al día siguiente" holds a word of its phrase
        # after at most two words of article; "cuatro días más tarde" opens with its number.
        self.scan = Anchored(self.rx, set(), 0)
        self.rel_scan = Anchored(self.rel, anchor_words(self.rel_days), 2, digits=has_digits(self.rel_days))
        self.rel_n_scan = Anchored(self.rel_n, anchor_words(words.words), 0)

    def _pattern(self, lexicon: dict) -> str:
        month = month_pattern(self.language, extra=self.month_extra)
        # A mark may be glued to the month or year ("octubrejul.") or stand in brackets.
        # A bracket the mark opens it also closes; one opened before the date is not the date's.
        mark = lambda tag: rf"(?:\s*(?P<mark_open{tag}>\()?\s*(?P<mark{tag}>{alternation(self.marks)})(?!\p{{L}})(?(mark_open{tag})\)?))?"
        day = lambda tag: rf"(?<![\p{{L}}\d.,:])(?P<d{tag}>[0-3]?\d)(?:\.?[ºª°])?"
        year = lambda tag: rf"(?:\s+del?\s+(?:año\s+)?(?P<y{tag}>[12]\d{{3}})(?!\d))?"
        # "17 de abril"; a wire report's dateline drops the "de": "QUITO, 17 abr (EFE)".
        month_of = lambda tag: rf"\s+(?:de\s+)?(?P<mon{tag}>{month})(?=\P{{L}}|$|{alternation(self.marks)})"
        # "el 8 y 27 de octubre" (two days), "entre el 25 y el 27", "desde el 1 hasta el 3 de mayo" (a span).
        joiners = [*lexicon["day_list_joiners"], *(c for cs in lexicon["date_span_pairs"].values() for c in cs)]
        listed = rf"(?:(?P<d0>[0-3]?\d)\s+(?P<join0>{alternation(joiners)})\s+(?:el\s+(?:día\s+)?)?)?"
        ranged = rf"(?:\s*(?:{alternation(lexicon['day_range_joiners'])})\s*(?P<dend>[0-3]?\d)(?!\d))?"
        first = rf"{listed}{day('')}{ranged}{month_of('')}{year('')}{mark('')}"
        second = rf"(?:\s*/\s*{day('2')}{month_of('2')}{year('2')}{mark('2')})?"
        return rf"(?<![\p{{L}}\d]){first}{second}"

    def __call__(self, text: str) -> Iterator[Found]:
        found = [f for m in self.scan.finditer(text) for f in self._dates(m)]
        found = join_neighbours(found, lambda a, b: self._span(a, b, text))
        self._mark_by_calendar_names(found, text)
        self._year_of_sentence(found, text)
        yield from found
        yield from self._relative(text)

    def _dates(self, m: regex.Match) -> list[Found]:
        """The Found of one match: a day listed before ("el 8 y 27") is a date of its own."""
        g = m.groupdict()
        month = month_number(self.language, g["mon"], self.month_extra)
        day = int(g["d"])
        if month is None or not 1 <= day <= 31:
            return []
        year = int(g["y"]) if g["y"] else None
        cal = self.mark_of[fold(g["mark"])] if g["mark"] else None
        start = m.start("d0") if g["d0"] else m.start("d")
        main = Found("date", m.start("d"), m.end(), year=year, month=month, day=day, calendar=cal)
        if g["dend"] and int(g["dend"]) > day:
            main.end_date, main.approx = (year, month, int(g["dend"])), "range"
        out = self._dual(m, main) if g["d2"] else [main]
        if out and g["d0"] and 1 <= int(g["d0"]) < day and self._spans(m.string, start, g["join0"]):
            # "entre el 25 y el 27 de octubre", "desde el 1 hasta el 3 de mayo": one span of days.
            first = out[0]
            return [Found("date", start, first.end, year=first.year, month=month, day=int(g["d0"]), calendar=first.calendar, approx="range", end_date=(first.year, month, day))]
        if out and g["d0"] and 1 <= int(g["d0"]) < day and out[0].gregorian is not None:
            return _listed_with_one_twin(out[0], start, month, int(g["d0"]), day)
        if out and g["d0"] and 1 <= int(g["d0"]) < day:
            out.insert(0, Found("date", start, m.end("d0"), year=year or out[0].year, month=month, day=int(g["d0"]), calendar=out[0].calendar))
        return out

    def _spans(self, text: str, start: int, joiner: str) -> bool:
        """Whether two days joined by `joiner` before one month are one span: the joiner only
        closes spans ("hasta"), or the words before the first day open one it closes ("entre
        … y"); else they are two days ("el 8 y 27 de octubre")."""
        joiner = fold(joiner)
        if joiner not in self.list_joiners:
            return True
        opened = self.span_open.search(text, max(0, start - 24), start)
        return opened is not None and joiner in self.span_pairs[fold(opened.group("open"))]

    def _dual(self, m: regex.Match, first: Found) -> list[Found]:
        """"26 de octubrejul./ 8 de noviembre de 1917greg.": one claim in the Julian calendar
        with its Gregorian twin; an unmarked pair is one when its days lie 10-13 days apart."""
        g = m.groupdict()
        month2 = month_number(self.language, g["mon2"], self.month_extra)
        day2 = int(g["d2"])
        if month2 is None or not 1 <= day2 <= 31:
            return [first]
        second = (int(g["y2"]) if g["y2"] else None, month2, day2)
        cal1 = first.calendar
        cal2 = self.mark_of[fold(g["mark2"])] if g["mark2"] else None
        if cal1 is None and cal2 is None and are_twins((first.month, first.day), second[1:]):
            cal1, cal2 = "julian", "gregorian"
        if {cal1, cal2} != {"julian", "gregorian"}:
            # Two dates side by side that are not one day in two calendars: two claims.
            first.end = max(m.end(k) for k in ("mon", "y", "mark") if m.group(k))
            return [first, Found("date", m.start("d2"), m.end(), year=second[0], month=month2, day=day2, calendar=cal2)]
        if cal1 == "julian":
            first.calendar, first.gregorian, first.end = "julian", second, m.end()
            return [first]
        # Gregorian written first: the claim is still the Julian day, with its twin.
        return [Found("date", first.start, m.end(), year=second[0], month=month2, day=day2, calendar="julian", gregorian=(first.year, first.month, first.day))]

    def _span(self, a: Found, b: Found, text: str) -> Found | None:
        """ "entre el 14 de octubrejul./ 27 de octubregreg. y el 17 de octubrejul./ 30 de
        octubregreg.", "del 5 de julio al 7 de agosto": two whole dates that open and close a
        span are one date, the first, with its far end (a twin stays the first day's); else None."""
        if a.end_date or b.end_date or a.calendar != b.calendar or None in (a.month, a.day, b.month, b.day):
            return None
        opened = self.span_open.search(text, max(0, a.start - 24), a.start)
        joined = self.span_join.fullmatch(text, a.end, b.start)
        if opened is None or joined is None or fold(joined.group("join")) not in self.span_pairs[fold(opened.group("open"))]:
            return None
        year, end_year = a.year or b.year, b.year or a.year
        if year is not None and end_year is not None and (end_year, b.month, b.day) <= (year, a.month, a.day):
            return None
        if year is None and (b.month, b.day) <= (a.month, a.day):
            return None
        return Found("date", a.start, b.end, approx="range", year=year, month=a.month, day=a.day, calendar=a.calendar,
                     gregorian=a.gregorian, end_date=(end_year, b.month, b.day))

    def _mark_by_calendar_names(self, found: list[Found], text: str) -> None:
        """The one date of a sentence that names one calendar is in it: "La fecha 25 de octubre
        de 1917 corresponde al calendario juliano"."""
        for f in found:
            if f.calendar is not None:
                continue
            start, end = _sentence_around(text, f.start, f.end)
            if sum(1 for o in found if start <= o.start < end) != 1:
                continue
            named = {self.name_of[fold(n.group())] for n in self.names_rx.finditer(text, start, end)}
            if len(named) == 1:
                f.calendar = named.pop()

    def _year_of_sentence(self, found: list[Found], text: str) -> None:
        """A date without a year takes the last year written before it in its sentence: "A
        comienzos de 1918, se adoptó el calendario gregoriano (1 de febrero…)"."""
        for f in found:
            if f.year is not None or (f.gregorian and f.gregorian[0] is not None):
                continue
            start, _ = _sentence_around(text, f.start, f.end)
            years = [int(y.group()) for y in _YEAR.finditer(text, start, f.start)]
            if years:
                f.year = years[-1]

    def _relative(self, text: str) -> Iterator[Found]:
        """"al día siguiente" (+1), "el mismo día" (0), "cuatro días más tarde" (+4)."""
        for m in self.rel_scan.finditer(text):
            yield Found("date", m.start(), m.end(), relative_days=self.rel_day_of[fold(m.group("r"))])
        for m in self.rel_n_scan.finditer(text):
            n = m.group("n")
            count = int(n) if n.isdigit() else self.words.value(n)
            if not count:
                continue
            sign = 1 if fold(m.group("dir")) in self.later else -1
            yield Found("date", m.start(), m.end(), relative_days=sign * int(count) * self.rel_unit_of[fold(m.group("u"))])


def _listed_with_one_twin(dual: Found, start: int, month: int, listed: int, day: int) -> list[Found]:
    """"El 8 y 27 de octubrejul./ 9 de noviembregreg.": two days listed and one twin. Only the
    day that pairs with the twin is a date; the text garbled the other, which then says nothing sure.

    >>> f = Found("date", 7, 45, month=10, day=27, calendar="julian", gregorian=(None, 11, 9))
    >>> [(x.day, x.start) for x in _listed_with_one_twin(f, 3, 10, 8, 27)]
    [(27, 7)]
    """
    if (dual.month, dual.day) != (month, day):
        return [dual]  # the Gregorian half came first: its listed day has no twin either
    pairs = lambda d: are_twins((month, d), dual.gregorian[1:])
    if not pairs(day) and pairs(listed):
        dual.start, dual.day = start, listed
    return [dual]


def _sentence_around(text: str, start: int, end: int, reach: int = 300) -> tuple[int, int]:
    """Bounds of the sentence holding text[start:end], looking at most `reach` characters away.

    >>> t = "Uno. La fecha 25 de octubre es juliana. Otra."
    >>> s, e = _sentence_around(t, 14, 27); t[s:e].strip()
    'La fecha 25 de octubre es juliana.'
    """
    lo = max(0, start - reach)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, start)]
    s = ends[-1] if ends else lo
    nxt = _SENTENCE_END.search(text, end, min(len(text), end + reach))
    return s, nxt.end() if nxt else min(len(text), end + reach)
