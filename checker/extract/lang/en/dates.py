"""English dates: "7 November 1917", "November 7, 1917", "25 October (O.S.)", "5–6 July",
"October 24-25", "the following day"."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.common import Anchored, anchor_words
from checker.extract.found import Found
from checker.extract.months import month_number, month_pattern, month_table
from checker.extract.phrases import alternation, lookup


class DateRule:
    def __init__(self, lexicon: dict, language: str = "en"):
        self.language = language
        month = f"(?:{month_pattern(language)})"
        self.marks = {p: cal for cal, ps in lexicon["calendar_marks"].items() for p in ps}
        mark = rf"(?:\s*[(\[,]?\s*(?P<mark>{alternation(self.marks)})(?!\p{{L}}))?"
        day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
        day_end = r"(?:\s*(?:-|–|—|to|and)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)?"
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
        self.scan = Anchored(self.rx, anchor_words(month_table(language)), 0)
        self.rel_scan = Anchored(self.rel, anchor_words(self.rel_days), 1)

    def __call__(self, text: str) -> Iterator[Found]:
        for m in self.scan.finditer(text):
            g = m.groupdict()
            mon_text = g["mon"] or g["mon2"]
            month = month_number(self.language, mon_text)
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
        for m in self.rel_scan.finditer(text):
            yield Found("date", m.start(), m.end(), relative_days=lookup(self.rel_days, m.group("r")))
