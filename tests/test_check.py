"""`claimcheck check` for CI: levels, baselines, exit codes, and finding ids that survive reruns
and reordered manifests."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.check import (
    EXIT_CANNOT_CHECK,
    EXIT_NEW_FINDINGS,
    EXIT_PASS,
    LEVELS,
    Baseline,
    baseline_json,
    failing,
    read_baseline,
    summarize,
)
from checker.compare import compare_claims
from checker.errors import ClaimcheckError
from checker.model import Finding, SourceError
from checker.pipeline import run_corpus
from checker.sources import bundled_corpus_path, load_corpus
from checker.testing import VERDICTS

TITANIC = Path(__file__).parent / "corpora" / "titanic-1912"

# Timing varies with the machine's load (other runs, first imports): no deadline.
LAWS = settings(deadline=None)


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, text=True)


def finding(verdict: str, topic: str = "t", sources=("a", "b")) -> Finding:
    return Finding(id=f"time:{topic}:{verdict}", topic=topic, kind="time", verdict=verdict, severity="high", claims=[], sources=list(sources), explanation="x.")


def result_of(n_sources=2, errors=()):
    return SimpleNamespace(sources=[None] * n_sources, claims=[], errors=list(errors))


FINDINGS = st.lists(
    st.builds(finding, st.sampled_from(VERDICTS), st.sampled_from(["t1", "t2", "t3"]), st.sets(st.sampled_from("abcd"), min_size=1)),
    unique_by=lambda f: f.id,
)


@LAWS
@given(FINDINGS, st.sampled_from(sorted(LEVELS)))
def test_failing_takes_exactly_the_findings_at_the_level(findings, level):
    bad = failing(findings, level)
    assert {f.id for f in bad} == {f.id for f in findings if f.verdict in LEVELS[level]}
    assert {f.id for f in failing(findings, "contradiction")} <= {f.id for f in failing(findings, "discrepancy")}


@LAWS
@given(FINDINGS, st.sampled_from(sorted(LEVELS)))
def test_a_written_baseline_accepts_everything_it_was_written_from(tmp_path_factory, findings, level):
    path = tmp_path_factory.mktemp("b") / "baseline.json"
    path.write_text(baseline_json(findings, level), encoding="utf-8")
    assert failing(findings, level, read_baseline(path)) == []
    code, summary = summarize(result_of(), findings, level, read_baseline(path))
    assert code == EXIT_PASS and "PASS" in summary


@LAWS
@given(FINDINGS, st.sampled_from("abcde"))
def test_a_known_finding_with_a_new_source_is_new(findings, newcomer):
    base = Baseline({f.id: frozenset(f.sources) for f in findings})
    for f in findings:
        widened = f.model_copy(update={"sources": sorted({*f.sources, newcomer})})
        assert base.accepts(widened) == (newcomer in f.sources)
        assert base.accepts(f)


def test_baseline_formats(tmp_path):
    text = tmp_path / "ids.txt"
    text.write_text("# accepted after review\ntime:a:contradiction\n\n  date:b:discrepancy  \n", encoding="utf-8")
    assert set(read_baseline(text).accepted) == {"time:a:contradiction", "date:b:discrepancy"}
    plain = tmp_path / "list.json"
    plain.write_text('["time:a:contradiction"]', encoding="utf-8")
    assert read_baseline(plain).accepted == {"time:a:contradiction": None}
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text('{"accepted": [{"id": "time:a:contradiction", "sources": ["x", "y"]}]}', encoding="utf-8")
    assert read_baseline(wrapped).accepted == {"time:a:contradiction": frozenset({"x", "y"})}


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"accepted": [1, 2]', "not valid JSON"),
        ('{"accepted": 3}', "list of finding ids"),
        ('[{"sources": ["a"]}]', "baseline entries must be"),
        ('[{"id": "x", "sources": "a"}]', "sources must be a list"),
    ],
)
def test_a_broken_baseline_is_an_error_naming_the_file(tmp_path, content, message):
    path = tmp_path / "baseline.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ClaimcheckError, match=message) as info:
        read_baseline(path)
    assert str(path) in str(info.value)


def test_exit_codes_of_summaries():
    bad = [finding("contradiction"), finding("discrepancy")]
    assert summarize(result_of(), bad, "contradiction", None)[0] == EXIT_NEW_FINDINGS
    assert summarize(result_of(), [finding("discrepancy")], "contradiction", None)[0] == EXIT_PASS
    assert summarize(result_of(), [finding("discrepancy")], "discrepancy", None)[0] == EXIT_NEW_FINDINGS
    unreadable = result_of(errors=[SourceError(source="s", path="s.txt", message="s.txt: the file is empty")])
    code, summary = summarize(unreadable, [], "contradiction", None)
    assert code == EXIT_CANNOT_CHECK and "s.txt: the file is empty" in summary


def test_stale_baseline_entries_are_named_but_do_not_fail():
    base = Baseline({"time:gone:contradiction": None})
    code, summary = summarize(result_of(), [], "contradiction", base)
    assert code == EXIT_PASS and "no longer found (time:gone:contradiction)" in summary


def _reorder_manifest(corpus: Path, out: Path) -> Path:
    """A copy of the corpus whose manifest lists its sources in reverse order."""
    shutil.copytree(corpus, out)
    manifest = (out / "corpus.toml").read_text(encoding="utf-8")
    head, *blocks = manifest.split("[[source]]")
    (out / "corpus.toml").write_text(head + "".join("[[source]]" + b.rstrip() + "\n\n" for b in reversed(blocks)), encoding="utf-8")
    return out


@pytest.mark.parametrize("corpus", [bundled_corpus_path(), TITANIC], ids=["bundled", "titanic"])
def test_finding_ids_survive_reruns_parallel_runs_and_reordered_sources(tmp_path, corpus):
    def findings(path, jobs):
        c = load_corpus(path)
        return compare_claims(run_corpus(c, jobs).claims, c.catalog)

    first = findings(corpus, 1)
    ids = [f.id for f in first]
    assert len(ids) == len(set(ids)), "finding ids must be unique"
    reordered = _reorder_manifest(corpus, tmp_path / "reordered")
    assert [s.id for s in load_corpus(reordered).sources] == [s.id for s in reversed(load_corpus(corpus).sources)]
    assert findings(corpus, 1) == first
    assert findings(reordered, 1) == first
    assert findings(reordered, 2) == first


def test_ci_flow_on_a_corpus_with_a_contradiction(tmp_path):
    corpus = shutil.copytree(TITANIC, tmp_path / "titanic")
    baseline = tmp_path / "known.json"
    r = run_cli("check", str(corpus))
    assert r.returncode == EXIT_NEW_FINDINGS, r.stdout + r.stderr
    assert "time:sinking_time:contradiction" in r.stdout and r.stdout.rstrip().endswith("(exit 1)")
    r = run_cli("check", str(corpus), "--fail-on", "discrepancy", "--write-baseline", str(baseline))
    assert r.returncode == EXIT_PASS, r.stdout + r.stderr
    written = json.loads(baseline.read_text(encoding="utf-8"))
    assert {"time:sinking_time:contradiction", "count:survivors:discrepancy"} <= {e["id"] for e in written["accepted"]}
    r = run_cli("check", str(corpus), "--fail-on", "discrepancy", "--baseline", str(baseline))
    assert r.returncode == EXIT_PASS, r.stdout + r.stderr

    # A fourth account gives yet another hour for the sinking: the known contradiction now
    # involves a new source, so CI fails again.
    (corpus / "sources" / "d.txt").write_text("The Titanic sank at 4:50 a.m. on 15 April 1912.\n", encoding="utf-8")
    with open(corpus / "corpus.toml", "a", encoding="utf-8") as f:
        f.write('\n[[source]]\nid = "account-d"\npath = "sources/d.txt"\nlanguage = "en"\n')
    r = run_cli("check", str(corpus), "--fail-on", "discrepancy", "--baseline", str(baseline))
    assert r.returncode == EXIT_NEW_FINDINGS, r.stdout + r.stderr
    assert "new source account-d" in r.stdout

    (corpus / "sources" / "d.txt").write_bytes(b"")
    r = run_cli("check", str(corpus), "--baseline", str(baseline))
    assert r.returncode == EXIT_CANNOT_CHECK and "empty" in r.stdout


def test_a_missing_baseline_is_a_one_line_error(tmp_path):
    r = run_cli("check", str(TITANIC), "--baseline", str(tmp_path / "nope.json"))
    assert r.returncode == EXIT_CANNOT_CHECK
    assert "nope.json" in r.stderr and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
