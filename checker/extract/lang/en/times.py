"""English clock times: "2:10a.m.", "6:15 p.m.", "21:35", "about 3 a.m.", "noon",
"between 8 and 9 p.m.", "two hours later"."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.common import Anchored, anchor_words, approx_of, first_tokens, qualifier_group
from checker.extract.found import Found
from checker.extract.phrases import alternation, lookup
from checker.extract.wordnum import NumberWords
from checker.normalize.tokens import TOKEN


def to_24h(hour: int, minute: int, period: str | None) -> int | None:
    """Minutes after midnight of a 12- or 24-hour clock reading.

    "At night" runs from evening into the small hours: 2 at night is 02:00, 11 at night 23:00;
    7 and 8 at night are the evening, as "at night" in English goes.

    >>> to_24h(2, 10, "am"), to_24h(12, 5, "am"), to_24h(6, 15, "pm"), to_24h(21, 35, None)
    (130, 5, 1095, 1295)
    >>> to_24h(2, 0, "night"), to_24h(11, 0, "night"), to_24h(12, 0, "night"), to_24h(9, 0, "night")
    (120, 1380, 0, 1260)
    """
    if not (0 <= minute < 60):
        return None
    if period == "night":
        if not 1 <= hour <= 12:
            return None
        hour = 0 if hour == 12 else hour if hour < 6 else hour + 12
    elif period:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if period == "pm" else 0)
    elif hour > 23:
        return None
    return hour * 60 + minute


_AT = regex.compile(r"(?<!\p{L})at\s+$", regex.IGNORECASE)
_NOT_A_CLOCK_AFTER = regex.compile(r"\s*(?:%|per\s*cent|percent)", regex.IGNORECASE)


def _clock_framed(text: str, m: regex.Match) -> bool:
    r"""Whether "17.30" is a clock without a.m. or p.m.: after "at" or a "by", "before" or
    "after", and no per cent after it ("at 17.30 on Sunday", not "at 3.50 per cent").

    >>> rx = regex.compile(r"(?P<q_before>by\s+)?\d+\.\d+")
    >>> [_clock_framed(t, rx.search(t)) for t in ("at 17.30 on", "by 17.30", "rose 17.30", "at 3.50 per cent")]
    [True, True, False, False]
    """
    if _NOT_A_CLOCK_AFTER.match(text, m.end()):
        return False
    return approx_of(m) in ("before", "after") or bool(_AT.search(text, max(0, m.start() - 8), m.start()))


class TimeRule:
    def __init__(self, lexicon: dict, words: NumberWords):
        periods = lexicon["day_periods"]
        self.period = {p: k for k, ps in periods.items() for p in ps}
        self.named = lexicon["named_times"]
        self.rel_units = lexicon["relative_units"]
        self.words = words
        per = alternation(self.period)
        q = qualifier_group(lexicon)
        clock = r"(?P<h>\d{1,2})(?:(?P<sep>[:.])(?P<m>\d{2})(?::[0-5]\d)?)?"
        self.rx = regex.compile(
            rf"""(?<![\d:.,])(?:(?<![\p{{L}}\p{{M}}]){q}\s+(?:at\s+)?)?
            (?:(?P<between>between|from)\s+(?P<h1>\d{{1,2}})(?:[:.](?P<m1>\d{{2}}))?\s*(?P<per1>{per})?\s+(?:and|to|-|–)\s+)?
            (?:{clock}(?:\s*(?P<per>{per}(?!\p{{L}})))?(?P<oclock>\s*o'clock(?:\s+(?P<per_after>{per})(?!\p{{L}}))?)?
              |(?P<named>(?<!\p{{L}}){alternation(self.named)}(?!\p{{L}})))
            (?![\d])""",
            regex.IGNORECASE | regex.VERBOSE,
        )
        num = rf"(?:(?<!\d)\d++|{words.pattern}|an?)"
        self.rel = regex.compile(
            rf"(?<!\p{{L}})(?:(?P<n>{num})\s+)?(?P<u>{alternation(self.rel_units)})\s+(?P<dir>{alternation(lexicon['later'] + lexicon['earlier'])})(?!\p{{L}})",
            regex.IGNORECASE,
        )
        self.later = {w.lower() for w in lexicon["later"]}
        # A reading holds a digit or a named time after at most a qualifier, "at" and "between";
        # a relative time opens with its number.
        lead = 3 + max(len(TOKEN.findall(p)) for qs in lexicon["qualifiers"].values() for p in qs)
        # It opens with a qualifier, "between"/"from", a clock's digits or a named time.
        openers = first_tokens([*(p for qs in lexicon["qualifiers"].values() for p in qs), "between", "from", *self.named])
        self.scan = Anchored(self.rx, anchor_words(self.named), lead, openers=openers)
        # The military "0400 hours", "at 1430 hrs": four digits are a time with a leading zero
        # or after "at"; "after 1500 hours" of work is how long.
        self.military = regex.compile(
            rf"(?:(?<![\p{{L}}\p{{M}}]){q}\s+)?(?P<at>at\s+)?(?<![\d:.,])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s*(?:hours|hrs)(?!\p{{L}})",
            regex.IGNORECASE,
        )
        self.military_scan = Anchored(self.military, {"hours", "hrs"}, lead, digits=False)
        # A unit of several words carries its amount ("half an hour", "a quarter of an hour").
        self.whole_units = {u.lower() for u in self.rel_units if len(u.split()) > 1}
        self.rel_scan = Anchored(self.rel, anchor_words([*words.words, "a", "an", *self.whole_units]), 0)

    def __call__(self, text: str) -> Iterator[Found]:
        for m in self.scan.finditer(text):
            if m.group("named"):
                minutes = lookup(self.named, m.group("named"))
                first = self._first_end(m, minutes) if m.group("between") else None
                if first is not None:  # "from 9 p.m. to midnight"
                    yield first
                    yield Found("time", m.start("named"), m.end(), approx="range", minutes=minutes, low=first.low, high=minutes)
                    continue
                yield Found("time", m.start("named") if not m.group(0)[:1].isalpha() or approx_of(m) == "exact" else m.start(), m.end(), approx=approx_of(m), minutes=minutes)
                continue
            said = m.group("per") or m.group("per_after")  # "4 o'clock in the afternoon"
            period = lookup(self.period, said) if said else None
            # A bare number is a time only with a.m./p.m. or o'clock; "03.10" needs a.m./p.m. too.
            if m.group("m") is None and not (period or m.group("oclock")):
                continue
            if m.group("sep") == "." and not period and not _clock_framed(text, m):
                continue
            minutes = to_24h(int(m.group("h")), int(m.group("m") or 0), period)
            if minutes is None:
                continue
            approx = approx_of(m)
            low = high = minutes
            if m.group("between"):
                first = self._first_end(m, high, period)
                if first is None:
                    continue
                approx, low = "range", first.low
                yield first
            twelve = period is None and 1 <= int(m.group("h")) <= 12 and not m.group("h").startswith("0")
            yield Found("time", m.start() if approx not in ("exact", "range") else m.start("h"), m.end(), approx=approx, minutes=minutes, low=low, high=high, twelve_hour=twelve)
        for m in self.military_scan.finditer(text):
            approx = approx_of(m)
            if m.group("h")[0] == "0" or m.group("at"):
                start = m.start() if approx != "exact" else m.start("h")
                yield Found("time", start, m.end(), approx=approx, minutes=int(m.group("h")) * 60 + int(m.group("m")))
        for m in self.rel_scan.finditer(text):
            n = (m.group("n") or "").lower()
            if not n and " ".join(m.group("u").lower().split()) not in self.whole_units:
                continue  # "hours later" alone says not how many
            count = 1 if n in ("", "a", "an") else int(n) if n.isdigit() else self.words.value(n)
            if not count:
                continue
            sign = 1 if m.group("dir").lower() in self.later else -1
            yield Found("time", m.start(), m.end(), relative_minutes=sign * int(count * lookup(self.rel_units, m.group("u"))))

    def _first_end(self, m: regex.Match, high: int, period: str | None = None) -> Found | None:
        """The first end of a range "between 2 and 3 a.m.", "from 9 p.m. to midnight": its own
        a.m./p.m., else the second end's; None when it is no time."""
        p1 = lookup(self.period, m.group("per1")) if m.group("per1") else period
        low = to_24h(int(m.group("h1")), int(m.group("m1") or 0), p1)
        if low is None:
            return None
        end = m.end("per1") if m.group("per1") else m.end("m1") if m.group("m1") else m.end("h1")
        return Found("time", m.start("h1"), end, approx="range", minutes=low, low=low, high=high)
