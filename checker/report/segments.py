"""Cut a source text into plain and highlighted pieces, so the template can escape every piece
itself: the source text is never marked safe."""
from __future__ import annotations

from typing import TypeVar

C = TypeVar("C")


def highlight_segments(text: str, claims: list[C]) -> list[tuple[str, C | None]]:
    """The text as (piece, claim or None) pairs, in order; the pieces joined give the text back.

    Each claim gets exactly one piece, so each has one anchor. Spans are clipped to the text;
    where two claims overlap, the later one starts where the earlier ends (a claim entirely
    inside another gets an empty piece, which still carries its anchor).

    >>> class C:
    ...     def __init__(self, start, end): self.span = (start, end)
    >>> [(t, c.span if c else None) for t, c in highlight_segments("at 2:10 on 26 Oct", [C(11, 17), C(3, 7)])]
    [('at ', None), ('2:10', (3, 7)), (' on ', None), ('26 Oct', (11, 17))]
    """
    pieces: list[tuple[str, C | None]] = []
    pos = 0
    for claim in sorted(claims, key=lambda c: (c.span[0], -c.span[1], getattr(c, "id", ""))):
        start = min(max(claim.span[0], pos), len(text))
        end = min(max(claim.span[1], start), len(text))
        if start > pos:
            pieces.append((text[pos:start], None))
        pieces.append((text[start:end], claim))
        pos = end
    if pos < len(text):
        pieces.append((text[pos:], None))
    return pieces
