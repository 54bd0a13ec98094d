"""Group claims that speak of the same thing.

Claims the catalog bound to a topic are grouped by (topic, kind). The others are blocked by
(kind, event, unit), counts of a definite unit by (kind, unit) alone, and, inside a block,
linked when their sentences share a proper name (by
fuzzy match of Latin transliterations, so "Керенский" meets "Kerensky") and, for times, the same
day. Names are clustered once per block with rapidfuzz's cdist, so no loop ever compares every
pair of claims of a corpus.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from checker.normalize.mentions import NAME_SCORE

MAX_PER_SOURCE = 2
DURATION_UNITS = {"minutes", "hours", "days", "weeks", "months", "years"}
# Units that say too little of what is counted for a count to be matched by its unit and a
# name alone: such a count also needs the same event cue.
LOOSE_UNITS = {"people"}
# The event part of an automatic topic whose claims were blocked by their unit, not by a cue.
ANY_EVENT = "any"


@dataclass
class ClaimGroup:
    topic: str
    kind: str
    claims: list = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        return sorted({c.source for c in self.claims})


class _Union:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def name_clusters(names: list[str], score: int = NAME_SCORE) -> dict[str, str]:
    """Map each name to its cluster's representative (the alphabetically first member).

    >>> name_clusters(["kerensky", "kerenskiy", "lenin"])["kerensky"]
    'kerenskiy'
    """
    names = sorted(set(names))
    if not names:
        return {}
    union = _Union(len(names))
    matrix = process.cdist(names, names, scorer=fuzz.ratio, score_cutoff=score, workers=1)
    for i, j in zip(*matrix.nonzero()):
        if i < j:
            union.join(int(i), int(j))
    return {n: names[union.find(i)] for i, n in enumerate(names)}


def _catalog_groups(claims) -> list[ClaimGroup]:
    blocks: dict[tuple[str, str], ClaimGroup] = {}
    for c in claims:
        for topic in [c.topic, *c.also_topics]:
            g = blocks.setdefault((topic, c.kind), ClaimGroup(topic, c.kind))
            g.claims.append(c)
            if c.topic_reason:
                g.reasons.append(f"{c.source}: {c.topic_reason}")
    for g in blocks.values():
        g.claims = _own_first(g.topic, g.claims)
    return [g for g in blocks.values() if g.claims]


def _own_first(topic: str, claims: list) -> list:
    """A source's claims that hold the topic only as one of their others (`also_topics`) stand
    for it when it says nothing more direct: where it does, they are about something else."""
    direct = {c.source for c in claims if c.topic == topic}
    return [c for c in claims if c.topic == topic or c.source not in direct]


def _auto_groups(claims) -> list[ClaimGroup]:
    """Groups of untopiced claims that share kind, event (for counts of a definite unit, the
    unit is enough), unit, a name and (times) a day, spanning at least two sources."""
    blocks: dict[tuple, list] = defaultdict(list)
    for c in claims:
        unit = getattr(c, "unit", None)
        # A count means nothing without what it counts; durations are not facts of the event.
        if c.kind == "count" and (unit is None or unit in DURATION_UNITS):
            continue
        if not c.names:
            continue
        if c.kind == "count" and unit not in LOOSE_UNITS:
            # "Five thousand Kronshtadt sailors" and "tres mil marinos" of Kronstadt are one
            # figure whatever verb each sentence hangs it on: cues differ more across
            # languages and styles than what is counted does.
            blocks[(c.kind, ANY_EVENT, unit)].append(c)
        elif c.event:
            blocks[(c.kind, c.event, unit)].append(c)
    groups = []
    for (kind, event, unit), members in blocks.items():
        if len({c.source for c in members}) < 2:
            continue
        rep = name_clusters([n for c in members for n in c.names])
        by_key: dict[tuple, list] = defaultdict(list)
        for c in members:
            day = getattr(c, "gregorian_date", None) or getattr(c, "date", None) if kind == "time" else None
            for name in {rep[n] for n in c.names}:
                by_key[(name, day)].append(c)
        seen: set[frozenset] = set()
        for (name, day), linked in sorted(by_key.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
            ids = frozenset(c.id for c in linked)
            per_source = defaultdict(int)
            for c in linked:
                per_source[c.source] += 1
            # A source with many values under one name, or two that differ, is telling of
            # several things ("500 sailors … the next day 1,200 sailors").
            if len(per_source) < 2 or max(per_source.values()) > MAX_PER_SOURCE or ids in seen or _tells_of_several(linked):
                continue
            seen.add(ids)
            topic = f"auto:{event}:{name}" + (f":{unit}" if unit else "") + (f":{day}" if day else "")
            by = f"unit {unit!r}" if event == ANY_EVENT else f"event {event!r}"
            reasons = [f"{c.source}: {by}, name {name!r}" + (f", day {day}" if day else "") for c in linked]
            groups.append(ClaimGroup(topic, kind, sorted(linked, key=lambda c: c.id), reasons))
    return groups


def _tells_of_several(claims) -> bool:
    """Whether some source gives two different values among `claims`.

    >>> from types import SimpleNamespace as NS
    >>> _tells_of_several([NS(source="a", value="02:10"), NS(source="a", value="02:10"), NS(source="b", value="03:00")])
    False
    >>> _tells_of_several([NS(source="a", value="02:10"), NS(source="a", value="03:10")])
    True
    """
    values: dict[str, set] = defaultdict(set)
    for c in claims:
        values[c.source].add(c.value if isinstance(c.value, str) else (c.value.low, c.value.high))
    return any(len(v) > 1 for v in values.values())


def group_claims(claims, catalog=None) -> list[ClaimGroup]:
    """Catalog-topic groups plus automatic groups of the rest, in a stable order."""
    topical = [c for c in claims if c.topic is not None]
    rest = [c for c in claims if c.topic is None and c.kind != "choice"]
    groups = _catalog_groups(topical) + _auto_groups(rest)
    return sorted(groups, key=lambda g: (g.topic, g.kind))
