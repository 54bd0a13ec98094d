"""The sentence around a claim, cut from its source text, for the quote on a topic page.

A claim carries only a few characters either side (its `prefix` and `suffix`), often cut inside a
word. When the report has the text, it shows the whole sentence instead: back to the end of the
previous sentence and on to the end of this one, within LIMIT characters either side; a side cut
short is cut at a space, never inside a word, and marked with an ellipsis.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

# Characters shown at most on each side of a quote: a long sentence is cut, not shown whole.
LIMIT = 180

# A sentence ends at a full stop followed by spaces and a capital or a digit (so "a. m. del"
# does not end one), at a stop no abbreviation uses (?, ؟, ۔, 。), or at a line break. Thai
# writes no full stop at a sentence's end but uses one in abbreviations ("น."), so a stop before
# a letter without case never ends a sentence; such texts are cut by LIMIT at a space.
_END = regex.compile(r"[.!?…](?:[\"'»”’)\]]|\[\d+\])*(?=\s+[\"'«“‘(\[]*[\p{Lu}0-9])|[։؟۔。！？]|\n")


@dataclass(frozen=True)
class Context:
    """The text before and after a quote, and whether each side was cut inside its sentence."""

    before: str
    after: str
    cut_before: bool
    cut_after: bool


def _cut_at_space(text: str, keep_end: bool) -> str:
    """Drop the partial word at the cut side of `text` (the start if keep_end, else the end).
    A text without spaces (a Thai run) is kept whole: there is no word boundary to find."""
    if keep_end:
        i = text.find(" ")
        return text[i + 1:] if 0 <= i < len(text) - 1 else text
    i = text.rfind(" ")
    return text[:i] if i > 0 else text


def sentence_context(text: str, start: int, end: int, limit: int = LIMIT) -> Context:
    """The sentence holding text[start:end], at most `limit` characters either side.

    >>> c = sentence_context("It rained. The palace fell at 2:10 a. m. on the 26th. Then quiet.", 30, 40)
    >>> (c.before, c.after, c.cut_before, c.cut_after)
    ('The palace fell at ', ' on the 26th.', False, False)
    >>> sentence_context("One.[12] Two at 3 p.m. on it. Three.", 16, 22).before  # a footnote mark
    'Two at '
    >>> c = sentence_context("word " * 100 + "HERE" + " more" * 100, 500, 504, limit=12)
    >>> (c.before, c.after, c.cut_before, c.cut_after)
    ('word word ', ' more more', True, True)
    """
    lo = max(0, start - limit)
    last = None
    # Searched in the whole text, not a slice, so the look-ahead sees the quote's first letter.
    for m in _END.finditer(text, lo):
        if m.start() >= start:
            break
        last = m
    if last is not None:
        before, cut_before = text[min(last.end(), start):start].lstrip(), False
    else:
        cut_before = lo > 0
        before = _cut_at_space(text[lo:start], keep_end=True) if cut_before else text[lo:start]
    hi = min(len(text), end + limit)
    # From the quote's last character: a quote ending its sentence ("at 2 a.m.") ends it here.
    stop = _END.search(text, max(start, end - 1))
    if stop is not None and stop.start() < hi:
        after, cut_after = text[end:max(end, stop.end())].rstrip("\n"), False
    else:
        cut_after = hi < len(text)
        after = _cut_at_space(text[end:hi], keep_end=False) if cut_after else text[end:hi]
    return Context(before.lstrip("\n"), after.rstrip(), cut_before, cut_after)


def fallback_context(claim) -> Context:
    """The few characters the claim itself carries, when the source text is not at hand."""
    return Context(claim.prefix, claim.suffix, bool(claim.prefix), bool(claim.suffix))
