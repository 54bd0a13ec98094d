"""`claimcheck check`: fail CI on findings at or above a level that no baseline accepts.

Exit codes (stable, for CI):
    0  nothing new at the level (or a baseline was written)
    1  at least one finding at the level that the baseline does not accept
    2  the check could not be made: a source, the corpus or the baseline cannot be read

A baseline works like a linter's: `--write-baseline FILE` accepts the findings of today, and
`--baseline FILE` then fails only on new ones. A finding is new when its id is not in the
baseline, or when it now involves a source the baseline did not record for it (a further source
joins a known contradiction). Finding ids ("time:outbreak_time:contradiction") name the
kind, the topic and the verdict, never a position or the order of sources, so they survive
reruns, reordered manifests and edits elsewhere in a text.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from checker.errors import ClaimcheckError

EXIT_PASS, EXIT_NEW_FINDINGS, EXIT_CANNOT_CHECK = 0, 1, 2
LEVELS = {
    "contradiction": {"contradiction", "internal_inconsistency"},
    "discrepancy": {"contradiction", "internal_inconsistency", "discrepancy"},
}
BASELINE_FORMAT = 1
_REWRITE = "fix it, or write it again with --write-baseline; see docs/testing-your-corpus.md"
# New findings listed in the summary; the rest are counted.
LISTED = 20


@dataclass
class Baseline:
    """Accepted finding ids, each with the sources it involved when accepted (None: any)."""

    accepted: dict[str, frozenset[str] | None] = field(default_factory=dict)

    def accepts(self, finding) -> bool:
        """Whether the finding is known, with no source it did not involve before.

        >>> from types import SimpleNamespace as F
        >>> b = Baseline({"time:t:contradiction": frozenset({"a", "b"})})
        >>> b.accepts(F(id="time:t:contradiction", sources=["b", "a"])), b.accepts(F(id="time:t:contradiction", sources=["a", "c"]))
        (True, False)
        """
        if finding.id not in self.accepted:
            return False
        sources = self.accepted[finding.id]
        return sources is None or set(finding.sources) <= sources


def _entry(item, path: Path) -> tuple[str, frozenset[str] | None]:
    """One accepted finding: an id, or {"id": ..., "sources": [...]}."""
    if isinstance(item, str):
        return item, None
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        sources = item.get("sources")
        if sources is not None and not (isinstance(sources, list) and all(isinstance(s, str) for s in sources)):
            raise ClaimcheckError(f"baseline entry {item['id']!r}: sources must be a list of source ids", path=str(path), hint=_REWRITE)
        return item["id"], frozenset(sources) if sources is not None else None
    raise ClaimcheckError(f"baseline entries must be finding ids or {{\"id\": ..., \"sources\": [...]}}, not {item!r}", path=str(path), hint=_REWRITE)


def read_baseline(path: Path) -> Baseline:
    """A baseline from `--write-baseline`'s JSON, a JSON list of ids, {"accepted": [...]}, or a
    text file of ids, one a line ('#' starts a comment)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ClaimcheckError(f"cannot read the baseline: {exc.strerror or exc}", path=str(path), hint="check the --baseline path, or write one with --write-baseline")
    except UnicodeDecodeError as exc:
        raise ClaimcheckError(f"the baseline is not UTF-8 text (byte {exc.start})", path=str(path), hint=_REWRITE)
    if not raw.lstrip().startswith(("[", "{")):
        ids = [line.strip() for line in raw.splitlines() if line.strip() and not line.lstrip().startswith("#")]
        return Baseline({i: None for i in ids})
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ClaimcheckError(f"baseline is not valid JSON: {exc.msg}", path=str(path), line=exc.lineno, hint=_REWRITE)
    items = data.get("accepted", []) if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ClaimcheckError("baseline must be a list of finding ids", path=str(path), hint=_REWRITE)
    return Baseline(dict(_entry(item, path) for item in items))


def baseline_json(findings, level: str) -> str:
    """The baseline accepting every finding at `level`, sorted so that it diffs well."""
    accepted = [
        {"id": f.id, "verdict": f.verdict, "sources": sorted(f.sources), "explanation": f.explanation}
        for f in sorted(findings, key=lambda f: f.id)
        if f.verdict in LEVELS[level]
    ]
    return json.dumps({"claimcheck_baseline": BASELINE_FORMAT, "fail_on": level, "accepted": accepted}, ensure_ascii=False, indent=1) + "\n"


def failing(findings, level: str, baseline: Baseline | None = None) -> list:
    """Findings at `level` or worse that the baseline does not accept."""
    baseline = baseline or Baseline()
    return [f for f in findings if f.verdict in LEVELS[level] and not baseline.accepts(f)]


def _why_new(finding, baseline: Baseline) -> str:
    if finding.id not in baseline.accepted:
        return "new"
    extra = sorted(set(finding.sources) - (baseline.accepted[finding.id] or set()))
    return f"new source {', '.join(extra)}"


def _tally(findings) -> str:
    """ "2 contradiction, 1 discrepancy, 3 agreement", most serious first."""
    counts = Counter(f.verdict for f in findings)
    return ", ".join(f"{n} {v.replace('_', ' ')}" for v, n in counts.items()) or "none"


def summarize(result, findings, level: str, baseline: Baseline | None, written: Path | None = None) -> tuple[int, str]:
    """Exit code and a short summary of one check."""
    bad = failing(findings, level, baseline)
    lines = [f"{len(result.sources)} sources, {len(result.claims)} claims; findings: {_tally(findings)}"]
    lines += [f"unreadable source: {e.message}" for e in result.errors]
    if written is not None:
        accepted = sum(f.verdict in LEVELS[level] for f in findings)
        lines.append(f"wrote {written}: {accepted} finding(s) at level {level} accepted")
        return (EXIT_CANNOT_CHECK if result.errors else EXIT_PASS), "\n".join(lines)
    at_level = [f for f in findings if f.verdict in LEVELS[level]]
    if baseline is not None:
        found = {f.id for f in findings}
        stale = sorted(i for i in baseline.accepted if i not in found)
        lines.append(f"baseline: {len(at_level) - len(bad)} accepted" + (f", {len(stale)} no longer found ({', '.join(stale[:5])}{', …' if len(stale) > 5 else ''})" if stale else ""))
    for f in bad[:LISTED]:
        lines.append(f"  {_why_new(f, baseline or Baseline())} {f.verdict.replace('_', ' ')} [{f.id}]: {f.explanation}")
    if len(bad) > LISTED:
        lines.append(f"  … and {len(bad) - LISTED} more")
    code = EXIT_CANNOT_CHECK if result.errors else EXIT_NEW_FINDINGS if bad else EXIT_PASS
    verdict = {EXIT_PASS: "PASS", EXIT_NEW_FINDINGS: f"FAIL: {len(bad)} new finding(s) at level {level}", EXIT_CANNOT_CHECK: "CANNOT CHECK: a source could not be read"}[code]
    lines.append(f"{verdict} (exit {code})")
    return code, "\n".join(lines)


def run_check(corpus, level: str, baseline: Path | None, write_baseline: Path | None, jobs: int | None) -> tuple[int, str]:
    """Run the pipeline on the corpus and judge it: (exit code, summary)."""
    from checker.compare import compare_claims
    from checker.pipeline import run_corpus

    if level not in LEVELS:
        raise ClaimcheckError(f"unknown level {level!r}", hint=f"use one of {', '.join(LEVELS)}")
    accepted = read_baseline(baseline) if baseline else None
    result = run_corpus(corpus, jobs)
    findings = compare_claims(result.claims, corpus.catalog)
    if write_baseline is not None:
        try:
            write_baseline.write_text(baseline_json(findings, level), encoding="utf-8")
        except OSError as exc:
            raise ClaimcheckError(f"cannot write the baseline: {exc.strerror or exc}", path=str(write_baseline), hint="choose another --write-baseline path")
    return summarize(result, findings, level, accepted, write_baseline)
