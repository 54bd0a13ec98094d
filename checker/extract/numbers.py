"""Digits in any script, and numbers written with any grouping."""
from __future__ import annotations

import sys
import unicodedata
from functools import lru_cache

import regex


@lru_cache(maxsize=1)
def _digit_table() -> dict[int, str]:
    table = {}
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        if ch.isdecimal() and not ("0" <= ch <= "9"):
            table[cp] = str(unicodedata.decimal(ch))
    return table


def ascii_digits(text: str) -> str:
    """Every decimal digit (Thai, Arabic-Indic, Devanagari, full-width…) as ASCII, one for one,
    so spans keep their length.

    >>> ascii_digits("๐๓.๑๐ น.")
    '03.10 น.'
    """
    return text.translate(_digit_table())


# Grouping by "," "." thin or plain space, or an apostrophe: 5,000 5.000 5 000 5 000 5'000.
_GROUPED = regex.compile(r"\d{1,3}(?:[,.\u00a0\u202f\u2009 ']\d{3})+(?!\d)")


def parse_number(written: str) -> float | None:
    """Value of digits with any thousands grouping or a decimal comma/point.

    >>> parse_number("5,000"), parse_number("5.000"), parse_number("5 000"), parse_number("2,5"), parse_number("1.5")
    (5000.0, 5000.0, 5000.0, 2.5, 1.5)
    """
    s = ascii_digits(written.strip())
    if _GROUPED.fullmatch(s):
        return float(regex.sub(r"\D", "", s))
    s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None
