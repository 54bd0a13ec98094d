"""A corpus: a folder with `corpus.toml`, its source files and an optional catalog."""
from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from checker.errors import CorpusError
from checker.extract.lang import available_languages, has_pack, pack_code
from checker.normalize.zones import is_known_zone
from checker.sources.catalog import Catalog, load_catalog
from checker.sources.reader import is_text_encoding

CORPUS_KEYS = {"title", "default_year", "catalog", "description", "time_zone"}
SOURCE_KEYS = {"id", "path", "language", "title", "origin", "licence", "license", "calendar", "encoding", "url"}
REQUIRED_SOURCE_KEYS = ("id", "path", "language")
CALENDARS = ("julian", "gregorian", "unspecified")
_LANG_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
_ID = re.compile(r"[\w.-]+")
# Control characters (NUL above all) have no place in a file name a manifest gives.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


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
    # The IANA zone of the event's place: the clock of times that name none or say "local".
    time_zone: str | None = None

    def describe(self) -> dict:
        return {"title": self.title, "path": str(self.root), "default_year": self.default_year, "time_zone": self.time_zone, "catalog": self.catalog.path}


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


def _did_you_mean(word: str, known: set[str]) -> str:
    """A hint naming the known keys, the likeliest first.

    >>> _did_you_mean("titel", {"title", "path"})
    "did you mean 'title'? Known keys: path, title"
    """
    close = difflib.get_close_matches(word, sorted(known), n=1)
    known_list = f"Known keys: {', '.join(sorted(known))}"
    return f"did you mean {close[0]!r}? {known_list}" if close else known_list.replace("Known", "known", 1)


@lru_cache(maxsize=2)
def _source_lines(raw: str) -> tuple[int, ...]:
    r"""The line of each [[source]] header: found once per manifest, not once per source (a
    5,000-source manifest took minutes to load when every source scanned every line).

    >>> _source_lines('[corpus]\n[[source]]\nid = "a"\n [[ source ]]')
    (2, 4)
    """
    return tuple(i for i, line in enumerate(raw.splitlines(), start=1) if re.match(r"\s*\[\[\s*source\s*\]\]", line))


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
        raise fail("each [[source]] must be a table of keys", hint='write it as [[source]] followed by lines such as id = "..."')
    unknown = sorted(set(entry) - SOURCE_KEYS)
    if unknown:
        raise fail(f"unknown key {unknown[0]!r} in [[source]]", unknown[0], _did_you_mean(unknown[0], SOURCE_KEYS))
    for key in REQUIRED_SOURCE_KEYS:
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            at = key if key in entry else None
            raise fail(f"[[source]] number {index + 1} needs {key} = \"...\" (a non-empty string)", at, f"every source needs {', '.join(REQUIRED_SOURCE_KEYS)}")
    for key in ("title", "origin", "licence", "license", "encoding", "url", "calendar"):
        if key in entry and not isinstance(entry[key], str):
            raise fail(f"{key!r} must be a string", key, f'write {key} = "..."')
    sid = entry["id"]
    if not _ID.fullmatch(sid):
        raise fail(f"source id {sid!r} may hold only letters, digits, '.', '_' and '-'", "id", "rename it, e.g. 'es-wikipedia'")
    if sid in seen:
        raise fail(f"duplicate source id {sid!r} (also source number {seen[sid] + 1})", "id", "give each source its own id")
    language = entry["language"]
    if not _LANG_TAG.fullmatch(language):
        raise fail(f"{language!r} is not a language code", "language", "use a BCP-47 tag such as 'es' or 'pt-BR'")
    if not has_pack(language):
        raise fail(f"no language pack for {language!r} (source {sid!r})", "language", f"packs: {', '.join(available_languages())}; see docs/language-packs.md to add one")
    rel = entry["path"]
    if _CONTROL.search(rel):
        raise fail(f"source {sid!r}: path {rel!r} holds a control character", "path", "write the file name as it is on disk")
    file = root / rel
    if Path(rel).is_absolute() or not _inside(root, file):
        raise fail(f"source {sid!r}: path {rel!r} leads outside the corpus folder", "path", "copy the file into the corpus folder and give its path relative to corpus.toml")
    calendar = entry.get("calendar", "unspecified")
    if calendar not in CALENDARS:
        raise fail(f"calendar {calendar!r} is not known", "calendar", f"use one of {', '.join(CALENDARS)}")
    encoding = entry.get("encoding", "utf-8")
    if not is_text_encoding(encoding):
        raise fail(f"unknown encoding {encoding!r} (source {sid!r})", "encoding", "use a Python codec name such as 'utf-8', 'cp1251' or 'latin-1'")
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
        encoding=encoding,
        url=entry.get("url", ""),
    )


def _read_manifest(manifest_path: Path) -> tuple[str, dict]:
    """The text of corpus.toml and its parsed tables; a CorpusError with the line on a syntax
    error."""
    manifest = str(manifest_path)
    try:
        raw = manifest_path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        line = manifest_path.read_bytes()[: exc.start].count(b"\n") + 1
        raise CorpusError("corpus.toml is not UTF-8 text", path=manifest, line=line, hint="save it as UTF-8")
    except OSError as exc:
        raise CorpusError(f"cannot be read: {exc.strerror or exc}", path=manifest, hint="check its permissions")
    try:
        return raw, tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        message = re.sub(r"\s*\(at line.*\)$", "", str(exc))
        hint = "fix the TOML syntax (strings need quotes, tables [corpus] and [[source]]); see docs/corpus-format.md"
        raise CorpusError(f"TOML syntax error: {message}", path=manifest, line=int(m.group(1)) if m else None, hint=hint)


def load_corpus(path: Path | str | None = None) -> Corpus:
    """Read a corpus folder (or its corpus.toml); None means the bundled corpus."""
    root = Path(path) if path is not None else bundled_corpus_path()
    if root.name == "corpus.toml" and root.is_file():
        root = root.parent
    try:
        is_dir, exists = root.is_dir(), root.exists()
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte
        raise CorpusError(f"cannot be opened: {getattr(exc, 'strerror', None) or exc}", path=str(root), hint="give the folder that holds corpus.toml")
    if not exists:
        raise CorpusError("no such corpus folder", path=str(root), hint="give the folder that holds corpus.toml")
    if not is_dir:
        raise CorpusError("not a corpus folder", path=str(root), hint="give the folder that holds corpus.toml, or text files with --lang")
    manifest_path = root / "corpus.toml"
    manifest = str(manifest_path)
    if not manifest_path.is_file():
        raise CorpusError("no corpus.toml in this folder", path=str(root), hint="write one: see docs/corpus-format.md")
    raw, data = _read_manifest(manifest_path)

    unknown = sorted(set(data) - {"corpus", "source"})
    if unknown:
        raise CorpusError(f"unknown table {unknown[0]!r}", path=manifest, line=_line_of(raw, rf"^\s*\[*\s*{re.escape(unknown[0])}\b"), hint="expected [corpus] and [[source]]")
    head = data.get("corpus", {})
    if not isinstance(head, dict):
        raise CorpusError("[corpus] must be a table", path=manifest, line=_line_of(raw, r"^\s*corpus\s*="), hint="write [corpus] on a line of its own, then its keys")
    bad = sorted(set(head) - CORPUS_KEYS)
    if bad:
        raise CorpusError(f"unknown key {bad[0]!r} in [corpus]", path=manifest, line=_line_of(raw, rf"^\s*{re.escape(bad[0])}\s*="), hint=_did_you_mean(bad[0], CORPUS_KEYS))
    for key in ("title", "description"):
        if key in head and not isinstance(head[key], str):
            raise CorpusError(f"{key!r} in [corpus] must be a string", path=manifest, line=_line_of(raw, rf"^\s*{key}\s*="), hint=f'write {key} = "..."')
    default_year = head.get("default_year")
    if default_year is not None and (not isinstance(default_year, int) or isinstance(default_year, bool) or not 1 <= default_year <= 9999):
        raise CorpusError("default_year must be a whole number from 1 to 9999", path=manifest, line=_line_of(raw, r"^\s*default_year\s*="), hint="e.g. default_year = 1917")
    time_zone = head.get("time_zone")
    if time_zone is not None and (not isinstance(time_zone, str) or time_zone == "local" or not is_known_zone(time_zone)):
        raise CorpusError(f"time_zone {time_zone!r} is no time zone known here", path=manifest, line=_line_of(raw, r"^\s*time_zone\s*="), hint='an IANA zone such as "Europe/Moscow", or "UTC+03:00"')
    entries = data.get("source", [])
    if isinstance(entries, dict):
        raise CorpusError("[source] is a single table", path=manifest, line=_line_of(raw, r"^\s*\[\s*source\s*\]"), hint="write [[source]], with two brackets, before each source")
    if not isinstance(entries, list) or not entries:
        raise CorpusError("the manifest lists no [[source]]", path=manifest, hint="add a [[source]] with id, path and language for each text")
    seen: dict[str, int] = {}
    sources = [_parse_source(e, i, raw, root, manifest, seen) for i, e in enumerate(entries)]

    catalog_name = head.get("catalog")
    if catalog_name is not None and (not isinstance(catalog_name, str) or _CONTROL.search(catalog_name) or not _inside(root, root / catalog_name)):
        raise CorpusError("catalog must be a path inside the corpus folder", path=manifest, line=_line_of(raw, r"^\s*catalog\s*="), hint='e.g. catalog = "catalog.yaml"')
    candidates = [root / catalog_name] if catalog_name else [root / "catalog.yaml", root / "catalog.yml", root / "catalog.toml"]
    catalog_file = next((c for c in candidates if c.is_file()), None)
    if catalog_name and catalog_file is None:
        raise CorpusError(f"catalog file {catalog_name!r} does not exist", path=manifest, line=_line_of(raw, r"^\s*catalog\s*="), hint="fix the name or remove the catalog key")
    catalog = load_catalog(catalog_file) if catalog_file else Catalog()
    title = head.get("title") or root.name
    return Corpus(root=root, title=title, sources=sources, default_year=default_year, catalog=catalog, manifest=manifest, time_zone=time_zone)


def plain_files_corpus(files: list[Path], language: str | None) -> Corpus:
    """A corpus made of plain text files given on the command line, all in `language`."""
    if not language:
        raise CorpusError("plain text files need --lang", path=str(files[0]), hint="e.g. --lang es; or give a corpus folder, whose corpus.toml names each language")
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
