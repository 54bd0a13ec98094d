"""How big the report's heaviest pages are and how long each takes to open in headless Chromium.

    python bench/report_pages.py REPORT [REPORT...] [--reps 3] [--json FILE]
    python bench/report_pages.py --render CORPUS REPORT OUT

The first form measures, in each report folder, index.html, every matrix page (matrix.html,
matrix-2.html, …) and the largest topic page, page of the list of sources and page of the
timeline by source (the largest such HTML file), if any: its size and
the seconds from asking for the page to the second animation frame after its load event (by then
the page is laid out and painted once), best and median of --reps runs, each in a fresh tab;
and the median of the same as the page counts it (performance.now(), from its navigation start).

The second form writes the pages again from REPORT/report.json with the current
checker/report code, without reading or comparing anything: the same claims, so pages written
before and after a change to the report code can be timed side by side.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.measure import load  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
VIEWPORT = {"width": 1366, "height": 900}
# Two frames after load: the first frame may be committed before layout of a long table ends.
SECOND_FRAME = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now()))))"


def pages_to_time(report: Path) -> dict[str, Path]:
    """The pages worth timing in one report folder, by a short name.

    >>> import tempfile; d = Path(tempfile.mkdtemp()); (d / "topics").mkdir()
    >>> for name in ("index.html", "matrix.html", "matrix-2.html", "topics/a.html", "topics/b.html", "sources-2.html"):
    ...     _ = (d / name).write_text("x" * len(name))
    >>> sorted(pages_to_time(d))
    ['index', 'largest sources page (sources-2.html)', 'largest topic page (topics/a.html)', 'matrix', 'matrix-2']
    """
    out = {"index": report / "index.html"}
    for page in sorted(report.glob("matrix*.html"), key=_page_number):
        out[page.stem] = page
    for kind, pattern in (("topic", "topics/*.html"), ("sources", "sources*.html"), ("timeline", "timeline*.html")):
        found = sorted(report.glob(pattern), key=lambda p: (-p.stat().st_size, p.name))
        if found:
            out[f"largest {kind} page ({found[0].relative_to(report)})"] = found[0]
    return out


def _page_number(page: Path) -> int:
    """matrix.html is page 1, matrix-7.html page 7.

    >>> _page_number(Path("matrix.html")), _page_number(Path("matrix-12.html"))
    (1, 12)
    """
    _, _, number = page.stem.partition("-")
    return int(number) if number.isdigit() else 1


def open_once(browser, page_file: Path) -> tuple[float, float]:
    """Open a page in a fresh tab: wall seconds from asking for it to the second frame after
    its load event, and the same as the page itself counts it (from its navigation start,
    without the driver's round trips)."""
    context = browser.new_context(viewport=VIEWPORT)
    tab = context.new_page()
    start = time.perf_counter()
    tab.goto(page_file.as_uri(), wait_until="load", timeout=300_000)
    in_page = tab.evaluate(SECOND_FRAME)
    wall = time.perf_counter() - start
    context.close()
    return round(wall, 3), round(in_page / 1000, 3)


def measure(reports: list[Path], reps: int) -> list[dict]:
    """One row per page of each report: its size in KB and its opening times. The pages are
    opened in turns (every page once, then every page again…), so a burst of load on the
    shared machine falls on all of them rather than on one report's."""
    from playwright.sync_api import sync_playwright

    pages = [(report, name, page) for report in reports for name, page in pages_to_time(report).items()]
    runs: dict[Path, list[tuple[float, float]]] = {page: [] for _, _, page in pages}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        open_once(browser, pages[0][2])  # untimed: the first tab pays for starting the renderer
        for _ in range(reps):
            for _, _, page in pages:
                runs[page].append(open_once(browser, page))
        browser.close()
    rows = []
    for report, name, page in pages:
        wall = [w for w, _ in runs[page]]
        in_page = [i for _, i in runs[page]]
        rows.append({"report": str(report), "page": name, "kb": round(page.stat().st_size / 1000),
                     "open_s_best": min(wall), "open_s_median": statistics.median(wall), "open_s_runs": wall,
                     "in_page_s_median": statistics.median(in_page)})
    return rows


def render_again(corpus: Path, report: Path, out: Path) -> Path:
    """Write the pages of `report`/report.json into `out` (replaced) with the current code."""
    from checker.model import Report
    from checker.report.html import render_site
    from checker.sources import load_corpus

    model = Report.model_validate_json((report / "report.json").read_text(encoding="utf-8"))
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for data in ("report.json", "claims.csv"):
        if (report / data).exists():
            shutil.copy(report / data, out / data)
    render_site(model, load_corpus(corpus), out)
    return out


def show(rows: list[dict]) -> None:
    print("report | page | KB | open s (best) | open s (median) | in-page s (median) | runs")
    for r in rows:
        print(f"{r['report']} | {r['page']} | {r['kb']:,} | {r['open_s_best']} | {r['open_s_median']} | {r['in_page_s_median']} | {r['open_s_runs']}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="report folders; with --render: CORPUS REPORT OUT")
    parser.add_argument("--render", action="store_true", help="write the pages of REPORT/report.json again into OUT")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the rows here")
    args = parser.parse_args(argv)
    if args.render:
        if len(args.paths) != 3:
            parser.error("--render takes CORPUS REPORT OUT")
        start = time.perf_counter()
        out = render_again(*args.paths)
        print(f"wrote {out} in {time.perf_counter() - start:.1f} s")
        return
    print(f"load before: {load()}", file=sys.stderr)
    rows = measure(args.paths, args.reps)
    print(f"load after: {load()}", file=sys.stderr)
    show(rows)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
