"""Assertions about a corpus's claims and findings, for a historian's own tests (pytest or not).

Each helper raises AssertionError with a message that names the sources, their values and their
words, so a failing test reads like a note on the sources:

    >>> assert_value_within([], "outbreak_time", "01:00", "04:00")
    Traceback (most recent call last):
    AssertionError: no claim about 'outbreak_time': nothing to check (topics found: none)

Topics are the catalog's ids (catalog.yaml `topics:` and `attributes:`). See
docs/testing-your-corpus.md.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import get_args

from checker.model import Verdict
from checker.normalize.calendars import CalendarDate

VERDICTS: tuple[str, ...] = get_args(Verdict)
# The verdicts that say the sources do not simply agree.
DISAGREEMENTS: tuple[str, ...] = tuple(v for v in VERDICTS if v not in ("agreement", "approximate_agreement"))
CONTRADICTIONS: tuple[str, ...] = ("contradiction", "internal_inconsistency")
# The longest list a message shows before "… and N more".
SHOWN = 12


def _listed(lines: list[str]) -> str:
    """Lines as an indented list, cut after SHOWN.

    >>> _listed(["a", "b"])
    '\\n  - a\\n  - b'
    """
    more = [f"… and {len(lines) - SHOWN} more"] if len(lines) > SHOWN else []
    return "".join(f"\n  - {line}" for line in lines[:SHOWN] + more)


def _topics(items) -> str:
    names = sorted({i.topic for i in items if i.topic})
    return ", ".join(names[:SHOWN]) + (", …" if len(names) > SHOWN else "") if names else "none"


def _on_topic(claims, topic: str) -> list:
    """The claims about `topic`; an AssertionError when there is none, since a check on
    nothing would pass without checking anything."""
    __tracebackhide__ = True
    claims = list(claims)
    found = [c for c in claims if c.topic == topic]
    if not found:
        raise AssertionError(f"no claim about {topic!r}: nothing to check (topics found: {_topics(claims)})")
    return found


# Qualifiers in the words the report's explanations use: "by 02:00", "at least 5,000".
_QUALIFIER_WORDS = {"before": "by", "after": "after", "about": "about", "at_least": "at least", "at_most": "at most"}


def _stated(claim) -> str:
    """A claim as a historian reads it: source, value with its qualifier in words, and its words.

    >>> from checker.model import CountClaim, CountValue, TimeClaim
    >>> _stated(TimeClaim(id="x", source="es", language="es", span=(0, 4), quote="2:10", value="02:10", approx="about"))
    'es says about 02:10: «2:10»'
    >>> _stated(CountClaim(id="y", source="en", language="en", span=(0, 10), quote="over 5,000", value=CountValue(low=5000), approx="at_least"))
    'en says at least 5000: «over 5,000»'
    """
    if claim.kind == "count":
        lo, hi = claim.value.low, claim.value.high
        # An open end ("at least 5,000") is said by the qualifier, not shown as "5000..".
        ends = [f"{x:g}" for x in (lo, hi) if x is not None]
        value = ends[0] if lo == hi or len(ends) == 1 else "..".join(ends)
    elif claim.kind == "date" and claim.calendar != "unspecified":
        value = f"{claim.value} ({claim.calendar})"
    elif claim.kind == "time" and claim.zone:
        value = f"{claim.value} {claim.zone}"
    else:
        value = str(claim.value)
    word = _QUALIFIER_WORDS.get(claim.approx)
    return f"{claim.source} says {word + ' ' if word else ''}{value}: «{claim.quote}»"


def _check_verdicts(verdicts: Iterable[str]) -> None:
    unknown = sorted(set(verdicts) - set(VERDICTS))
    if unknown:
        raise ValueError(f"unknown verdict {unknown[0]!r}; verdicts are: {', '.join(VERDICTS)}")


def _explained(finding, claims_by_id: dict) -> str:
    quotes = "; ".join(_stated(claims_by_id[i]) for i in finding.claims if i in claims_by_id)
    return f"{finding.verdict.replace('_', ' ')} [{finding.id}]: {finding.explanation}" + (f" ({quotes})" if quotes else "")


def assert_no_contradiction(findings, topic: str | None = None, *, claims=(), verdicts: Iterable[str] = CONTRADICTIONS) -> None:
    """No finding (on `topic`, or on any) is a contradiction or a source contradicting itself.

    Give `claims` to have the quotes in the message; widen `verdicts` to be stricter, e.g.
    verdicts=("contradiction", "internal_inconsistency", "discrepancy").

    >>> assert_no_contradiction([])
    """
    __tracebackhide__ = True
    verdicts = (verdicts,) if isinstance(verdicts, str) else tuple(verdicts)
    _check_verdicts(verdicts)
    bad = [f for f in findings if f.verdict in verdicts and (topic is None or f.topic == topic)]
    if bad:
        by_id = {c.id: c for c in claims}
        where = f"about {topic!r}" if topic else "in the corpus"
        raise AssertionError(f"the sources disagree {where}: {len(bad)} finding(s)" + _listed([_explained(f, by_id) for f in bad]))


def assert_every_source_states(claims, topic: str, sources: Iterable | None = None) -> None:
    """Each source (the given ids or Source records; else every source with a claim) says
    something about `topic`.

    >>> assert_every_source_states([], "outbreak_time", sources=[])
    Traceback (most recent call last):
    AssertionError: no claim about 'outbreak_time': nothing to check (topics found: none)
    """
    __tracebackhide__ = True
    claims = list(claims)
    stating = _on_topic(claims, topic)
    wanted = sorted({getattr(s, "id", s) for s in sources} if sources is not None else {c.source for c in claims})
    said = {c.source for c in stating}
    silent = [s for s in wanted if s not in said]
    if silent:
        raise AssertionError(
            f"{len(silent)} of {len(wanted)} sources say nothing about {topic!r}: {', '.join(silent)}."
            f" What the others say:" + _listed([_stated(c) for c in stating])
        )


def _as_minutes(hhmm: str) -> int:
    """Minutes from midnight of "HH:MM".

    >>> _as_minutes("02:10")
    130
    """
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def _as_day(iso) -> int:
    """The Julian Day Number of a Gregorian "YYYY-MM-DD" or of any CalendarDate."""
    day = iso if isinstance(iso, CalendarDate) else CalendarDate.parse(iso, "gregorian")
    return day.jdn()


def _readings(claim, on_utc: bool = False) -> list[tuple[int, int]]:
    """A claim's stated values on one axis, as (low, high) pairs: several when the claim can be
    read more than one way (a date with no calendar mark, in either calendar). With `on_utc`, a
    time of day on UTC (its offset must be known)."""
    if claim.kind == "time":
        low = claim.low if claim.low is not None else _as_minutes(claim.value)
        high = claim.high if claim.high is not None else _as_minutes(claim.value)
        if on_utc:
            start = (low - claim.utc_offset) % 1440
            return [(start, start + (high - low) % 1440)]
        return [(low, high)]
    if claim.kind == "count":
        ends = [x for x in (claim.value.low, claim.value.high) if x is not None]
        return [(min(ends), max(ends))] if ends else []
    if claim.kind == "date":
        # A Julian Day Number is the same day whatever the calendar it was written in.
        return [(_day(claim.value, cal), _day(claim.end or claim.value, cal)) for cal in _calendars_of(claim)]
    raise TypeError(f"{claim.kind} claims have no range of values; compare their values directly")


def _calendars_of(claim) -> list[str]:
    """The calendars its written date may be read in: its own, or both when it is unmarked and
    valid in both."""
    if claim.calendar != "unspecified":
        return [claim.calendar]
    out = []
    for cal in ("julian", "gregorian"):
        try:
            CalendarDate.parse(claim.value, cal)
            out.append(cal)
        except ValueError:
            pass
    return out


def _day(iso: str, calendar: str) -> int:
    return CalendarDate.parse(iso, calendar).jdn()


def _bounds(kind: str, low, high) -> tuple[float, float]:
    if kind == "time":
        return _as_minutes(low), _as_minutes(high)
    if kind == "date":
        return _as_day(low), _as_day(high)
    return float(low), float(high)


def assert_value_within(claims, topic: str, low, high, *, on_utc: bool = False) -> None:
    """Every value stated about `topic` lies in [low, high]: times as "HH:MM" (time of day),
    dates as Gregorian "YYYY-MM-DD" (or CalendarDate), counts as numbers. With `on_utc`, times
    are read on UTC, each from its own clock ("16:53 hora local" at UTC-05:00 is 21:53); a time
    whose clock's offset is unknown fails.

    A date with a calendar mark is compared as its Gregorian day; an unmarked one passes when
    either reading of it (Julian or Gregorian) lies within. Both ends of a range must lie within;
    an open end ("at least 5,000") is not a value.

    >>> from checker.model import CountClaim, CountValue
    >>> c = CountClaim(id="x", source="es", language="es", topic="sailors", span=(0, 5), quote="3.000", value=CountValue(low=3000, high=3000))
    >>> assert_value_within([c], "sailors", 5000, 6000)
    Traceback (most recent call last):
    AssertionError: 1 claim(s) about 'sailors' lie outside 5000 – 6000:
      - es says 3000: «3.000»
    """
    __tracebackhide__ = True
    stating = _on_topic(claims, topic)
    kind = stating[0].kind
    lo, hi = _bounds(kind, low, high)
    if lo > hi:
        raise ValueError(f"low {low!r} is after high {high!r}")
    if on_utc:
        unknown = [c for c in stating if c.kind == "time" and c.utc_offset is None]
        if unknown:
            raise AssertionError(f"{len(unknown)} claim(s) about {topic!r} are on a clock whose offset from UTC is unknown (name the corpus's time_zone):" + _listed([_stated(c) for c in unknown]))
    outside = [c for c in stating if not any(lo <= a and b <= hi for a, b in _readings(c, on_utc) or [(lo, hi)])]
    if outside:
        raise AssertionError(f"{len(outside)} claim(s) about {topic!r} lie outside {low} – {high}:" + _listed([_stated(c) for c in outside]))


def assert_finding_reported(findings, topic: str, verdict: str | Iterable[str] = DISAGREEMENTS) -> None:
    """A regression guard: a disagreement you know of is still found on `topic`, with
    `verdict` (one, or any of several; by default any verdict other than agreement).

    >>> assert_finding_reported([], "casualties", "contradiction")
    Traceback (most recent call last):
    AssertionError: no contradiction found about 'casualties'; found about it: nothing
    """
    __tracebackhide__ = True
    wanted = (verdict,) if isinstance(verdict, str) else tuple(verdict)
    _check_verdicts(wanted)
    on_topic = [f for f in findings if f.topic == topic]
    if not any(f.verdict in wanted for f in on_topic):
        found = "; ".join(f"{f.verdict.replace('_', ' ')} ({f.explanation})" for f in on_topic) or "nothing"
        names = " or ".join(v.replace("_", " ") for v in wanted)
        raise AssertionError(f"no {names} found about {topic!r}; found about it: {found}")


def _texts(corpus) -> dict[str, str | None]:
    """Each source's text by id (None when it cannot be read), from a Corpus or its folder."""
    from checker.errors import SourceReadError
    from checker.sources import load_corpus, read_source

    if isinstance(corpus, (str, Path)) or corpus is None:
        corpus = load_corpus(corpus)
    texts = {}
    for spec in corpus.sources:
        try:
            texts[spec.id] = read_source(spec.file, spec.path, spec.encoding).text
        except SourceReadError:
            texts[spec.id] = None
    return texts


def assert_quotes_found(claims, corpus) -> None:
    """Every claim's quote is exactly text[span] of its source: what the report shows is what
    the source says. `corpus` is a Corpus, a corpus folder, or {source id: text}.

    >>> from checker.model import ChoiceClaim
    >>> c = ChoiceClaim(id="x", source="s", language="en", span=(4, 9), quote="blank", attribute="a", value="blank")
    >>> assert_quotes_found([c], {"s": "Blank shots were fired"})
    Traceback (most recent call last):
    AssertionError: 1 of 1 quotes are not what their source says at their span:
      - s at 4-9: the claim quotes «blank», the source has «k sho»
    """
    __tracebackhide__ = True
    texts = corpus if isinstance(corpus, dict) else _texts(corpus)
    claims = list(claims)
    wrong = []
    for c in claims:
        text = texts.get(c.source)
        start, end = c.span
        if text is None:
            wrong.append(f"{c.source}: no such readable source (claim {c.id} «{c.quote}»)")
        elif end > len(text) or text[start:end] != c.quote:
            wrong.append(f"{c.source} at {start}-{end}: the claim quotes «{c.quote}», the source has «{text[start:end]}»")
    if wrong:
        raise AssertionError(f"{len(wrong)} of {len(claims)} quotes are not what their source says at their span:" + _listed(wrong))
