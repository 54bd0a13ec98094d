"""claimcheck's benchmarks: `python bench/run.py [--quick]`.

Prints a table and writes bench/results/bench-DATE.json: extraction speed per language and its
ratio to a bare regex scan of the same text; end-to-end `claimcheck report` time and peak memory
per corpus size (1 MB, 10 MB; 100 MB without --quick) and per number of sources; compare time
per claim count; report size and its opening time in headless Chromium; --jobs 1 against
--jobs 2; start-up time; worst-case inputs through every language pack; a profile of extracting
the Spanish source. Figures are medians of repeated runs, and the machine's load is recorded
before and after: other processes may share the cores.
"""
from __future__ import annotations

import argparse
import json
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import sections  # noqa: E402
from bench.measure import load  # noqa: E402

RESULTS = ROOT / "bench" / "results"
PLANS = {
    # Section settings: quick for a check in minutes, full for figures worth quoting.
    "quick": dict(reps=3, sizes=["1 MB", "10 MB"], run_limit=1200, phases="1 MB", claims=[1_000, 10_000], compare_limit=300, sources=[10, 1_000], jobs_corpus="1 MB", jobs_reps=2, browser_reps=2, startup_reps=5, worst_limit=10.0),
    "full": dict(reps=7, sizes=["1 MB", "10 MB", "100 MB"], run_limit=2400, phases="10 MB", claims=[1_000, 10_000, 100_000], compare_limit=900, sources=[10, 10_000], jobs_corpus="10 MB", jobs_reps=2, browser_reps=3, startup_reps=10, worst_limit=30.0),
}


def _table(title: str, rows: list[dict], columns: list[str]) -> None:
    print(f"\n== {title}")
    cells = [[str(r.get(c, "")) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) if cells else len(c) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths)))
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)))


def _section(results: dict, name: str, fn, *args):
    """Run one section, time it, keep its result (or its error) under `name`."""
    start = time.perf_counter()
    print(f"[{time.strftime('%H:%M:%S')}] {name}…", file=sys.stderr, flush=True)
    try:
        results[name] = fn(*args)
    except Exception as exc:  # one broken section must not lose the others' figures
        results[name] = {"error": f"{type(exc).__name__}: {exc}"}
    results.setdefault("section_seconds", {})[name] = round(time.perf_counter() - start, 1)
    return results[name]


def run(plan: dict, work: Path) -> dict:
    results: dict = {"meta": {"started": time.strftime("%Y-%m-%d %H:%M:%S"), "python": platform.python_version(), "git": sections._git_head(), "load_before": load(), "plan": plan}}
    rows = _section(results, "extraction", sections.extraction_speed, plan["reps"])
    if isinstance(rows, list):
        results["extraction_mb_per_s_by_language"] = sections.per_language(rows)
    _section(results, "extraction_floor", sections.extraction_floor, max(plan["reps"], 5))
    _section(results, "end_to_end", sections.end_to_end, work, plan["sizes"], 2, plan["run_limit"])
    _section(results, "phases", sections.phases, work, plan["phases"])
    _section(results, "many_sources", sections.many_sources, work, plan["sources"])
    _section(results, "jobs", sections.jobs_comparison, work, plan["jobs_corpus"], plan["jobs_reps"])
    _section(results, "compare", sections.compare_scaling, plan["claims"], plan["compare_limit"])
    reports = results["end_to_end"] if isinstance(results["end_to_end"], list) else []
    _section(results, "browser", sections.browser_open, reports, plan["browser_reps"])
    _section(results, "startup", sections.startup, plan["startup_reps"])
    _section(results, "worst_case", sections.worst_case, plan["worst_limit"])
    _section(results, "profile_es", sections.profile_spanish)
    results["meta"]["load_after"] = load()
    return results


def show(results: dict) -> None:
    """The figures as tables on stdout."""
    def rows(name):
        value = results.get(name)
        return value if isinstance(value, list) else []

    meta = results["meta"]
    print(f"claimcheck benchmarks, git {meta['git']}, Python {meta['python']}; load before {meta['load_before']}, after {meta.get('load_after')}")
    _table("extraction per source (one core)", [{**r, "median_s": r["extract"]["median_s"]} for r in rows("extraction")], ["source", "language", "bytes", "claims", "median_s", "mb_per_s", "bare_regex_mb_per_s", "times_slower_than_bare_regex"])
    print(f"MB/s per core by language: {results.get('extraction_mb_per_s_by_language')}")
    _table(f"what {sections.TARGET_MB_PER_S:g} MB/s per core allows, against the token index and the claims (best runs, ms)", rows("extraction_floor"), ["language", "bytes", "claims", "budget_ms", "extract_ms", "bare_scan_ms", "token_index_ms", "budget_us_per_claim", "now_us_per_claim", "after_rules_us_per_claim"])
    _table("claimcheck report, end to end (--jobs 2)", rows("end_to_end"), ["corpus", "bytes", "sources", "wall_s", "max_rss_mb", "report_bytes", "index_html_bytes", "returncode", "stopped"])
    phases = results.get("phases") or {}
    _table(f"phases of the report, {phases.get('corpus')} corpus, one process (--jobs 2)", [{"phase": k, **v} for k, v in phases.items() if isinstance(v, dict)], ["phase", "seconds", "peak_rss_mb", "claims", "findings", "bytes"])
    _table("1 MB as few or many sources (--jobs 2)", rows("many_sources"), ["sources", "bytes", "wall_s", "max_rss_mb", "returncode"])
    print(f"\n== --jobs 1 vs --jobs 2: {results.get('jobs')}")
    _table("compare_claims by claim count (one process)", rows("compare"), ["claims", "seconds", "findings", "peak_rss_mb", "stopped", "after_s"])
    _table("opening the heaviest pages in headless Chromium (to the second frame after load)", rows("browser"), ["corpus", "page", "kb", "open_s_best", "open_s_median", "open_s_runs"])
    print(f"\n== start-up: {results.get('startup')}")
    worst = results.get("worst_case") or {}
    _table("worst-case inputs (100,000 characters)", worst.get("cases", []), ["case", "language", "seconds", "claims", "timed_out_after_s", "error"])
    print(f"max: {worst.get('max')}; over 1 s: {len(worst.get('over_1s', []))}; not finished: {len(worst.get('not_finished', []))}")
    for order, lines in (results.get("profile_es") or {}).items():
        print(f"\n== profile: extracting the Spanish source 3 times, by {order}")
        print("\n".join(lines) if isinstance(lines, list) else lines)
    print(f"\nsection seconds: {results.get('section_seconds')}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="claimcheck benchmarks")
    parser.add_argument("--quick", action="store_true", help="smaller sizes and fewer repetitions (no 100 MB corpus, no 100k claims)")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpora and reports")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="claimcheck-bench-"))
    try:
        results = run(PLANS["quick" if args.quick else "full"], work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"bench-{time.strftime('%Y%m%d-%H%M%S')}{'-quick' if args.quick else ''}.json"
    out.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    show(results)
    print(f"\nwrote {out}" + (f"; corpora kept in {work}" if args.keep else ""))


if __name__ == "__main__":
    main()
