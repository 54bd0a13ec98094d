"""The corpus loader as a library: what corpus.toml and catalog.yaml say becomes a Corpus, and
every mistake a CorpusError/CatalogError at the right line. Through the command line:
tests/test_bad_input.py."""
from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.errors import CatalogError, ClaimcheckError, CorpusError
from checker.sources import load_corpus, plain_files_corpus
from checker.sources.catalog import Attribute, Catalog, Entity, Event, Topic, check_pattern, load_catalog
from checker.sources.corpus import CALENDARS, CORPUS_KEYS, SOURCE_KEYS

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "corpus-format.md"
SETTINGS = settings(max_examples=60, deadline=None)


def write(root: Path, manifest: str, catalog: str | None = None, files: tuple[str, ...] = ("sources/a.txt",)) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "corpus.toml").write_text(manifest, encoding="utf-8")
    for rel in files:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("At 2:10 a.m. on 26 October 1917.\n", encoding="utf-8")
    if catalog is not None:
        (root / "catalog.yaml").write_text(catalog, encoding="utf-8")
    return root


def toml_string(value: str) -> str:
    """A TOML basic string: JSON's escapes, plus DEL, which TOML also wants escaped."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def source_table(**keys) -> str:
    return "[[source]]\n" + "".join(f"{k} = {toml_string(v) if isinstance(v, str) else v}\n" for k, v in keys.items())


MINIMAL = source_table(id="a", path="sources/a.txt", language="en")


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    return [i for i, line in enumerate(text.splitlines(), start=1) if needle in line][occurrence - 1]


# --- what a good manifest gives ------------------------------------------------------------------


def test_every_documented_key_is_read(tmp_path):
    manifest = (
        '[corpus]\ntitle = "A corpus"\ndefault_year = 1912\ncatalog = "cat.yaml"\ndescription = "Accounts"\n\n'
        + source_table(id="x-1", path="sources/a.txt", language="es-AR", title="T", origin="O", licence="L", calendar="julian", encoding="cp1252", url="https://e.org")
        + "\n"
        + source_table(id="y", path="sources/a.txt", language="ru", license="CC0")
    )
    root = write(tmp_path / "c", manifest)
    (root / "cat.yaml").write_text("title: The event\n", encoding="utf-8")
    corpus = load_corpus(root)
    assert (corpus.title, corpus.default_year, corpus.catalog.title) == ("A corpus", 1912, "The event")
    first, second = corpus.sources
    assert (first.id, first.language, first.title, first.origin, first.licence, first.calendar, first.encoding, first.url) == ("x-1", "es-AR", "T", "O", "L", "julian", "cp1252", "https://e.org")
    assert first.file == root / "sources" / "a.txt"
    assert (second.licence, second.calendar, second.encoding) == ("CC0", "unspecified", "utf-8")


def test_manifest_path_or_folder_give_the_same_corpus(tmp_path):
    root = write(tmp_path / "c", MINIMAL)
    by_folder, by_file = load_corpus(root), load_corpus(root / "corpus.toml")
    assert by_folder.sources == by_file.sources and by_folder.title == by_file.title == "c"


@pytest.mark.parametrize("name", ["catalog.yaml", "catalog.yml"])
def test_catalog_found_without_a_key(tmp_path, name):
    root = write(tmp_path / "c", MINIMAL)
    (root / name).write_text("title: Found\n", encoding="utf-8")
    assert load_corpus(root).catalog.title == "Found"


def test_bundled_corpus_loads_with_its_catalog():
    corpus = load_corpus()
    assert len(corpus.sources) >= 5 and all(s.file.is_file() for s in corpus.sources)
    assert corpus.catalog.topics and corpus.catalog.entities


def test_plain_files_get_unique_ids(tmp_path):
    files = [tmp_path / "a b.txt", tmp_path / "x" / "a b.txt", tmp_path / "a_b.txt"]
    ids = [s.id for s in plain_files_corpus(files, "en").sources]
    assert len(set(ids)) == 3 and all(re.fullmatch(r"[\w.-]+", i) for i in ids)
    with pytest.raises(CorpusError, match="--lang"):
        plain_files_corpus(files, None)
    with pytest.raises(CorpusError, match="no language pack"):
        plain_files_corpus(files, "xx")


# --- mistakes in corpus.toml, at their line -------------------------------------------------------

identifiers = st.text(string.ascii_lowercase + "_", min_size=1, max_size=12)


@SETTINGS
@given(key=identifiers.filter(lambda k: k not in SOURCE_KEYS), position=st.integers(0, 2))
def test_unknown_source_key_is_found_at_its_line_in_any_source(tmp_path_factory, key, position):
    tables = [source_table(id=f"s{i}", path="sources/a.txt", language="en") for i in range(3)]
    tables[position] += f'{key} = "x"\n'
    manifest = "[corpus]\n\n" + "\n".join(tables)
    root = write(tmp_path_factory.mktemp("c"), manifest)
    with pytest.raises(CorpusError) as info:
        load_corpus(root)
    assert info.value.line == line_of(manifest, f'{key} = "x"') and f"unknown key {key!r}" in info.value.message


@SETTINGS
@given(position=st.integers(0, 2), missing=st.sampled_from(["id", "path", "language"]))
def test_missing_required_key_points_at_its_source(tmp_path_factory, position, missing):
    entries = [dict(id=f"s{i}", path="sources/a.txt", language="en") for i in range(3)]
    del entries[position][missing]
    manifest = "[corpus]\n\n" + "\n".join(source_table(**e) for e in entries)
    root = write(tmp_path_factory.mktemp("c"), manifest)
    with pytest.raises(CorpusError) as info:
        load_corpus(root)
    assert info.value.line == line_of(manifest, "[[source]]", position + 1)
    assert f"number {position + 1} needs {missing}" in info.value.message


@SETTINGS
@given(value=st.one_of(st.integers(-5, 20_000), st.booleans(), st.text(max_size=5), st.floats(allow_nan=False, allow_infinity=False)))
def test_default_year_is_a_year_or_an_error(tmp_path_factory, value):
    rendered = toml_string(value) if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else repr(value)
    manifest = f"[corpus]\ndefault_year = {rendered}\n\n{MINIMAL}"
    root = write(tmp_path_factory.mktemp("c"), manifest)
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9999:
        assert load_corpus(root).default_year == value
    else:
        with pytest.raises(CorpusError) as info:
            load_corpus(root)
        assert info.value.line == line_of(manifest, "default_year") and "default_year = 1917" in info.value.hint


@SETTINGS
@given(calendar=st.text(max_size=10))
def test_calendar_is_one_of_three(tmp_path_factory, calendar):
    manifest = MINIMAL + f"calendar = {toml_string(calendar)}\n"
    root = write(tmp_path_factory.mktemp("c"), manifest)
    if calendar in CALENDARS:
        assert load_corpus(root).sources[0].calendar == calendar
    else:
        with pytest.raises(CorpusError, match="calendar") as info:
            load_corpus(root)
        assert info.value.line == line_of(manifest, "calendar =")


@SETTINGS
@given(sid=st.text(max_size=12))
def test_source_ids_are_safe_names(tmp_path_factory, sid):
    manifest = source_table(id=sid, path="sources/a.txt", language="en")
    root = write(tmp_path_factory.mktemp("c"), manifest)
    if re.fullmatch(r"[\w.-]+", sid):
        assert load_corpus(root).sources[0].id == sid
    else:
        with pytest.raises(CorpusError):
            load_corpus(root)


@pytest.mark.parametrize("path", ["sources/../../x.txt", "/etc/passwd", "sources/a\u0000.txt", "sources/a\n.txt"])
def test_paths_outside_or_unnamable_are_refused(tmp_path, path):
    root = write(tmp_path / "c", source_table(id="a", path=path, language="en"))
    with pytest.raises(CorpusError, match="path"):
        load_corpus(root)


@pytest.mark.parametrize("encoding,ok", [("cp1251", True), ("latin-1", True), ("UTF-16", True), ("base64", False), ("rot13", False), ("nope", False)])
def test_encoding_must_decode_to_text(tmp_path, encoding, ok):
    root = write(tmp_path / "c", MINIMAL + f'encoding = "{encoding}"\n')
    if ok:
        assert load_corpus(root).sources[0].encoding == encoding
    else:
        with pytest.raises(CorpusError, match="unknown encoding"):
            load_corpus(root)


def test_catalog_key_must_stay_inside(tmp_path):
    (tmp_path / "outside.yaml").write_text("title: x\n", encoding="utf-8")
    root = write(tmp_path / "c", '[corpus]\ncatalog = "../outside.yaml"\n\n' + MINIMAL)
    with pytest.raises(CorpusError, match="inside the corpus folder") as info:
        load_corpus(root)
    assert info.value.line == 2
    write(root, '[corpus]\ncatalog = "gone.yaml"\n\n' + MINIMAL)
    with pytest.raises(CorpusError, match="does not exist"):
        load_corpus(root)


def test_every_error_is_one_line():
    err = CorpusError("unknown key 'x'", path="c/corpus.toml", line=4, hint="did you mean 'y'?")
    assert str(err) == "c/corpus.toml:4: unknown key 'x' (did you mean 'y'?)" and "\n" not in str(err)
    assert isinstance(err, ClaimcheckError) and err.exit_code == 2


# --- the catalog -------------------------------------------------------------------------------------


def test_catalog_models_are_read(tmp_path):
    f = tmp_path / "catalog.yaml"
    f.write_text(
        "title: T\n"
        "entities:\n  ship: {label: Ship, aliases: {en: [ship], '*': [Titanic]}, patterns: ['R\\.M\\.S\\.']}\n"
        "events:\n  sank: {label: Sank, cues: {en: [sank]}, reported: false}\n"
        "topics:\n  when: {label: When, kind: time, events: [sank], entities: [ship], units: [x], includes: []}\n"
        "attributes:\n  how: {label: How, subject: ship, window: 10, values: {fast: {en: [fast]}, slow: {en: [slow]}}}\n"
        "units:\n  sailors: {en: [sailors]}\n",
        encoding="utf-8",
    )
    cat = load_catalog(f)
    assert cat.phrases(cat.entities["ship"].aliases, "en") == ["ship", "Titanic"]
    assert cat.topics["when"].kind == "time" and cat.attributes["how"].window == 10 and cat.units["sailors"] == {"en": ["sailors"]}


@pytest.mark.parametrize(
    "text,loc_line,needle",
    [
        ("entities:\n  a:\n    aliases: {en: [x]}\n", 2, "entities.a.label is missing"),
        ("topics:\n  t:\n    label: T\n    kind: clock\n", 4, "topics.t.kind"),
        ("attributes:\n  a:\n    label: A\n    subject: s\n    window: -1\n    values: {x: {en: [x]}, y: {en: [y]}}\n", 5, "window"),
        ("events:\n  e:\n    label: E\n    cues:\n      en: [ok, '']\n", 5, "events.e.cues.en.1: a phrase must not be empty"),
        ("units:\n  dead:\n    en: [killed]\n    es: ' '\n", 4, "units.dead.es must be a list"),
        ("events:\n  e:\n    label: E\n    reported: maybe\n", 4, "true or false"),
    ],
)
def test_catalog_mistakes_name_their_line(tmp_path, text, loc_line, needle):
    f = tmp_path / "catalog.yaml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_catalog(f)
    assert needle in str(info.value) and info.value.line == loc_line


def test_catalog_attribute_subject_must_be_an_entity(tmp_path):
    f = tmp_path / "catalog.yaml"
    f.write_text("entities:\n  ship: {label: S}\nattributes:\n  a:\n    label: A\n    subject: shp\n    values: {x: {en: [x]}, y: {en: [y]}}\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="did you mean 'ship'") as info:
        load_catalog(f)
    assert info.value.line == 6


def test_deeply_nested_catalog_is_refused(tmp_path):
    f = tmp_path / "catalog.yaml"
    f.write_text("entities: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(CatalogError):
        load_catalog(f)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab()[]{}*+?|\\.^$-,0123456789:<>=!#", max_size=12))
def test_check_pattern_accepts_only_what_the_finder_can_use(pattern):
    """A pattern check_pattern accepts compiles into the phrase finder, and never matches
    empty text."""
    from checker.normalize.mentions import PhraseFinder

    problem = check_pattern(pattern)
    if problem is None:
        finder = PhraseFinder([("k", "word")], [("e", pattern)])
        assert all(m.end > m.start for m in finder.find("ab a(b) [ab] 12:30 " * 3))


# --- the documentation matches the code -----------------------------------------------------------


def test_doc_names_every_key():
    doc = DOC.read_text(encoding="utf-8")
    keys = CORPUS_KEYS | SOURCE_KEYS
    for model in (Catalog, Entity, Event, Topic, Attribute):
        keys |= set(model.model_fields) - {"path"}
    assert [k for k in sorted(keys) if f"`{k}`" not in doc] == []


def test_doc_examples_load(tmp_path):
    """The manifest and catalog shown in docs/corpus-format.md are valid."""
    doc = DOC.read_text(encoding="utf-8")
    toml_text = re.search(r"```toml\n(.*?)```", doc, re.S).group(1)
    yaml_text = re.search(r"```yaml\n(.*?)```", doc, re.S).group(1)
    root = write(tmp_path / "c", toml_text, catalog=yaml_text, files=())
    corpus = load_corpus(root)
    assert [s.id for s in corpus.sources] == ["en-lookout"]
    assert set(corpus.catalog.topics) >= {"collision_time", "dead", "casualties"}
    assert set(yaml.safe_load(yaml_text)) <= {"title", "entities", "events", "topics", "attributes", "units"}


ERROR_TYPES = {"ClaimcheckError", "CorpusError", "CatalogError", "SourceReadError", "OutputError"}


def _raises_without_hint(tree) -> list[int]:
    """Lines of `raise SomeError(...)` (one of the project's types) that give no hint=; a
    message built from another error's message (which has its own hint) is allowed."""
    import ast

    missing = []
    for node in ast.walk(tree):
        call = node.exc if isinstance(node, ast.Raise) else None
        if not (isinstance(call, ast.Call) and getattr(call.func, "id", None) in ERROR_TYPES):
            continue
        keywords = {k.arg for k in call.keywords}
        wraps = call.args and "message" in ast.unparse(call.args[0])
        if "hint" not in keywords and not wraps:
            missing.append(node.lineno)
    return missing


def test_every_error_raised_says_what_to_do():
    """Each error is `path:line: message (hint)`: a raise with no hint is a message that leaves
    the user guessing."""
    import ast

    missing = {}
    for f in sorted((ROOT / "checker").rglob("*.py")):
        lines = _raises_without_hint(ast.parse(f.read_text(encoding="utf-8")))
        if lines:
            missing[str(f.relative_to(ROOT))] = lines
    assert missing == {}
