"""How the report names things: verdicts (a symbol and a word each, never a colour alone),
severities and the writing direction of a language."""
from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from checker.compare.verdicts import ORDER
from checker.model import Verdict


@dataclass(frozen=True)
class VerdictStyle:
    """How one verdict is shown: `key` is also its CSS class and filter value."""

    key: str
    symbol: str
    label: str
    meaning: str


# The symbols are in DejaVu Sans, so every reader sees the same glyph.
_STYLES = {
    "internal_inconsistency": ("‼", "internal inconsistency", "one source gives incompatible values"),
    "contradiction": ("✗", "contradiction", "the values cannot both hold"),
    "discrepancy": ("△", "discrepancy", "a small gap between the values"),
    "different_events": ("∥", "different events", "one speaks of a report of the event, the other of the event"),
    "scope_difference": ("⊂", "scope difference", "one counts a part of what the other counts"),
    "calendar_artefact": ("⇆", "calendar artefact", "one day written in two calendars"),
    "zone_artefact": ("⇄", "time-zone artefact", "one moment told on two clocks"),
    "approximate_agreement": ("≈", "approximate agreement", "the values overlap"),
    "agreement": ("✓", "agreement", "the same value"),
}
# Claims of a topic that no finding judged (a lone claim, say).
UNJUDGED = VerdictStyle("none", "○", "no verdict", "nothing to compare it with")

VERDICTS: dict[str, VerdictStyle] = {key: VerdictStyle(key, *_STYLES[key]) for key in ORDER}
assert set(VERDICTS) == set(get_args(Verdict)), "every verdict needs a symbol and a word"

SEVERITIES = ("high", "medium", "low", "none")

# Languages written right to left (ISO 639 codes), and scripts (ISO 15924) that are.
_RTL_LANGUAGES = {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku-arab", "ps", "sd", "syr", "ug", "ur", "yi"}
_RTL_SCRIPTS = {"arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg", "samr", "mand"}


def verdict_style(key: str | None) -> VerdictStyle:
    """The style of a verdict key; unknown or missing keys read as "no verdict".

    >>> verdict_style("contradiction").symbol, verdict_style(None).label
    ('✗', 'no verdict')
    """
    return VERDICTS.get(key or "", UNJUDGED)


def verdict_rank(key: str | None) -> int:
    """Position in the report's order, most important first; no verdict comes last.

    >>> verdict_rank("internal_inconsistency") < verdict_rank("agreement") < verdict_rank(None)
    True
    """
    return ORDER.index(key) if key in VERDICTS else len(ORDER)


def severity_rank(severity: str) -> int:
    """0 for high, 3 for none.

    >>> severity_rank("high"), severity_rank("none")
    (0, 3)
    """
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)


def worst_verdict(keys) -> str | None:
    """The most important of some verdict keys, or None when there are none.

    >>> worst_verdict(["agreement", "discrepancy"])
    'discrepancy'
    """
    keys = [k for k in keys if k in VERDICTS]
    return min(keys, key=verdict_rank) if keys else None


def text_direction(language: str) -> str:
    """"rtl" for a language tag written right to left, else "ltr".

    >>> text_direction("ar"), text_direction("he-IL"), text_direction("az-Arab"), text_direction("th")
    ('rtl', 'rtl', 'rtl', 'ltr')
    """
    parts = language.lower().split("-")
    if parts[0] in _RTL_LANGUAGES or "-".join(parts[:2]) in _RTL_LANGUAGES:
        return "rtl"
    return "rtl" if any(p in _RTL_SCRIPTS for p in parts[1:]) else "ltr"
