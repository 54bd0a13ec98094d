"""Digits in any script, and numbers written with any grouping."""
from __future__ import annotations

import unicodedata

import regex


class _DigitTable(dict):
    """A str.translate table from each decimal digit to its ASCII digit, every other character
    to itself, filled in a character at a time on first sight: the table of all Unicode took
    0.4 s to build (a pass over 1.1 million code points), a text uses a few hundred of them.

    >>> "๓x٤".translate(_DigitTable())
    '3x4'
    """

    def __missing__(self, cp: int) -> str:
        ch = chr(cp)
        self[cp] = out = str(unicodedata.decimal(ch)) if ch.isdecimal() else ch
        return out


_DIGITS_TO_ASCII = _DigitTable()


def ascii_digits(text: str) -> str:
    """Every decimal digit (Thai, Arabic-Indic, Devanagari, full-width…) as ASCII, one for one,
    so spans keep their length.

    >>> ascii_digits("๐๓.๑๐ น.")
    '03.10 น.'
    """
    if text.isascii():  # the common case, checked in constant time
        return text
    return text.translate(_DIGITS_TO_ASCII)


# Grouping by "," "." thin or plain space, or an apostrophe: 5,000 5.000 5 000 5 000 5'000.
_GROUPED = regex.compile(r"\d{1,3}(?:[,.\u00a0\u202f\u2009 ']\d{3})+(?!\d)")
_NOT_DIGIT = regex.compile(r"\D")


def parse_number(written: str) -> float | None:
    """Value of digits with any thousands grouping or a decimal comma/point.

    >>> parse_number("5,000"), parse_number("5.000"), parse_number("5 000"), parse_number("2,5"), parse_number("1.5")
    (5000.0, 5000.0, 5000.0, 2.5, 1.5)
    """
    s = ascii_digits(written.strip())
    if _GROUPED.fullmatch(s):
        return float(_NOT_DIGIT.sub("", s))
    s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None
