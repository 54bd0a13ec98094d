"""Each CLI command end to end, as a user runs it (a real subprocess)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "claims" / "october-1917" / "sources"


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, text=True, cwd=cwd)


def test_sources_json_lists_the_bundled_corpus():
    r = run("sources", "--format", "json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert {s["language"] for s in rows} == {"ru", "es", "th", "en"} and len(rows) == 5
    import hashlib

    for s in rows:
        assert s["sha256"] == hashlib.sha256(Path(s["path"]).read_bytes()).hexdigest()
        assert s["claims"] > 0


def test_extract_text_one_sentence():
    r = run("extract", "--text", "storming it at 2:10a.m. on 26 October", "--lang", "en", "--format", "json", "--year", "1917")
    assert r.returncode == 0, r.stderr
    claims = json.loads(r.stdout)
    times = [c for c in claims if c["kind"] == "time"]
    assert times and times[0]["value"] == "02:10" and times[0]["date"] == "1917-10-26"


def test_extract_plain_files_and_kind_filter(tmp_path):
    f = tmp_path / "note.txt"
    f.write_text("About 100 demonstrators were killed on 4 July 1917 at 3 p.m.", encoding="utf-8")
    r = run("extract", str(f), "--lang", "en", "--kind", "count", "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [c["kind"] for c in rows] == ["count"]
    assert rows[0]["value"] == {"low": 100.0, "high": 100.0} and rows[0]["approx"] == "about" and rows[0]["unit"] == "people"


def test_report_writes_html_json_and_csv(tmp_path):
    out = tmp_path / "rep"
    r = run("report", "--out", str(out))
    assert r.returncode == 0, r.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert len(report["sources"]) == 5
    ids = {c["id"] for c in report["claims"]}
    assert all(set(f["claims"]) <= ids for f in report["discrepancies"])
    html = (out / "index.html").read_text(encoding="utf-8")
    assert all(s["id"] in html for s in report["sources"])
    assert (out / "claims.csv").read_text(encoding="utf-8").count("\n") == len(report["claims"]) + 1


def test_check_exit_codes(tmp_path):
    r = run("check", "--fail-on", "contradiction")
    assert r.returncode in (0, 1), r.stderr
    base = tmp_path / "baseline.json"
    r = run("check", "--fail-on", "discrepancy", "--write-baseline", str(base))
    r2 = run("check", "--fail-on", "discrepancy", "--baseline", str(base))
    assert r2.returncode == 0, r2.stdout + r2.stderr


def test_version_and_help():
    assert run("--version").stdout.startswith("claimcheck ")
    for cmd in ("sources", "extract", "report", "check"):
        r = run(cmd, "--help")
        assert r.returncode == 0 and "Example" in r.stdout


def test_missing_corpus_is_one_line_error(tmp_path):
    r = run("report", str(tmp_path / "nope"))
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "nope" in r.stderr and "Traceback" not in r.stderr
