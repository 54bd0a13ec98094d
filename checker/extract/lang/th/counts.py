"""Thai counts. Thai puts the counted noun before the number and a classifier after it:
"ปืนไรเฟิล ๕,๐๐๐ กระบอก" (5,000 rifles), "แกนนำรวม ๑๒ คน" (12 leaders), "ทหารประมาณสามพันนาย"
(about 3,000 soldiers), "๕๐๐ กว่าคน" (over 500), "หลายร้อยคน" (200-900), "อีก ๕ วัน" (5 days),
"ร้อยละ ๔๐" (40 %). Vote tallies are in tallies.py, the counted noun in nouns.py.

A number counts something only when a classifier, a known noun right before it, a percent sign
or a scale word says what: bare figures are years, days, ordinals ("ครั้งที่ ๒") or labels."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.common import DIGITS, approx_of, qualifier_group, times
from checker.extract.found import Found
from checker.extract.lang.th.nouns import Noun, Nouns
from checker.extract.lang.th.numwords import ThaiNumberWords
from checker.extract.lang.th.scan import ascii_text
from checker.extract.lang.th.wordbreak import THAI, is_boundary
from checker.extract.numbers import ascii_digits, parse_number
from checker.extract.phrases import alternation, fold, lookup

_THAI_LETTER = regex.compile(THAI)
_FOUR_DIGITS = regex.compile(r"\d{4}")


class ThaiCountRule:
    """Numbers (digits, number words, vague amounts) and what says they count something."""

    def __init__(self, lexicon: dict, words: ThaiNumberWords):
        self.words = words
        self.scales = lexicon["scales"]
        self.vague = lexicon["vague"]
        self.nouns = Nouns(lexicon)
        self.articles = set(lexicon["articles"])
        self.blockers = regex.compile(rf"(?:{alternation(lexicon['not_counted_after'])})\s*$")
        num = rf"(?:(?<![\d.,:/])(?:{DIGITS})(?![\d:])|{words.pattern})"
        post = "|".join(f"(?P<p_{k}>{alternation(ws)})" for k, ws in lexicon["post_qualifiers"].items())
        post2 = post.replace("?P<p_", "?P<p2_")
        after = alternation([*self.nouns.classifiers, *self.nouns.unit_rank, *lexicon["percent_after"]])
        self.percent_after = {fold(w) for w in lexicon["percent_after"]}
        # Found number first (cheap), then what stands after it and the qualifier before it:
        # trying qualifiers at every position of a long text would cost more than all the rest.
        self.number_rx = regex.compile(
            rf"""(?:(?P<pct_pre>{alternation(lexicon["percent_before"])})\s*)?
            (?:(?P<vague>{alternation(self.vague)})
              |(?P<a>{num})\s*{alternation(lexicon["range_joiners"])}\s*(?P<b>{num})
              |(?P<n>{num}))""",
            regex.VERBOSE,
        )
        self.tail_rx = regex.compile(
            rf"""(?:\s*(?P<scale>{alternation(self.scales)})(?:\s*(?P<n2>{num})\s*(?P<scale2>{alternation(self.scales)}))?)?
            (?:\s*(?:{post}))?
            (?:\s*(?P<cls>{after}))?
            (?:\s*(?:{post2}))?
            (?P<pct>\s?%)?""",
            regex.VERBOSE,
        )
        self.qualifier_rx = regex.compile(rf"{qualifier_group(lexicon, ('about', 'at_least', 'at_most'))}\s*\Z")

    # ------------------------------------------------------------ numbers

    def _value(self, text: str, written: str, start: int) -> tuple[float, float] | None:
        """(low, high) of digits or of whole Thai number words at `start`."""
        if written[:1].isdigit():
            v = parse_number(written)
            return None if v is None else (v, v)
        if self.words.whole_run(text, start, start + len(written)) != start + len(written):
            return None
        return self.words.bounds(self.words.split(written))

    def _bounds(self, text: str, m: regex.Match, t: regex.Match) -> tuple[float, float, str] | None:
        """(low, high, approx) the number part of a match says, before any qualifier."""
        scale = float(lookup(self.scales, t.group("scale"), 1)) if t.group("scale") else 1.0
        bounds = self._scaled(text, m, scale)
        if bounds is None or not t.group("n2"):
            return bounds
        # "๒ แสน ๓ หมื่น": 200,000 and 30,000, one number when the second scale is smaller.
        scale2 = float(lookup(self.scales, t.group("scale2"), 1))
        more = self._value(text, t.group("n2"), t.start("n2"))
        if more is None or scale2 >= scale or bounds[0] != bounds[1]:
            return bounds
        return bounds[0] + more[0] * scale2, bounds[1] + more[1] * scale2, bounds[2]

    def _scaled(self, text: str, m: regex.Match, scale: float) -> tuple[float, float, str] | None:
        if m.group("vague"):
            lo, hi = lookup(self.vague, m.group("vague"))
            return times(lo, scale), times(hi, scale), "range"
        if m.group("a"):
            a, b = self._value(text, m.group("a"), m.start("a")), self._value(text, m.group("b"), m.start("b"))
            if a is None or b is None or not a[0] < b[1] or (_is_year(m.group("a")) and _is_year(m.group("b"))):
                return None
            return times(a[0], scale), times(b[1], scale), "range"
        v = self._value(text, m.group("n"), m.start("n"))
        if v is None:
            return None
        return times(v[0], scale), times(v[1], scale), "exact" if v[0] == v[1] else "range"

    # ------------------------------------------------------------ the rule

    def _qualifier(self, text: str, start: int) -> tuple[int, str]:
        """Where the count starts and its qualifier, from what stands just before the number; a
        qualifier that is the tail of another word ("งบประมาณ", a budget) is none."""
        q = self.qualifier_rx.search(text, max(0, start - 24), start)
        if q is None or not is_boundary(text, q.start()):
            return start, "exact"
        return q.start(), approx_of(q)

    def _worth_a_look(self, text: str, m: regex.Match, t: regex.Match) -> bool:
        """Cheap test first: something after the number says what it counts, or a Thai word
        stands right before it (the counted noun, a qualifier)."""
        if m.group("vague") or m.group("pct_pre") or t.group("cls") or t.group("scale") or t.group("pct"):
            return True
        before = m.start()
        while before > 0 and text[before - 1] in " \u00a0":
            before -= 1
        return before > 0 and _THAI_LETTER.match(text, before - 1) is not None

    def __call__(self, text: str) -> Iterator[Found]:
        digits = ascii_text(text)
        for m in self.number_rx.finditer(digits):
            t = self.tail_rx.match(digits, m.end())
            if not self._worth_a_look(text, m, t) or self.blockers.search(text, max(0, m.start() - 16), m.start()):
                continue  # a bare figure; "ครั้งที่ ๒", "ค.ศ. ๑๙๑๗"
            found = self._count(text, m, t)
            if found is not None:
                yield found

    def _count(self, text: str, m: regex.Match, t: regex.Match) -> Found | None:
        """The count one number and its surroundings make, if they make one."""
        number, cls = m.group("n") or m.group("a") or "", t.group("cls")
        bounds = self._bounds(text, m, t)
        if bounds is None:
            return None
        lo, hi, approx = bounds
        pct = bool(t.group("pct") or m.group("pct_pre") or (cls and fold(cls) in self.percent_after))
        start, qualified = self._qualifier(text, m.start())
        noun = None if pct else self.nouns.before(text, start)
        if number in self.articles and not (cls and t.start("cls") == m.end()):
            return None  # "ครั้งหนึ่ง", "จำนวนหนึ่ง": an article, not one of something
        if not (cls or pct or t.group("scale") or m.group("vague") or (noun and noun.adjacent)):
            return None
        if m.group("n") and _is_year(number) and not (cls or t.group("scale")):
            return None
        if qualified != "exact" and not (approx == "range" and qualified == "about"):
            approx = qualified  # "ราว ๔๐๐-๕๐๐" stays a range, as in the other packs
        post = {k for k, v in t.groupdict().items() if v and k.startswith(("p_", "p2_"))}
        for k in ("at_least", "about"):
            if {f"p_{k}", f"p2_{k}"} & post and approx in ("exact", "range"):
                approx = k
        if approx == "at_least":
            hi = None
        elif approx == "at_most":
            lo = None
        end = max(m.end(), t.end() if t.group(0).strip() else m.end())
        counted, unit = self._counted(text, cls, noun, pct)
        if noun and noun.adjacent and counted == text[noun.start : noun.end]:
            start = min(start, noun.start)
        return Found("count", start, end, approx=approx, low=lo, high=hi, counted=counted, unit=unit)

    def _counted(self, text: str, cls: str | None, noun: Noun | None, pct: bool) -> tuple[str | None, str | None]:
        """The counted noun as written and its canonical unit."""
        if pct:
            return "%", None
        if cls and fold(cls) in self.nouns.collectives:
            return cls, None
        unit = self.nouns.unit(cls, noun)
        if noun and self.nouns.classifier_unit(cls) not in self.nouns.measures:
            return text[noun.start : noun.end], unit
        return cls, unit


def _is_year(written: str) -> bool:
    """Four bare digits, as a year is written (Christian or Buddhist era).

    >>> _is_year("1917"), _is_year("2460"), _is_year("5,000")
    (True, True, False)
    """
    return bool(_FOUR_DIGITS.fullmatch(ascii_digits(written)))
