"""The Thai six-hour clock in words: "ตีสาม" 03:00, "เจ็ดโมงเช้า" 07:00, "สามโมงเช้า" 09:00,
"บ่ายสองโมงครึ่ง" 14:30, "สี่โมงเย็น" 16:00, "สามทุ่มสิบห้านาที" 21:15, "เที่ยงคืน" 00:00, and
the 24-hour clock in words, "ยี่สิบเอ็ดนาฬิกา" 21:00.

Each part of the day counts its own hours: ตี N after midnight, N โมงเช้า from six in the
morning (one to five) or as the hour itself (six to eleven), บ่าย N โมง and N โมงเย็น from
noon, N ทุ่ม from six in the evening."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.common import approx_of, qualifier_group
from checker.extract.found import Found
from checker.extract.lang.th.numwords import ThaiNumberWords
from checker.extract.lang.th.scan import ascii_text, near
from checker.extract.lang.th.wordbreak import is_whole
from checker.extract.phrases import alternation, lookup


def six_hour_clock(part: str, hour: int | None) -> int | None:
    """The 24-hour hour of a six-hour-clock reading, None when the part has no such hour.

    >>> [six_hour_clock(p, h) for p, h in [("small", 3), ("morning", 3), ("morning", 8), ("afternoon", None),
    ...  ("afternoon", 2), ("evening", 4), ("night", 3), ("night", 6), ("bare", 10), ("bare", 2), ("24-hour", 21)]]
    [3, 9, 8, 13, 14, 16, 21, 0, 10, None, 21]
    """
    if part == "afternoon":
        hour = 1 if hour is None else hour
        return 12 + hour if 1 <= hour <= 5 else None
    if hour is None:
        return None
    if part == "small":
        return hour if 1 <= hour <= 6 else None
    if part == "morning":
        return 6 + hour if 1 <= hour <= 5 else hour if 6 <= hour <= 11 else None
    if part == "evening":
        return 12 + hour if 1 <= hour <= 6 else None
    if part == "24-hour":
        return hour if 0 <= hour <= 23 else None
    if part == "night":
        return (18 + hour) % 24 if 1 <= hour <= 6 else None
    return hour if 6 <= hour <= 12 else None  # a bare "N โมง" before six is ambiguous


class ClockWordRule:
    """Six-hour-clock readings, in number words or digits, with a qualifier, a half or minutes."""

    def __init__(self, lexicon: dict, words: ThaiNumberWords):
        self.words = words
        self.hours = self._hour_words(words)
        clock = lexicon["six_hour_clock"]
        self.named = lexicon["named_times"]
        n = rf"(?:\d{{1,2}}|{alternation(self.hours)})"
        half = alternation(lexicon["half_hour"])
        tail = rf"(?:\s*(?P<half>{half})|\s*(?P<mn>\d{{1,2}}|{words.run})\s*{alternation(lexicon['minute_words'])})?"
        q = qualifier_group({"qualifiers": lexicon["time_qualifiers"]}, ("about", "before", "after"))
        word = {part: alternation(ws) for part, ws in clock.items()}
        anchors = ("small_hours", "night_hours", "hour", "afternoon")
        self.anchor = regex.compile(alternation([*(x for p in anchors for x in clock[p]), *self.named, *lexicon["clock_marks"]]))
        self.rx = regex.compile(
            rf"""(?:{q}\s*)?(?P<clock>
                 {word["small_hours"]}\s*(?P<small>{n})(?!\s*{word["not_after_small_hours"]})
                |(?P<aft>{word["afternoon"]})\s*(?P<afternoon>{n})?\s*{word["hour"]}
                |(?P<night>{n})\s*{word["night_hours"]}
                |(?P<hour>{n})\s*{word["hour"]}(?:\s*(?P<morning>{word["morning"]})|\s*(?P<evening>{word["evening"]}))?
                |(?P<h24>{words.pattern})\s*{alternation(lexicon["clock_marks"])}
                |(?P<named>{alternation(self.named)}))
            {tail}""",
            regex.VERBOSE,
        )

    @staticmethod
    def _hour_words(words: ThaiNumberWords) -> dict[str, int]:
        """The words for one to twelve: the digit words, ten, ten-and-one, ten-and-two.

        >>> from checker.extract.lang.th import PACK
        >>> h = ClockWordRule._hour_words(ThaiNumberWords(PACK.lexicon)); h["สาม"], h["สิบเอ็ด"], h["สิบสอง"]
        (3, 11, 12)
        """
        ten = next(w for w, v in words.multipliers.items() if v == 10)
        table = dict(words.digits)
        table[ten] = 10
        table.update({ten + w: 10 + v for w, v in words.after_multiplier.items()})
        table.update({ten + w: 10 + v for w, v in words.digits.items() if v == 2})
        return table

    def _hour(self, written: str | None) -> int | None:
        """The hour a written number gives: digits, a clock word ("สิบเอ็ด") or a run of
        number words ("ยี่สิบเอ็ด")."""
        if written is None:
            return None
        if written.isdigit():
            return int(written)
        bounds = self.words.bounds(self.words.split(written))
        return int(bounds[0]) if bounds and bounds[0] == bounds[1] else None

    @staticmethod
    def _part(m: regex.Match) -> tuple[str, str | None]:
        """Which part of the day a match reads, and its hour as written."""
        if m.group("small"):
            return "small", m.group("small")
        if m.group("aft"):
            return "afternoon", m.group("afternoon")
        if m.group("night"):
            return "night", m.group("night")
        if m.group("h24"):
            return "24-hour", m.group("h24")
        return ("morning" if m.group("morning") else "evening" if m.group("evening") else "bare"), m.group("hour")

    def _minutes_past(self, text: str, m: regex.Match) -> int | None:
        """Minutes the tail adds: 30 for "ครึ่ง", N for "N นาที", None when N is no minute."""
        if m.group("half"):
            return 30
        written = m.group("mn")
        if not written:
            return 0
        if written.isdigit():
            value = int(written)
        else:
            bounds = self.words.bounds(self.words.split(written))
            value = int(bounds[0]) if bounds and bounds[0] == bounds[1] else -1
        return value if 0 <= value < 60 else None

    def __call__(self, text: str) -> Iterator[Found]:
        for m in near(self.rx, self.anchor, ascii_text(text)):
            if not is_whole(text, m.start("clock"), m.end()):
                continue
            if m.group("named"):
                base = lookup(self.named, m.group("named"))
            else:
                part, written = self._part(m)
                h24 = six_hour_clock(part, self._hour(written))
                base = None if h24 is None else h24 * 60
            past = self._minutes_past(text, m)
            if base is None or past is None:
                continue
            approx = approx_of(m)
            start = m.start() if approx != "exact" else m.start("clock")
            small = not m.group("named") and self._part(m)[0] == "small"
            yield Found("time", start, m.end(), approx=approx, minutes=(base + past) % 1440, small_hours=small)
