"""The shape every language pack has: rules that find claims, and a small vocabulary."""
from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from functools import cached_property
from pathlib import Path

import regex
import yaml

from checker.extract.found import Found
from checker.extract.phrases import fold, unit_of, unit_patterns
from checker.sources.strict_yaml import UniqueKeyLoader

Rule = Callable[[str], Iterable[Found]]


class LexiconLoader(UniqueKeyLoader):
    """YAML 1.1 reads the words y, n, yes, no, on and off as booleans: in a word list they are
    words (Spanish "y", English "on"), so only true/false stay booleans. A key given twice is
    an error (UniqueKeyLoader)."""


LexiconLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
LexiconLoader.add_implicit_resolver("tag:yaml.org,2002:bool", regex.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load_lexicon(path: Path) -> dict:
    """A pack's lexicon.yaml, its words kept as words (see LexiconLoader).

    >>> yaml.load("joiners: [y, o, on]", Loader=LexiconLoader)
    {'joiners': ['y', 'o', 'on']}
    """
    return yaml.load(path.read_text(encoding="utf-8"), Loader=LexiconLoader) or {}

# A sentence ends at . ! ? … (optionally closed by quotes or brackets, and by reference marks
# such as Wikipedia's "[12]") followed by white space, or at a line break. Abbreviations of one or
# two letters ("a. m.", "O.S.") do not end one.
_SENTENCE_END = regex.compile(r"(?<!\b\p{L}{1,2})[.!?…][»\"'”)\]]*+(?:\[[^\[\]\s]{1,12}\])*+(?=\s)|\n+")


def sentence_spans(text: str, ends: regex.Pattern) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, a sentence ending where `ends` matches; the text
    after the last end is a sentence too.

    >>> sentence_spans("One. Two", regex.compile(r"[.](?=\\s)"))
    [(0, 4), (4, 8)]
    """
    spans, start = [], 0
    for m in ends.finditer(text):
        if m.end() > start:
            spans.append((start, m.end()))
            start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


class LanguagePack:
    """One language: its rules (functions text -> Found hits) and its `lexicon.yaml`.

    The lexicon holds `units` (canonical unit -> words for what is counted), `events`
    (predicate -> cue words, with `reported: true` for announcement verbs), and anything the
    pack's rules read themselves.
    """

    def __init__(self, code: str, folder: Path | str, rules: Iterable[Rule] = (), reading: Callable[[str], str] | None = None):
        self.code = code
        self.folder = Path(folder)
        self.rules = list(rules)
        self._reading = reading

    def reading(self, text: str) -> str:
        """The text as the rules and topic binding read it: the same length, so every offset
        holds, with what the pack must not read blanked (Spanish Wikipedia's "[12]" marks).
        One string for both, so its tokens are made once."""
        return self._reading(text) if self._reading else text

    def __repr__(self) -> str:
        return f"LanguagePack({self.code!r})"

    @cached_property
    def lexicon(self) -> dict:
        path = self.folder / "lexicon.yaml"
        return load_lexicon(path) if path.is_file() else {}

    def find(self, text: str) -> list[Found]:
        """Every hit of every rule in a text as `reading` gives it, in text order."""
        hits = [f for rule in self.rules for f in rule(text)]
        hits.sort(key=lambda f: (f.start, -f.end))
        return hits

    def sentences(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each sentence; a pack overrides it where the script needs."""
        return sentence_spans(text, _SENTENCE_END)

    @cached_property
    def _units(self) -> list[tuple[regex.Pattern, str]]:
        return unit_patterns(self.lexicon.get("units") or {})

    def unit_of(self, counted: str | None) -> str | None:
        """Canonical unit of a counted noun, when the lexicon knows it.

        The unit words are stems: "marin" covers marinos, marineros.
        """
        return unit_of(self._units, counted)

    @cached_property
    def event_cues(self) -> dict[str, dict]:
        """Built-in predicates: event -> {"cues": [...], "reported": bool}."""
        return self.lexicon.get("events") or {}


def sentence_index(spans: list[tuple[int, int]]) -> Callable[[int], int]:
    """A function giving the index of the sentence that holds a character offset."""
    starts = [s for s, _ in spans]
    return lambda pos: max(0, bisect.bisect_right(starts, pos) - 1)


def folded_phrases(words: Iterable[str]) -> set[str]:
    return {fold(w) for w in words}
