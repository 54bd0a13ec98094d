"""Render the HTML pages from the templates. Templates hold markup; this module the logic.

The site, every link relative so it opens from disk with no network:

    index.html              the overview: errors, findings, timeline, sources; it stays small
                            whatever the corpus: past 200 sources it counts them by language
                            and links the list, past 100 sources with clock times it draws a
                            lane per topic and links the timeline by source
    sources.html, …         the list of sources, 200 a page, when it does not fit the overview
    timeline.html, …        the timeline by source, 100 lanes a page, likewise
    matrix.html             topics × sources, the alignment table: the first 100 sources;
    matrix-2.html, …        the next 100 each (checker/report/pages.py)
    topics/<topic>.html     one section per topic: its findings and its first 500 claims side
    topics/<topic>.2.html, …  by side; the next 500 each
    sources/<source>.html   a source's full text with every claim highlighted
    report.css, report.js   local styles and the optional filters
"""
from __future__ import annotations

import shutil
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from checker import __version__
from checker.errors import SourceReadError
from checker.report.context import sentence_context
from checker.report.pages import PageSizes
from checker.report.segments import highlight_segments
from checker.report.timeline import site_timeline
from checker.report.view import FILTER_OPTIONS, ReportView, SourceView, build_view
from checker.report.vocabulary import verdict_style
from checker.sources.reader import read_source

STATIC = Path(__file__).parent / "static"


def environment() -> Environment:
    """Jinja with autoescaping everywhere, including templates made from strings."""
    env = Environment(
        loader=PackageLoader("checker.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(verdict_style=verdict_style, version=__version__, filter_options=FILTER_OPTIONS)
    return env


def render_site(report, corpus, out: Path, sizes: PageSizes = PageSizes()) -> None:
    """Write every page of the report into `out` (an existing, empty folder); `sizes` says how
    much a page of the matrix, a topic, the sources or the timeline holds before the next page."""
    env = environment()
    view = build_view(report, corpus, sizes)
    # Source pages first: reading each text gives the claims their sentences for the topic pages.
    template = env.get_template("source.html")
    specs = {s.id: s for s in corpus.sources} if corpus is not None else {}
    for sv in view.readable_sources:
        _write(out / sv.page, template.render(view=view, sv=sv, root="../", page="source", **source_text(sv, specs.get(sv.source.id), view)))
    timeline = site_timeline(view.readable_sources, view.claims.values(), view.topics, sizes.timeline_lanes)
    timed = sum(len(t.page.sources) for t in timeline.pages)
    _write(out / "index.html", env.get_template("index.html").render(
        view=view, timeline=timeline.overview, timeline_pages=timeline.pages, timeline_sources=timed, root="", page="index"))
    template = env.get_template("timeline.html")
    for drawn in timeline.pages:
        _write(out / drawn.page.file, template.render(view=view, timeline=drawn, pages=timeline.pages, timeline_sources=timed, root="", page="timeline"))
    if view.sources_split:
        template = env.get_template("sources.html")
        for sp in view.source_pages:
            _write(out / sp.file, template.render(view=view, sp=sp, root="", page="sources"))
    template = env.get_template("matrix.html")
    for mp in view.matrix_pages:
        _write(out / mp.file, template.render(view=view, mp=mp, root="", page="matrix"))
    template = env.get_template("topic.html")
    for topic in view.topics:
        for tp in topic.pages:
            _write(out / tp.file, template.render(view=view, topic=topic, tp=tp, root="../", page="topic"))
    for f in STATIC.iterdir():
        if f.is_file():
            shutil.copy(f, out / f.name)


def source_text(sv: SourceView, spec, view: ReportView) -> dict:
    """The highlighted text of one source, read again from disk, or why it cannot be shown.

    Returns the template's `segments` (text, ClaimView or None), `problem` (a reason the text
    is missing) and `changed` (the file differs from the one the claims were read from). Each
    claim of an unchanged text gets its whole sentence as context.
    """
    if spec is None:
        return {"segments": [], "problem": "the corpus was not given to the report writer, so the text is not shown", "changed": False}
    try:
        read = read_source(spec.file, spec.path, spec.encoding)
    except SourceReadError as exc:
        return {"segments": [], "problem": str(exc), "changed": False}
    claims = view.claims_of(sv.source.id)
    segments = highlight_segments(read.text, claims)
    changed = bool(sv.source.sha256) and read.sha256 != sv.source.sha256
    if not changed:
        for cv in claims:
            if read.text[cv.span[0]:cv.span[1]] == cv.claim.quote:
                cv.context = sentence_context(read.text, *cv.span)
    return {"segments": segments, "problem": None, "changed": changed}


def _write(path: Path, html: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
