"""Dates that bound a claim on one side: "by 9 November", "к 9 ноября", "antes del 25 de
octubre", "after 7 November"; or give it roughly: "hacia el 1 de agosto". The pack's
`date_qualifiers` (before, after, about) name the words; the date's hit grows to take them in,
so its quote says what it claims, and its approx says which side it bounds, or that it is
about (checker/normalize/intervals.py opens the other side, or widens it)."""
from __future__ import annotations

import regex

from checker.extract.found import Found
from checker.extract.phrases import phrases_before

# How far before a date its qualifier may start.
REACH = 30


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
