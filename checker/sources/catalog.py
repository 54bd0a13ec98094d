"""The optional catalog of an event: its entities, events, topics and categorical attributes.

Everything specific to one event lives here, in the corpus, never in the code. See
docs/corpus-format.md for the format.
"""
from __future__ import annotations

import difflib
import re
import tomllib
from pathlib import Path
from typing import Annotated, Literal

import regex
import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from checker.errors import CatalogError
from checker.sources.strict_yaml import UniqueKeyLoader


def _non_blank(phrase: str) -> str:
    """A phrase must hold something to look for: an empty one would match everywhere.

    >>> _non_blank("the palace")
    'the palace'
    """
    if not phrase.strip():
        raise ValueError("a phrase must not be empty")
    return phrase


Phrase = Annotated[str, AfterValidator(_non_blank)]
# Cue and alias lists: language code -> phrases. "*" holds phrases for every language.
Phrases = dict[str, list[Phrase]]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Entity(_Strict):
    label: str
    aliases: Phrases = Field(default_factory=dict)
    patterns: list[str] = Field(default_factory=list)


class Event(_Strict):
    label: str
    cues: Phrases = Field(default_factory=dict)
    # A report or announcement of something ("was told", "announced"), not the thing itself.
    reported: bool = False


class Topic(_Strict):
    label: str
    kind: Literal["time", "date", "count", "choice"]
    events: list[str] = Field(default_factory=list)
    entities: list[str] = Field(default_factory=list)
    units: list[str] = Field(default_factory=list)
    # Topics whose values are parts of this one's (killed ⊂ casualties): a scope difference.
    includes: list[str] = Field(default_factory=list)


class Attribute(_Strict):
    label: str
    subject: str
    values: dict[str, Phrases]
    window: int = Field(160, ge=0)

    @field_validator("values")
    @classmethod
    def _values(cls, value: dict[str, Phrases]) -> dict[str, Phrases]:
        if len(value) < 2:
            raise ValueError("an attribute needs at least two possible values")
        return value


class Catalog(_Strict):
    title: str = ""
    path: str | None = None
    entities: dict[str, Entity] = Field(default_factory=dict)
    events: dict[str, Event] = Field(default_factory=dict)
    topics: dict[str, Topic] = Field(default_factory=dict)
    attributes: dict[str, Attribute] = Field(default_factory=dict)
    units: dict[str, Phrases] = Field(default_factory=dict)

    def phrases(self, table: dict[str, Phrases] | Phrases, language: str) -> list[str]:
        """The phrases of one language plus the language-neutral '*' ones."""
        return [*table.get(language, []), *table.get("*", [])]


def _line_of(raw: str, needle: str) -> int | None:
    for i, line in enumerate(raw.splitlines(), start=1):
        if needle and needle in line:
            return i
    return None


def _yaml_line(raw: str, loc: tuple) -> int | None:
    r"""1-based line of the deepest node of `loc` (keys and list indexes) that the YAML text has;
    None when the text is not YAML.

    >>> _yaml_line("topics:\n  t:\n    events: [a, b]\n", ("topics", "t", "events", 1))
    3
    >>> _yaml_line("topics:\n  t:\n    label: x\n", ("topics", "t", "kind"))
    2
    """
    try:
        node = yaml.compose(raw, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return None
    line = None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            hit = next(((k, v) for k, v in node.value if getattr(k, "value", None) == str(part)), None)
            if hit is None:
                break
            line, node = hit[0].start_mark.line + 1, hit[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _where(raw: str, loc: tuple, fallback: str = "") -> int | None:
    """The line of a place in the catalog: by YAML structure, else by searching the text."""
    return _yaml_line(raw, loc) or (_line_of(raw, fallback) if fallback else None)


def _did_you_mean(name: str, known) -> str:
    """A hint naming the likeliest of the defined names.

    >>> _did_you_mean("colision", ["collision", "storming"])
    "did you mean 'collision'?"
    """
    close = difflib.get_close_matches(name, sorted(known), n=1)
    if close:
        return f"did you mean {close[0]!r}?"
    return f"defined: {', '.join(sorted(known))}" if known else "the catalog defines none"


def check_pattern(pattern: str) -> str | None:
    """Why an entity pattern cannot be used, or None. Patterns join one alternation of all
    phrases (checker.normalize.mentions.PhraseFinder), so each must compile there too and must
    not match empty text, which would mark every position of every source.

    >>> check_pattern(r"Titanic|Olympic") is None, check_pattern("Titan(ic"), check_pattern("x*")
    (True, 'missing ) at position 8', 'it matches empty text')
    """
    try:
        regex.compile(pattern, regex.IGNORECASE)
        rx = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:(?P<g0>x)|(?P<g1>{pattern}))(?![\p{{L}}\p{{N}}])", regex.IGNORECASE)
    except (regex.error, OverflowError, RecursionError, ValueError) as exc:
        return str(exc)
    if regex.fullmatch(pattern, "", regex.IGNORECASE):
        return "it matches empty text"
    del rx
    return None


def _cross_check(cat: Catalog, raw: str, path: str) -> None:
    for name, topic in cat.topics.items():
        for field_name, table, what in (("events", cat.events, "event"), ("entities", cat.entities, "entity"), ("includes", cat.topics, "topic")):
            for i, ref in enumerate(getattr(topic, field_name)):
                if ref not in table:
                    raise CatalogError(
                        f"topic {name!r} names {what} {ref!r}, which the catalog does not define",
                        path=path,
                        line=_where(raw, ("topics", name, field_name, i), ref),
                        hint=f"define it under {field_name if what != 'topic' else 'topics'}: or fix the name; {_did_you_mean(ref, table)}",
                    )
    for name, attr in cat.attributes.items():
        if attr.subject not in cat.entities:
            raise CatalogError(
                f"attribute {name!r}: subject {attr.subject!r} is not an entity of the catalog",
                path=path,
                line=_where(raw, ("attributes", name, "subject"), attr.subject),
                hint=f"define it under entities: or fix the name; {_did_you_mean(attr.subject, cat.entities)}",
            )
    for name, ent in cat.entities.items():
        for i, pattern in enumerate(ent.patterns):
            problem = check_pattern(pattern)
            if problem:
                raise CatalogError(
                    f"entity {name!r}: invalid pattern {pattern!r}: {problem}",
                    path=path,
                    line=_where(raw, ("entities", name, "patterns", i), pattern),
                    hint="patterns are regular expressions (Python 'regex' syntax); escape ( ) [ ] . * + ? with a backslash to match them literally",
                )


# Plain words for pydantic's error types; the rest keep pydantic's own message.
_PLAIN = {
    "list_type": "must be a list, e.g. [first, second]",
    "dict_type": "must be a mapping of names to values (key: value lines)",
    "model_type": "must be a mapping of keys (label:, ...)",
    "string_type": "must be a string",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "missing": "is missing",
    "extra_forbidden": "is not a key the catalog knows",
}

_KNOWN_KEYS = {
    "": "title, entities, events, topics, attributes, units",
    "entities": "label, aliases, patterns",
    "events": "label, cues, reported",
    "topics": "label, kind, events, entities, units, includes",
    "attributes": "label, subject, values, window",
}


def _validation_error(exc: ValidationError, raw: str, path: str) -> CatalogError:
    """The first of pydantic's complaints as one line with its place in the file."""
    err = exc.errors()[0]
    loc = tuple(err["loc"])
    where = ".".join(str(p) if isinstance(p, int) or regex.fullmatch(r"[\w-]+", str(p)) else repr(p) for p in loc) or "the catalog"
    message = f"{where} {_PLAIN[err['type']]}" if err["type"] in _PLAIN else f"{where}: {err['msg'].removeprefix('Value error, ')}"
    hint = "see docs/corpus-format.md"
    if err["type"] in ("extra_forbidden", "missing"):
        section = str(loc[0]) if len(loc) > 2 else ""
        hint = f"known keys here: {_KNOWN_KEYS.get(section, '')}; see docs/corpus-format.md"
    key = next((str(p) for p in reversed(loc) if not isinstance(p, int)), "")
    return CatalogError(message, path=path, line=_where(raw, loc, key + ":" if key else ""), hint=hint)


# Expanded through YAML aliases, a catalog larger than this is an alias bomb, not a catalog.
MAX_NODES = 1_000_000


def _expanded_size(data, limit: int = MAX_NODES) -> int:
    """How many values `data` holds with every shared (aliased) part counted each time it is
    used, up to `limit`.

    >>> shared = ["x"] * 10
    >>> _expanded_size({"a": [shared, shared]})
    25
    """
    sizes: dict[int, int] = {}

    def size(node) -> int:
        if not isinstance(node, (dict, list)):
            return 1
        if id(node) in sizes:
            return sizes[id(node)]
        sizes[id(node)] = limit  # a cycle counts as too large
        items = [*node.keys(), *node.values()] if isinstance(node, dict) else node
        total = 1
        for item in items:
            total += size(item)
            if total >= limit:
                break
        sizes[id(node)] = min(total, limit)
        return sizes[id(node)]

    return size(data)


def _parse(raw: str, file: Path, path: str):
    """The catalog's data, from YAML (or TOML for a .toml file)."""
    try:
        return tomllib.loads(raw) if file.suffix == ".toml" else yaml.load(raw, Loader=UniqueKeyLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        line = mark.line + 1 if mark else None
        if UniqueKeyLoader.is_repeat(exc):
            raise CatalogError(problem, path=path, line=line, hint="merge the two entries or rename one")
        raise CatalogError(f"YAML syntax error: {problem}", path=path, line=line, hint="fix the YAML (indentation, quotes, brackets); see docs/corpus-format.md")
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"at line (\d+)", str(exc))
        message = re.sub(r"\s*\(at line.*\)$", "", str(exc))
        raise CatalogError(f"TOML syntax error: {message}", path=path, line=int(m.group(1)) if m else None, hint="fix the TOML syntax")
    except RecursionError:
        raise CatalogError("nested too deeply to read", path=path, hint="a catalog needs only a few levels of nesting")


def load_catalog(file: Path) -> Catalog:
    """Read and check a catalog.yaml / catalog.toml."""
    path = str(file)
    try:
        raw = file.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        line = file.read_bytes()[: exc.start].count(b"\n") + 1
        raise CatalogError(f"not valid UTF-8 at byte {exc.start}", path=path, line=line, hint="save the catalog as UTF-8")
    except OSError as exc:
        raise CatalogError(f"cannot be read: {exc.strerror or exc}", path=path, hint="check its permissions")
    data = _parse(raw, file, path)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise CatalogError("the catalog must be a mapping of entities, events, topics and attributes", path=path, hint="start it with lines such as 'entities:'")
    if _expanded_size(data) >= MAX_NODES:
        raise CatalogError(f"more than {MAX_NODES:,} values once YAML aliases are expanded", path=path, hint="write the lists out; do not nest aliases")
    try:
        cat = Catalog.model_validate({**data, "path": path})
    except ValidationError as exc:
        raise _validation_error(exc, raw, path)
    except RecursionError:
        raise CatalogError("nested too deeply to read", path=path, hint="a catalog needs only a few levels of nesting")
    _cross_check(cat, raw, path)
    return cat
