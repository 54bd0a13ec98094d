"""Days of the telling, not of the event: "police said on Tuesday", "informó este domingo",
"сообщили в среду". A wire report opens with the day it is written and goes back to the day
things happened; a date right after one of the pack's `report_verbs` is still a claim, but the
times told after it stay on the narrative's day (checker/extract/resolve.py)."""
from __future__ import annotations

import regex

from checker.extract.found import Found
from checker.extract.phrases import phrases_before

# How far before a date the verb may end: a preposition, an article or "late" between.
REACH = 40


def report_phrases(verbs: list[str] | None) -> regex.Pattern | None:
    """A pattern for a report verb and up to two short words, right before a date.

    >>> rx = report_phrases(["said", "informó"])
    >>> bool(rx.search("police said late on ")), bool(rx.search("informó este ")), bool(rx.search("said the army on "))
    (True, True, False)
    """
    if not verbs:
        return None
    return regex.compile(rf"(?:{phrases_before(verbs)})(?:\s+\p{{L}}{{1,5}}){{0,2}}\s*+$", regex.IGNORECASE)


def mark_report_days(found: list[Found], text: str, phrases: regex.Pattern | None) -> None:
    """Mark, in place, each date told right after a report verb as the day of the telling.

    >>> hits = [Found("date", 16, 23, weekday=1)]
    >>> mark_report_days(hits, "Police said on Tuesday", report_phrases(["said"]))
    >>> hits[0].report_day
    True
    """
    if phrases is None:
        return
    for f in found:
        if f.kind == "date" and phrases.search(text, max(0, f.start - REACH), f.start) is not None:
            f.report_day = True
