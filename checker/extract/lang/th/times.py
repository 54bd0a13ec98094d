"""Thai clock times: "๑๔.๒๓ น.", "เวลาประมาณ ๓.๓๐ น." (about), "ก่อน ๒๒.๐๐ น." (before),
"ระหว่าง ๒๐.๐๐-๒๑.๐๐ น." (a range: one claim per end), "21:40", "๑๔ นาฬิกา ๓๐ นาที", and the
relative "สองชั่วโมงต่อมา". Thai clock times are 24-hour; the six-hour clock ("ตีสาม",
"สามทุ่ม") is in clockwords.py. Rules run on ascii_digits(text), which keeps every offset."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.common import approx_of, qualifier_group
from checker.extract.found import Found
from checker.extract.lang.th.numwords import ThaiNumberWords
from checker.extract.lang.th.scan import ascii_text, near
from checker.extract.phrases import alternation, lookup

_DIGIT = regex.compile(r"\d")


def clock_minutes(hour: int, minute: int) -> int | None:
    """Minutes after midnight of a 24-hour reading, None when it is no time of day.

    >>> clock_minutes(14, 23), clock_minutes(24, 0), clock_minutes(25, 0), clock_minutes(9, 75)
    (863, 0, None, None)
    """
    if not (0 <= minute < 60 and 0 <= hour <= 24) or (hour == 24 and minute):
        return None
    return hour % 24 * 60 + minute


class TimeRule:
    """Digit clock times, with their qualifier or range."""

    def __init__(self, lexicon: dict):
        marks = alternation(lexicon["clock_marks"])
        cue = alternation(lexicon["time_cues"])
        q = qualifier_group({"qualifiers": lexicon["time_qualifiers"]}, ("about", "before", "after"))
        joiner = alternation(lexicon["time_range_joiners"])
        minute = alternation(lexicon["minute_words"])
        durations = alternation(lexicon["relative_units"])
        self.rx = regex.compile(
            rf"""(?<![\d:.,])
            (?:(?P<cue>{cue})\s*)?(?:{q}\s*)?(?:(?P<cue2>{cue})\s*)?
            (?:(?P<between>{alternation(lexicon["time_range_start"])})\s*(?:{cue}\s*)?
               (?P<h1>\d{{1,2}})(?:(?P<sep1>[.:])(?P<m1>\d{{2}}))?(?!\d)\s*(?P<mark1>{marks})?\s*{joiner}\s*(?:{cue}\s*)?)?
            (?P<h>\d{{1,2}})(?:(?P<sep>[.:])(?P<m>\d{{2}})(?::[0-5]\d)?)?(?![\d,])
            (?:\s*(?P<mark>{marks}))?
            (?:\s*(?P<mins>\d{{1,2}})\s*{minute})?
            (?!\s*{durations})  # "ใช้เวลา ๑.๓๐ ชั่วโมง" is how long, not when""",
            regex.VERBOSE,
        )

    @staticmethod
    def _is_time(m: regex.Match) -> bool:
        """A clock mark makes digits a time; without one, "21:40" or a cue word with "๑๔.๒๓"."""
        if m.group("mark") or m.group("mark1"):
            return True
        if m.group("m") is None:
            return False
        return m.group("sep") == ":" or bool(m.group("cue") or m.group("cue2"))

    def __call__(self, text: str) -> Iterator[Found]:
        for m in near(self.rx, _DIGIT, ascii_text(text)):
            if not self._is_time(m):
                continue
            extra = int(m.group("mins") or 0) if not m.group("m") else 0
            minutes = clock_minutes(int(m.group("h")), int(m.group("m") or 0) + extra)
            if minutes is None:
                continue
            approx, low, high = approx_of(m), minutes, minutes
            if m.group("between"):
                low = clock_minutes(int(m.group("h1")), int(m.group("m1") or 0))
                if low is None or (m.group("m1") is None and not m.group("mark1") and m.group("sep")):
                    continue  # "ระหว่าง ๕ - ๒๑.๐๐ น.": a bare number is no end of a clock range
                approx = "range"
                first_end = m.end("mark1") if m.group("mark1") else m.end("m1") if m.group("m1") else m.end("h1")
                yield Found("time", m.start(), first_end, approx="range", minutes=low, low=low, high=high)
            start = m.start("h") if approx in ("exact", "range") else m.start()
            yield Found("time", start, m.end(), approx=approx, minutes=minutes, low=low, high=high)


class RelativeTimeRule:
    """ "สองชั่วโมงต่อมา" two hours later, "ครึ่งชั่วโมงต่อมา", "หลังจากนั้น ๒ ชั่วโมง"."""

    def __init__(self, lexicon: dict, words: ThaiNumberWords):
        self.words = words
        self.units = lexicon["relative_units"]
        self.later = lexicon["later"]
        self.half = lexicon["half_hour"]
        unit = alternation(self.units)
        direction = alternation(self.later + lexicon["earlier"])
        num = rf"(?P<d>\d+)|(?P<half>{alternation(self.half)})|(?P<w>{words.pattern})"
        self.anchor = regex.compile(unit)
        self.rx = regex.compile(
            rf"(?:{num})\s*(?P<u>{unit})\s*(?P<dir>{direction})"
            rf"|(?P<dir2>{alternation(self.later)})\s*(?:{alternation(lexicon['relative_fillers'])}\s*)?(?:{num.replace('?P<', '?P<x')})\s*(?P<u2>{unit})"
        )

    def _count(self, text: str, m: regex.Match, x: str = "") -> float | None:
        """The number of units: digits, "ครึ่ง" (a half) or whole Thai number words."""
        if m.group(x + "d"):
            return float(m.group(x + "d"))
        if m.group(x + "half"):
            return 0.5
        w = x + "w"
        if self.words.whole_run(text, m.start(w), m.end(w)) != m.end(w):
            return None
        bounds = self.words.bounds(self.words.split(m.group(w)))
        return bounds[0] if bounds and bounds[0] == bounds[1] else None

    def __call__(self, text: str) -> Iterator[Found]:
        for m in near(self.rx, self.anchor, ascii_text(text)):
            x = "x" if m.group("dir2") else ""
            n = self._count(text, m, x)
            if not n:
                continue
            sign = 1 if (m.group("dir2") or m.group("dir")) in self.later else -1
            unit = lookup(self.units, m.group("u2") if x else m.group("u"))
            yield Found("time", m.start(), m.end(), relative_minutes=int(sign * n * unit))
