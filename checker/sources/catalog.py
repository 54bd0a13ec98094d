"""The optional catalog of an event: its entities, events, topics and categorical attributes.

Everything specific to one event lives here, in the corpus, never in the code. See
docs/corpus-format.md for the format.
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Literal

import regex
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from checker.errors import CatalogError

# Cue and alias lists: language code -> phrases. "*" holds phrases for every language.
Phrases = dict[str, list[str]]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _check_phrases(value: Phrases) -> Phrases:
    for lang, items in value.items():
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
            raise ValueError(f"the {lang!r} list must be a list of non-empty strings")
    return value


class Entity(_Strict):
    label: str
    aliases: Phrases = Field(default_factory=dict)
    patterns: list[str] = Field(default_factory=list)

    _phrases = field_validator("aliases")(_check_phrases)


class Event(_Strict):
    label: str
    cues: Phrases = Field(default_factory=dict)
    # A report or announcement of something ("was told", "announced"), not the thing itself.
    reported: bool = False

    _phrases = field_validator("cues")(_check_phrases)


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
    window: int = 160

    @field_validator("values")
    @classmethod
    def _values(cls, value: dict[str, Phrases]) -> dict[str, Phrases]:
        if len(value) < 2:
            raise ValueError("an attribute needs at least two possible values")
        for phrases in value.values():
            _check_phrases(phrases)
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


def _cross_check(cat: Catalog, raw: str, path: str) -> None:
    for name, topic in cat.topics.items():
        for ref, table in (*((e, cat.events) for e in topic.events), *((e, cat.entities) for e in topic.entities)):
            if ref not in table:
                raise CatalogError(f"topic {name!r} names {ref!r}, which the catalog does not define", path=path, line=_line_of(raw, ref))
    for name, attr in cat.attributes.items():
        if attr.subject not in cat.entities:
            raise CatalogError(f"attribute {name!r}: subject {attr.subject!r} is not an entity of the catalog", path=path, line=_line_of(raw, attr.subject))
    for name, ent in cat.entities.items():
        for pattern in ent.patterns:
            try:
                regex.compile(pattern)
            except regex.error as exc:
                raise CatalogError(f"entity {name!r}: invalid pattern {pattern!r}: {exc}", path=path, line=_line_of(raw, pattern))


def load_catalog(file: Path) -> Catalog:
    """Read and check a catalog.yaml / catalog.toml."""
    path = str(file)
    try:
        raw = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"cannot be read: {exc}", path=path)
    try:
        data = tomllib.loads(raw) if file.suffix == ".toml" else yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise CatalogError(f"YAML syntax error: {problem}", path=path, line=mark.line + 1 if mark else None)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"at line (\d+)", str(exc))
        raise CatalogError(f"TOML syntax error: {exc}", path=path, line=int(m.group(1)) if m else None)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise CatalogError("the catalog must be a mapping of entities, events, topics and attributes", path=path)
    try:
        cat = Catalog.model_validate({**data, "path": path})
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = [str(p) for p in err["loc"]]
        where = ".".join(loc)
        key = next((p for p in reversed(loc) if not p.isdigit()), "")
        raise CatalogError(f"{where}: {err['msg']}", path=path, line=_line_of(raw, key + ":") or _line_of(raw, key))
    _cross_check(cat, raw, path)
    return cat
