"""Group claims that speak of the same thing, blocking by kind and topic so the work stays
near linear: claims are only ever compared inside their block."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field


@dataclass
class ClaimGroup:
    topic: str
    kind: str
    claims: list = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        return sorted({c.source for c in self.claims})


def group_claims(claims, catalog=None) -> list[ClaimGroup]:
    """Claims with a topic, grouped by (topic, kind), in a stable order."""
    blocks: dict[tuple[str, str], ClaimGroup] = {}
    for c in claims:
        if c.topic is None:
            continue
        key = (c.topic, c.kind)
        if key not in blocks:
            blocks[key] = ClaimGroup(c.topic, c.kind)
        g = blocks[key]
        g.claims.append(c)
        if c.topic_reason:
            g.reasons.append(f"{c.id}: {c.topic_reason}")
    return [blocks[k] for k in sorted(blocks)]
