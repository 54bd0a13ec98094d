"""Dates that bound a claim on one side: "by 9 November", "к 9 ноября", "antes del 25 de
octubre", "after 7 November"; or give it roughly: "hacia el 1 de agosto". The pack's
`date_qualifiers` (before, after, about) name the words; the date's hit grows to take them in,
so its quote says what it claims, and its approx says which side it bounds, or that it is
about (checker/normalize/intervals.py opens the other side, or widens it)."""
from __future__ import annotations

import regex

from checker.extract.found import Found
from checker.extract.phrases import fold, phrases_before

# How far before a date its qualifier may start.
REACH = 30
# How far before a bound a negation may stand in its clause ("was not brought under control until").
NEGATION_REACH = 60


def bound_phrases(qualifiers: dict | None) -> regex.Pattern | None:
    """A pattern for the words of `date_qualifiers` standing right before a date.

    >>> rx = bound_phrases({"before": ["by", "no later than"], "after": ["after"]})
    >>> rx.search("fell by ").lastgroup, rx.search("nearby ") is None
    ('before', True)
    """
    groups = []
    for side in ("before", "after", "about"):
        words = (qualifiers or {}).get(side) or []
        if words:
            groups.append(f"(?P<{side}>{phrases_before(words)})")
    if not groups:
        return None
    return regex.compile(rf"(?:{'|'.join(groups)})\s*+$", regex.IGNORECASE)


def bound_dates(found: list[Found], text: str, phrases: regex.Pattern | None) -> None:
    """Mark each single, written date right after a qualifier as bounding before or after it,
    or as approximate, in place.

    >>> hits = [Found("date", 12, 22)]
    >>> bound_dates(hits, "The army by 9 November", bound_phrases({"before": ["by"]}))
    >>> hits[0].approx, hits[0].start
    ('before', 9)
    """
    if phrases is None:
        return
    for f in found:
        if f.kind != "date" or f.approx != "exact" or f.relative_days is not None:
            continue
        m = phrases.search(text, max(0, f.start - REACH), f.start)
        if m is not None:
            f.approx = m.lastgroup
            f.start = m.start()


def negated_phrases(spec: dict | None) -> tuple[regex.Pattern, frozenset[str]] | None:
    """A pattern for a negation earlier in a clause, and the folded "until" words, from a
    pack's `negated_bounds` (negations, until).

    >>> rx, until = negated_phrases({"negations": ["not"], "until": ["until"]})
    >>> bool(rx.search("was not brought under control ")), bool(rx.search("was not, then ")), sorted(until)
    (True, False, ['until'])
    """
    if not spec or not spec.get("negations"):
        return None
    # The negation stands in the clause: no comma, semicolon or full stop after it.
    rx = regex.compile(rf"(?:{phrases_before(spec['negations'])})(?![\p{{L}}\p{{M}}])[^,;.:!?\n]*$", regex.IGNORECASE)
    return rx, frozenset(fold(w) for w in spec.get("until") or [])


def negated_bounds(found: list[Found], text: str, negated: tuple[regex.Pattern, frozenset[str]] | None) -> None:
    """A bound under a negation turns round, in place: "not until 6 a.m." is at 6 a.m. (it
    happened then, not earlier), "no antes de las 6" after 6, never by 6.

    >>> hits = [Found("time", 30, 42, approx="before", minutes=360)]
    >>> negated_bounds(hits, "The fire was not under control until 6 a.m.", negated_phrases({"negations": ["not"], "until": ["until"]}))
    >>> hits[0].approx
    'exact'
    """
    if negated is None:
        return
    rx, until = negated
    for f in found:
        if f.approx != "before" or f.kind not in ("time", "date"):
            continue
        if rx.search(text, max(0, f.start - NEGATION_REACH), f.start) is None:
            continue
        first = text[f.start : f.end].split(maxsplit=1)[0]
        f.approx = "exact" if fold(first) in until else "after"
