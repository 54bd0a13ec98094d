"""Thai word boundaries. Thai writes no space between words, so where a word begins or ends
comes from a dictionary tokenizer (pythainlp's newmm), run on a few dozen letters around the
place asked about, never on a whole text."""
from __future__ import annotations

import os
from functools import lru_cache

import regex

# Thai letters, vowels and tone marks; not the digits ๐-๙ and not the repetition mark ๆ.
THAI = r"[\u0E01-\u0E45\u0E47-\u0E4E]"
_THAI = regex.compile(THAI)
# The tokenizer reads at most this many letters either side of what is asked: enough for the
# words around it, and a 100 KB run without a space never reaches it whole (newmm slows
# down badly on long runs).
REACH = 32


class Dictionary:
    """Thai words with the one thing newmm asks of its dictionary, `prefixes`: the words that
    begin at a position. A set indexed by a word's first two letters is built in milliseconds,
    where pythainlp's own trie takes over a second.

    >>> d = Dictionary(["ก", "กา", "กาแฟ", "ไก่"]); d.prefixes("xกาแฟดำ", 1)
    ['ก', 'กา', 'กาแฟ']
    """

    def __init__(self, words):
        self.words = frozenset(w.strip() for w in words if w.strip())
        lengths: dict[str, set[int]] = {}
        for w in self.words:
            lengths.setdefault(w[:2], set()).add(len(w))
        self.lengths = {head: sorted(ls) for head, ls in lengths.items()}

    def __len__(self) -> int:
        return len(self.words)

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        found = [text[start]] if start < len(text) and text[start] in self.words else []
        for n in self.lengths.get(text[start : start + 2], ()):
            if start + n > len(text):
                break
            if n > 1 and text[start : start + n] in self.words:
                found.append(text[start : start + n])
        return found


@lru_cache(maxsize=1)
def dictionary() -> Dictionary:
    """pythainlp's Thai word list, read from the installed package. pythainlp is imported
    here, lazily (only Thai text needs it), and read-only: it must never write to $HOME."""
    os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
    from pythainlp.corpus import thai_words

    return Dictionary(thai_words())


@lru_cache(maxsize=8192)
def _offsets(chunk: str) -> frozenset[int]:
    """Word boundaries newmm finds in a short chunk, as offsets into it.

    >>> sorted(_offsets("ห้าร้อยกว่าคน"))
    [0, 3, 7, 11, 13]
    """
    words = dictionary()  # first: it sets pythainlp up read-only
    from pythainlp.tokenize.newmm import segment

    offsets, pos = {0}, 0
    for word in segment(chunk, words):
        pos += len(word)
        offsets.add(pos)
    return frozenset(offsets)


_RUN_BEFORE = regex.compile(rf"{THAI}{{0,{REACH}}}\Z")
_RUN_AFTER = regex.compile(rf"{THAI}{{0,{REACH}}}")


def _run_limits(text: str, start: int, end: int) -> tuple[int, int]:
    """The Thai letters around text[start:end], at most REACH either side.

    >>> _run_limits("ab ความสามารถ cd", 7, 7)
    (3, 13)
    """
    lo = _RUN_BEFORE.search(text, max(0, start - REACH), start).start()
    return lo, _RUN_AFTER.match(text, end).end()


def is_boundary(text: str, pos: int) -> bool:
    """Whether a word may begin or end at `pos`: always beside a non-Thai character, else
    where the tokenizer puts a boundary.

    >>> is_boundary("ความสามารถ", 4), is_boundary("สามคน", 3)
    (False, True)
    """
    if pos <= 0 or pos >= len(text) or not (_THAI.match(text, pos - 1) and _THAI.match(text, pos)):
        return True
    lo, hi = _run_limits(text, pos, pos)
    return (pos - lo) in _offsets(text[lo:hi])


def is_whole(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] begins and ends on word boundaries.

    >>> is_whole("ห้าม", 0, 3), is_whole("ห้าคน", 0, 3)
    (False, True)
    """
    return is_boundary(text, start) and is_boundary(text, end)


def word_starts(text: str, start: int, end: int) -> frozenset[int]:
    """Offsets in text[start:end] where a word begins (the tokenizer run over that stretch).

    >>> sorted(word_starts("xปืนไรเฟิล", 1, 10))
    [1, 4, 10]
    """
    lo, hi = max(0, start), min(len(text), end)
    return frozenset(lo + o for o in _offsets(text[lo:hi]))
