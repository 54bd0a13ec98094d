"""Bad, hostile and interrupted input, each case end to end through the command line (a real
`python -m checker` subprocess): one line on stderr naming the file (and line) and what to do,
a non-zero exit, no traceback; a source that fails is reported and the others processed; an
interrupted report leaves the previous one intact."""
from __future__ import annotations

import codecs
import hashlib
import html
import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker.errors import Interrupted, OutputError
from checker.extract import ExtractContext, extract_claims

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "claims" / "october-1917" / "sources"
EN_SOURCE = BUNDLED / "003_403977411d2be8ff.txt"
RU_SOURCE = BUNDLED / "000_132453c0ccc27718.txt"
GOOD_TEXT = "The ship struck the iceberg at 11:40 p.m. on 14 April 1912. It sank at 2:20 a.m.\n"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


# --- helpers ---------------------------------------------------------------------------------


def cli(*args, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run `python -m checker ARGS` from the checkout, as a user would."""
    env = {**os.environ, "PYTHAINLP_READ_ONLY": "1"}
    cmd = [sys.executable, "-m", "checker", *map(str, args)]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env, timeout=timeout)


def one_line_error(r: subprocess.CompletedProcess, code: int, *needles: str) -> str:
    """The single stderr line of a failed run, once its exit code, shape and content are checked."""
    assert r.returncode == code, (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr, r.stderr
    lines = r.stderr.splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("claimcheck: error: "), lines[0]
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line of `text` that contains `needle`."""
    hits = [i for i, line in enumerate(text.splitlines(), start=1) if needle in line]
    return hits[occurrence - 1]


def entry(id: str = "a", path: str = "sources/a.txt", language: str = "en", **extra: str) -> str:
    """One [[source]] table of a manifest."""
    keys = {"id": id, "path": path, "language": language, **extra}
    return "[[source]]\n" + "".join(f"{k} = {json.dumps(v, ensure_ascii=False)}\n" for k, v in keys.items() if v is not None)


def make_corpus(root: Path, *entries: str, files: dict | None = None, head: str = '[corpus]\ntitle = "Test corpus"\n', catalog: str | None = None) -> Path:
    """A corpus folder: corpus.toml from `head` and `entries`, the given files (str or bytes),
    and by default a good source a.txt."""
    root.mkdir(parents=True, exist_ok=True)
    manifest = head + "\n" + "\n".join(entries or (entry(),))
    (root / "corpus.toml").write_text(manifest, encoding="utf-8")
    for rel, content in ({"sources/a.txt": GOOD_TEXT} | (files or {})).items():
        f = root / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    if catalog is not None:
        (root / "catalog.yaml").write_text(catalog, encoding="utf-8")
    return root


def manifest_of(corpus: Path) -> str:
    return (corpus / "corpus.toml").read_text(encoding="utf-8")


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under a folder with its SHA-256, to tell whether anything changed."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def temp_leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if ".tmp-" in p.name)


def temp_with_files(parent: Path) -> bool:
    try:
        return any(p.is_dir() and any(p.iterdir()) for p in parent.iterdir() if ".tmp-" in p.name)
    except FileNotFoundError:  # the folder went between the listing and the look inside
        return False


# --- the corpus folder and its manifest: exit 2 ------------------------------------------------


def test_corpus_folder_that_does_not_exist(tmp_path):
    one_line_error(cli("report", tmp_path / "nowhere", "--out", tmp_path / "out"), 2, str(tmp_path / "nowhere"), "no such corpus folder", "corpus.toml")
    assert not (tmp_path / "out").exists()


def test_folder_without_corpus_toml(tmp_path):
    (tmp_path / "texts").mkdir()
    one_line_error(cli("sources", tmp_path / "texts"), 2, str(tmp_path / "texts"), "no corpus.toml", "docs/corpus-format.md")


def test_a_file_given_as_corpus_folder(tmp_path):
    f = tmp_path / "notes.md"
    f.write_text("hello", encoding="utf-8")
    one_line_error(cli("sources", f), 2, str(f), "not a corpus folder", "--lang")


def test_toml_syntax_error_names_its_line(tmp_path):
    corpus = make_corpus(tmp_path / "c", entry(), entry(id="b", title='unterminated "string'))
    raw = manifest_of(corpus).replace('"unterminated \\"string"', '"unterminated')
    (corpus / "corpus.toml").write_text(raw, encoding="utf-8")
    one_line_error(cli("sources", corpus), 2, f"corpus.toml:{line_of(raw, 'unterminated')}:", "TOML syntax error", "quotes")


def test_manifest_that_is_not_utf8_names_its_line(tmp_path):
    corpus = make_corpus(tmp_path / "c", entry(title="Caf\u00e9"))
    raw = manifest_of(corpus)
    (corpus / "corpus.toml").write_bytes(raw.encode("latin-1"))
    one_line_error(cli("sources", corpus), 2, f"corpus.toml:{line_of(raw, 'Caf')}:", "not UTF-8", "save it as UTF-8")


def test_unknown_key_in_a_source_names_its_line_and_the_likely_key(tmp_path):
    corpus = make_corpus(tmp_path / "c", entry(), entry(id="b", path="sources/a.txt", titel="Typo"))
    line = one_line_error(cli("sources", corpus), 2, "unknown key 'titel' in [[source]]", "did you mean 'title'")
    assert f"corpus.toml:{line_of(manifest_of(corpus), 'titel =')}:" in line


def test_unknown_key_in_corpus_table_names_its_line(tmp_path):
    corpus = make_corpus(tmp_path / "c", head='[corpus]\ntitle = "T"\ndefault_yaer = 1917\n')
    line = one_line_error(cli("sources", corpus), 2, "unknown key 'default_yaer' in [corpus]", "did you mean 'default_year'")
    assert f"corpus.toml:{line_of(manifest_of(corpus), 'default_yaer')}:" in line


def test_unknown_table_names_its_line(tmp_path):
    corpus = make_corpus(tmp_path / "c", head='[corpus]\ntitle = "T"\n\n[sources]\nx = 1\n')
    one_line_error(cli("sources", corpus), 2, "unknown table 'sources'", f"corpus.toml:{line_of(manifest_of(corpus), '[sources]')}:", "[[source]]")


@pytest.mark.parametrize("missing", ["id", "path", "language"])
def test_source_missing_a_required_key_names_its_table(tmp_path, missing):
    corpus = make_corpus(tmp_path / "c", entry(), entry(**{"id": "b", "path": "sources/a.txt", "language": "en", missing: None}))
    line = one_line_error(cli("sources", corpus), 2, f"[[source]] number 2 needs {missing} =", "every source needs id, path, language")
    assert f"corpus.toml:{line_of(manifest_of(corpus), '[[source]]', occurrence=2)}:" in line


def test_duplicate_source_id_names_the_second(tmp_path):
    corpus = make_corpus(tmp_path / "c", entry(id="same"), entry(id="same", path="sources/b.txt"), files={"sources/b.txt": GOOD_TEXT})
    line = one_line_error(cli("sources", corpus), 2, "duplicate source id 'same'", "source number 1", "its own id")
    second = line_of(manifest_of(corpus), 'id = "same"', occurrence=2)
    assert f"corpus.toml:{second}:" in line


def test_language_that_is_not_a_language_code(tmp_path):
    corpus = make_corpus(tmp_path / "c", entry(language="English!"))
    one_line_error(cli("sources", corpus), 2, f"corpus.toml:{line_of(manifest_of(corpus), 'English!')}:", "'English!' is not a language code", "BCP-47")


def test_language_without_a_pack(tmp_path):
    from checker.extract.lang import available_languages

    corpus = make_corpus(tmp_path / "c", entry(language="de-AT"))
    line = one_line_error(cli("sources", corpus), 2, f"corpus.toml:{line_of(manifest_of(corpus), 'de-AT')}:", "no language pack for 'de-AT'", "docs/language-packs.md")
    assert all(code in line for code in available_languages())


def test_unknown_encoding_is_refused_at_its_line(tmp_path):
    corpus = make_corpus(tmp_path / "c", entry(encoding="klingon"))
    one_line_error(cli("sources", corpus), 2, f"corpus.toml:{line_of(manifest_of(corpus), 'klingon')}:", "unknown encoding 'klingon'", "cp1251")


def test_single_source_table_instead_of_array(tmp_path):
    corpus = make_corpus(tmp_path / "c", entry().replace("[[source]]", "[source]"))
    one_line_error(cli("sources", corpus), 2, f"corpus.toml:{line_of(manifest_of(corpus), '[source]')}:", "single table", "two brackets")


# --- paths that lead outside the corpus: refused (exit 2) --------------------------------------


@pytest.mark.parametrize("path", ["../../etc/passwd", "../outside.txt", "sources/../../outside.txt"])
def test_relative_path_leading_outside_is_refused(tmp_path, path):
    (tmp_path / "outside.txt").write_text(GOOD_TEXT, encoding="utf-8")
    corpus = make_corpus(tmp_path / "c", entry(path=path))
    one_line_error(cli("sources", corpus), 2, f"corpus.toml:{line_of(manifest_of(corpus), 'path =')}:", "leads outside the corpus folder", "copy the file into the corpus folder")


def test_absolute_path_is_refused_even_inside(tmp_path):
    corpus = make_corpus(tmp_path / "c")
    for target in ("/etc/passwd", str(corpus / "sources" / "a.txt")):
        make_corpus(corpus, entry(path=target))
        one_line_error(cli("sources", corpus), 2, "leads outside the corpus folder", f"{target!r}")


def test_symlink_leading_out_is_refused(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text(GOOD_TEXT, encoding="utf-8")
    corpus = make_corpus(tmp_path / "c", entry(path="sources/link.txt"))
    (corpus / "sources" / "link.txt").symlink_to(outside)
    one_line_error(cli("sources", corpus), 2, "'sources/link.txt' leads outside the corpus folder")
    # A linked folder is the same escape.
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "t.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (corpus / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    make_corpus(corpus, entry(path="linked/t.txt"))
    one_line_error(cli("sources", corpus), 2, "'linked/t.txt' leads outside the corpus folder")


def test_symlink_staying_inside_is_accepted(tmp_path):
    corpus = make_corpus(tmp_path / "c", entry(path="sources/alias.txt"))
    (corpus / "sources" / "alias.txt").symlink_to(corpus / "sources" / "a.txt")
    r = cli("sources", corpus, "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)[0]["claims"] > 0


# --- sources that cannot be read: reported, the others processed (exit 1) ----------------------


def report_with(tmp_path: Path, bad_entry: str, files: dict | None = None, *extra_args) -> tuple[subprocess.CompletedProcess, dict, str]:
    """`claimcheck report` on a corpus of the good source a.txt plus one bad source: the run,
    report.json and index.html."""
    corpus = make_corpus(tmp_path / "c", entry(), bad_entry, files=files)
    out = tmp_path / "out"
    r = cli("report", corpus, "--out", out, "--jobs", "1", *extra_args)
    data = json.loads((out / "report.json").read_text(encoding="utf-8")) if (out / "report.json").exists() else {}
    page = (out / "index.html").read_text(encoding="utf-8") if (out / "index.html").exists() else ""
    return r, data, page


def assert_reported(r, data: dict, page: str, bad_id: str, *needles: str) -> None:
    """The bad source is one stderr line, listed under report.json errors and in the HTML, and
    the good source was still read."""
    line = one_line_error(r, 1, *needles, "listed under errors in the report")
    assert [e["source"] for e in data["errors"]] == [bad_id]
    assert all(n in data["errors"][0]["message"] for n in needles)
    assert [s["id"] for s in data["sources"]] == ["a", bad_id], "no source may be dropped"
    assert {c["source"] for c in data["claims"]} == {"a"} and len(data["claims"]) >= 2
    assert html.escape(data["errors"][0]["message"], quote=False) in page or data["errors"][0]["message"] in page
    assert bad_id in page
    assert line.removeprefix("claimcheck: error: ").startswith(str(Path(data["corpus"]["path"]) / data["errors"][0]["path"]))


def test_missing_source_file_is_reported(tmp_path):
    r, data, page = report_with(tmp_path, entry(id="gone", path="sources/gone.txt"))
    assert_reported(r, data, page, "gone", "gone.txt", "does not exist", "fix the path")


@pytest.mark.skipif(IS_ROOT, reason="root reads a file whatever its mode; test_unreadable_source_simulated covers it")
def test_unreadable_source_file_is_reported(tmp_path):
    files = {"sources/locked.txt": GOOD_TEXT}
    corpus = make_corpus(tmp_path / "c", entry(), entry(id="locked", path="sources/locked.txt"), files=files)
    (corpus / "sources" / "locked.txt").chmod(0)
    try:
        r = cli("report", corpus, "--out", tmp_path / "out", "--jobs", "1")
    finally:
        (corpus / "sources" / "locked.txt").chmod(0o644)
    one_line_error(r, 1, "locked.txt", "Permission denied", "chmod")


def test_unreadable_source_simulated(tmp_path, monkeypatch, capsys):
    """As root chmod 000 stops nothing: the read itself is made to fail as it would."""
    from checker import cli as cli_module

    corpus = make_corpus(tmp_path / "c", entry(), entry(id="locked", path="sources/locked.txt"), files={"sources/locked.txt": GOOD_TEXT})
    real_read = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(sys, "argv", ["claimcheck", "sources", str(corpus), "--jobs", "1", "--format", "json"])
    with pytest.raises(SystemExit) as exit_info:
        cli_module.main()
    captured = capsys.readouterr()
    assert exit_info.value.code == 1
    [line] = captured.err.splitlines()
    assert "locked.txt: cannot be read: Permission denied" in line and "chmod" in line
    rows = {row["id"]: row for row in json.loads(captured.out)}
    assert rows["a"]["claims"] > 0 and "Permission denied" in rows["locked"]["error"]


def test_directory_where_a_file_should_be(tmp_path):
    corpus_files = {"sources/folder.txt/inner.txt": GOOD_TEXT}
    r, data, page = report_with(tmp_path, entry(id="dir", path="sources/folder.txt"), corpus_files)
    assert_reported(r, data, page, "dir", "folder.txt", "is a folder, not a file")


def test_fifo_is_refused_without_blocking(tmp_path):
    corpus = make_corpus(tmp_path / "c", entry(), entry(id="pipe", path="sources/pipe.txt"))
    os.mkfifo(corpus / "sources" / "pipe.txt")
    r = cli("sources", corpus, timeout=60)
    one_line_error(r, 1, "pipe.txt", "not a regular file")


def test_empty_source_file(tmp_path):
    r, data, page = report_with(tmp_path, entry(id="empty", path="sources/empty.txt"), {"sources/empty.txt": b""})
    assert_reported(r, data, page, "empty", "empty.txt", "the file is empty")


def test_white_space_only_source_file(tmp_path):
    r, data, page = report_with(tmp_path, entry(id="blank", path="sources/blank.txt"), {"sources/blank.txt": b" \r\n\t\n"})
    assert_reported(r, data, page, "blank", "blank.txt", "only white space")


def test_binary_source_file(tmp_path):
    blob = bytes(range(256)) * 64
    r, data, page = report_with(tmp_path, entry(id="bin", path="sources/data.bin"), {"sources/data.bin": blob})
    assert_reported(r, data, page, "bin", "data.bin", "binary file, not text")


@pytest.mark.parametrize(
    "magic,what,todo",
    [(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF", "pdftotext"), (b"PK\x03\x04\x14\x00\x06\x00", "ZIP", "plain text"), (b"\x89PNG\r\n\x1a\n", "PNG", "OCR")],
)
def test_document_formats_are_named(tmp_path, magic, what, todo):
    corpus = make_corpus(tmp_path / "c", entry(), entry(id="doc", path="sources/doc.txt"), files={"sources/doc.txt": magic + b"rest of file"})
    one_line_error(cli("sources", corpus), 1, "doc.txt", what, todo)


def russian_text() -> str:
    """Real Russian sentences from the bundled corpus that cp1251 can encode."""
    text = RU_SOURCE.read_text(encoding="utf-8")[:3000]
    return text.encode("cp1251", errors="ignore").decode("cp1251")


def test_cp1251_source_is_named_with_a_conversion(tmp_path):
    data = russian_text().encode("cp1251")
    first_bad = next(i for i in range(len(data)) if data[i] >= 0x80)
    corpus = make_corpus(tmp_path / "c", entry(), entry(id="ru", path="sources/ru.txt", language="ru"), files={"sources/ru.txt": data})
    line = one_line_error(cli("sources", corpus), 1, "ru.txt", "not valid UTF-8", "cp1251", "iconv -f cp1251 -t utf-8", 'encoding = "cp1251"')
    line_no = data[:first_bad].count(b"\n") + 1
    assert f"ru.txt:{line_no}: not valid UTF-8 at byte {first_bad}" in line


def test_cp1251_source_is_read_when_the_manifest_names_it(tmp_path):
    text = russian_text()
    corpus = make_corpus(
        tmp_path / "c",
        entry(id="cp", path="sources/cp.txt", language="ru", encoding="cp1251"),
        entry(id="u8", path="sources/u8.txt", language="ru"),
        files={"sources/cp.txt": text.encode("cp1251"), "sources/u8.txt": text.encode("utf-8")},
        head="[corpus]\ndefault_year = 1917\n",
    )
    r = cli("extract", corpus, "--format", "json", "--jobs", "1")
    assert r.returncode == 0, r.stderr
    claims = json.loads(r.stdout)
    by_source = {sid: [(c["kind"], c["span"], c["quote"]) for c in claims if c["source"] == sid] for sid in ("cp", "u8")}
    assert by_source["cp"] and by_source["cp"] == by_source["u8"]
    assert all(text[s:e] == q for _, (s, e), q in by_source["cp"])


def test_utf16_source_needs_its_encoding(tmp_path):
    data = GOOD_TEXT.encode("utf-16")
    corpus = make_corpus(tmp_path / "c", entry(), entry(id="w", path="sources/w.txt"), files={"sources/w.txt": data})
    one_line_error(cli("sources", corpus), 1, "w.txt", "UTF-16", 'encoding = "utf-16"')
    make_corpus(corpus, entry(), entry(id="w", path="sources/w.txt", encoding="utf-16"))
    r = cli("sources", corpus, "--format", "json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert rows[0]["claims"] == rows[1]["claims"] > 0


def spans_of(corpus: Path, source: str) -> list[dict]:
    r = cli("extract", corpus, "--source", source, "--format", "json", "--jobs", "1")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


@pytest.mark.parametrize(
    "variant,make",
    [
        ("bom", lambda t: codecs.BOM_UTF8 + t.encode()),
        ("crlf", lambda t: t.replace("\n", "\r\n").encode()),
        ("cr", lambda t: t.replace("\n", "\r").encode()),
        ("bom+crlf", lambda t: codecs.BOM_UTF8 + t.replace("\n", "\r\n").encode()),
    ],
)
def test_bom_and_line_ends_keep_spans_exact(tmp_path, variant, make):
    plain = "\n".join(EN_SOURCE.read_text(encoding="utf-8").splitlines()[:12]) + "\n"
    data = make(plain)
    corpus = make_corpus(tmp_path / "c", entry(id="plain", path="sources/plain.txt"), entry(id="odd", path="sources/odd.txt"), files={"sources/plain.txt": plain, "sources/odd.txt": data})
    as_read = data.decode("utf-8")  # no newline translation, the BOM kept as U+FEFF
    odd, base = spans_of(corpus, "odd"), spans_of(corpus, "plain")
    assert odd, "the text has claims"
    for c in odd:
        start, end = c["span"]
        assert as_read[start:end] == c["quote"]
        assert as_read[max(0, start - len(c["prefix"])) : start] == c["prefix"]
    # The same claims as the LF version: only the offsets move.
    assert [(c["kind"], c["value"], c["quote"]) for c in odd] == [(c["kind"], c["value"], c["quote"]) for c in base]


def one_line_text(size: int) -> str:
    """`size` characters of real English sentences repeated, with no line break at all."""
    sentences = " ".join(EN_SOURCE.read_text(encoding="utf-8").split()) + " "
    return (sentences * (size // len(sentences) + 1))[:size]


def test_large_one_line_file_reads_fast(tmp_path):
    from checker.sources.reader import read_source

    f = tmp_path / "big.txt"
    f.write_text(one_line_text(50_000_000), encoding="utf-8")
    start = time.process_time()
    read = read_source(f, str(f))
    assert time.process_time() - start < 20
    assert "\n" not in read.text and read.size == f.stat().st_size and len(read.text) == 50_000_000


def test_extraction_time_grows_linearly_on_one_line_text():
    """Four times the text may take about four times as long, never sixteen (a pairwise pass
    over the hits once made a 50 MB line take hours)."""
    ctx = ExtractContext("big", "en", 1917)
    extract_claims(one_line_text(20_000), ctx)  # warm: the pack and its tables load once

    def cpu(size: int) -> tuple[float, int]:
        text = one_line_text(size)
        start = time.process_time()
        claims = extract_claims(text, ctx)
        return time.process_time() - start, len(claims)

    (small, n_small), (large, n_large) = cpu(250_000), cpu(1_000_000)
    assert 3.5 * n_small <= n_large <= 4.5 * n_small
    assert large < 8 * small, (small, large)


@pytest.mark.skipif(not os.environ.get("CLAIMCHECK_LARGE_TESTS"), reason="3+ minutes of CPU: set CLAIMCHECK_LARGE_TESTS=1")
def test_fifty_megabytes_on_one_line_end_to_end(tmp_path):
    text = one_line_text(50_000_000)
    corpus = make_corpus(tmp_path / "c", entry(id="big", path="sources/big.txt"), files={"sources/big.txt": text})
    start = time.monotonic()
    r = cli("extract", corpus, "--source", "big", "--format", "jsonl", "--jobs", "1", timeout=3600)
    took = time.monotonic() - start
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert r.returncode == 0, r.stderr
    claims = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(claims) > 100_000 and all(text[c["span"][0] : c["span"][1]] == c["quote"] for c in claims)
    print(f"50 MB one line: {len(claims)} claims, {took:.0f} s, peak {peak_mb:.0f} MB")
    assert peak_mb < 3000


# --- the catalog: exit 2 --------------------------------------------------------------------------


def catalog_error(tmp_path: Path, catalog: str, *needles: str, line_with: str | None = None) -> str:
    corpus = make_corpus(tmp_path / "c", catalog=catalog)
    line = one_line_error(cli("sources", corpus), 2, "catalog.yaml", *needles)
    if line_with is not None:
        assert f"catalog.yaml:{line_of(catalog, line_with)}:" in line, line
    return line


def test_catalog_yaml_syntax_error_names_its_line(tmp_path):
    catalog = "entities:\n  ship:\n    label: the ship\n    aliases: {en: [the ship, Titanic}\n"
    catalog_error(tmp_path, catalog, "YAML syntax error", "indentation", line_with="Titanic}")


def test_catalog_entity_given_twice_names_both_lines(tmp_path):
    """YAML would keep the second silently and lose the first entity's aliases."""
    catalog = "entities:\n  ship:\n    label: the ship\n    aliases: {en: [Titanic]}\n  ship:\n    label: again\n"
    line = catalog_error(tmp_path, catalog, "key 'ship' given twice (first on line 2)", "merge")
    assert f"catalog.yaml:{line_of(catalog, 'ship:', 2)}:" in line, line


def test_catalog_alias_list_that_is_not_a_list(tmp_path):
    catalog = "entities:\n  ship:\n    label: the ship\n    aliases:\n      es: [barco]\n      en: the ship\n"
    catalog_error(tmp_path, catalog, "entities.ship.aliases.en must be a list", line_with="en: the ship")


def test_catalog_aliases_not_per_language(tmp_path):
    catalog = "entities:\n  ship:\n    label: the ship\n    aliases: [the ship]\n"
    catalog_error(tmp_path, catalog, "entities.ship.aliases must be a mapping", line_with="aliases:")


@pytest.mark.parametrize("pattern,problem", [("Titan(ic", "missing )"), ("[a-", "unterminated character set"), ("a{3,1}", "min repeat"), ("x*", "matches empty text")])
def test_catalog_invalid_pattern(tmp_path, pattern, problem):
    catalog = f"entities:\n  ship:\n    label: the ship\n    patterns:\n      - 'Titanic'\n      - '{pattern}'\n"
    catalog_error(tmp_path, catalog, f"entity 'ship': invalid pattern {pattern!r}", problem, "regular expressions", line_with=f"- '{pattern}'")


def test_catalog_topic_naming_undefined_event(tmp_path):
    catalog = (
        "events:\n  collision:\n    label: the collision\n    cues: {en: [struck]}\n"
        "topics:\n  when:\n    label: When\n    kind: time\n    events: [collision, colision]\n"
    )
    catalog_error(tmp_path, catalog, "topic 'when' names event 'colision'", "did you mean 'collision'", line_with="events: [collision, colision]")


def test_catalog_topic_naming_undefined_entity(tmp_path):
    catalog = "entities:\n  ship:\n    label: the ship\ntopics:\n  when:\n    label: When\n    kind: time\n    entities:\n      - ship\n      - iceberg\n"
    catalog_error(tmp_path, catalog, "topic 'when' names entity 'iceberg'", "define it under entities", line_with="- iceberg")


def test_catalog_topic_including_undefined_topic(tmp_path):
    catalog = "topics:\n  dead:\n    label: Dead\n    kind: count\n  casualties:\n    label: All\n    kind: count\n    includes: [deaths]\n"
    catalog_error(tmp_path, catalog, "topic 'casualties' names topic 'deaths'", "did you mean 'dead'", line_with="includes")


def test_catalog_unknown_key(tmp_path):
    catalog = "entities:\n  ship:\n    label: the ship\n    alias: {en: [ship]}\n"
    catalog_error(tmp_path, catalog, "entities.ship.alias is not a key the catalog knows", "label, aliases, patterns", line_with="alias:")


def test_catalog_alias_bomb_is_refused_quickly(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    catalog = "\n".join(lines) + "\nentities: {}\n"
    start = time.monotonic()
    catalog_error(tmp_path, catalog, "YAML aliases are expanded", "write the lists out")
    assert time.monotonic() - start < 30


# --- the output folder: exit 2, before any source is read ------------------------------------


def test_output_under_a_regular_file(tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder", encoding="utf-8")
    # A source that cannot be read would add a line of its own were sources read first.
    corpus = make_corpus(tmp_path / "c", entry(), entry(id="gone", path="sources/gone.txt"))
    one_line_error(cli("report", corpus, "--out", blocker / "report"), 2, str(blocker), "is a file, not a folder", "--out")
    assert blocker.read_text(encoding="utf-8") == "not a folder"
    assert temp_leftovers(tmp_path) == []


def test_output_that_is_a_regular_file(tmp_path):
    blocker = tmp_path / "report"
    blocker.write_text("keep me", encoding="utf-8")
    one_line_error(cli("report", make_corpus(tmp_path / "c"), "--out", blocker), 2, str(blocker), "is a file", "--out")
    assert blocker.read_text(encoding="utf-8") == "keep me"


@pytest.mark.skipif(IS_ROOT, reason="root writes into a read-only folder; test_output_folder_without_write_permission_simulated and test_output_in_a_folder_that_refuses_writes_even_to_root cover it")
def test_output_in_a_read_only_folder(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        one_line_error(cli("report", make_corpus(tmp_path / "c"), "--out", locked / "report"), 2, str(locked), "not writable", "--out")
    finally:
        locked.chmod(0o755)


def _sys_is_read_only() -> bool:
    """Whether /sys refuses new folders even to this user (it does to root in containers)."""
    import tempfile

    try:
        Path(tempfile.mkdtemp(dir="/sys")).rmdir()
    except OSError:
        return Path("/sys").is_dir()
    return False


@pytest.mark.skipif(not _sys_is_read_only(), reason="needs a folder that refuses writes even to this user")
def test_output_in_a_folder_that_refuses_writes_even_to_root(tmp_path):
    """os.access says yes to root everywhere; the check tries, before any source is read."""
    corpus = make_corpus(tmp_path / "c", entry(), entry(id="gone", path="sources/gone.txt"))
    one_line_error(cli("report", corpus, "--out", "/sys/claimcheck-report"), 2, "/sys: this folder is not writable", "--out")


def run_main(monkeypatch, capsys, *args) -> tuple[int, str, str]:
    """claimcheck's entry point in this process (so that a test can monkeypatch it): exit code,
    stdout, stderr."""
    from checker import cli as cli_module

    monkeypatch.setattr(sys, "argv", ["claimcheck", *map(str, args)])
    try:
        cli_module.main()
        code = 0  # success returns; every failure exits
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_output_folder_without_write_permission_simulated(tmp_path, monkeypatch, capsys):
    """What a user without write permission sees (as root chmod stops nothing)."""
    real_access = os.access
    locked = tmp_path / "locked"
    locked.mkdir()
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == locked else real_access(p, mode, **kw))
    code, out, err = run_main(monkeypatch, capsys, "report", make_corpus(tmp_path / "c"), "--out", locked / "report", "--jobs", "1")
    assert code == 2 and out == ""
    assert err == f"claimcheck: error: {locked}: this folder is not writable (choose another folder with --out, or change its permissions)\n"


@pytest.mark.parametrize("failing_file", ["report.json", "claims.csv", "index.html"])
def test_disk_full_while_writing_keeps_the_previous_report(tmp_path, monkeypatch, capsys, failing_file):
    """A full disk at any file of the report: one line, exit 2, the previous report as it was."""
    corpus, out = make_corpus(tmp_path / "c"), tmp_path / "reports"
    code, _, err = run_main(monkeypatch, capsys, "report", corpus, "--out", out, "--jobs", "1")
    assert code == 0, err
    before = snapshot(out)
    real_write = Path.write_text

    def write_text(self, *args, **kwargs):
        if self.name == failing_file and ".tmp-" in self.parent.name:
            raise OSError(28, "No space left on device", str(self))
        return real_write(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", write_text)
    code, _, err = run_main(monkeypatch, capsys, "report", corpus, "--out", out, "--jobs", "1")
    assert code == 2
    [line] = err.splitlines()
    assert line.startswith("claimcheck: error: ") and failing_file in line and "No space left on device (check the free space" in line
    assert snapshot(out) == before and temp_leftovers(tmp_path) == []


# --- a failing source in each command -----------------------------------------------------------


def test_extract_reports_a_failing_source_and_prints_the_others(tmp_path):
    corpus = make_corpus(tmp_path / "c", entry(), entry(id="gone", path="sources/gone.txt"))
    r = cli("extract", corpus, "--format", "json", "--jobs", "1")
    one_line_error(r, 1, "gone.txt", "does not exist")
    assert {c["source"] for c in json.loads(r.stdout)} == {"a"}


def test_sources_lists_a_failing_source_with_its_error(tmp_path):
    corpus = make_corpus(tmp_path / "c", entry(), entry(id="gone", path="sources/gone.txt"))
    r = cli("sources", corpus, "--format", "json", "--jobs", "2")
    one_line_error(r, 1, "gone.txt", "does not exist")
    rows = {row["id"]: row for row in json.loads(r.stdout)}
    assert set(rows) == {"a", "gone"} and "does not exist" in rows["gone"]["error"] and "error" not in rows["a"]


def test_plain_files_report_a_failing_file(tmp_path):
    good, empty = tmp_path / "good.txt", tmp_path / "empty.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    empty.write_bytes(b"")
    r = cli("extract", good, empty, "--lang", "en", "--format", "json")
    one_line_error(r, 1, str(empty), "empty")
    assert {c["source"] for c in json.loads(r.stdout)} == {"good"}


def test_check_cannot_check_with_a_failing_source(tmp_path):
    corpus = make_corpus(tmp_path / "c", entry(), entry(id="gone", path="sources/gone.txt"))
    r = cli("check", corpus, "--jobs", "1")
    assert r.returncode == 2 and "Traceback" not in r.stderr + r.stdout
    assert "gone.txt" in r.stdout + r.stderr


def test_strict_stops_at_the_first_failing_source_and_writes_nothing(tmp_path):
    out = tmp_path / "out"
    r, data, _ = report_with(tmp_path, entry(id="gone", path="sources/gone.txt"), None, "--strict")
    one_line_error(r, 2, "gone.txt", "does not exist", "--strict")
    assert not out.exists() and data == {}
    assert temp_leftovers(tmp_path) == []


def test_debug_shows_the_traceback(tmp_path):
    r = cli("--debug", "sources", tmp_path / "nowhere")
    assert r.returncode != 0 and "Traceback" in r.stderr and "CorpusError" in r.stderr


# --- interrupted runs: the previous report stays, nothing stray is left -------------------------


def small_result(tmp_path: Path):
    from checker.compare import compare_claims
    from checker.pipeline import run_corpus
    from checker.sources import load_corpus

    corpus = load_corpus(make_corpus(tmp_path / "c"))
    result = run_corpus(corpus, jobs=1)
    return result, compare_claims(result.claims, corpus.catalog)


@pytest.mark.parametrize("failure", [RuntimeError("render bug"), Interrupted(), KeyboardInterrupt(), OSError(28, "No space left on device")], ids=["bug", "sigint", "keyboard", "disk-full"])
def test_failure_mid_render_keeps_the_previous_report(tmp_path, monkeypatch, failure):
    import checker.report.html as html_module
    from checker.report import write_report

    result, findings = small_result(tmp_path)
    out = tmp_path / "reports" / "site"
    write_report(result, findings, out)
    before = snapshot(out)
    real_render = html_module.render_site

    def half_render(report, corpus, folder):
        real_render(report, corpus, folder)
        (Path(folder) / "index.html").write_text("<p>half", encoding="utf-8")
        raise failure

    monkeypatch.setattr(html_module, "render_site", half_render)
    expected = OutputError if isinstance(failure, OSError) else type(failure)
    with pytest.raises(expected):
        write_report(result, findings, out)
    assert snapshot(out) == before and before
    assert temp_leftovers(out.parent) == [] and sorted(p.name for p in out.parent.iterdir()) == ["site"]


def test_failed_swap_puts_the_previous_report_back(tmp_path, monkeypatch):
    import checker.report.write as write_module

    result, findings = small_result(tmp_path)
    out = tmp_path / "site"
    write_module.write_report(result, findings, out)
    before = snapshot(out)
    real_replace, failed = os.replace, []

    def replace(src, dst):
        if ".tmp-" in Path(src).name and Path(dst) == out and not failed:
            failed.append(src)  # the new report's move fails, once
            raise OSError(18, "Invalid cross-device link")
        return real_replace(src, dst)

    monkeypatch.setattr(write_module.os, "replace", replace)
    monkeypatch.setattr(write_module, "_exchange", lambda a, b: False)  # the two-rename fallback
    with pytest.raises(OutputError, match="cross-device"):
        write_module.write_report(result, findings, out)
    assert failed and snapshot(out) == before and temp_leftovers(tmp_path) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_the_swap_is_one_atomic_exchange_on_linux(tmp_path, monkeypatch):
    """The previous report is never moved aside: new and old trade places in one system call,
    so no instant exists without a whole report at --out."""
    import checker.report.write as write_module

    result, findings = small_result(tmp_path)
    out = tmp_path / "site"
    write_module.write_report(result, findings, out)
    (out / "marker").write_text("old", encoding="utf-8")
    moved = []
    real_replace = os.replace
    monkeypatch.setattr(write_module.os, "replace", lambda src, dst: (moved.append((src, dst)), real_replace(src, dst)))
    write_module.write_report(result, findings, out)
    assert moved == [] and not (out / "marker").exists() and (out / "report.json").exists()
    assert temp_leftovers(tmp_path) == []


def test_a_run_killed_between_the_two_renames_gets_its_report_back(tmp_path):
    """Without renameat2 a swap is two renames; a run killed between them has left the previous
    report aside and none in place. The next run puts it back before anything else."""
    from checker.report.write import _remove_stale_temps

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout.strip()
    aside, half = tmp_path / f".site.tmp-{dead}-old", tmp_path / f".site.tmp-{dead}-abc"
    for folder, text in ((aside, "previous"), (half, "half")):
        folder.mkdir()
        (folder / "index.html").write_text(text, encoding="utf-8")
    _remove_stale_temps(tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "previous"
    assert temp_leftovers(tmp_path) == []


def test_temp_folder_of_a_killed_run_is_removed_by_the_next(tmp_path):
    from checker.report import write_report

    result, findings = small_result(tmp_path)
    out = tmp_path / "site"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout.strip()
    stale = tmp_path / f".site.tmp-{dead}-abc"
    live = tmp_path / f".site.tmp-{os.getpid()}-xyz"
    for folder in (stale, live):
        folder.mkdir()
        (folder / "index.html").write_text("half", encoding="utf-8")
    write_report(result, findings, out)
    assert not stale.exists(), "a dead run's folder is removed"
    assert live.exists(), "a running process's folder is left alone"


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        kids = task / "children"
        if kids.exists():
            found += [int(k) for k in kids.read_text().split()]
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to see when the run is busy")
@pytest.mark.parametrize("jobs,to_group", [("1", False), ("2", True), ("2", False)], ids=["one-process", "workers-ctrl-c", "workers-kill-main"])
def test_sigint_during_report_exits_130_and_keeps_the_previous_report(tmp_path, jobs, to_group):
    """A real SIGINT to a `claimcheck report` busy on a large corpus. To the process group, as a
    terminal's Ctrl-C does, or to the main process alone."""
    texts = {f"sources/s{i}.txt": one_line_text(1_500_000) for i in range(4)}
    entries = [entry(id=f"s{i}", path=f"sources/s{i}.txt") for i in range(4)]
    corpus = make_corpus(tmp_path / "big", *entries, files=texts)
    out = tmp_path / "reports"
    first = cli("report", make_corpus(tmp_path / "small"), "--out", out)
    assert first.returncode == 0, first.stderr
    before, around = snapshot(out), sorted(os.listdir(tmp_path))

    cmd = [sys.executable, "-m", "checker", "report", str(corpus), "--out", str(out), "--jobs", jobs]
    env = {**os.environ, "PYTHAINLP_READ_ONLY": "1"}
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        # Busy means past start-up: a second of CPU in the main process (the imports take a
        # fraction of it) or, with workers, the workers started and working.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if (jobs == "1" and cpu_seconds(proc.pid) > 1.0) or (jobs != "1" and len(children(proc.pid)) >= 2 and all(cpu_seconds(k) > 0.5 for k in children(proc.pid))):
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before it could be interrupted"
        workers = children(proc.pid)
        sent = time.monotonic()
        os.killpg(proc.pid, signal.SIGINT) if to_group else os.kill(proc.pid, signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=60)
        took = time.monotonic() - sent
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, stderr
    assert stderr == "claimcheck: interrupted\n" and stdout == ""
    assert took < 10, f"took {took:.1f} s to stop"
    assert snapshot(out) == before
    assert sorted(os.listdir(tmp_path)) == around, "no temporary folder left"
    time.sleep(0.2)
    assert not [w for w in workers if Path(f"/proc/{w}").exists() and "Z" not in Path(f"/proc/{w}/stat").read_text().rsplit(")", 1)[1].split()[0]], "workers stopped"


def test_a_ctrl_c_whose_exception_python_dropped_still_stops_the_run(tmp_path):
    """The SIGINT handler raises Interrupted; if the signal lands inside a __del__ (the regex
    module's pattern compiler runs some), Python prints that exception and drops it, and the
    run went on to replace the report. Here the handler is run inside a __del__ while the
    second source is read: the run must still exit 130, say only that, and keep the report."""
    corpus = make_corpus(tmp_path / "c", entry(id="a"), entry(id="b", path="sources/b.txt"), files={"sources/b.txt": GOOD_TEXT})
    out = tmp_path / "reports"
    assert cli("report", make_corpus(tmp_path / "small"), "--out", out).returncode == 0
    before = snapshot(out)
    script = f"""
import signal, sys
import checker.cli as cli, checker.pipeline as pipeline
real = pipeline.extract_claims
class SignalInDel:
    def __del__(self):
        cli._interrupt(signal.SIGINT, None)
def extract(text, ctx):
    if ctx.source == "b":
        SignalInDel()  # dropped at once: its __del__ runs the handler, whose exception is lost
    return real(text, ctx)
pipeline.extract_claims = extract
sys.argv = ["claimcheck", "report", {str(corpus)!r}, "--out", {str(out)!r}, "--jobs", "1"]
cli.main()
"""
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHAINLP_READ_ONLY": "1"}, timeout=120)
    assert (r.returncode, r.stderr, r.stdout) == (130, "claimcheck: interrupted\n", "")
    assert snapshot(out) == before


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to see when the run is busy")
@pytest.mark.parametrize("phase", ["extracting", "writing"])
def test_a_crash_keeps_the_previous_report_and_the_next_run_cleans_up(tmp_path, phase):
    """SIGKILL, which nothing can catch (a crash, the OOM killer, a power cut as far as the
    folder is concerned), while extracting or while the new report is being written: the
    previous report is whole, and the next run removes what the dead one left."""
    texts = {f"sources/s{i}.txt": one_line_text(400_000) for i in range(3)}
    corpus = make_corpus(tmp_path / "big", *[entry(id=f"s{i}", path=f"sources/s{i}.txt") for i in range(3)], files=texts)
    small, out = make_corpus(tmp_path / "small"), tmp_path / "reports"
    assert cli("report", small, "--out", out).returncode == 0
    before = snapshot(out)

    cmd = [sys.executable, "-m", "checker", "report", str(corpus), "--out", str(out), "--jobs", "1"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "PYTHAINLP_READ_ONLY": "1"}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        # Past start-up (and the writability probe, which makes and removes a temporary folder).
        while proc.poll() is None and cpu_seconds(proc.pid) < 1.0 and time.monotonic() < deadline:
            time.sleep(0.02)
        # The writability probe's folder is empty and gone at once; the report's gets files.
        while phase == "writing" and proc.poll() is None and not temp_with_files(tmp_path) and time.monotonic() < deadline:
            time.sleep(0.002)
        assert proc.poll() is None, "the run ended before it could be killed"
        proc.kill()
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert snapshot(out) == before
    left = temp_leftovers(tmp_path)
    assert phase == "extracting" or left, "killed while writing, so its temporary folder is left"
    assert cli("report", small, "--out", out).returncode == 0
    assert temp_leftovers(tmp_path) == [] and snapshot(out)


def test_a_language_pack_that_crashes_is_one_line_naming_the_source(tmp_path, monkeypatch, capsys):
    """A bug in a pack (here, an error whose text spans lines) is reported with its source, on
    one line; the other sources are still read and reported."""
    import checker.pipeline as pipeline

    corpus = make_corpus(tmp_path / "c", entry(), entry(id="bad", path="sources/bad.txt"), files={"sources/bad.txt": GOOD_TEXT})
    real_extract = pipeline.extract_claims

    def extract(text, ctx):
        if ctx.source == "bad":
            raise ValueError("first line\nsecond line")
        return real_extract(text, ctx)

    monkeypatch.setattr(pipeline, "extract_claims", extract)
    code, out, err = run_main(monkeypatch, capsys, "sources", corpus, "--jobs", "1", "--format", "json")
    assert code == 1
    [line] = err.splitlines()
    assert "bad.txt: internal error in the 'en' language pack: ValueError: first line\\nsecond line" in line and "please report it" in line
    rows = {row["id"]: row for row in json.loads(out)}
    assert rows["a"]["claims"] > 0 and "internal error" in rows["bad"]["error"]
