"""A corpus: a folder with `corpus.toml`, its source files and an optional catalog."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from checker.errors import CorpusError
from checker.extract.lang import has_pack, pack_code
from checker.sources.catalog import Catalog, load_catalog

CORPUS_KEYS = {"title", "default_year", "catalog", "description"}
SOURCE_KEYS = {"id", "path", "language", "title", "origin", "licence", "license", "calendar", "encoding", "url"}
REQUIRED_SOURCE_KEYS = ("id", "path", "language")
CALENDARS = ("julian", "gregorian", "unspecified")
_LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_ID = re.compile(r"^[\w.-]+$")


@dataclass(frozen=True)
class SourceSpec:
    """One `[[source]]` of the manifest, its path checked to stay inside the corpus."""

    id: str
    path: str
    file: Path
    language: str
    title: str = ""
    origin: str = ""
    licence: str = ""
    calendar: str = "unspecified"
    encoding: str = "utf-8"
    url: str = ""


@dataclass
class Corpus:
    root: Path
    title: str
    sources: list[SourceSpec]
    default_year: int | None = None
    catalog: Catalog = field(default_factory=Catalog)
    manifest: str = ""

    def describe(self) -> dict:
        return {"title": self.title, "path": str(self.root), "default_year": self.default_year, "catalog": self.catalog.path}


def bundled_corpus_path() -> Path:
    """The October 1917 corpus shipped with claimcheck: `claims/` in a checkout, package data
    (`checker/corpora`) in an installed wheel."""
    checkout = Path(__file__).resolve().parents[2] / "claims" / "october-1917"
    if (checkout / "corpus.toml").is_file():
        return checkout
    return Path(str(resources.files("checker") / "corpora" / "october-1917"))


def _line_of(raw: str, pattern: str, after: int = 0) -> int | None:
    """1-based line of the first line at or after line `after` matching `pattern`."""
    rx = re.compile(pattern)
    for i, line in enumerate(raw.splitlines()[after:], start=after + 1):
        if rx.search(line):
            return i
    return None


def _source_lines(raw: str) -> list[int]:
    return [i for i, line in enumerate(raw.splitlines(), start=1) if re.match(r"\s*\[\[\s*source\s*\]\]", line)]


def _inside(root: Path, candidate: Path) -> bool:
    try:
        candidate.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False


def _parse_source(entry: object, index: int, raw: str, root: Path, manifest: str, seen: dict[str, int]) -> SourceSpec:
    header_lines = _source_lines(raw)
    line = header_lines[index] if index < len(header_lines) else None

    def fail(message: str, key: str | None = None, hint: str = "") -> CorpusError:
        at = _line_of(raw, rf"^\s*{re.escape(key)}\s*=", (line or 1) - 1) if key else None
        return CorpusError(message, path=manifest, line=at or line, hint=hint)

    if not isinstance(entry, dict):
        raise fail("each [[source]] must be a table of keys")
    unknown = sorted(set(entry) - SOURCE_KEYS)
    if unknown:
        raise fail(f"unknown key {unknown[0]!r} in [[source]]", unknown[0], f"known keys: {', '.join(sorted(SOURCE_KEYS))}")
    for key in REQUIRED_SOURCE_KEYS:
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise fail(f"[[source]] number {index + 1} needs a {key!r} (a non-empty string)")
    sid = entry["id"]
    if not _ID.match(sid):
        raise fail(f"source id {sid!r} may hold only letters, digits, '.', '_' and '-'", "id")
    if sid in seen:
        raise fail(f"duplicate source id {sid!r} (also source number {seen[sid] + 1})", "id")
    language = entry["language"]
    if not _LANG_TAG.match(language):
        raise fail(f"{language!r} is not a language code (BCP-47, e.g. 'es' or 'pt-BR')", "language")
    if not has_pack(language):
        raise fail(f"no language pack for {language!r} (source {sid!r})", "language", "see docs/language-packs.md to add one")
    rel = entry["path"]
    file = root / rel
    if Path(rel).is_absolute() or not _inside(root, file):
        raise fail(f"source {sid!r}: path {rel!r} leads outside the corpus folder", "path", "keep sources inside the corpus folder")
    calendar = entry.get("calendar", "unspecified")
    if calendar not in CALENDARS:
        raise fail(f"calendar {calendar!r} must be one of {', '.join(CALENDARS)}", "calendar")
    for key in ("title", "origin", "licence", "license", "encoding", "url"):
        if key in entry and not isinstance(entry[key], str):
            raise fail(f"{key!r} must be a string", key)
    seen[sid] = index
    return SourceSpec(
        id=sid,
        path=rel,
        file=file,
        language=language,
        title=entry.get("title", ""),
        origin=entry.get("origin", ""),
        licence=entry.get("licence", entry.get("license", "")),
        calendar=calendar,
        encoding=entry.get("encoding", "utf-8"),
        url=entry.get("url", ""),
    )


def load_corpus(path: Path | str | None = None) -> Corpus:
    """Read a corpus folder (or its corpus.toml); None means the bundled corpus."""
    root = Path(path) if path is not None else bundled_corpus_path()
    if root.name == "corpus.toml" and root.is_file():
        root = root.parent
    if not root.exists():
        raise CorpusError("no such corpus folder", path=str(root))
    if not root.is_dir():
        raise CorpusError("not a corpus folder (give the folder that holds corpus.toml, or text files with --lang)", path=str(root))
    manifest_path = root / "corpus.toml"
    manifest = str(manifest_path)
    if not manifest_path.is_file():
        raise CorpusError("no corpus.toml in this folder", path=str(root), hint="see docs/corpus-format.md")
    try:
        raw = manifest_path.read_text(encoding="utf-8")
        data = tomllib.loads(raw)
    except UnicodeDecodeError:
        raise CorpusError("corpus.toml is not UTF-8 text", path=manifest)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        message = re.sub(r"\s*\(at line.*\)$", "", str(exc))
        raise CorpusError(f"TOML syntax error: {message}", path=manifest, line=int(m.group(1)) if m else None)
    except OSError as exc:
        raise CorpusError(f"cannot be read: {exc.strerror or exc}", path=manifest)

    unknown = sorted(set(data) - {"corpus", "source"})
    if unknown:
        raise CorpusError(f"unknown table {unknown[0]!r}", path=manifest, line=_line_of(raw, rf"^\s*\[*\s*{re.escape(unknown[0])}\b"), hint="expected [corpus] and [[source]]")
    head = data.get("corpus", {})
    if not isinstance(head, dict):
        raise CorpusError("[corpus] must be a table", path=manifest)
    bad = sorted(set(head) - CORPUS_KEYS)
    if bad:
        raise CorpusError(f"unknown key {bad[0]!r} in [corpus]", path=manifest, line=_line_of(raw, rf"^\s*{re.escape(bad[0])}\s*="), hint=f"known keys: {', '.join(sorted(CORPUS_KEYS))}")
    default_year = head.get("default_year")
    if default_year is not None and (not isinstance(default_year, int) or isinstance(default_year, bool) or not 1 <= default_year <= 9999):
        raise CorpusError("default_year must be a whole number from 1 to 9999", path=manifest, line=_line_of(raw, r"^\s*default_year\s*="))
    entries = data.get("source", [])
    if not isinstance(entries, list) or not entries:
        raise CorpusError("the manifest lists no [[source]]", path=manifest)
    seen: dict[str, int] = {}
    sources = [_parse_source(e, i, raw, root, manifest, seen) for i, e in enumerate(entries)]

    catalog_name = head.get("catalog")
    if catalog_name is not None and (not isinstance(catalog_name, str) or not _inside(root, root / catalog_name)):
        raise CorpusError("catalog must be a path inside the corpus folder", path=manifest, line=_line_of(raw, r"^\s*catalog\s*="))
    candidates = [root / catalog_name] if catalog_name else [root / "catalog.yaml", root / "catalog.yml", root / "catalog.toml"]
    catalog_file = next((c for c in candidates if c.is_file()), None)
    if catalog_name and catalog_file is None:
        raise CorpusError(f"catalog file {catalog_name!r} does not exist", path=manifest, line=_line_of(raw, r"^\s*catalog\s*="))
    catalog = load_catalog(catalog_file) if catalog_file else Catalog()
    title = head.get("title") if isinstance(head.get("title"), str) else root.name
    return Corpus(root=root, title=title, sources=sources, default_year=default_year, catalog=catalog, manifest=manifest)


def plain_files_corpus(files: list[Path], language: str | None) -> Corpus:
    """A corpus made of plain text files given on the command line, all in `language`."""
    if not language:
        raise CorpusError("plain text files need --lang (e.g. --lang es)", path=str(files[0]))
    if not has_pack(language):
        raise CorpusError(f"no language pack for {language!r}", hint="see docs/language-packs.md")
    sources, seen = [], set()
    for f in files:
        sid = re.sub(r"[^\w.-]", "_", f.stem) or "source"
        base, n = sid, 2
        while sid in seen:
            sid, n = f"{base}-{n}", n + 1
        seen.add(sid)
        sources.append(SourceSpec(id=sid, path=str(f), file=f, language=language))
    return Corpus(root=Path("."), title="Text files", sources=sources)


__all__ = ["Corpus", "SourceSpec", "load_corpus", "plain_files_corpus", "bundled_corpus_path", "pack_code"]
