"""`claimcheck check`: fail CI on findings at or above a level that no baseline accepts."""
from __future__ import annotations

import json
from pathlib import Path

from checker.errors import ClaimcheckError

LEVELS = {
    "contradiction": {"contradiction", "internal_inconsistency"},
    "discrepancy": {"contradiction", "internal_inconsistency", "discrepancy"},
}


def read_baseline(path: Path) -> set[str]:
    """Finding ids from a JSON list (or {"accepted": [...]}) or a text file, one id a line."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimcheckError(f"cannot read the baseline: {exc}", path=str(path))
    if raw.lstrip().startswith(("[", "{")):
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ClaimcheckError(f"baseline is not valid JSON: {exc.msg}", path=str(path), line=exc.lineno)
        ids = data.get("accepted", []) if isinstance(data, dict) else data
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise ClaimcheckError("baseline must be a list of finding ids", path=str(path))
        return set(ids)
    return {line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#")}


def failing(findings, level: str, accepted: set[str]) -> list:
    return [f for f in findings if f.verdict in LEVELS[level] and f.id not in accepted]


def run_check(corpus, level: str, baseline: Path | None, write_baseline: Path | None, jobs: int | None) -> tuple[int, str]:
    """Exit code (0 pass, 1 fail) and a short summary."""
    from checker.compare import compare_claims
    from checker.pipeline import run_corpus

    result = run_corpus(corpus, jobs)
    findings = compare_claims(result.claims, corpus.catalog)
    if write_baseline is not None:
        ids = sorted(f.id for f in findings if f.verdict in LEVELS[level])
        write_baseline.write_text(json.dumps({"accepted": ids}, indent=1) + "\n", encoding="utf-8")
    accepted = read_baseline(baseline) if baseline else set()
    bad = failing(findings, level, accepted)
    lines = [f"{len(result.sources)} sources, {len(result.claims)} claims, {len(findings)} findings; failing on {level}: {len(bad)}"]
    lines += [f"  {f.verdict}: {f.id}: {f.explanation}" for f in bad]
    lines += [f"  unreadable source: {e.message}" for e in result.errors]
    return (1 if bad or result.errors else 0), "\n".join(lines)
