"""The benchmark sections bench/run.py runs, one function each, each returning plain data for
the JSON results."""
from __future__ import annotations

import cProfile
import io
import json
import pstats
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import regex  # noqa: E402

from bench import adversarial  # noqa: E402
from bench.make_corpus import make_corpus  # noqa: E402
from bench.measure import claimcheck, folder_bytes, repeat, run_child  # noqa: E402
from checker.extract import ExtractContext, extract_claims  # noqa: E402
from checker.sources import load_corpus, read_source  # noqa: E402

# The bare scan extraction is compared with: one precompiled regex over the same text.
BARE_SCAN = regex.compile(r"\d+|\p{Lu}\p{Ll}+")
# (label, bytes, sources) of the corpora for end-to-end runs.
SIZES = {"1 MB": (1_000_000, 50), "10 MB": (10_000_000, 500), "100 MB": (100_000_000, 5_000)}
CLAIM_COUNTS = (1_000, 10_000, 100_000)
# Address space allowed to a benchmarked child: a run beyond it fails alone, it does not take
# the shared machine down.
MEMORY_LIMIT_MB = 8192


def fresh_copy(text: str) -> str:
    """An equal string that is another object (str slicing and `+ ""` return the same one)."""
    return (" " + text)[1:]


def extraction_speed(reps: int) -> list[dict]:
    """MB/s of extract_claims on each bundled source (one process, so per core), and how many
    times slower it is than a bare regex scan of the same text."""
    corpus = load_corpus(None)
    rows = []
    for spec in corpus.sources:
        text = read_source(spec.file, spec.path).text
        context = ExtractContext(spec.id, spec.language, corpus.default_year, spec.calendar, corpus.catalog)
        extract_claims(text, context)  # warm: pack import, pattern compilation
        # A fresh copy each run: extraction keeps the last text's token index, keyed by the
        # string object, and a corpus run never reads one source twice.
        timing = repeat(lambda: extract_claims(fresh_copy(text), context), reps)
        scan = repeat(lambda: sum(1 for _ in BARE_SCAN.finditer(text)), max(reps, 5))
        size = len(text.encode("utf-8"))
        rows.append({
            "source": spec.id, "language": spec.language, "bytes": size,
            "claims": len(extract_claims(text, context)),
            "extract": timing.as_dict(), "mb_per_s": round(size / 1e6 / timing.median, 3),
            "bare_regex_mb_per_s": round(size / 1e6 / scan.median, 2),
            "times_slower_than_bare_regex": round(timing.median / scan.median, 1),
        })
    return rows


def per_language(rows: list[dict]) -> dict:
    """MB/s per language over all its sources (total bytes / total median time)."""
    out = {}
    for lang in sorted({r["language"] for r in rows}):
        mine = [r for r in rows if r["language"] == lang]
        size = sum(r["bytes"] for r in mine)
        seconds = sum(r["extract"]["median_s"] for r in mine)
        out[lang] = round(size / 1e6 / seconds, 3)
    return out


# Issue 8's target for extraction, per core.
TARGET_MB_PER_S = 10.0


def extraction_floor(reps: int) -> list[dict]:
    """Per language, the time the 10 MB/s target allows against two costs no rule can skip in
    this design: splitting the text into the tokens every anchored scan is tried at
    (`checker.normalize.tokens.tokens`, in C but for the index), and the claims themselves,
    each of which is read, dated and bound to a topic in Python. Shows how far the target is
    from what this shape of extractor can reach, whatever its rules."""
    from checker.extract import _as_lf as as_lf
    from checker.extract.lang import get_pack
    from checker.normalize.tokens import tokens

    corpus = load_corpus(None)
    rows = []
    for lang in sorted({s.language for s in corpus.sources}):
        specs = [s for s in corpus.sources if s.language == lang]
        texts = [read_source(s.file, s.path).text for s in specs]
        contexts = [ExtractContext(s.id, lang, corpus.default_year, s.calendar, corpus.catalog) for s in specs]
        run = lambda: [extract_claims(fresh_copy(t), c) for t, c in zip(texts, contexts)]
        claims = sum(len(found) for found in run())
        size = sum(len(t.encode("utf-8")) for t in texts)
        extract = repeat(run, reps).best
        split = repeat(lambda: [tokens(fresh_copy(t)) for t in texts], reps).best
        pack = get_pack(lang)
        rules = repeat(lambda: [pack.find(pack.reading(as_lf(fresh_copy(t)))) for t in texts], reps).best
        scan = repeat(lambda: [sum(1 for _ in BARE_SCAN.finditer(t)) for t in texts], reps).best
        budget = size / (TARGET_MB_PER_S * 1e6)
        rows.append({
            "language": lang, "bytes": size, "claims": claims,
            "budget_ms": round(budget * 1e3, 2), "extract_ms": round(extract * 1e3, 2),
            "bare_scan_ms": round(scan * 1e3, 2), "token_index_ms": round(split * 1e3, 2),
            "budget_us_per_claim": round(budget / max(claims, 1) * 1e6, 1),
            "now_us_per_claim": round((extract - split) / max(claims, 1) * 1e6, 1),
            # Dating, topic binding and the claim records, after the rules have found the hits.
            "after_rules_us_per_claim": round((extract - rules) / max(claims, 1) * 1e6, 1),
        })
    return rows


def end_to_end(work: Path, labels: list[str], jobs: int, limit_s: float) -> list[dict]:
    """`claimcheck report` on scaled corpora: wall time, peak memory, report size. A run past
    `limit_s` seconds or MEMORY_LIMIT_MB is stopped (returncode -9, or 3 on MemoryError)."""
    rows = []
    for label in labels:
        size, sources = SIZES[label]
        info = make_corpus(work / f"corpus-{label.replace(' ', '')}", size, sources)
        out = work / f"report-{label.replace(' ', '')}"
        run = run_child(claimcheck("report", info["path"], "--out", str(out), "--jobs", str(jobs)), timeout=limit_s, memory_limit_mb=MEMORY_LIMIT_MB)
        rows.append({
            "corpus": label, "bytes": info["bytes"], "sources": sources, "jobs": jobs,
            "wall_s": round(run.wall_s, 2), "max_rss_mb": round(run.max_rss_mb, 1), "returncode": run.returncode,
            "stopped": "time limit" if run.returncode == -9 else "memory limit" if "MemoryError" in run.stdout else None,
            "summary": run.stdout.strip().splitlines()[-1] if run.stdout.strip() else "",
            "report_bytes": folder_bytes(out) if out.exists() else None,
            "index_html_bytes": (out / "index.html").stat().st_size if (out / "index.html").exists() else None,
            "report_dir": str(out),
        })
    return rows


def many_sources(work: Path, counts: list[int]) -> list[dict]:
    """The same 1 MB split into few or many sources: the cost of each source's overhead."""
    rows = []
    for n in counts:
        info = make_corpus(work / f"corpus-1MB-{n}", 1_000_000, n)
        run = run_child(claimcheck("report", info["path"], "--out", str(work / f"report-1MB-{n}"), "--jobs", "2"))
        rows.append({"sources": n, "bytes": info["bytes"], "wall_s": round(run.wall_s, 2), "max_rss_mb": round(run.max_rss_mb, 1), "returncode": run.returncode})
    return rows


def jobs_comparison(work: Path, label: str, reps: int) -> dict:
    """Wall time with --jobs 1 and --jobs 2, alternated: `claimcheck sources` (reading and
    extraction, the parallel stage) and `claimcheck report` (everything)."""
    size, sources = SIZES[label]
    info = make_corpus(work / f"corpus-jobs-{label.replace(' ', '')}", size, sources)
    walls: dict[str, list[float]] = {}
    for _ in range(reps):
        for jobs in ("1", "2"):
            for command in ("sources", "report"):
                extra = ["--out", str(work / f"report-jobs{jobs}")] if command == "report" else []
                run = run_child(claimcheck(command, info["path"], *extra, "--jobs", jobs), memory_limit_mb=MEMORY_LIMIT_MB)
                walls.setdefault(f"{command} --jobs {jobs}", []).append(round(run.wall_s, 2))
    speed = lambda cmd: round(min(walls[f"{cmd} --jobs 1"]) / min(walls[f"{cmd} --jobs 2"]), 2)
    return {"corpus": label, "wall_s": walls, "speed_up_best_sources": speed("sources"), "speed_up_best_report": speed("report")}


def phases(work: Path, label: str) -> dict:
    """bench/phases.py on a scaled corpus: seconds and peak memory per stage."""
    size, sources = SIZES[label]
    info = make_corpus(work / f"corpus-phases-{label.replace(' ', '')}", size, sources)
    run = run_child([sys.executable, str(ROOT / "bench" / "phases.py"), info["path"], "2"], memory_limit_mb=MEMORY_LIMIT_MB)
    lines = run.stdout.strip().splitlines()
    return {"corpus": label, **(json.loads(lines[-1]) if run.returncode == 0 else {"error": run.stdout[-2000:]})}


def compare_scaling(counts: list[int], limit_s: int) -> list[dict]:
    """compare_claims (matching and verdicts) on synthetic claim sets of growing size, each in
    a child process with a time and a memory limit."""
    rows = []
    for n in counts:
        run = run_child([sys.executable, str(ROOT / "bench" / "phases.py"), "--compare", str(n)], timeout=limit_s, memory_limit_mb=MEMORY_LIMIT_MB)
        lines = run.stdout.strip().splitlines()
        if run.returncode == 0 and lines:
            rows.append(json.loads(lines[-1]))
        else:
            stopped = "time limit" if run.returncode == -9 else "memory limit" if "MemoryError" in run.stdout else f"exit {run.returncode}"
            rows.append({"claims": n, "seconds": None, "stopped": stopped, "after_s": round(run.wall_s, 1), "max_rss_mb": round(run.max_rss_mb, 1)})
    return rows


def browser_open(reports: list[dict], reps: int) -> list[dict]:
    """Seconds to open the heaviest pages of each report in headless Chromium (index.html, every
    matrix page, the largest topic page; bench/report_pages.py), to the second frame after load."""
    from bench.report_pages import measure

    done = [rep for rep in reports if (Path(rep["report_dir"]) / "index.html").exists()]
    if not done:
        return []
    corpus_of = {str(Path(rep["report_dir"])): rep["corpus"] for rep in done}
    rows = measure([Path(rep["report_dir"]) for rep in done], reps)
    return [{"corpus": corpus_of[r["report"]], **{k: v for k, v in r.items() if k != "report"}} for r in rows]


def startup(reps: int) -> dict:
    """`claimcheck --help` against a bare `python -c pass`, wall seconds."""
    exe = shutil.which("claimcheck")
    help_cmd = [exe, "--help"] if exe else claimcheck("--help")
    bare = [run_child([sys.executable, "-c", "pass"]).wall_s for _ in range(reps)]
    helps = [run_child(help_cmd).wall_s for _ in range(reps)]
    return {
        "command": " ".join(help_cmd),
        "help_median_s": round(sorted(helps)[reps // 2], 3), "help_best_s": round(min(helps), 3),
        "bare_python_median_s": round(sorted(bare)[reps // 2], 3),
    }


def worst_case(limit: float) -> dict:
    from checker.extract.lang import available_languages

    rows = adversarial.measure_all(list(available_languages()), limit)
    timed = [r for r in rows if r.get("seconds") is not None]
    failed = [r for r in rows if r.get("seconds") is None]
    slowest = max(timed, key=lambda r: r["seconds"]) if timed else None
    return {"cases": rows, "max": slowest, "over_1s": [r for r in timed if r["seconds"] >= 1.0], "not_finished": failed}


def profile_spanish(top: int = 15) -> dict:
    """cProfile of extracting the bundled Spanish source three times: the top functions by own
    time and by cumulative time."""
    corpus = load_corpus(None)
    spec = next(s for s in corpus.sources if s.language == "es")
    text = read_source(spec.file, spec.path).text
    context = ExtractContext(spec.id, spec.language, corpus.default_year, spec.calendar, corpus.catalog)
    extract_claims(text, context)
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(3):
        extract_claims(text, context)
    profile.disable()
    return {order: _top(profile, order, top) for order in ("tottime", "cumulative")}


def _top(profile: cProfile.Profile, order: str, top: int) -> list[str]:
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats(order).print_stats(top)
    return [line for line in out.getvalue().splitlines() if line.strip()][-top - 1:]


def _git_head() -> str:
    r = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return r.stdout.strip()
