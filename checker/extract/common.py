"""Rule builders shared by the language packs. A pack passes its lexicon; the word order these
rules assume (qualifier, number, scale word, counted noun) holds for most European languages.
A pack whose language orders things otherwise writes its own rule instead."""
from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from itertools import compress

import regex

from checker.extract.found import Found
from checker.extract.months import month_table, weekday_table
from checker.extract.numbers import ascii_digits, parse_number
from checker.extract.phrases import alternation, fold, unit_of, unit_patterns
from checker.extract.wordnum import NumberWords
from checker.normalize.tokens import TOKEN, tokens, word_key

DIGITS = r"\d{1,3}(?:[,.\u00a0\u202f\u2009 ']\d{3})+(?!\d)|\d+(?:[.,]\d+)?"
_DIGIT = regex.compile(r"\d")
# Patterns used per hit, compiled once: regex.findall(pattern_string, ...) looks the string up in
# regex's cache at every call, which cost more than the match itself.
_LETTERS = regex.compile(r"\p{L}+")
_NON_BLANK = regex.compile(r"\S+")
_FOUR_DIGITS = regex.compile(r"\d{4}")
# A call of rx.match costs what the engine spends on this many characters of a scan.
DENSE = 4
# rx.match(text, pos) first looks for the pattern's required literal ("de" in "\d+ de mes") in
# all the rest of the text: on a long text without it every call costs the whole text. A call
# sees this many characters only; a match ending within REACH_MARGIN of that edge, where a
# lookahead may have been cut short, is tried again on the whole text.
MATCH_WINDOW = 2000
REACH_MARGIN = 200


def anchor_words(phrases) -> set[str]:
    """The first letter token of each of some phrases, lower-cased as `tokens` writes them: one
    of them stands in any match that holds one of the phrases, no later than the phrase's other
    words. Only the first: "de" of "decenas de miles" would anchor every "de" of a text.

    >>> sorted(anchor_words(["several hundred", "c.", "Трёх", "~ 300 men"]))
    ['c', 'men', 'several', 'трех']
    """
    out = set()
    for phrase in phrases:
        first = next((m.group() for m in TOKEN.finditer(str(phrase)) if m.group()[0].isalpha()), None)
        if first is not None:
            out.add(word_key(first))
    return out


def has_digits(phrases) -> bool:
    """Whether a digit stands in some phrase: a scan anchored on the phrases' words need not
    try every digit run when none does.

    >>> has_digits(["next day", "same day"]), has_digits(["day 2"])
    (False, True)
    """
    return any(ch.isdecimal() for p in phrases for ch in str(p))


def token_count(phrases) -> int:
    """The most tokens in any of some phrases: how far before its anchor a match may start.

    >>> token_count(["около", "по разным оценкам", "ок."])
    3
    """
    return max((len(TOKEN.findall(str(p))) for p in phrases), default=0)


def first_tokens(phrases) -> set[str]:
    """The first token of each phrase, of any kind, lower-cased as `tokens` writes them: a match
    that opens with one of the phrases starts at such a token.

    >>> sorted(first_tokens(["more than", "c.", "~ 300", "Ёще"]))
    ['c', 'more', '~', 'еще']
    """
    out = set()
    for phrase in phrases:
        m = TOKEN.search(str(phrase))
        if m is not None:
            out.add(word_key(m.group()))
    return out


class Anchored:
    r"""A pattern tried only where it can match: at the `lead` tokens before, and at, each token
    that is a digit run or one of `words`. Every match of the pattern must hold such a token
    within `lead` tokens of its start (the qualifier or article before a number). The matches
    are those rx.finditer would give, found at ~1/20 of the cost on running text: the regex
    engine tries a long alternation at every character, this tries it at a few token starts.
    A match may not run longer than MATCH_WINDOW - REACH_MARGIN characters, nor look further.

    With `openers` (see first_tokens), a match is known to start at an anchor or at one of
    these tokens: the tokens before an anchor are tried only when they are openers ("more" of
    "more than 300", not "were" of "were 300"), which halves the calls of a count rule.

    >>> rx = regex.compile(r"(?:about\s+)?\d+\s+men")
    >>> [m.group() for m in Anchored(rx, set(), lead=1).finditer("They were about 300 men, then 20 men.")]
    ['about 300 men', '20 men']
    >>> Anchored(rx, set(), lead=1, openers={"about"}).starts("They were about 300 men, then 20 men.")
    [10, 16, 30]
    """

    def __init__(self, rx: regex.Pattern, words: set[str], lead: int, digits: bool = True, openers: set[str] | None = None):
        self.rx, self.words, self.lead, self.digits = rx, frozenset(words), lead, digits
        self.openers = None if openers is None else frozenset(openers)
        self._searched: tuple = (None, [])

    def starts(self, text: str) -> list[int]:
        """Sorted candidate start offsets in `text`."""
        starts, where, digits = tokens(text)
        anchors = [i for w in self.words for i in where.get(w, ())]
        if self.digits:
            anchors += digits
        lead = self.lead
        if lead == 0:
            return [starts[i] for i in sorted(anchors)]
        marks = bytearray(len(starts))
        if self.openers is not None:
            return list(compress(starts, self._opener_marks(marks, anchors, where)))
        for i in anchors:
            marks[max(0, i - lead) : i + 1] = b"\x01" * (i + 1 - max(0, i - lead))
        return list(compress(starts, marks))

    def _opener_marks(self, marks: bytearray, anchors: list[int], where: dict[str, list[int]]) -> bytearray:
        """`marks` set at each anchor and at each opener with an anchor in the `lead` tokens after it."""
        for i in anchors:
            marks[i] = 1
        chosen = bytearray(marks)
        for word in self.openers:
            for i in where.get(word, ()):
                if 1 in marks[i + 1 : i + 1 + self.lead]:
                    chosen[i] = 1
        return chosen

    def finditer(self, text: str):
        """rx.finditer(text), tried at the candidate starts only."""
        starts = self.starts(text)
        if len(starts) * DENSE > len(text):
            # Anchors everywhere ("1917, 1917, …"): one scan in C beats a call per token.
            yield from self.rx.finditer(text)
            return
        pos = 0
        for p in starts:
            if p < pos:
                continue
            m = self._match(text, p)
            if m is not None:
                yield m
                pos = m.end() if m.end() > p else p + 1

    def search(self, text: str, pos: int = 0) -> regex.Match | None:
        r"""rx.search(text, pos), tried at the candidate starts only; for rules that go on
        from a position of their own choosing. The starts are found once per text.

        Exact where a match can start only at a token start, as behind a (?<![\p{L}\d]).

        >>> Anchored(regex.compile(r"(?<!\d)\d+ men"), set(), lead=0).search("3 men, 20 men", 1).group()
        '20 men'
        """
        if self._searched[0] is not text:
            self._searched = (text, self.starts(text))
        starts = self._searched[1]
        if len(starts) * DENSE > len(text):
            return self.rx.search(text, pos)
        for i in range(bisect.bisect_left(starts, pos), len(starts)):
            m = self._match(text, starts[i])
            if m is not None:
                return m
        return None

    def _match(self, text: str, p: int) -> regex.Match | None:
        """rx.match(text, p), seeing MATCH_WINDOW characters unless the match reaches near its edge."""
        edge = p + MATCH_WINDOW
        if edge >= len(text):
            return self.rx.match(text, p)
        m = self.rx.match(text, p, edge)
        if m is not None and m.end() > edge - REACH_MARGIN:
            m = self.rx.match(text, p)
        return m
def join_neighbours(found: list[Found], joined) -> list[Found]:
    """`found` with each pair of neighbours that `joined(a, b)` makes one hit (not None)
    replaced by that hit, read left to right: a dual date, a span of two whole dates.

    >>> hits = [Found("date", 0, 1, day=1), Found("date", 2, 3, day=2), Found("date", 4, 5, day=9)]
    >>> [(f.start, f.end) for f in join_neighbours(hits, lambda a, b: Found("date", a.start, b.end) if b.day - a.day == 1 else None)]
    [(0, 3), (4, 5)]
    """
    out: list[Found] = []
    i = 0
    while i < len(found):
        both = joined(found[i], found[i + 1]) if i + 1 < len(found) else None
        out.append(both or found[i])
        i += 2 if both else 1
    return out


def calendar_mark(marks) -> str:
    r"""The optional calendar mark after a date, after a space, a comma or an opening bracket;
    a bracket it opened it also closes: " (O.S.)", ", N.S.", " (O.S.; 7 November".

    >>> rx = regex.compile(calendar_mark(["O.S."]))
    >>> [rx.match(t).group() for t in (" (O.S.)", ", O.S. then", " (O.S.; 7")]
    [' (O.S.)', ', O.S.', ' (O.S.']
    """
    return rf"(?:\s*(?:(?P<mark_open>[(\[])|,)?\s*(?P<mark>{alternation(marks)})(?!\p{{L}})(?(mark_open)(?:\s*[)\]])?))?"


APPROX_KINDS = ("about", "at_least", "at_most", "before", "after")
# Words before a figure that look like a qualifier's but state it exactly ("возросло до 25",
# "rose to 25"): a pack lists them under qualifiers: exact, so that the "до" in them is no "up to".
_COUNT_KINDS = ("exact", "about", "at_least", "at_most")


def qualifier_group(lexicon: dict, kinds=APPROX_KINDS) -> str:
    """Named groups q_about, q_at_least… for the lexicon's qualifier phrases."""
    quals = lexicon.get("qualifiers") or {}
    parts = [f"(?P<q_{k}>{alternation(quals[k])})" for k in kinds if quals.get(k)]
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def approx_of(m: regex.Match, default: str = "exact") -> str:
    r"""The kind of the first qualifier group (q_about, q_at_least…) the match took, else `default`.

    >>> approx_of(regex.match(r"(?:(?P<q_about>about)\s+)?\d+", "about 5")), approx_of(regex.match(r"\d+", "5"))
    ('about', 'exact')
    """
    for kind, group in _qualifier_groups(m.re):
        if m.group(group):
            return kind
    return default


@lru_cache(maxsize=None)
def _qualifier_groups(rx: regex.Pattern) -> tuple[tuple[str, str], ...]:
    """(kind, group name) of each qualifier group a pattern has: asking the match for these
    few costs a tenth of m.groupdict(), which builds every group of a long pattern."""
    return tuple((k, f"q_{k}") for k in ("exact", *APPROX_KINDS) if f"q_{k}" in rx.groupindex)


class CountRule:
    """Counts: "more than 70 thousand", "tres mil marinos", "several hundred", "400-500"."""

    def __init__(self, lexicon: dict, words: NumberWords, *, article_units_only: bool = True):
        self.lex = lexicon
        self.words = words
        self.scales = {fold(k): float(v) for k, v in (lexicon.get("scales") or {}).items()}
        self.vague = {fold(k): v for k, v in (lexicon.get("vague") or {}).items()}
        self.articles = {fold(a) for a in lexicon.get("articles") or []}
        self.not_counted = {fold(w) for w in lexicon.get("not_counted") or []}
        self.skip = {fold(w) for w in lexicon.get("counted_skip") or []}
        self.function_words = {fold(w) for w in lexicon.get("function_words") or []}
        # "killed 17 and wounded 60": what 17 counts is not looked for past "and".
        self.counted_stop = {fold(w) for w in lexicon.get("counted_stop") or []}
        from checker.extract.tolls import Tolls  # it builds on Anchored, defined below

        self.tolls = Tolls(lexicon)
        # A capitalised word before a figure names a thing ("Flight 302"), unless it is a month
        # or a weekday ("In March 300 people died").
        self.calendar_words = set(month_table(words.language)) | set(weekday_table(words.language, abbreviations=True))
        # "p. 45", "pp. 12-14", "vol. 3": a figure after such a word labels a page or a part.
        labels = lexicon.get("labels") or []
        self.label_rx = regex.compile(rf"(?<!\p{{L}}){alternation(labels)}\s*+$", regex.IGNORECASE) if labels else None
        self.unit_words = alternation([w for ws in (lexicon.get("units") or {}).values() for w in ws], prefix=True)
        # Compiled once: matching a long pattern string would hash it again at every hit.
        self.unit_rx = regex.compile(self.unit_words, regex.IGNORECASE)
        self.units = unit_patterns(lexicon.get("units") or {})
        self.time_units = set(lexicon.get("time_units") or [])
        self.year_prepositions = {fold(w) for w in lexicon.get("year_prepositions") or []}
        # Stems of the words a year takes where it always takes one ("год", "г."): see plain_noun_counts.
        self.year_words = [fold(w).rstrip(".") for w in lexicon.get("year_words_required") or []]
        # "two-thirds of the crew", "dos tercios", "две трети": a share, not two of anything.
        fractions = lexicon.get("fractions") or []
        self.fraction_rx = regex.compile(rf"[-\u2010\s]\s*{alternation(fractions)}(?![\p{{L}}\-\u2010])", regex.IGNORECASE) if fractions else None
        # Digits run into letters are ordinals or codes ("25th", "14-я" aside), not counts.
        num = rf"(?:(?:{DIGITS})(?!\p{{L}})|{words.pattern})"
        # Ratios: "3 out of 4", "tres de cada cuatro" (lexicon `ratios: joiners`), and after one
        # only, "one in five", "1 in 4" (`after_one`): neither figure counts anything.
        ratios = lexicon.get("ratios") or {}
        joiners_any, joiners_one = ratios.get("joiners") or [], ratios.get("after_one") or []
        either = [*joiners_any, *joiners_one]
        self.ratio_after = regex.compile(rf"\s+(?:(?P<any>{alternation(joiners_any)})|{alternation(joiners_one)})\s+(?:{num})", regex.IGNORECASE) if either else None
        self.ratio_before = regex.compile(rf"(?<![\p{{L}}\d])(?P<first>{num})\s+(?:(?P<any>{alternation(joiners_any)})|{alternation(joiners_one)})\s+$", regex.IGNORECASE) if either else None
        # Asked of every figure: a word of a joiner next to it, before any pattern is tried.
        self.ratio_first = {fold(j.split()[0]) for j in either}
        self.ratio_last = {fold(j.split()[-1]) for j in either}
        joiners = alternation(lexicon.get("range_joiners") or ["-"])
        scale = alternation(self.scales) if self.scales else "(?!)"
        noun = r"\p{L}[\p{L}'’-]*+"
        # A vague word followed by a number word other than a scale is the start of a number:
        # "тысячи трёхсот" is 1,300, not thousands.
        word = alternation(words.words) if words.words else "(?!)"
        self.rx = regex.compile(
            rf"""(?:(?<![\p{{L}}\p{{M}}]){qualifier_group(lexicon, _COUNT_KINDS)}\s+(?P<money>\p{{Sc}}\s?)?)?
            (?:(?P<vague>(?<!\p{{L}}){alternation(lexicon.get("vague") or {})}(?!\p{{L}})(?!\s+(?!{scale})(?:{word})(?!\p{{L}})))
              |(?P<a>{num})(?:\s*(?P<scale_a>{scale}))?\s*(?:{joiners}|[-–—])\s*(?P<b>{num})
              |(?P<n>{num}))
            (?:\s*(?P<scale>(?<!\p{{L}}){scale}(?:\s+{scale})?(?!\p{{L}})))?
            (?P<pct>\s?%)?
            (?=(?:[\s\xa0]+|-(?={self.unit_words}))(?P<counted>{noun}(?:\s+{noun}){{0,2}}))?""",
            regex.IGNORECASE | regex.VERBOSE,
        )
        # A count holds a digit, a number word or a vague quantity right after its qualifier.
        quals = [q for qs in (lexicon.get("qualifiers") or {}).values() for q in qs or []]
        self.lead = 1 + max((len(TOKEN.findall(q)) for q in quals), default=0)
        self.anchors = anchor_words([*words.words, *(lexicon.get("vague") or {}), *self.scales])
        # A match opens with a qualifier, a vague quantity, a number word or digits.
        openers = first_tokens([*quals, *(lexicon.get("vague") or {}), *words.words])
        self.scan = Anchored(self.rx, self.anchors, self.lead, openers=openers)

    def counts_not_year(self, m: regex.Match, text: str | None = None) -> bool:
        """Whether four digits taken for a year count the noun right after them instead: one
        the unit vocabulary knows and not a span of time ("más de 1500 personas", "entre 1490
        y 1635 personas", "погибли 1517 человек"), with no preposition of time (lexicon
        `year_prepositions`) before a figure that has no qualifier ("en 1917 soldados…").
        Ranges skip that last test (`text` None): "от 1490 до 1635 человек".

        >>> rule = CountRule({"units": {"people": ["personas"], "years": ["años"]}, "time_units": ["years"], "year_prepositions": ["en"]}, NumberWords("es"))
        >>> [rule.counts_not_year(rule.rx.search(t), t) for t in ("1500 personas", "1500 años", "en 1500 personas")]
        [True, False, False]
        """
        unit = unit_of(self.units, m.group("counted"))
        if unit is None and text is not None and self.tolls.before(text, m.start()) is not None:
            return True  # "число погибших достигло 1234"
        if unit is None and self.plain_noun_counts(m, text):
            return True  # "свыше 1200 автобусов": a year would be "1200 года"
        if unit is None or unit in self.time_units:
            return False
        if text is None or approx_of(m) != "exact":
            return True
        return not self._after_year_preposition(text, m.start())

    def plain_noun_counts(self, m: regex.Match, text: str | None) -> bool:
        """Where a year is written with its word ("1905 год", lexicon `year_words_required`),
        four digits before a lower-case noun that is no year word and after no preposition
        of time count that noun: "свыше 1200 автобусов", "2000 танков"; not "в 1905 году"."""
        if not self.year_words or not m.group("counted"):
            return False
        noun = fold(m.group("counted").split()[0]).rstrip(".")
        if not m.group("counted")[:1].islower() or any(noun == w or (len(w) > 2 and noun.startswith(w)) for w in self.year_words):
            return False
        return text is None or not self._after_year_preposition(text, m.start())

    def _after_year_preposition(self, text: str, start: int) -> bool:
        """Whether the word before `start` is a preposition of time ("en 1917", "в 1905")."""
        before = text[max(0, start - 12) : start].split()
        return bool(before) and fold(before[-1]) in self.year_prepositions

    def unit_before(self, text: str, start: int) -> tuple[int, str | None]:
        """Where a count with nothing counted after it starts, and what it counts: the word
        right before it when the unit vocabulary knows that word and it is no span of time
        ("killed 17", "погибли 1517"); else `start` and None.

        >>> rule = CountRule({"units": {"killed": ["killed"]}}, NumberWords("en"))
        >>> rule.unit_before("The strike killed 17", 18), rule.unit_before("He saw 17", 7)
        ((11, 'killed'), (7, None))
        """
        word = word_before(text, start)
        unit = unit_of(self.units, word, whole=True)
        if unit is None or unit in self.time_units:
            return start, None
        return text.rindex(word, 0, start), word

    def scale_of(self, written: str | None) -> float:
        """The factor of the scale words after a number: "сотен тысяч" is 100 x 1000.

        >>> CountRule({"scales": {"сотен": 100, "тысяч": 1000}}, NumberWords("ru")).scale_of("сотен  тысяч")
        100000.0
        """
        factor = 1.0
        for word in (written or "").split():
            factor *= self.scales.get(fold(word), 1.0)
        return factor

    def number(self, written: str) -> float | None:
        if _DIGIT.match(ascii_digits(written)):
            return parse_number(written)
        return self.words.value(written)

    def shared_scale(self, written: str) -> float:
        """The scale word (a thousand or more) ending a run of number words, which the range's
        first number shares: "три тысячи" -> 1000, "3" -> 1.

        >>> CountRule({}, NumberWords("ru")).shared_scale("трёх тысяч")
        1000.0
        """
        words = _LETTERS.findall(written)
        value = self.words.words.get(fold(words[-1]), 1.0) if words else 1.0
        return value if value >= 1000 else 1.0

    def words_after(self, hit: Found, m: regex.Match) -> list[tuple[str, int]]:
        """The words (up to three) after the number of a hit, each without its trailing
        punctuation and with where it ends in the text, read off the hit's match (`hits`): for
        a pack to pick the counted noun where its language puts it. None for a hit that starts
        before its number ("killed 17", a toll): what it counts stands there.

        >>> rule = CountRule({}, NumberWords("en"))
        >>> rule.words_after(*next(rule.hits("two rival governments, then")))
        [('rival', 9), ('governments', 21)]
        """
        if hit.start != m.start() or not m.group("counted"):
            return []
        base = m.start("counted")
        out = []
        for w in _NON_BLANK.finditer(m.group("counted")):
            word = w.group().strip(".,;:")
            out.append((word, base + w.start() + len(word)))
        return out

    def counted_noun(self, m: regex.Match) -> tuple[str | None, int]:
        """The counted noun and where it ends: the first of up to three following words that
        the unit vocabulary knows, else the first one."""
        if not m.group("counted"):
            return None, m.end()
        base = m.start("counted")
        words = list(_NON_BLANK.finditer(m.group("counted")))
        stop = next((i for i, w in enumerate(words) if fold(w.group()) in self.counted_stop), len(words))
        words = words[:stop]
        for w in words:
            if self.unit_rx.match(w.group()):
                return w.group().strip(".,;:"), base + w.end()
        first = next((w for w in words if fold(w.group()) not in self.skip), None)
        if first is None:
            return None, m.end()
        return first.group().strip(".,;:"), base + first.end()

    def _measure_first(self, m: regex.Match) -> bool:
        """Whether the word right after the number is one that shows no count (`not_counted`).

        >>> rule = CountRule({"not_counted": ["inch"]}, NumberWords("en"))
        >>> rule._measure_first(rule.rx.match("6 inch guns")), rule._measure_first(rule.rx.match("6 guns"))
        (True, False)
        """
        first = _NON_BLANK.match(m.group("counted") or "")
        return first is not None and fold(first.group().strip(".,;:")) in self.not_counted

    def _in_ratio(self, text: str, m: regex.Match, value: float | None, before: str) -> bool:
        """Whether a figure is either side of a ratio: "3 out of 4 residents", "one in five
        children", "uno de cada diez niños"; "in" only after one ("killed 12 in 4 villages").
        `before`: the word right before the match (word_before).

        >>> rule = CountRule({"ratios": {"joiners": ["out of"], "after_one": ["in"]}}, NumberWords("en"))
        >>> at = lambda t, figure: rule._in_ratio(t, rule.rx.search(t, t.index(figure)), rule.number(figure), word_before(t, t.index(figure)))
        >>> at("3 out of 4 residents", "3"), at("3 out of 4 residents", "4"), at("one in five children", "five"), at("killed 12 in 4 villages", "4")
        (True, True, True, False)
        """
        if self.ratio_after is None or m.group("a") or m.group("vague"):
            return False
        end = _end_of_number(m)
        next_word = text[end : end + 16].split(None, 1)
        if next_word and fold(next_word[0]) in self.ratio_first:
            after = self.ratio_after.match(text, end)
            if after is not None and (after.group("any") or value == 1):
                return True
        if fold(before) not in self.ratio_last:
            return False
        before = self.ratio_before.search(text, max(0, m.start() - 40), m.start())
        return before is not None and (before.group("any") is not None or self.number(before.group("first")) == 1)

    def _names_a_thing(self, text: str, m: regex.Match, word: str) -> bool:
        """Whether bare digits are a name's number rather than a count: glued to letters by a
        hyphen ("Tu-154", "COVID-19"), or after a capitalised word inside a sentence that is no
        month or weekday ("Flight 302", "Boeing 737"). `word`: the word right before the match.

        >>> rule = CountRule({}, NumberWords("en"))
        >>> at = lambda t, figure: rule._names_a_thing(t, rule.rx.search(t, t.index(figure)), word_before(t, t.index(figure)))
        >>> at("All aboard Flight 302 died", "302"), at("Tu-154 crashed", "154"), at("In March 300 people died", "300"), at("about 300", "about")
        (True, True, False, False)
        """
        n = m.group("n")
        if not n or not n[:1].isdecimal() or m.start() != m.start("n"):
            return False
        pos = m.start()
        if pos >= 2 and text[pos - 1] in "-\u2010" and text[pos - 2].isalpha():
            return True
        if not word or not word[:1].isupper() or fold(word) in self.calendar_words:
            return False
        return not _opens_sentence(text, text.rindex(word, 0, pos))

    def __call__(self, text: str) -> Iterator[Found]:
        for hit, _ in self.hits(text):
            yield hit

    def hits(self, text: str) -> Iterator[tuple[Found, regex.Match]]:
        """Each count with the match it was read from, for `words_after`."""
        for m in self.scan.finditer(text):
            before = word_before(text, m.start())
            if _lone_figure(m) and not self.unit_rx.fullmatch(before) and not self.tolls.near(text, m.start()) and not _money_before(text, m.start()):
                continue  # the commonest match, skipped before any work: keeps long texts fast
            approx = approx_of(m)
            scale = self.scale_of(m.group("scale"))
            if m.group("vague"):
                lo, hi = self.vague[fold(m.group("vague"))]
                if hi < 1 and scale == 1.0:
                    continue  # "half a" counts only before a scale word: "half a million"
                if approx == "exact":
                    # "a dozen", "una treintena", "полсотни": one round figure, about; "several" a range.
                    approx = "about" if lo == hi else "range"
                lo, hi = times(lo, scale), times(hi, scale)
            elif m.group("a"):
                scale_a = self.scales.get(fold(m.group("scale_a") or ""), scale)
                lo, hi = self.number(m.group("a")), self.number(m.group("b"))
                if lo is None or hi is None:
                    continue
                lo, hi = times(lo, scale_a), times(hi, scale)
                if not m.group("scale_a") and lo * self.shared_scale(m.group("b")) < hi:
                    lo *= self.shared_scale(m.group("b"))  # "two to three thousand": 2000-3000
                if not lo < hi or (looks_like_year(m.group("a"), lo) and looks_like_year(m.group("b"), hi) and not self.counts_not_year(m)):
                    continue
                approx = "range"
            else:
                written = m.group("n")
                value = self.number(written)
                if value is None:
                    continue
                if fold(written) in self.articles and not m.group("scale"):
                    # "a", "un", "one": a count only before a known unit ("un soldado").
                    noun = m.group("counted") or ""
                    if not self.unit_rx.match(noun):
                        continue
                if looks_like_year(written, value) and not m.group("scale") and not self.counts_not_year(m, text):
                    continue
                if written[:1].isupper() and written[:1].isalpha() and (not _opens_sentence(text, m.start("n")) or _title_case(text, m.end("n"))):
                    continue  # a capitalised number word inside a sentence, or before Title Case, is a title: "Ten Days"
                lo = hi = times(value, scale)
            if self._names_a_thing(text, m, before):
                continue
            if self._in_ratio(text, m, lo, before):
                continue
            if self.fraction_rx is not None and self.fraction_rx.match(text, _end_of_number(m)):
                continue
            counted, end = self.counted_noun(m)
            # "$2 million": the sign says what is counted, whatever follows.
            money = _CURRENCY_BEFORE.search(text, max(0, m.start() - 4), m.start()) if _money_before(text, m.start()) else None
            if money is not None or m.group("money"):
                counted, end = (money.group() if money is not None else m.group("money")).strip(), _end_of_number(m)
            if counted and (fold(counted) in self.not_counted or self._measure_first(m)):
                continue  # "6 inch guns": a calibre, though "guns" is what the units know
            if counted and fold(counted) in self.function_words:
                counted = None
            start, unit = (money.start() if money is not None else m.start()), None
            if not (m.group("pct") or m.group("vague")):
                if not counted:
                    start, counted = self.unit_before(text, start)
                    end = _end_of_number(m)
                # "the death toll rose to 1,234 on Tuesday": the toll says what is counted.
                toll = self.tolls.before(text, m.start()) if not counted or not self.unit_rx.match(counted) else None
                if toll is not None:
                    (start, counted, unit), end = toll, _end_of_number(m)
            bare = not (counted or m.group("pct") or m.group("scale") or m.group("vague") or m.group("a"))
            stated = "q_exact" in m.re.groupindex and m.group("q_exact")  # "выросло до 31" states a total
            if bare and approx == "exact" and not stated and _DIGIT.match(ascii_digits(m.group("n") or "")):
                continue  # a lone figure counts nothing we can name: a citation, a page, a label
            if self.label_rx is not None and approx_of(m) == "exact" and self.label_rx.search(text, max(0, m.start() - 16), m.start()):
                continue
            if m.group("pct"):
                counted, end = "%", m.end("pct")
            if approx == "at_least":
                lo, hi = lo, None
            elif approx == "at_most":
                lo, hi = None, hi
            yield Found("count", start, end if counted else _end_of_number(m), approx=approx, low=lo, high=hi, counted=counted, unit=unit), m


_CURRENCY_BEFORE = regex.compile(r"(?:\p{Sc}|US\$|R\$)\s?$")


def _money_before(text: str, pos: int) -> bool:
    """Whether a currency sign stands right before `pos`, a space between or not ("$2", "€ 5"):
    one look at a character, as it is asked of every figure.

    >>> _money_before("cost $2", 6), _money_before("cost € 5", 7), _money_before("cost 5", 5)
    (True, True, False)
    """
    ch = text[pos - 1] if pos > 0 else ""
    if ch == " " and pos > 1:
        ch = text[pos - 2]
    return bool(ch) and unicodedata.category(ch) == "Sc"


def times(value: float, factor: float) -> float:
    """A figure times its scale, without binary fractions: 8.2 million is 8,200,000.

    >>> times(8.2, 1e6), times(3, 1.0)
    (8200000.0, 3)
    """
    return value if factor == 1.0 else round(value * factor, 6)


def _lone_figure(m: regex.Match) -> bool:
    """Digits with no qualifier, scale, percent sign or word after them count nothing we can
    name (a citation, a page, a label): the same figures the end of CountRule.__call__ drops."""
    n = m.group("n")
    return bool(n) and n[:1].isdecimal() and m.start() == m.start("n") and not (m.group("counted") or m.group("pct") or m.group("scale"))


def word_before(text: str, pos: int) -> str:
    """The word that ends right before `pos`, across spaces only, or "".

    >>> word_before("they killed 17", 12), word_before("(17", 1), word_before("p. 17", 3)
    ('killed', '', '')
    """
    head = text[max(0, pos - 24) : pos]
    stripped = head.rstrip()
    if len(stripped) == len(head) or not stripped[-1:].isalpha():
        return ""
    word = stripped.rsplit(None, 1)[-1]
    return word if word.isalpha() and (len(word) < len(stripped) or pos <= 24) else ""


def looks_like_year(written: str, value: float) -> bool:
    """Four bare digits between 1000 and 2100.

    >>> looks_like_year("1917", 1917), looks_like_year("1,917", 1917)
    (True, False)
    """
    return bool(_FOUR_DIGITS.fullmatch(ascii_digits(written))) and 1000 <= value <= 2100


_TITLE_WORDS = regex.compile(r"\s+\p{Lu}\p{Ll}*+\s+\p{Lu}\p{Ll}*+(?!\p{L})")


def _title_case(text: str, pos: int) -> bool:
    """Whether the two words after `pos` are capitalised: a title ("October: Ten Days That
    Shook the World"), not a count ("Two Cossack regiments").

    >>> _title_case("Ten Days That Shook", 3), _title_case("Two Cossack regiments", 3)
    (True, False)
    """
    return _TITLE_WORDS.match(text, pos) is not None


def _opens_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip(" \t\"'«“(")
    return not before or before[-1] in ".!?:;\n-—–•*"


def _end_of_number(m: regex.Match) -> int:
    for g in ("pct", "scale", "b", "n", "vague"):
        if m.group(g):
            return m.end(g)
    return m.end()
