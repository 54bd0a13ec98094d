"""Thai sentences. Thai has almost no sentence marks: a space separates clauses, so a line is
cut at spaces between Thai words, but a short fragment stays with its neighbour and a number
phrase with its clause."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from checker.extract.lang.th.wordbreak import THAI

_THAI = regex.compile(THAI)
_CHUNK = regex.compile(r"[^\s]++")
_MIN_SENTENCE = 12
_SHORT = 16
# Unspaced text longer than this is cut anyway (before a leading vowel, which opens a
# syllable): real Thai clauses are far shorter, and one endless sentence slows the binder.
MAX_SENTENCE = 600
_LEADING_VOWEL = regex.compile(r"[\u0E40-\u0E44]")


def _ends_thai(chunk: str) -> bool:
    return bool(_THAI.match(chunk.rstrip(".")[-1:] or " "))


def _starts_thai(chunk: str) -> bool:
    return bool(_THAI.match(chunk[:1] or " "))


def _has_digit(chunk: str) -> bool:
    return any(map(str.isdecimal, chunk))  # map in C: 3x a generator's speed


@dataclass
class _Gap:
    """The space between two chunks, with what surrounds it."""

    before: str  # the chunk before the previous one
    a: str  # the chunk the space follows
    b: str  # the chunk it precedes
    after: str  # the chunk after that
    sentence_length: int  # of the sentence so far, up to the space


def _is_break(gap: _Gap, phrase_fresh: bool, closers: tuple[str, ...]) -> bool:
    """Whether a space between Thai words ends a sentence; `closers` are the words that end a
    time or a date ("น.", month names)."""
    a, b = gap.a, gap.b
    if not (_ends_thai(a) and _starts_thai(b)) or "." in b:
        return False  # a gloss, a number, an abbreviation ("ค.ศ.") stay with their words
    if gap.sentence_length < _MIN_SENTENCE or len(b) < 4:
        return False  # a fragment too short to stand alone: "ต่าง ๆ"
    if len(b) < _SHORT and gap.after.startswith(("(", "[")):
        return False  # a name written in two words before its gloss: "เลออน ตรอตสกี (Leon Trotsky)"
    if _has_digit(a) or (_has_digit(gap.before) and len(a) < _SHORT):
        # A count belongs to its clause; a time or date opening a clause belongs to what
        # follows ("เวลา ๑๔.๒๓ น. สภาโซเวียต…"), one closing a clause to what precedes.
        return not phrase_fresh and a.startswith(closers)
    return True


# A space between Thai words (or after an abbreviation's dot): the only places a sentence may end.
_CANDIDATE = regex.compile(rf"(?<={THAI}\.?)[^\S\n]++(?={THAI})")


def _lead_is_fresh(chunks: list[tuple[int, int]], word, i: int, start: int, openers: tuple[str, ...]) -> bool:
    """Whether the number phrase ending with chunk i opens the sentence at `start`: its lead
    word (the one before its first figure) is the sentence's first, and short ("เวลา ๑๔.๒๓ น.")
    or an adverbial opener ("ในตอนดึกของคืนวันที่ ๒๕ ตุลาคม"), not a clause the figure ends."""
    j = i
    while j > 0 and chunks[j][0] > start and (_has_digit(word(j)) or (j == i and _has_digit(word(j - 1)))):
        j -= 1
    lead = word(j)
    return chunks[j][0] == start and (len(lead) < _SHORT or lead.startswith(openers))


def _line_sentences(text: str, lo: int, hi: int, closers: tuple[str, ...], openers: tuple[str, ...]) -> list[tuple[int, int]]:
    """Sentences of one line (see `sentences`); only spaces between Thai words are looked at."""
    chunks = [(m.start(), m.end()) for m in _CHUNK.finditer(text, lo, hi)]
    index = {s: i for i, (s, _) in enumerate(chunks)}
    word = lambda i: text[chunks[i][0] : chunks[i][1]] if 0 <= i < len(chunks) else ""
    spans, start = [], lo
    for gap in _CANDIDATE.finditer(text, lo, hi):
        i = index[gap.end()]
        words = {k: word(k) for k in range(i - 2, i + 2)}
        fresh = _has_digit(words[i - 1] + words[i - 2]) and _lead_is_fresh(chunks, word, i - 1, start, openers)
        facts = _Gap(words[i - 2], words[i - 1], words[i], words[i + 1], chunks[i - 1][1] - start)
        if _is_break(facts, fresh, closers):
            spans.append((start, chunks[i - 1][1]))
            start = chunks[i][0]
    spans.append((start, hi))
    return [piece for s, e in spans for piece in _cut_long(text, s, e)]


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A stretch longer than MAX_SENTENCE in pieces, each cut before a leading vowel if one
    stands in its last tenth.

    >>> _cut_long("ก" * 700, 0, 700)
    [(0, 600), (600, 700)]
    """
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = start + MAX_SENTENCE
        for pos in range(cut, cut - MAX_SENTENCE // 10, -1):
            if _LEADING_VOWEL.match(text, pos):
                cut = pos
                break
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def sentences(text: str, closers: tuple[str, ...] = (), openers: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """(start, end) of each Thai sentence: a line is cut at spaces between Thai words, but a
    short fragment stays with its neighbour and a number phrase with its clause. A time or
    date phrase that `closers` end ("น.", a month) goes with the clause it opens, or closes;
    `openers` are the words an adverbial phrase opening a clause begins with ("ใน").

    >>> t = "เขามาถึงเมื่อเวลา ๑๔.๒๓ น. สภาเปิดประชุมทันที เวลา ๑๖.๐๐ น. สภาลงมติ ทหาร ๕ คน ออกไป"
    >>> [t[s:e] for s, e in sentences(t, ("น.",), ("ใน",))]
    ['เขามาถึงเมื่อเวลา ๑๔.๒๓ น.', 'สภาเปิดประชุมทันที', 'เวลา ๑๖.๐๐ น. สภาลงมติ', 'ทหาร ๕ คน ออกไป']
    """
    spans = []
    for line in regex.finditer(r"[^\n]++", text):
        if line.group().strip():
            spans += _line_sentences(text, line.start(), line.end(), closers, openers)
    return spans or [(0, len(text))]
