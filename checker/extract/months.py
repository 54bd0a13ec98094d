"""Month names of any language from CLDR (through Babel): every width and grammatical context,
so "ноября", "ноябрь", "noviembre", "พฤศจิกายน" and "Nov." all come from one source."""
from __future__ import annotations

from functools import lru_cache

from checker.extract.phrases import alternation, fold


@lru_cache(maxsize=None)
def month_table(language: str, abbreviations: bool = True) -> dict[str, int]:
    """Folded month name -> month number, wide names in both contexts, and abbreviations
    (without their final dot) when `abbreviations`.

    >>> t = month_table("ru"); t["ноября"], t["ноябрь"], t["нояб"]
    (11, 11, 11)
    """
    from babel.dates import get_month_names

    widths = ("wide", "abbreviated") if abbreviations else ("wide",)
    table: dict[str, int] = {}
    for width in widths:
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, locale=language).items():
                name = name.rstrip(".")
                # A one- or two-letter abbreviation is too ambiguous inside running text.
                if len(name) >= 3 or width == "wide":
                    table.setdefault(fold(name), number)
    return table


def month_pattern(language: str, abbreviations: bool = True, extra: dict[str, int] | None = None) -> str:
    """An alternation of the month names of `language` (longest first). An abbreviation (or an
    `extra` name) may carry its dot, which the pattern includes; after a whole name a full stop
    ends the sentence, so the pattern leaves it out.

    >>> import regex; [regex.search(month_pattern("es"), t).group() for t in ("7 de noviembre", "el 5 de mayo.", "5 nov. 1917")]
    ['noviembre', 'mayo', 'nov.']
    """
    wide = set(month_table(language, abbreviations=False))
    if not abbreviations:
        return alternation(wide)
    short = (set(month_table(language)) | {fold(k) for k in (extra or {})}) - wide
    return f"(?:{alternation(wide)}|{alternation(short)}\\.?)"


def month_number(language: str, written: str, extra: dict[str, int] | None = None) -> int | None:
    """Month number of a written name, dot or case aside.

    >>> month_number("th", "พฤศจิกายน"), month_number("en", "Nov.")
    (11, 11)
    """
    key = fold(written).rstrip(".")
    if extra and key in {fold(k): v for k, v in extra.items()}:
        return {fold(k): v for k, v in extra.items()}[key]
    return month_table(language).get(key)


@lru_cache(maxsize=None)
def weekday_table(language: str, abbreviations: bool = False) -> dict[str, int]:
    """Folded day name -> weekday (0 Monday … 6 Sunday) from CLDR: whole names, and with
    `abbreviations` the short ones too ("mar" is a sea before it is "martes", so a rule reading
    running text takes whole names only); {} for a language CLDR does not know.

    >>> t = weekday_table("es"); t["sábado"], t["domingo"], weekday_table("en")["monday"], "mar" in t
    (5, 6, 0, False)
    """
    from babel.core import UnknownLocaleError
    from babel.dates import get_day_names

    table: dict[str, int] = {}
    try:
        for width in ("wide", "abbreviated") if abbreviations else ("wide",):
            for context in ("format", "stand-alone"):
                for number, name in get_day_names(width, context, locale=language).items():
                    name = name.rstrip(".")
                    if len(name) >= 3:
                        table.setdefault(fold(name), number)
    except (UnknownLocaleError, ValueError):
        return {}
    return table


@lru_cache(maxsize=None)
def weekday_pattern(language: str) -> "regex.Pattern | None":
    """The day names of `language`, whole and short, with a comma or a word of up to three
    letters before them ("on Sunday,", "el martes"): what may stand between a time and its
    date. None for a language CLDR does not know.

    >>> weekday_pattern("en").sub("", " on Sunday, 8"), weekday_pattern("es").sub("", " del martes 17")
    (' 8', ' 17')
    >>> weekday_pattern("th").sub("", " ของวันอาทิตย์ที่ 26")
    '26'
    """
    import regex

    from checker.extract.phrases import UNSPACED

    names = weekday_table(language, abbreviations=True)
    if not names:
        return None
    if UNSPACED.match(next(iter(names))):
        # Words run together: "ของวันอาทิตย์ที่ 26" (of Sunday, the 26th), a short word glued on either side.
        return regex.compile(rf"\s*[\p{{L}}\p{{M}}]{{0,4}}?(?:{alternation(names)})[\p{{L}}\p{{M}}]{{0,4}}\s*", regex.IGNORECASE)
    return regex.compile(rf"(?:\s+\p{{L}}{{1,3}})?\s+(?:{alternation(names)})\.?,?(?!\p{{L}})", regex.IGNORECASE)
