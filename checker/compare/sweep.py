"""The pairs worth judging among many claims whose verdicts follow from their intervals alone.

When two claims are compared by their intervals only (same unit, same kind of event), their
verdict is set by where the intervals lie: overlapping, apart by a small gap, or far apart; and
each of these grows monotonically with distance. So a few pairs per claim witness every verdict
it takes part in: its overlapping partner that reaches furthest, its farthest partner on each
side, and its farthest partner on each side that is still a small gap away. Finding them in
sorted lists costs O(n log n), where judging every pair costs O(n²); the widest gap of each
verdict, and whether every gap is slight, are among the pairs found (tests/test_invariants.py
checks all of this against judging every pair).

A unit is one source's claims of one variant (claims that say the same thing); pairs are only
ever formed between units of different sources.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Unit:
    """One source's claims that say the same thing, on the axis of the comparison."""

    low: float
    high: float
    source: str
    name: str  # its first claim's id: ties are broken by it, never by the order of the input
    claims: tuple = ()
    claim: object = None  # the first of them, which stands for them all


def _two(units, key) -> list[Unit]:
    """The best unit by `key`, and the best of another source: enough to find the best of any
    source but one.

    >>> u = lambda s, x: Unit(x, x, s, s + str(x))
    >>> [v.source for v in _two([u("a", 3), u("a", 2), u("b", 1)], key=lambda v: v.low)]
    ['b', 'a']
    """
    ranked = sorted(units, key=key)
    if not ranked:
        return []
    other = next((u for u in ranked[1:] if u.source != ranked[0].source), None)
    return [ranked[0]] + ([other] if other is not None else [])


def _other_before(units: list[Unit]) -> list[int]:
    """For each position, the nearest earlier position holding another source (-1 if none).

    >>> _other_before([Unit(0, 0, s, s) for s in "aabba"])
    [-1, -1, 1, 1, 3]
    """
    out: list[int] = []
    for i, u in enumerate(units):
        if i == 0:
            out.append(-1)
        elif units[i - 1].source != u.source:
            out.append(i - 1)
        else:
            out.append(out[i - 1])
    return out


def _first_true(lo: int, hi: int, pred: Callable[[int], bool]) -> int:
    """The first i in [lo, hi) where pred holds, pred being false then true; hi if never.

    >>> _first_true(0, 10, lambda i: i * i > 20)
    5
    """
    while lo < hi:
        mid = (lo + hi) // 2
        if pred(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo


def _sort_key(by: str) -> Callable[[Unit], tuple]:
    return lambda u: (getattr(u, by), u.name, u.source)


class Side:
    """The units one claim is compared with, sorted by each end."""

    def __init__(self, units: list[Unit]):
        self.by_low = sorted(units, key=_sort_key("low"))
        self.lows = [u.low for u in self.by_low]
        self.by_high = sorted(units, key=_sort_key("high"))
        self.highs = [u.high for u in self.by_high]
        self.other_before_low = _other_before(self.by_low)
        self.other_before_high = _other_before(self.by_high)
        furthest = lambda u: (-u.high, u.name, u.source)
        self.reach: list[list[Unit]] = []  # per prefix of by_low: the units reaching furthest right
        for u in self.by_low:
            self.reach.append(_two((self.reach[-1] if self.reach else []) + [u], key=furthest))
        self.rightmost = _two(units, key=lambda u: (-u.low, u.name, u.source))
        self.leftmost = _two(units, key=lambda u: (u.high, u.name, u.source))

    @staticmethod
    def _last_other(units: list[Unit], before: list[int], lo: int, hi: int, source: str) -> Unit | None:
        """The last unit in units[lo:hi+1] from a source other than `source`."""
        if hi < lo:
            return None
        if units[hi].source != source:
            return units[hi]
        k = before[hi]
        return units[k] if k >= lo else None

    def partners(self, u: Unit, small: Callable[[Unit, Unit], bool]) -> list[tuple[Unit, Unit]]:
        """Pairs (lower, upper or overlapping) of u with units of other sources, enough to
        witness every verdict u takes part in. `small(lower, upper)` says whether two disjoint
        units are a small gap apart; it must hold less as they move apart."""
        out = []
        other = lambda units: next((w for w in units if w.source != u.source), None)
        j = bisect_right(self.lows, u.high) - 1
        if j >= 0 and (w := other(self.reach[j])) is not None and w.high >= u.low:
            out.append((u, w))
        start = j + 1  # the first unit lying wholly to the right of u
        if start < len(self.by_low):
            if (w := other(self.rightmost)) is not None and w.low > u.high:
                out.append((u, w))
            end = _first_true(start, len(self.by_low), lambda i: not small(u, self.by_low[i])) - 1
            if (w := self._last_other(self.by_low, self.other_before_low, start, end, u.source)) is not None:
                out.append((u, w))
        stop = bisect_left(self.highs, u.low) - 1  # the last unit lying wholly to the left of u
        if stop >= 0:
            if (w := other(self.leftmost)) is not None and w.high < u.low:
                out.append((w, u))
            first = _first_true(0, stop + 1, lambda i: small(self.by_high[i], u))
            if (w := self._last_other(self.by_high, self.other_before_high, first, stop, u.source)) is not None:
                out.append((w, u))
        return out


def sweep_pairs(ours: list[Unit], theirs: list[Unit], small: Callable[[Unit, Unit], bool]) -> list[tuple[Unit, Unit]]:
    """The pairs to judge between two lists of units (the same list: pairs within it). Below,
    the two small gaps, the widest gap and each unit's farthest partner; b2-c50 adds nothing.

    >>> u = lambda s, x: Unit(x, x, s, s + str(x))
    >>> units = [u("a", 1), u("b", 2), u("c", 50), u("d", 51)]
    >>> sorted({(p.name, q.name) for p, q in sweep_pairs(units, units, lambda p, q: q.low - p.high <= 5)})
    [('a1', 'b2'), ('a1', 'c50'), ('a1', 'd51'), ('b2', 'd51'), ('c50', 'd51')]
    """
    yours = Side(theirs)
    pairs = [pair for u in ours for pair in yours.partners(u, small)]
    if ours is not theirs:
        mine = Side(ours)
        pairs += [pair for w in theirs for pair in mine.partners(w, small)]
    # A pair is often a claim's farthest and its widest small gap at once: judged once.
    return list({(id(a), id(b)): (a, b) for a, b in pairs}.values())
