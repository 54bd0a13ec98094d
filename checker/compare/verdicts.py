"""Verdicts on pairs of claims, then on each group (the worst pair decides). Every verdict is
independent of the order of sources and claims: pairs are judged symmetrically and groups are
sorted before anything is chosen."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from checker.match import ClaimGroup, group_claims
from checker.model import Finding
from checker.normalize.calendars import CalendarDate, is_valid, julian_offset
from checker.normalize.intervals import ABOUT_DAYS, claim_interval, shaped

# Gaps at or under these are a discrepancy (a small gap), over them a contradiction.
SMALL_GAP = {"time": 30, "date": 2}
SMALL_COUNT_RATIO = 0.25
# Units that are part of a wider one, for any event: killed and wounded are casualties.
PART_OF = {"killed": "casualties", "wounded": "casualties", "arrested": "casualties"}

ORDER = [
    "internal_inconsistency",
    "contradiction",
    "discrepancy",
    "different_events",
    "scope_difference",
    "calendar_artefact",
    "approximate_agreement",
    "agreement",
]
SEVERITY = {
    "internal_inconsistency": "high",
    "contradiction": "high",
    "discrepancy": "medium",
    "different_events": "low",
    "scope_difference": "low",
    "calendar_artefact": "low",
    "approximate_agreement": "none",
    "agreement": "none",
}


# A gap at or under these is slight: a discrepancy this small, or a source contradicting itself
# by this little, is worth a look rather than an alarm.
SLIGHT_GAP = {"time": 10, "date": 1}
SLIGHT_COUNT_RATIO = 0.10


@dataclass(frozen=True)
class PairVerdict:
    verdict: str
    gap: str | None
    # The explanation is written only for the pairs a finding shows: a large group judges
    # many pairs and words few of them.
    explain: Callable[[], str] = field(compare=False, repr=False)
    size: float = 0.0  # the gap as a number, to pick the widest pair
    slight: bool = False  # the gap is slight (SLIGHT_GAP): it lowers the severity

    @property
    def why(self) -> str:
        return self.explain()


def _describe(c) -> str:
    if c.kind == "count":
        lo, hi = c.value.low, c.value.high
        if lo == hi:
            return f"{lo:,.0f}"
        if hi is None:
            return f"≥ {lo:,.0f}"
        if lo is None:
            return f"≤ {hi:,.0f}"
        return f"{lo:,.0f}–{hi:,.0f}"
    if c.kind == "date":
        days = f"{c.value} to {c.end}" if c.end and c.end != c.value else c.value
        return days + (f" ({c.calendar})" if c.calendar != "unspecified" else "")
    return str(c.value)


def _both_dated(a, b) -> bool:
    return a.kind == "time" and bool(a.date) and bool(b.date)


def _calendar_artefact(a, b) -> bool:
    """Whether two disjoint dates, at least one with no calendar mark, overlap once an unmarked
    one is read in the other calendar: probably one day written in two calendars."""
    if a.kind != "date" or "unspecified" not in (a.calendar, b.calendar):
        return False
    return any(
        _date_interval(a, ca).overlaps(_date_interval(b, cb))
        for ca in _readings(a)
        for cb in _readings(b)
    )


def _readings(c) -> tuple[str, ...]:
    return _calendars_having(c) if c.calendar == "unspecified" else (c.calendar,)


def _calendars_having(c) -> tuple[str, ...]:
    """The calendars in which an unmarked date claim's written days exist (1900-02-29: Julian)."""
    days = [tuple(int(p) for p in d.split("-")) for d in (c.value, c.end) if d]
    return tuple(cal for cal in ("julian", "gregorian") if all(is_valid(*day, cal) for day in days))


def _date_interval(c, calendar: str):
    """A date claim's interval with its written value read in `calendar`."""
    day = CalendarDate.parse(c.value, calendar).jdn()
    end = CalendarDate.parse(c.end, calendar).jdn() if c.end else day
    return shaped(day, max(day, end), c.approx, ABOUT_DAYS)


def _says(c) -> str:
    """"es-wikipedia says about 02:10"."""
    return f"{c.source} says {_stated(c)}"


def _scope_why(a, b) -> str:
    part, whole = (a, b) if PART_OF.get(a.unit) == b.unit else (b, a)
    note = f"{part.unit} are part of {whole.unit}" if PART_OF.get(part.unit) == whole.unit else "they count different things"
    return f"{_says(a)} {a.unit}, {_says(b)} {b.unit}: {note}, a difference of scope rather than of fact"


def judge_pair(a, b) -> PairVerdict:
    """The verdict on two claims about one topic; judge_pair(a, b) == judge_pair(b, a)."""
    a, b = sorted((a, b), key=lambda c: c.id)
    if a.kind == "choice":
        if a.value == b.value:
            return PairVerdict("agreement", None, lambda: f"both say {a.value}")
        verdict = "internal_inconsistency" if a.source == b.source else "contradiction"
        return PairVerdict(verdict, None, lambda: f"{a.source} says {a.value}, {b.source} says {b.value}", 1.0)
    absolute = _both_dated(a, b)
    ia, ib = claim_interval(a, absolute_time=absolute), claim_interval(b, absolute_time=absolute)
    if ia is None or ib is None:
        return PairVerdict("agreement", None, lambda: "nothing to compare")
    related_units = a.kind == "count" and a.unit != b.unit and bool(a.unit and b.unit)
    if ia.overlaps(ib):
        if related_units:
            return PairVerdict("scope_difference", None, lambda: _scope_why(a, b))
        exact = a.approx == b.approx == "exact" and ia == ib
        return PairVerdict("agreement" if exact else "approximate_agreement", None, lambda: f"{_says(a)}, {_says(b)}")
    gap = ia.gap(ib)
    if a.kind == "date" and _calendar_artefact(a, b):
        return PairVerdict("calendar_artefact", _amount(gap, "day"), lambda: _artefact_why(a, b, gap), gap)
    if related_units:
        return PairVerdict("scope_difference", _gap_text(a, gap, b), lambda: _scope_why(a, b), gap)
    slight = _is_small(a, b, gap, ia, ib, SLIGHT_GAP, SLIGHT_COUNT_RATIO)
    if a.kind == "time" and a.event != b.event and a.reported != b.reported:
        told, happened = (a, b) if a.reported else (b, a)
        it, ih = (ia, ib) if told is a else (ib, ia)
        if it.high >= ih.low:
            apart = int(abs(_middle(it) - _middle(ih)))
            return PairVerdict("different_events", _amount(apart, "minute"), lambda: f"{told.source} gives {told.value} for when it was reported ({told.event}), {happened.source} {happened.value} for when it happened ({happened.event}), {_amount(apart, 'minute')} earlier: two events, not one contradiction", gap)
        return PairVerdict("contradiction", _amount(gap, "minute"), lambda: f"{told.source} has it reported ({told.event}) at {told.value}, {_amount(gap, 'minute')} before {happened.source} has it happen ({happened.event}) at {happened.value}: a report cannot come before its event", gap)
    if a.source == b.source and not (getattr(a, "derived", False) or getattr(b, "derived", False)):
        return PairVerdict("internal_inconsistency", _gap_text(a, gap, b), lambda: f"{a.source} gives both {_stated(a)} and {_stated(b)}, {_gap_text(a, gap, b)} apart", gap, slight)
    small = _is_small(a, b, gap, ia, ib)
    return PairVerdict("discrepancy" if small else "contradiction", _gap_text(a, gap, b), lambda: f"{_says(a)}, {_says(b)}" + (f": a small gap ({_gap_text(a, gap, b)})" if small else ": they cannot both hold"), gap, slight)


def _amount(n: float, unit: str) -> str:
    """"1 day", "13 days".

    >>> _amount(1, "day"), _amount(13.0, "day")
    ('1 day', '13 days')
    """
    return f"{int(n)} {unit}" + ("" if int(n) == 1 else "s")


def _middle(i) -> float:
    """The middle of an interval, or its finite end when it is open on one side."""
    ends = [x for x in (i.low, i.high) if abs(x) != float("inf")]
    return sum(ends) / len(ends)


def _stated(c) -> str:
    """A value with its qualifier in words: "by 02:00", "about 21:00", "02:10".

    >>> from types import SimpleNamespace as C
    >>> _stated(C(kind="time", value="02:00", approx="before"))
    'by 02:00'
    """
    words = {"before": "by", "after": "after", "about": "about", "at_least": "at least", "at_most": "at most"}
    word = words.get(c.approx)
    return f"{word} {_describe(c)}" if word else _describe(c)


def _artefact_why(a, b, gap) -> str:
    """Why two dates that look apart are probably one day in two calendars."""
    unmarked, other = (a, b) if a.calendar == "unspecified" else (b, a)
    mark = "" if other.calendar == "unspecified" else f" ({other.calendar})"
    reading = next(
        cal for cal in _calendars_having(unmarked)
        if any(_date_interval(unmarked, cal).overlaps(_date_interval(other, co)) for co in _readings(other))
    )
    offset = julian_offset(int(unmarked.value[:4]))
    return (
        f"{unmarked.source} writes {unmarked.value} and marks no calendar; read in the {reading.capitalize()} calendar "
        f"it is the same day as {other.source}'s {other.value}{mark}, read in the other the two are {int(gap)} days apart "
        f"({offset} days separate the calendars in that century): one day in two calendars, not a disagreement"
    )


def _is_small(a, b, gap, ia, ib, limits=SMALL_GAP, ratio=SMALL_COUNT_RATIO) -> bool:
    if a.kind == "count":
        # Measured against the nearer ends, so that widening either interval never makes a
        # gap look larger: 60 against 100-200 is 40 in 100 however high the range reaches.
        lower, upper = (ia, ib) if ia.high < ib.low else (ib, ia)
        ref = max(abs(lower.high), abs(upper.low))
        return ref > 0 and gap / ref <= ratio
    return gap <= limits[a.kind]


def _gap_text(a, gap, b=None) -> str:
    if a.kind == "time":
        return _amount(gap, "minute")
    if a.kind == "date":
        return _amount(gap, "day")
    return f"{_describe(a)} vs {_describe(b)}" if b is not None else f"{gap:,.0f}"


AGREEING = ("agreement", "approximate_agreement")


# What a claim says, apart from where and by whom: claims alike in all else are judged once.
PROVENANCE = {"id", "source", "language", "topic", "span", "quote", "prefix", "suffix", "entities", "names", "topic_reason", "also_topics"}


@dataclass
class Variant:
    """The claims of a group that say the same thing the same way, by source."""

    claims: list
    by_source: dict[str, list]

    @classmethod
    def of(cls, claims: list) -> "Variant":
        by_source: dict[str, list] = {}
        for c in claims:
            by_source.setdefault(c.source, []).append(c)
        return cls(claims, by_source)

    def apart_from(self, source: str) -> list:
        """Its claims from any source but `source`."""
        return [c for c in self.claims if c.source != source]


def variants(claims) -> list[Variant]:
    """Claims grouped by what they say; a group of 10,000 claims holds far fewer variants.

    >>> from checker.model import TimeClaim
    >>> t = lambda s, v: TimeClaim(id=s + v, source=s, language="en", span=(0, 1), quote="x", value=v)
    >>> [[c.id for c in v.claims] for v in variants([t("b", "02:10"), t("a", "02:10"), t("a", "03:00")])]
    [['a02:10', 'b02:10'], ['a03:00']]
    """
    buckets: dict[str, list] = {}
    for c in sorted(claims, key=lambda c: c.id):
        buckets.setdefault(c.model_dump_json(exclude=PROVENANCE), []).append(c)
    return sorted((Variant.of(cs) for cs in buckets.values()), key=lambda v: v.claims[0].id)


@dataclass(frozen=True)
class Judged:
    """One verdict on every pair between two variants (or within one): `a` and `b` stand for
    the pairs, `members` are the claims that take part in them."""

    a: object
    b: object
    verdict: PairVerdict
    members: list


def _across(s: Variant, t: Variant) -> Judged | None:
    """The verdict on the pairs from different sources, one claim of s and one of t, if any."""
    s_only = next(iter(s.by_source)) if len(s.by_source) == 1 else None
    t_only = next(iter(t.by_source)) if len(t.by_source) == 1 else None
    if s_only is not None and s_only == t_only:
        return None
    members = (s.apart_from(t_only) if t_only else list(s.claims)) + (t.apart_from(s_only) if s_only else list(t.claims))
    a = members[0]
    b = next(c for c in t.claims if c.source != a.source)
    return Judged(a, b, judge_pair(a, b), members)


def _within(s: Variant, t: Variant) -> list[Judged]:
    """The pairs of one source's claims, one of s and one of t: per source, if it contradicts itself."""
    common = sorted(s.by_source.keys() & t.by_source.keys())
    if not common:
        return []
    first = judge_pair(s.by_source[common[0]][0], t.by_source[common[0]][0])
    if first.verdict != "internal_inconsistency":
        return []
    return [Judged(s.by_source[x][0], t.by_source[x][0], first, s.by_source[x] + t.by_source[x]) for x in common]


def _finding(group: ClaimGroup, verdict: str, judged: list[Judged], key: str) -> Finding:
    """One finding over the pairs that share a verdict; the widest gap explains it."""
    claims = sorted({c.id for j in judged for c in j.members})
    sources = sorted({c.source for j in judged for c in j.members})
    rank = lambda j: (j.verdict.size, min(j.a.id, j.b.id), max(j.a.id, j.b.id))
    # A report is best set beside the happening nearest to it; anything else beside the widest gap.
    shown = min(judged, key=rank) if verdict == "different_events" else max(judged, key=rank)
    severity = SEVERITY[verdict]
    if verdict in ("internal_inconsistency", "discrepancy") and all(j.verdict.slight for j in judged):
        severity = {"high": "medium", "medium": "low"}[severity]
    # Judged again for its words: a verdict stands for many pairs, the words for this one.
    worded = judge_pair(shown.a, shown.b)
    why = worded.why
    if verdict in AGREEING:
        explanation = f"{len(sources)} sources agree" + (" within their approximations" if verdict == "approximate_agreement" else "") + f": {why}"
    else:
        explanation = why
    return Finding(
        id=f"{group.kind}:{group.topic}:{key}",
        topic=group.topic,
        kind=group.kind,
        verdict=verdict,
        severity=severity,
        claims=claims,
        sources=sources,
        gap=worded.gap,
        explanation=explanation + ".",
        match_reasons=sorted({r for r in group.reasons if r.split(":")[0] in sources})[:10],
    )


def judge_group(group: ClaimGroup) -> list[Finding]:
    """Findings of one group: one per kind of disagreement across sources (or one agreement
    when there is none), and one per source that contradicts itself. Pairs are judged once per
    pair of variants (claims that say the same thing), so the cost grows with the number of
    different values in a group, not with the square of its claims."""
    kinds = variants(group.claims)
    across: list[Judged] = []
    internal: list[Judged] = []
    for i, s in enumerate(kinds):
        for t in kinds[i:]:
            if (j := _across(s, t)) is not None:
                across.append(j)
            if s is not t:
                internal += _within(s, t)
    out = []
    # Automatic groups are loose: only the catalog's topics are firm enough to accuse a source
    # of contradicting itself.
    if not group.topic.startswith("auto:"):
        for source in sorted({j.a.source for j in internal}):
            out.append(_finding(group, "internal_inconsistency", [j for j in internal if j.a.source == source], f"internal:{source}"))
    by_verdict: dict[str, list[Judged]] = {}
    for j in across:
        by_verdict.setdefault(j.verdict.verdict, []).append(j)
    disagreeing = sorted((v for v in by_verdict if v not in AGREEING), key=ORDER.index)
    for verdict in disagreeing:
        out.append(_finding(group, verdict, by_verdict[verdict], verdict))
    if not disagreeing and by_verdict:
        verdict = "approximate_agreement" if "approximate_agreement" in by_verdict else "agreement"
        out.append(_finding(group, verdict, [j for v in AGREEING for j in by_verdict.get(v, [])], "agreement"))
    return out


def compare_claims(claims, catalog=None) -> list[Finding]:
    """Findings for every group, most serious first, then by topic."""
    findings = [f for g in group_claims(claims, catalog) for f in judge_group(g)]
    findings.sort(key=lambda f: (ORDER.index(f.verdict), f.topic, f.id))
    return findings
