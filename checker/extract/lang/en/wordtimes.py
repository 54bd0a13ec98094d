"""English clock times in words: "half past eleven", "twenty past two in the morning", "a
quarter to midnight", "at ten to three", "eleven o'clock at night".

"Five to ten soldiers" is a range of counts, not 09:55: minutes counted to or past an hour
make a time only with "half" or "quarter", the word "minutes", a time of day or "o'clock"
after the hour, or "at" (or a qualifier) before them."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.common import Anchored, anchor_words, approx_of, first_tokens, qualifier_group, token_count
from checker.extract.found import Found
from checker.extract.lang.en.times import to_24h
from checker.extract.phrases import alternation, lookup
from checker.extract.wordnum import NumberWords

_DAY = 24 * 60


_AT = regex.compile(r"(?<!\p{L})at(?!\p{L})", regex.IGNORECASE)
_AT_BEFORE = regex.compile(r"(?<!\p{L})at\s+$", regex.IGNORECASE)


class WordTimeRule:
    """
    >>> from checker.extract.lang.en import PACK
    >>> rule = PACK.rules[1]
    >>> [f.minutes for f in rule("at half past eleven, a quarter to midnight, twenty past two in the morning")]
    [690, 1425, 140]
    >>> list(rule("five to ten soldiers")), [f.minutes for f in rule("twenty past two by other clocks")]
    ([], [140])
    >>> list(rule("outnumbered by roughly twenty to one")), [f.minutes for f in rule("at about twenty to one")]
    ([], [40])
    >>> [f.minutes for f in rule("shortly before ten in the morning; they gave up at around five.")], list(rule("five, six."))
    ([600, 300], [])
    """

    def __init__(self, lexicon: dict, words: NumberWords):
        self.words = words
        self.period = {p: k for k, ps in lexicon["day_periods"].items() for p in ps}
        self.named = lexicon["named_times"]
        self.fractions = lexicon["clock_fractions"]
        self.past, self.to = lexicon["clock_past"], lexicon["clock_to"]
        self.past_sure = {w.lower() for w in lexicon.get("clock_past_sure") or []}
        hour_words = [w for w, v in words.words.items() if 1 <= v <= 12 and v == int(v) and len(w) > 2]
        minute_words = [w for w, v in words.words.items() if 1 <= v < 60 and v == int(v) and len(w) > 2]
        hour = rf"(?:\d{{1,2}}(?![\d:.])|{alternation(hour_words)}|(?P<named>{alternation(self.named)}))(?!\p{{L}})"
        # Minutes in figures, or in words that may run to two ("twenty-five"); never both: "0 Five to ten".
        number = rf"(?:[0-9]{{1,2}}|{alternation(minute_words)}(?:[\s-]+{alternation(minute_words)})?)"
        per = alternation(self.period)
        self.rx = regex.compile(
            rf"""(?<![\p{{L}}\d])(?P<lead>(?:{qualifier_group(lexicon)}\s+)?at\s+|{qualifier_group(lexicon)}\s+)?
            (?:(?:(?P<fraction>{alternation(self.fractions)})|(?P<mins>{number})(?P<word>\s+minutes?)?)
               \s+(?P<dir>{alternation([*self.past, *self.to])})\s+(?P<hour>{hour})
             |(?P<oclock_hour>{alternation(hour_words)})(?=\s+o'clock)
             |(?P<bare_hour>{alternation(hour_words)})(?!\p{{L}})(?=\s+(?:{per})(?!\p{{L}})|\s*[.,;:!?)]|\s*$))
            (?P<oclock>\s+o'clock)?(?:\s+(?P<per>{per})(?!\p{{L}}))?""",
            regex.IGNORECASE | regex.VERBOSE,
        )
        openers = first_tokens([*(q for qs in lexicon["qualifiers"].values() for q in qs), "at", *self.fractions])
        # An hour word alone is a time before a period of the day ("ten in the morning") or,
        # after "at", before a stop ("capitulated at around five."): it anchors those.
        anchors = anchor_words([*self.past, *self.to, "o'clock", *hour_words])
        lead = token_count([q + " at" for qs in lexicon["qualifiers"].values() for q in qs]) + token_count(self.fractions) + 3
        # "10 past two" opens with its figure: every one- or two-figure token may open a match.
        figures = {str(n) for n in range(100)} | {f"{n:02d}" for n in range(10)}
        self.scan = Anchored(self.rx, anchors, lead, digits=False, openers=openers | figures | anchor_words(minute_words) | anchor_words(hour_words))

    def __call__(self, text: str) -> Iterator[Found]:
        for m in self.scan.finditer(text):
            minutes = self.reading(m)
            if minutes is None:
                continue
            approx = approx_of(m)
            start = m.start() if approx != "exact" else m.start("fraction") if m.group("fraction") else m.start("mins") if m.group("mins") else m.start("oclock_hour") if m.group("oclock_hour") else m.start("bare_hour")
            yield Found("time", start, m.end(), approx=approx, minutes=minutes, twelve_hour=not m.group("per") and not m.group("named"))

    def reading(self, m: regex.Match) -> int | None:
        """Minutes after midnight, or None where nothing says the words are a time."""
        period = lookup(self.period, m.group("per")) if m.group("per") else None
        if m.group("oclock_hour"):
            return to_24h(int(self.words.value(m.group("oclock_hour"))), 0, period)
        if m.group("bare_hour"):
            at = m.group("lead") and _AT.search(m.group("lead")) or _AT_BEFORE.search(m.string, max(0, m.start() - 4), m.start())
            return to_24h(int(self.words.value(m.group("bare_hour"))), 0, period) if period or at else None
        direction = m.group("dir").lower()
        # A qualifier alone does not make "N to M" a clock: "roughly twenty to one" is odds.
        led = m.group("lead") and (direction not in self.to or _AT.search(m.group("lead")) or _AT_BEFORE.search(m.string, max(0, m.start() - 4), m.start()))
        if not (m.group("fraction") or m.group("word") or m.group("oclock") or period or led or direction in self.past_sure):
            return None
        offset = lookup(self.fractions, m.group("fraction")) if m.group("fraction") else self._number(m.group("mins"))
        if offset is None or not 0 < offset < 60:
            return None
        if m.group("named"):
            base = lookup(self.named, m.group("named"))
            if base == 0 and m.group("dir").lower() in self.to:
                base = _DAY
        else:
            hour = self._number(m.group("hour"))
            base = to_24h(hour, 0, period) if hour is not None and 1 <= hour <= 12 else None
        if base is None:
            return None
        sign = -1 if m.group("dir").lower() in self.to else 1
        return (base + sign * offset) % _DAY

    def _number(self, written: str) -> int | None:
        if written.strip().isdigit():
            return int(written)
        value = self.words.value(written)
        return int(value) if value is not None and value == int(value) else None
