"""Thai dates: "วันที่ ๒๕ ตุลาคม", "๒๕ ตุลาคม ค.ศ. ๑๙๑๗", "๗ พ.ย. พ.ศ. ๒๔๖๐" (Buddhist era),
"ระหว่างวันที่ ๓-๑๐ ตุลาคม" (a range), "หลังวันที่ ๒๐ ตุลาคม" (after), "๒๕ ตุลาคม
(ตามปฏิทินเก่า)" (a calendar mark), and the relative "วันรุ่งขึ้น", "สองวันต่อมา"."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.common import approx_of, qualifier_group
from checker.extract.found import Found
from checker.extract.lang.th.numwords import ThaiNumberWords
from checker.extract.lang.th.scan import ascii_text, near
from checker.extract.lang.th.wordbreak import is_boundary
from checker.extract.months import month_number, month_pattern
from checker.extract.phrases import alternation, fold, lookup

_DIGIT = regex.compile(r"\d")
# A year this large without an era is Buddhist: Thai counts years from the Buddha by default.
BUDDHIST_FROM = 2300


def christian_year(written: str, era: str | None, offset: int) -> int:
    """The Christian-era year of a written year and its era ("christian", "buddhist", None).

    >>> christian_year("2460", "buddhist", 543), christian_year("2460", None, 543), christian_year("1917", None, 543)
    (1917, 1917, 1917)
    >>> from checker.extract.lang.th import PACK
    >>> [(f.year, f.month, f.day) for f in DateRule(PACK.lexicon)("วันที่ ๑๔ ต.ค. ๑๖ มีผู้ชุมนุม")]
    [(1973, 10, 14)]
    """
    year = int(written)
    if era == "buddhist" or (era is None and year >= BUDDHIST_FROM):
        return year - offset
    return year


class DateRule:
    """A day and a month name, with what may stand around them: a qualifier, "วันที่", a
    second day for a range, "เดือน", an era and year, a calendar mark."""

    def __init__(self, lexicon: dict):
        month = rf"(?:{month_pattern('th')})"
        self.marks = {p: cal for cal, ps in lexicon["calendar_marks"].items() for p in ps}
        self.eras = {p: era for era, ps in lexicon["eras"].items() for p in ps}
        self.offset = int(lexicon["buddhist_offset"])
        q = qualifier_group({"qualifiers": lexicon["date_qualifiers"]}, ("about", "before", "after"))
        cue = alternation(lexicon["date_cues"])
        month_word = rf"(?:{alternation(lexicon['month_words'])}\s*)?"
        day = r"(?<![\d.:,])[0-3]?\d(?![\d.:,])"
        # Two figures after the month are a short Buddhist year unless a classifier counts them.
        classifiers = alternation([*lexicon["classifiers"], *lexicon.get("percent_after", [])])
        self.rx = regex.compile(
            rf"""(?:{q}\s*)?(?:(?P<between>{alternation(lexicon["date_range_start"])})\s*)?(?:{cue}\s*)?
            (?P<d>{day})
            (?:\s*{month_word}(?P<mon1>{month}))?
            (?:\s*(?P<joiner>{alternation(lexicon["date_range_joiners"])})\s*(?:{cue}\s*)?(?P<d2>{day}))?
            \s*{month_word}(?P<mon>{month})
            (?:\s*(?P<era>{alternation(self.eras)})?\s*(?P<y>\d{{4}})(?!\d)|\s+(?P<y2>\d{{2}})(?![\d.:,])(?!\s*(?:{classifiers})))?
            (?:\s*[(\[,]?\s*(?P<mark>{alternation(self.marks)}))?""",
            regex.VERBOSE,
        )

    def __call__(self, text: str) -> Iterator[Found]:
        for m in near(self.rx, _DIGIT, ascii_text(text)):
            month = month_number("th", m.group("mon"))
            first_month = month_number("th", m.group("mon1")) if m.group("mon1") else month
            d, d2 = int(m.group("d")), int(m.group("d2")) if m.group("d2") else None
            if month is None or first_month is None or not 1 <= d <= 31:
                continue
            if m.group("mon1") and not (m.group("between") and d2):
                continue  # "๒๕ ตุลาคม และ ๗ พฤศจิกายน" is two dates, each found on its own
            era = lookup(self.eras, m.group("era")) if m.group("era") else None
            year = christian_year(m.group("y"), era, self.offset) if m.group("y") else None
            if m.group("y2"):  # "๑๔ ต.ค. ๑๖": the Buddhist year 2516 written short, as Thai does
                year = christian_year(f"25{m.group('y2')}", "buddhist", self.offset)
            cal = lookup(self.marks, m.group("mark")) if m.group("mark") else None
            found = Found("date", m.start(), m.end(), approx=approx_of(m), year=year, month=first_month, day=d, calendar=cal)
            if d2 is not None and (d2 > d or month != first_month) and 1 <= d2 <= 31:
                found.end_date, found.approx = (year, month, d2), "range"
            yield found


class RelativeDayRule:
    """ "ในวันรุ่งขึ้น" the next day, "วันก่อนหน้า" the day before, "สามวันต่อมา" three days later."""

    def __init__(self, lexicon: dict, words: ThaiNumberWords):
        self.words = words
        self.rel_days = lexicon["relative_days"]
        self.later = {fold(w) for w in lexicon["days_later"]}
        shift = alternation([*lexicon["days_later"], *lexicon["days_earlier"]])
        self.anchor = regex.compile(alternation([*self.rel_days, *lexicon["days_later"], *lexicon["days_earlier"]]))
        self.rx = regex.compile(rf"(?:(?P<d>\d+)|(?P<w>{words.pattern}))\s*(?P<shift>{shift})|(?P<r>{alternation(self.rel_days)})")

    def _days(self, text: str, m: regex.Match) -> int | None:
        """How many days a numbered shift moves: "สอง" 2, "๓" 3."""
        if m.group("d"):
            return int(m.group("d"))
        if self.words.whole_run(text, m.start("w"), m.end("w")) != m.end("w"):
            return None
        bounds = self.words.bounds(self.words.split(m.group("w")))
        return int(bounds[0]) if bounds and bounds[0] == bounds[1] else None

    def __call__(self, text: str) -> Iterator[Found]:
        for m in near(self.rx, self.anchor, ascii_text(text)):
            if not is_boundary(text, m.start()):
                continue
            if m.group("r"):
                yield Found("date", m.start(), m.end(), relative_days=lookup(self.rel_days, m.group("r")))
                continue
            days = self._days(text, m)
            if days:
                sign = 1 if fold(m.group("shift")) in self.later else -1
                yield Found("date", m.start(), m.end(), relative_days=sign * days)
