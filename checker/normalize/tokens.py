"""A text's tokens and an index of its words, made once per text and shared by every scan
that only needs to try its pattern where some word stands (checker.extract.common.Anchored,
checker.normalize.mentions.PhraseFinder)."""
from __future__ import annotations

import unicodedata
from collections import defaultdict
from itertools import accumulate

import regex

# Letter runs, digit runs and single other characters, so that a number glued to letters
# ("x25", "25th") still starts a token of its own. A combining mark stays with the letters
# before it ("вчера́"), but a letter after one starts a token: a pattern's (?<!\p{L}) lets a
# match start there.
TOKEN = regex.compile(r"\p{L}++\p{M}*+|\p{M}++|\d++|[^\s\p{L}\p{M}\d]")
_TOKEN_SPLIT = regex.compile(f"({TOKEN.pattern})")
_FOLD_YO = str.maketrans("ё", "е")
_DIGIT = regex.compile(r"\d")
# A combining mark glued to a word ("вчера́", a stress mark) is no letter to a pattern's
# (?!\p{L}), so a word is looked up without its marks.
_MARK = regex.compile(r"\p{M}")
# The last text seen: its tokens, and its words by opening (None until asked for).
_cache: list = [None, None, None]
# How many letters of a word `openings` keys it by.
OPENING = 4


def tokens(text: str) -> tuple[list[int], dict[str, list[int]], list[int]]:
    """The start of each token, the token numbers of each lower-cased word, and the numbers of
    the digit runs; computed once per text, as a pack's rules scan the same string in turn.

    >>> starts, where, digits = tokens("A las 2:10, a las 3")
    >>> starts, where["las"], digits
    ([0, 2, 6, 7, 8, 10, 12, 14, 18], [1, 7], [2, 4, 8])
    """
    if _cache[0] is text:
        return _cache[1]
    low = text.lower()
    if len(low) == len(text):
        # All in C: per-token Python work would cost more than the scans it saves. A split
        # keeps the tokens and the blanks between them, and a token starts where the running
        # sum of the pieces before it ends (finditer's match objects cost 2.5x as much);
        # str.replace is 20x faster than str.translate on non-ASCII text.
        if "ё" in low:
            low = low.replace("ё", "е")
        pieces = _TOKEN_SPLIT.split(low)
        ends = list(accumulate(map(len, pieces)))
        starts, words = ends[0:-1:2], pieces[1::2]
    else:  # a letter whose lower case is longer ("İ"): lower each token alone, offsets hold
        starts, words = [], []
        for m in TOKEN.finditer(text):
            starts.append(m.start())
            words.append(m.group().lower().translate(_FOLD_YO))
    where: dict[str, list[int]] = defaultdict(list)
    for i, w in enumerate(words):
        where[w].append(i)
    # The regex module's \d, not str.isdecimal: it knows digits newer than Python's Unicode
    # tables (Kirat Rai, Unicode 16), and the patterns that scan for figures use it.
    digits = sorted(i for w, idx in where.items() if _DIGIT.match(w) for i in idx)
    if _MARK.search(" ".join(where)):
        for w in [w for w in where if _MARK.search(w)]:
            where[_MARK.sub("", w)] += where.pop(w)
    _cache[:] = [text, (starts, where, digits), None]
    return starts, where, digits


def word_key(token: str) -> str:
    """A token as `tokens` keys it: lower case, ё as е, no combining marks.

    >>> word_key("Вчера́"), word_key("Трёх")
    ('вчера', 'трех')
    """
    return _MARK.sub("", token.lower().translate(_FOLD_YO))


def _latin_bases() -> dict[int, str]:
    """Each accented Latin letter of Latin-1 to Latin Extended-B as its base letter, read from
    Unicode's decompositions: the letters a mention pattern takes for their base letter
    (checker.normalize.mentions), and the table `openings` folds words with."""
    out = {}
    for cp in range(0xC0, 0x250):
        base = unicodedata.normalize("NFD", chr(cp))[0]
        if base != chr(cp) and base.isascii() and base.isalpha():
            out[cp] = base.lower()
    return out


LATIN_BASES = _latin_bases()


def opening(word: str) -> str:
    """The first OPENING letters of a phrase's first word, folded as loosely as its mention
    pattern matches letters (any case, any accent on a Latin letter, ё as е): a word the
    pattern matches has this opening (`openings`), whatever its ending.

    >>> opening("Kérenski"), opening("KERENSKOGO"), opening("Ёлки"), opening("de")
    ('kere', 'kere', 'елки', 'de')
    """
    letters = []
    for c in word.casefold()[:OPENING]:
        base = unicodedata.normalize("NFD", c)[0]
        letters.append(base if base.isascii() and base.isalpha() else c)
    return "".join(letters).translate(_FOLD_YO)[:OPENING]


def openings(text: str) -> dict[str, list[int]]:
    """The token numbers of `text`'s words by their `opening`, made once per text.

    >>> openings("Kerenski y Kérenski; de")["kere"]
    [0, 2]
    """
    if _cache[0] is not text:
        tokens(text)
    if _cache[2] is None:
        where = _cache[1][1]
        # One casefold and one translate for the whole vocabulary, not one per word.
        folded = "\n".join(w[:OPENING] for w in where).casefold().translate(LATIN_BASES).split("\n")
        index: dict[str, list[int]] = defaultdict(list)
        for key, numbers in zip(folded, where.values()):
            index[key[:OPENING]] += numbers
        _cache[2] = index
    return _cache[2]
