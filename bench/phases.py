"""Where the time and memory of `claimcheck report` go, phase by phase, in one process:

    python bench/phases.py CORPUS [JOBS]      # prints one JSON object
    python bench/phases.py --compare N        # compare_claims on N synthetic claims

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


if __name__ == "__main__":
    if sys.argv[1] == "--compare":
        print(json.dumps(compare_only(int(sys.argv[2]))))
    else:
        print(json.dumps(phases(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 2)))
