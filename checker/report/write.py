"""Write the report folder atomically: everything goes to a temporary folder beside the target,
which then replaces the old report in one rename, so an interrupted run never leaves half a
report."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import tempfile
from pathlib import Path

from checker.errors import OutputError
from checker.model import Report


def build_report(result, findings) -> Report:
    """The report.json model: every source, error, claim and finding."""
    return Report(
        corpus=result.corpus.describe(),
        sources=result.sources,
        errors=result.errors,
        claims=result.claims,
        discrepancies=findings,
        topics={k: {"label": t.label, "kind": t.kind} for k, t in result.corpus.catalog.topics.items()}
        | {k: {"label": a.label, "kind": "choice"} for k, a in result.corpus.catalog.attributes.items()},
    )


def claims_csv(claims) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "source", "language", "kind", "topic", "value", "approx", "calendar", "gregorian", "start", "end", "quote"])
    for c in claims:
        value = c.value.model_dump_json() if c.kind == "count" else c.value
        w.writerow([c.id, c.source, c.language, c.kind, c.topic or "", value, c.approx, getattr(c, "calendar", ""), getattr(c, "gregorian", "") or "", c.span[0], c.span[1], c.quote])
    return buf.getvalue()


def write_report(result, findings, out: Path) -> Path:
    """Render into a temporary sibling of `out`, then swap it into place. Returns index.html."""
    from checker.report.html import render_site

    out = Path(out)
    report = build_report(result, findings)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror or exc}", path=str(out), hint="choose another folder with --out")
    try:
        (tmp / "report.json").write_text(report.model_dump_json(indent=1), encoding="utf-8")
        (tmp / "claims.csv").write_text(claims_csv(result.claims), encoding="utf-8")
        render_site(report, result.corpus, tmp)
        _swap_into_place(tmp, out)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise OutputError(f"cannot write the report: {exc.strerror or exc}", path=str(out))
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out / "index.html"


def _swap_into_place(tmp: Path, out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise OutputError("exists and is not a folder", path=str(out))
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        os.replace(out, old)
    os.replace(tmp, out)
    os.chmod(out, 0o755)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
