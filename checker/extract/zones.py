"""The clock a time is told on: "05:30 UTC", "a las 9:30 hora local", "в 01:23 по московскому
времени", "14:30 GMT+3". A pack's `time_zones` lexicon gives its phrases for each clock: an IANA
zone ("Europe/Moscow"), "UTC", or "local" (the clock of the place, which a corpus may name as
its `time_zone`). UTC and GMT, with or without an offset, are read in every language. The
time's hit grows to take the phrase in, so its quote says which clock it reads;
checker/normalize/zones.py tells how far that clock was from UTC on the day."""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

import regex

from checker.extract.found import Found
from checker.extract.phrases import alternation, fold
from checker.normalize.zones import utc_offset

# Read in every language: the same letters in Spanish, Russian and Thai news.
UNIVERSAL = {"UTC": ["UTC", "GMT"]}
_OFFSET = r"(?P<sign>[+−–-])\s?(?P<hours>\d{1,2})(?::?(?P<minutes>[0-5]\d))?(?!\d)"


def zone_phrases(lexicon: dict, language: str | None = None) -> tuple[regex.Pattern, dict[str, str]]:
    """A pattern for a clock's name right after a time, and each folded phrase's zone, from a
    pack's lexicon: its `time_zones`, the words that may lead a name (`time_zone_leads`: Thai
    "ตาม", "according to"), and with `time_zone_names_from_cldr` the zone names CLDR gives the
    language (`cldr_zone_names`).

    >>> rx, zones = zone_phrases({"time_zones": {"local": ["local time"]}, "time_zone_names_from_cldr": True}, "en")
    >>> m = rx.match(" (local time)")
    >>> m.group(), zones[fold(m.group("phrase"))], zones[fold(rx.match(" Japan Standard Time").group("phrase"))]
    (' (local time)', 'local', 'Asia/Tokyo')
    >>> rx.match(" GMT+3").group("hours"), rx.match(" GMTs") is None
    ('3', True)
    >>> zone_phrases({"time_zones": {"UTC": ["по Гринвичу"]}})[0].match(" UTC") is not None
    True
    """
    own = lexicon.get("time_zones") or {}
    cldr = cldr_zone_names(language) if language and lexicon.get("time_zone_names_from_cldr") else {}
    # A pack's own words add to CLDR's and to the universal ones ("по Гринвичу" beside "GMT").
    table = {zone: [*cldr.get(zone, []), *UNIVERSAL.get(zone, []), *(own.get(zone) or [])] for zone in {**cldr, **UNIVERSAL, **own}}
    zones = {fold(p): zone for zone, phrases in table.items() for p in phrases}
    leads = lexicon.get("time_zone_leads") or []
    lead = rf"(?:{alternation(leads)}\s*)?" if leads else ""
    name = rf"(?P<utc>{alternation(UNIVERSAL['UTC'])})\s?{_OFFSET}|(?P<phrase>{alternation(p for ps in table.values() for p in ps)})"
    # A bracket opened before the name must close after it: "09:30 (hora local)".
    return regex.compile(rf"[ \t,]*+(?:(?P<open>\()\s*)?{lead}(?:{name})(?![\p{{L}}\p{{M}}\d])(?(open)\s*\))", regex.IGNORECASE), zones


@lru_cache(maxsize=None)
def cldr_zone_names(language: str) -> dict[str, list[str]]:
    """The names CLDR (through Babel) gives time zones in `language` that name one zone each:
    the region format with each zone's city ("Tokyo Time", "hora de Tokio", "เวลาโตเกียว") or,
    for a country with one zone, the country ("Japan Time"), and the long names of the
    metazones that hold one zone alone ("Japan Standard Time"). A name shared by several zones
    ("Eastern Time") is a pack's to map, in its `time_zones`.

    >>> names = cldr_zone_names("es")
    >>> sorted(names["Asia/Tokyo"])[:2], "hora de Buenos Aires" in names["America/Argentina/Buenos_Aires"]
    (['hora de Japón', 'hora de Tokio'], True)
    """
    from babel import Locale
    from babel.core import get_global
    from babel.dates import get_timezone_location

    locale, metazones = Locale.parse(language), get_global("meta_zones")
    region = locale.zone_formats["region"]
    names: dict[str, set[str]] = {}
    for zone in metazones:
        names.setdefault(zone, set()).update({get_timezone_location(zone, locale), region % get_timezone_location(zone, locale, return_city=True)})
    members: dict[str, list[str]] = {}
    for zone, metazone in metazones.items():
        members.setdefault(metazone, []).append(zone)
    for metazone, zones in members.items():
        if len(zones) == 1 and metazone in locale.meta_zones:
            names[zones[0]].update(locale.meta_zones[metazone].get("long", {}).values())
    # A name two zones share ("Kiribati Time") says neither.
    owners: dict[str, set[str]] = {}
    for zone, phrases in names.items():
        for phrase in phrases:
            owners.setdefault(fold(phrase), set()).add(zone)
    return {zone: sorted(p for p in phrases if len(owners[fold(p)]) == 1) for zone, phrases in names.items()}


def offset_zone(sign: str, hours: str, minutes: str | None) -> str:
    """A written offset from UTC as a zone name.

    >>> offset_zone("−", "3", None), offset_zone("+", "05", "30")
    ('UTC-03:00', 'UTC+05:30')
    """
    return f"UTC{'+' if sign == '+' else '-'}{int(hours):02d}:{minutes or '00'}"


def zone_times(found: list[Found], text: str, pattern: tuple[regex.Pattern, dict[str, str]]) -> None:
    """Give each time told on a named clock its zone, in place, its hit grown to take the name
    in (up to the next hit); the first end of a range takes the clock named after the last; a
    time read again on another clock in brackets right after it is local, its offset from UTC
    told by the two readings when the other is on UTC or a written offset. A relative time
    ("two hours later") is left as it is: it takes the clock it counts from (resolve.py).

    >>> hits = [Found("time", 3, 8, minutes=330)]
    >>> zone_times(hits, "at 05:30 GMT, 4 March", zone_phrases({}))
    >>> hits[0].zone, hits[0].end
    ('UTC', 12)
    """
    rx, zones = pattern
    starts = sorted(f.start for f in found)
    for f in found:
        if f.kind != "time" or f.relative_minutes is not None:
            continue
        m = rx.match(text, f.end)
        if m is None:
            continue
        i = bisect_left(starts, f.end)
        if i < len(starts) and starts[i] < m.end():
            continue
        if m.group("utc"):
            f.zone = offset_zone(m.group("sign"), m.group("hours"), m.group("minutes"))
        else:
            f.zone = zones[fold(m.group("phrase"))]
        f.end = m.end()
    # "at 9:45 a.m. (0445 GMT)": a time read again on a named clock in brackets is on the
    # place's own clock, though it does not say so; and the two readings tell how far that
    # clock is from UTC.
    times = [f for f in found if f.kind == "time"]
    for first, last in zip(times, times[1:]):
        if first.zone is None and first.same_range(last):
            first.zone = last.zone  # "entre las 7:37 y las 7:40 hora peninsular"
    for main, twin in zip(times, times[1:]):
        if main.relative_minutes is not None or twin.zone in (None, "local") or not in_brackets_after(main, twin, text):
            continue
        main.zone = main.zone or "local"
        fixed = utc_offset(twin.zone, None)
        if main.zone == "local" and fixed is not None and main.minutes is not None and twin.minutes is not None:
            main.utc_offset = offset_between(main.minutes, twin.minutes - fixed)


def offset_between(local: int, utc: int) -> int:
    """The offset from UTC of a clock that reads `local` minutes when UTC reads `utc`, between
    UTC-12:00 and UTC+14:00, the range of the world's clocks.

    >>> offset_between(22 * 60 + 50, 4 * 60 + 50), offset_between(20, 21 * 60 + 20), offset_between(9 * 60 + 45, 4 * 60 + 45)
    (-360, 180, 300)
    """
    offset = (local - utc) % 1440
    return offset - 1440 if offset > 14 * 60 else offset


_OPENING = regex.compile(r"\s*[(\[]\s*")
_CLOSING = regex.compile(r"\s*[)\]]")


def in_brackets_after(a: Found, b: Found, text: str) -> bool:
    """Whether hit `b` stands alone in brackets right after hit `a`: "16:53 (21:53 GMT)".

    >>> t = "a las 9:30 hora local (14:30 GMT) del jueves"
    >>> in_brackets_after(Found("time", 6, 21), Found("time", 23, 32), t), in_brackets_after(Found("time", 6, 10), Found("time", 23, 32), t)
    (True, False)
    """
    return _OPENING.fullmatch(text, a.end, b.start) is not None and _CLOSING.match(text, b.end) is not None


class WireTimeRule:
    """Four digits before UTC or GMT are a clock, in every language: wire copy's "at 0917 GMT",
    "(2120 GMT on Saturday)"; `zone_times` adds the clock.

    >>> [(f.minutes, f.start, f.end) for f in WireTimeRule()("The quake hit at 0917 GMT, in 2019 GMT+2")]
    [(557, 17, 21)]
    """

    PATTERN = regex.compile(r"(?<![\p{L}\p{M}\d.,:])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?=\s?(?:GMT|UTC)(?![\p{L}\p{M}\d+−–-]))")

    def __call__(self, text: str) -> list[Found]:
        # Most texts name neither: two substring tests in C spare them the scan (an anchored
        # scan would build the token index, which Thai's rules never need).
        if "GMT" not in text and "UTC" not in text:
            return []
        return [Found("time", m.start(), m.end(), minutes=int(m["h"]) * 60 + int(m["m"])) for m in self.PATTERN.finditer(text)]
