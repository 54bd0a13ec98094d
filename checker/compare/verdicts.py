"""Verdicts on pairs of claims, then on each group (the worst pair decides). Every verdict is
independent of the order of sources and claims: pairs are judged symmetrically and groups are
sorted before anything is chosen."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from checker.match import ClaimGroup, group_claims
from checker.model import Finding
from checker.normalize.calendars import CalendarDate, julian_offset
from checker.normalize.intervals import claim_interval

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


@dataclass(frozen=True)
class PairVerdict:
    verdict: str
    gap: str | None
    why: str


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
        return c.value + (f" ({c.calendar})" if c.calendar != "unspecified" else "")
    return str(c.value)


def _both_dated(a, b) -> bool:
    return a.kind == "time" and bool(a.date) and bool(b.date)


def _calendar_artefact(a, b) -> bool:
    """Two dates whose written values differ by the Julian offset of their year, at least one
    with no calendar mark: probably one day in two calendars."""
    if a.kind != "date" or "unspecified" not in (a.calendar, b.calendar):
        return False
    da, db = CalendarDate.parse(a.value), CalendarDate.parse(b.value)
    return abs(da.jdn() - db.jdn()) == julian_offset(min(da.year, db.year))


def judge_pair(a, b) -> PairVerdict:
    """The verdict on two claims about one topic; judge_pair(a, b) == judge_pair(b, a)."""
    a, b = sorted((a, b), key=lambda c: c.id)
    if a.kind == "choice":
        if a.value == b.value:
            return PairVerdict("agreement", None, f"both say {a.value}")
        kind = "internal_inconsistency" if a.source == b.source else "contradiction"
        return PairVerdict(kind, None, f"{a.value} against {b.value}")
    absolute = _both_dated(a, b)
    ia, ib = claim_interval(a, absolute_time=absolute), claim_interval(b, absolute_time=absolute)
    if ia is None or ib is None:
        return PairVerdict("agreement", None, "nothing to compare")
    if ia.overlaps(ib):
        exact = a.approx == b.approx == "exact" and ia == ib
        if a.kind == "count" and a.unit != b.unit and a.unit and b.unit:
            return PairVerdict("scope_difference", None, f"{_describe(a)} {a.unit} and {_describe(b)} {b.unit} count different things")
        return PairVerdict("agreement" if exact else "approximate_agreement", None, f"{_describe(a)} and {_describe(b)} can both hold")
    gap = ia.gap(ib)
    if a.kind == "date" and _calendar_artefact(a, b):
        return PairVerdict("calendar_artefact", f"{int(gap)} days", f"{_describe(a)} and {_describe(b)} are {julian_offset(int(a.value[:4]))} days apart: one day in the Julian and Gregorian calendars")
    if a.kind == "count" and a.unit != b.unit and (PART_OF.get(a.unit) == b.unit or PART_OF.get(b.unit) == a.unit):
        return PairVerdict("scope_difference", f"{_describe(a)} vs {_describe(b)}", f"{a.unit} is part of {b.unit if PART_OF.get(a.unit) == b.unit else a.unit}: a difference of scope, not of fact")
    if a.kind == "time" and a.event != b.event and (a.reported or b.reported):
        told = a if a.reported else b
        happened = b if told is a else a
        return PairVerdict("different_events", f"{int(gap)} minutes", f"{told.value} is when it was reported ({told.event}), {happened.value} when it happened ({happened.event}): two events, not one contradiction")
    if a.source == b.source:
        return PairVerdict("internal_inconsistency", _gap_text(a, gap), f"the same source gives {_describe(a)} and {_describe(b)}")
    small = _is_small(a, b, gap, ia, ib)
    return PairVerdict("discrepancy" if small else "contradiction", _gap_text(a, gap, b), f"{_describe(a)} against {_describe(b)}")


def _is_small(a, b, gap, ia, ib) -> bool:
    if a.kind == "count":
        ref = max(abs(x) for x in (ia.low, ia.high, ib.low, ib.high) if abs(x) != float("inf"))
        return ref > 0 and gap / ref <= SMALL_COUNT_RATIO
    return gap <= SMALL_GAP[a.kind]


def _gap_text(a, gap, b=None) -> str:
    if a.kind == "time":
        return f"{int(gap)} minutes"
    if a.kind == "date":
        return f"{int(gap)} days"
    return f"{_describe(a)} vs {_describe(b)}" if b is not None else f"{gap:,.0f}"


def _finding(group: ClaimGroup, verdict: str, pairs: list[tuple], suffix: str = "") -> Finding:
    worst = [p for p in pairs if p[2].verdict == verdict]
    a, b, pv = worst[0] if worst else (group.claims[0], group.claims[0], PairVerdict(verdict, None, ""))
    claims = sorted({c.id for c in group.claims} if not suffix else {a.id, b.id, *[x.id for p in worst for x in p[:2]]})
    explanation = f"{pv.why}." if pv.why else ""
    if verdict in ("agreement", "approximate_agreement"):
        explanation = f"{len({c.source for c in group.claims})} sources agree" + (" within their approximations" if verdict == "approximate_agreement" else "") + "."
    return Finding(
        id=f"{group.kind}:{group.topic}{suffix}",
        topic=group.topic,
        kind=group.kind,
        verdict=verdict,
        severity=SEVERITY[verdict],
        claims=claims,
        sources=sorted({c.source for c in group.claims if c.id in claims}),
        gap=pv.gap,
        explanation=explanation[0].upper() + explanation[1:] if explanation else verdict,
        match_reasons=sorted(set(group.reasons))[:10],
    )


def judge_group(group: ClaimGroup) -> list[Finding]:
    """One finding for the group across sources, and one per source that contradicts itself."""
    claims = sorted(group.claims, key=lambda c: c.id)
    pairs = [(a, b, judge_pair(a, b)) for a, b in combinations(claims, 2)]
    out = []
    internal = [p for p in pairs if p[2].verdict == "internal_inconsistency"]
    for source in sorted({p[0].source for p in internal}):
        mine = [p for p in internal if p[0].source == source]
        out.append(_finding(group, "internal_inconsistency", mine, f":internal:{source}"))
    across = [p for p in pairs if p[0].source != p[1].source]
    if across:
        verdict = min((p[2].verdict for p in across), key=ORDER.index)
        out.append(_finding(group, verdict, across))
    return out


def compare_claims(claims, catalog=None) -> list[Finding]:
    """Findings for every group, most serious first, then by topic."""
    findings = [f for g in group_claims(claims, catalog) for f in judge_group(g)]
    findings.sort(key=lambda f: (ORDER.index(f.verdict), f.topic, f.id))
    return findings
