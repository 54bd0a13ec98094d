"""Where the time and memory of `claimcheck report` go, phase by phase, in one process:

    python bench/phases.py CORPUS [JOBS]      # prints one JSON object
    python bench/phases.py --compare N        # compare_claims on N synthetic claims
    python bench/phases.py --compare-distinct N   # ... on 2N claims whose values all differ

Peak memory (ru_maxrss of this process) is read after each phase: a phase that raises it is the
one that needed the memory.
"""
from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def phases(corpus_path: str, jobs: int) -> dict:
    """Seconds and peak memory after each stage of the report."""
    from checker.compare import compare_claims
    from checker.pipeline import run_corpus
    from checker.report.html import render_site
    from checker.report.write import build_report
    from checker.sources import load_corpus

    out, clock = {}, time.perf_counter()

    def done(name: str, **extra) -> None:
        nonlocal clock
        now = time.perf_counter()
        out[name] = {"seconds": round(now - clock, 2), "peak_rss_mb": _peak_mb(), **extra}
        clock = now

    corpus = load_corpus(corpus_path)
    done("load", sources=len(corpus.sources))
    result = run_corpus(corpus, jobs)
    done("extract", claims=len(result.claims), jobs=jobs)
    findings = compare_claims(result.claims, corpus.catalog)
    done("match_and_compare", findings=len(findings))
    report = build_report(result, findings)
    text = report.model_dump_json(indent=1)
    done("report_json", bytes=len(text.encode("utf-8")))
    render_site(report, corpus, Path(tempfile.mkdtemp(prefix="claimcheck-phases-")))
    done("render_html")
    return out


def replicated_claims(n: int) -> tuple[list, object]:
    """n claims: the bundled corpus's claims copied under new source names, so topics, events
    and names keep their real mix while every group grows with n."""
    from checker.pipeline import run_corpus
    from checker.sources import load_corpus

    corpus = load_corpus(None)
    base = run_corpus(corpus, jobs=1).claims
    out, copy = [], 0
    while len(out) < n:
        for c in base[: n - len(out)]:
            source = f"{c.source}-{copy}"
            out.append(c.model_copy(update={"source": source, "id": source + c.id[len(c.source):]}))
        copy += 1
    return out, corpus.catalog


def compare_only(n: int) -> dict:
    """Seconds and peak memory of compare_claims (matching and verdicts) on n claims."""
    from checker.compare import compare_claims

    claims, catalog = replicated_claims(n)
    before = _peak_mb()
    start = time.perf_counter()
    findings = compare_claims(claims, catalog)
    return {"claims": n, "seconds": round(time.perf_counter() - start, 3), "findings": len(findings), "peak_rss_mb_before": before, "peak_rss_mb": _peak_mb()}


def distinct_claims(n: int) -> list:
    """n count claims and n time claims, every value different: the worst case for judging
    pairs, as in a large archive where each source gives its own figure. Counts come in three
    units (two a difference of scope), times as a happening and a report of it."""
    from checker.model import CountClaim, CountValue, TimeClaim

    units, approx = ["killed", "casualties", None], ["exact", "about", "at_least"]
    counts = [
        CountClaim(id=f"s{i}:c", source=f"s{i}", language="en", span=(0, 1), quote="x", topic="figure",
                   value=CountValue(low=1000 + 7 * i, high=1000 + 7 * i), unit=units[i % 3], approx=approx[i % 3])
        for i in range(n)
    ]
    times = [
        TimeClaim(id=f"s{i}:t", source=f"s{i}", language="en", span=(0, 1), quote="x", topic="hour",
                  value=f"{i // 60 % 24:02d}:{i % 60:02d}", event=["capture", "informed"][i % 2], reported=bool(i % 2))
        for i in range(n)
    ]
    return counts + times


def compare_distinct(n: int) -> dict:
    """CPU seconds of compare_claims on distinct_claims(n)."""
    from checker.compare import compare_claims

    claims = distinct_claims(n)
    start = time.process_time()
    findings = compare_claims(claims)
    return {"claims": len(claims), "distinct_values": True, "cpu_seconds": round(time.process_time() - start, 3), "findings": len(findings), "peak_rss_mb": _peak_mb()}


if __name__ == "__main__":
    if sys.argv[1] == "--compare":
        print(json.dumps(compare_only(int(sys.argv[2]))))
    elif sys.argv[1] == "--compare-distinct":
        print(json.dumps(compare_distinct(int(sys.argv[2]))))
    else:
        print(json.dumps(phases(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 2)))
