"""English dates: "7 November 1917", "November 7, 1917", "25 October (O.S.)", "5–6 July",
"October 24-25", "the following day", and one day in both calendars: "25 October (O.S.;
7 November, N.S.), 1917"."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.common import Anchored, anchor_words, calendar_mark, has_digits, join_neighbours
from checker.extract.found import Found
from checker.extract.months import month_number, month_pattern, month_table
from checker.extract.phrases import alternation, lookup
from checker.extract.twins import are_twins

# Between the halves of a dual date: "(O.S.; 7 November, N.S.)", "(O.S.) / 7 November (N.S.)".
_DUAL_JOIN = regex.compile(r"\s*\)?\s*[;,/]\s*\(?\s*")
# After it: the closing bracket, then the year both halves share: "…, N.S.), 1917".
_DUAL_TAIL = regex.compile(r"(?:\s*[)\]])?(?:,?\s+(?P<y>[12]\d{3})(?!\d))?")


class DateRule:
    def __init__(self, lexicon: dict, language: str = "en"):
        self.language = language
        # Abbreviations in use that CLDR does not list ("Sept." beside its "Sep").
        self.month_extra = lexicon.get("month_abbreviations") or {}
        month = f"(?:{month_pattern(language, extra=self.month_extra)})"
        self.marks = {p: cal for cal, ps in lexicon["calendar_marks"].items() for p in ps}
        mark = calendar_mark(self.marks)
        day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
        day_end = r"(?:\s*(?:-|–|—|/|to|and)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)?"
        year = r"(?:,?\s+(?P<y>[12]\d{3})(?!\d))?"
        self.rx = regex.compile(
            rf"""(?<![\p{{L}}\d])(?:
                  {day}{day_end}\s+(?:of\s+)?(?P<mon>{month})(?!\p{{L}}){year}
                 |(?P<mon2>{month})(?!\p{{L}})\s+(?P<d_>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*(?:-|–|—)\s*(?P<d2_>[0-3]?\d))?(?![\d:]){year.replace('<y>', '<y_>')}
                ){mark}""",
            regex.IGNORECASE | regex.VERBOSE,
        )
        self.rel_days = lexicon["relative_days"]
        self.rel = regex.compile(rf"(?<!\p{{L}})(?:the\s+)?(?P<r>{alternation(self.rel_days)})(?!\p{{L}})", regex.IGNORECASE)
        # A date opens with its day's digits or its month; "the following day" holds a word of
        # its phrase after "the".
        self.scan = Anchored(self.rx, anchor_words([*month_table(language), *self.month_extra]), 0)
        self.rel_scan = Anchored(self.rel, anchor_words(self.rel_days), 1, digits=has_digits(self.rel_days))

    def __call__(self, text: str) -> Iterator[Found]:
        yield from join_dual_dates(list(self._dates(text)), text)
        for m in self.rel_scan.finditer(text):
            yield Found("date", m.start(), m.end(), relative_days=lookup(self.rel_days, m.group("r")))

    def _dates(self, text: str) -> Iterator[Found]:
        for m in self.scan.finditer(text):
            g = m.groupdict()
            mon_text = g["mon"] or g["mon2"]
            month = month_number(self.language, mon_text, self.month_extra)
            d = int(g["d"] or g["d_"])
            d2 = g["d2"] or g["d2_"]
            y = g["y"] or g["y_"]
            if month is None or not 1 <= d <= 31:
                continue
            cal = lookup(self.marks, g["mark"]) if g["mark"] else None
            end = m.end() if g["mark"] else max(m.end(k) for k in ("mon", "mon2", "y", "y_", "d_", "d2_") if g[k])
            year = int(y) if y else None
            found = Found("date", m.start(), end, year=year, month=month, day=d, calendar=cal)
            if d2 and int(d2) > d:
                found.end_date = (year, month, int(d2))
                found.approx = "range"
            yield found


def join_dual_dates(dates: list[Found], text: str) -> list[Found]:
    """Two neighbouring dates marked Julian and Gregorian, whose days lie a calendar offset
    apart, are one day written twice: one claim, its Julian day with its Gregorian twin, over
    both and the year written after the bracket. Dates that are not such a pair stay apart.

    >>> t = "on 25 October (O.S.; 7 November, N.S.), 1917."
    >>> [(t[f.start:f.end], f.year, f.month, f.day, f.gregorian) for f in join_dual_dates([
    ...     Found("date", 3, 19, month=10, day=25, calendar="julian"),
    ...     Found("date", 21, 37, month=11, day=7, calendar="gregorian")], t)]
    [('25 October (O.S.; 7 November, N.S.), 1917', 1917, 10, 25, (1917, 11, 7))]
    """
    return join_neighbours(dates, lambda a, b: _dual(a, b, text))


def _dual(a: Found, b: Found, text: str) -> Found | None:
    """The one claim `a` and `b` make when they are a dual date (see join_dual_dates), else None."""
    if {a.calendar, b.calendar} != {"julian", "gregorian"} or a.end_date or b.end_date or a.day is None or b.day is None:
        return None
    if not _DUAL_JOIN.fullmatch(text, a.end, b.start):
        return None
    julian, gregorian = (a, b) if a.calendar == "julian" else (b, a)
    if not are_twins((julian.month, julian.day), (gregorian.month, gregorian.day)):
        return None
    end, year = b.end, None
    tail = _DUAL_TAIL.match(text, b.end)
    if tail is not None and "(" in text[a.start : b.start]:
        end, year = tail.end(), int(tail.group("y")) if tail.group("y") else None
    g_year = gregorian.year or year
    # A year written once after the pair is the Gregorian one when the pair straddles a new
    # year (Julian December, Gregorian January); resolve then takes the Julian year from it.
    j_year = julian.year or (year if not (julian.month == 12 and gregorian.month == 1) else None)
    return Found("date", a.start, end, year=j_year, month=julian.month, day=julian.day, calendar="julian", gregorian=(g_year, gregorian.month, gregorian.day))
