"""Findings per group of matched claims: one per kind of disagreement across sources (the
worst pair explains it), one per source that contradicts itself, or one agreement. Findings do
not depend on the order of sources or claims: everything is sorted before it is chosen.

Not every pair of claims is judged. Claims that say the same thing (a variant) are judged once
for all; claims compared by their intervals alone go through sweep.py, which finds the few pairs
that witness every verdict; only what is left (dates and their calendars, scope differences,
reports against happenings, choices) is judged pair by pair of variants.
"""
from __future__ import annotations

import gc
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass

from checker.compare.sweep import Unit, sweep_pairs
from checker.compare.verdicts import ORDER, SEVERITY, PairVerdict, _is_small, judge_pair
from checker.match import ClaimGroup, group_claims
from checker.model import Finding
from checker.normalize.intervals import claim_interval

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

    def units(self, absolute_time: bool) -> list[Unit]:
        """One unit per source, on the axis of claim_interval."""
        iv = claim_interval(self.claims[0], absolute_time=absolute_time)
        return [Unit(iv.low, iv.high, source, cs[0].id, tuple(cs), cs[0]) for source, cs in self.by_source.items()]


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
    """A verdict on the pair `a`, `b`, which stands for pairs like it: `members` are the
    claims that take part in them (all of one variant and source are alike)."""

    a: object
    b: object
    verdict: PairVerdict
    members: list


# --- which pairs are compared by their intervals alone ------------------------------------

def _block(v: Variant) -> tuple:
    """The block of a variant: pairs between blocks that `_sweep_rule` accepts are judged by
    where their intervals lie; the rest, pair by pair.

    Counts are blocked by unit, times by event, report, day and clock; dates (calendar artefacts),
    choices, counts without a bound and exact readings that span a range (equal ends decide
    an exact agreement) go pair by pair."""
    c = v.claims[0]
    iv = claim_interval(c, absolute_time=False)
    if iv is None or (c.approx == "exact" and not iv.is_point):
        return ("each",)
    if c.kind == "count":
        return ("count", c.unit or "")
    if c.kind == "time":
        return ("time", c.event or "", c.reported, bool(c.date), _clock(c))
    return ("each",)


def _clock(c) -> tuple:
    """The clock a time is read on: its offset from UTC when known, else the zone it names."""
    return ("offset", c.utc_offset) if c.utc_offset is not None else ("zone", c.zone or "")


def _small(lower: Unit, upper: Unit) -> bool:
    return _is_small(lower.claim, upper.claim, upper.low - lower.high, lower, upper)  # units have .low, .high


def _nearest_counts(lower: Unit, upper: Unit) -> bool:
    """Every gap counts: a report and a happening are shown nearest first (sweep finds each
    claim's nearest partner on each side when every gap is "small")."""
    return True


def _sweep_rule(k1: tuple, k2: tuple):
    """How pairs between two blocks are swept (the `small` of sweep_pairs), or None when
    they must be judged pair by pair."""
    if k1[0] != k2[0] or k1[0] == "each":
        return None
    if k1[0] == "time" and k1[4] != k2[4]:
        return None  # two clocks: compared on UTC, or not at all, pair by pair (verdicts.clocks_of)
    if k1[0] == "time" and k1[1] != k2[1] and k1[2] != k2[2]:
        return _nearest_counts  # a report against a happening: two events, or a report too early
    # Counts of two units are a difference of scope whatever the gap; the widest is shown.
    return _small


def _swept(ours: list[Variant], theirs: list[Variant], same: bool, absolute_time: bool, small) -> list[Judged]:
    units = [u for v in ours for u in v.units(absolute_time)]
    other = units if same else [u for v in theirs for u in v.units(absolute_time)]
    return [Judged(a.claim, b.claim, judge_pair(a.claim, b.claim), [*a.claims, *b.claims]) for a, b in sweep_pairs(units, other, small)]


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


def _pairwise(ours: list[Variant], theirs: list[Variant], same: bool) -> list[Judged]:
    pairs = [(s, t) for i, s in enumerate(ours) for t in ours[i:]] if same else [(s, t) for s in ours for t in theirs]
    return [j for s, t in pairs if (j := _across(s, t)) is not None]


def _across_sources(kinds: list[Variant]) -> list[Judged]:
    """Verdicts on the pairs of claims from different sources, enough of them to find every
    claim's every verdict and each verdict's widest gap."""
    blocks: dict[tuple, list[Variant]] = defaultdict(list)
    for v in kinds:
        blocks[_block(v)].append(v)
    keys = sorted(blocks)
    out: list[Judged] = []
    for i, k1 in enumerate(keys):
        for k2 in keys[i:]:
            same, rule = k1 == k2, _sweep_rule(k1, k2)
            if rule is not None:
                out += _swept(blocks[k1], blocks[k2], same, k1[0] == "time" and k1[3] and k2[3], rule)
            else:
                out += _pairwise(blocks[k1], blocks[k2], same)
    return out


def _within_sources(kinds: list[Variant]) -> list[Judged]:
    """A source's claims that contradict each other: per source, its variants pair by pair
    (a source says few things about one topic); each pair of variants is judged once."""
    judged: dict[tuple[int, int], PairVerdict] = {}
    by_source: dict[str, list[Variant]] = defaultdict(list)
    for v in kinds:
        for source in v.by_source:
            by_source[source].append(v)
    out = []
    for source, vs in sorted(by_source.items()):
        for i, s in enumerate(vs):
            for t in vs[i + 1 :]:
                a, b = s.by_source[source][0], t.by_source[source][0]
                if (id(s), id(t)) not in judged:
                    judged[id(s), id(t)] = judge_pair(a, b)
                pv = judged[id(s), id(t)]
                if pv.verdict == "internal_inconsistency":
                    out.append(Judged(a, b, pv, s.by_source[source] + t.by_source[source]))
    return out


# --- findings ------------------------------------------------------------------------------

_LOWER = {"high": "medium", "medium": "low", "low": "low", "none": "none"}


def _finding(group: ClaimGroup, verdict: str, judged: list[Judged], key: str) -> Finding:
    """One finding over the pairs that share a verdict; the widest gap explains it."""
    claims = sorted({c.id for j in judged for c in j.members})
    sources = sorted({c.source for j in judged for c in j.members})
    rank = lambda j: (j.verdict.size, min(j.a.id, j.b.id), max(j.a.id, j.b.id))
    # A report is best set beside the happening nearest to it; anything else beside the widest gap.
    shown = min(judged, key=rank) if verdict == "different_events" else max(judged, key=rank)
    severity = SEVERITY[verdict]
    if verdict in ("internal_inconsistency", "discrepancy") and all(j.verdict.slight for j in judged):
        severity = _LOWER[severity]
    automatic = group.topic.startswith("auto:")
    if automatic and verdict not in AGREEING:
        # A shared cue and name is weaker ground than a catalog topic: the claims may speak of
        # two things (sailors sent to Moscow, sailors entering Petrograd).
        severity = _LOWER[severity]
    # Judged again for its words: a verdict stands for many pairs, the words for this one.
    worded = judge_pair(shown.a, shown.b)
    if verdict in AGREEING:
        explanation = f"{len(sources)} sources agree" + (" within their approximations" if verdict == "approximate_agreement" else "") + f": {worded.why}"
    else:
        explanation = worded.why
    if automatic and verdict not in AGREEING:
        explanation += "; matched by a shared name and event or counted unit, not by a catalog topic: check that they tell of one thing"
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
    when there is none), and one per source that contradicts itself."""
    kinds = variants(group.claims)
    out = []
    # Automatic groups are loose: only the catalog's topics are firm enough to accuse a source
    # of contradicting itself.
    if not group.topic.startswith("auto:"):
        internal = _within_sources(kinds)
        for source in sorted({j.a.source for j in internal}):
            out.append(_finding(group, "internal_inconsistency", [j for j in internal if j.a.source == source], f"internal:{source}"))
    by_verdict: dict[str, list[Judged]] = {}
    for j in _across_sources(kinds):
        if not j.verdict.compared:
            continue
        by_verdict.setdefault(j.verdict.verdict, []).append(j)
    disagreeing = sorted((v for v in by_verdict if v not in AGREEING), key=ORDER.index)
    for verdict in disagreeing:
        out.append(_finding(group, verdict, by_verdict[verdict], verdict))
    if not disagreeing and by_verdict:
        verdict = "approximate_agreement" if "approximate_agreement" in by_verdict else "agreement"
        out.append(_finding(group, verdict, [j for v in AGREEING for j in by_verdict.get(v, [])], "agreement"))
    return out


@contextmanager
def _collector_paused():
    """Python's cycle collector rescans every live claim each time many small objects are made,
    which doubled the time of comparing 10,000 claims; what is made here holds no cycles."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def compare_claims(claims, catalog=None) -> list[Finding]:
    """Findings for every group, most serious first, then by topic."""
    with _collector_paused():
        findings = [f for g in group_claims(claims, catalog) for f in judge_group(g)]
    findings.sort(key=lambda f: (ORDER.index(f.verdict), f.topic, f.id))
    return findings
