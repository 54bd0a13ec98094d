"""Render the HTML pages from the templates. Templates hold markup; this module the logic."""
from __future__ import annotations

import shutil
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

STATIC = Path(__file__).parent / "static"


def environment() -> Environment:
    return Environment(loader=PackageLoader("checker.report", "templates"), autoescape=select_autoescape(default=True, default_for_string=True))


def render_site(report, corpus, out: Path) -> None:
    env = environment()
    claims_by_source: dict[str, list] = {}
    for c in report.claims:
        claims_by_source.setdefault(c.source, []).append(c)
    (out / "index.html").write_text(env.get_template("index.html").render(report=report, claims_by_source=claims_by_source), encoding="utf-8")
    for f in STATIC.iterdir():
        if f.is_file():
            shutil.copy(f, out / f.name)
