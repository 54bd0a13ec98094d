"""The report in a real browser: Debian's Chromium, driven by Playwright, pages opened from disk.

Expected content comes from report.json and the source files, never from literals. Screenshots
go to test-artifacts/ (gitignored) for a person to look at.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from checker.report.anchors import Anchors
from checker.report.view import topic_label
from checker.report.vocabulary import severity_rank, verdict_rank
from conftest import IMG, JS_URL, SCRIPT, THAI_LINE

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package (pip install -e '.[test]')")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Opened:
    """A page with every console error and uncaught exception it produced."""

    def __init__(self, browser, url: str, **context):
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.context.close()


def url(out: Path, page: str = "index.html") -> str:
    return (out / page).as_uri()


def visible(page, selector: str) -> list:
    return [el for el in page.query_selector_all(selector) if el.is_visible()]


def fold(text: str) -> str:
    """Case and accents ignored, as the search box promises."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.category(c).startswith("M")).lower()


def topic_claims(data: dict, key: str) -> set[str]:
    """The claims a topic section shows: those bound to the topic and those its findings judge."""
    ids = {c["id"] for c in data["claims"] if c["topic"] == key}
    return ids | {cid for f in data["discrepancies"] if f["topic"] == key for cid in f["claims"]}


def test_overview_shows_the_corpus_sources_and_findings(browser, bundled_report):
    data = bundled_report.data
    with Opened(browser, url(bundled_report.out), viewport={"width": 1280, "height": 900}) as o:
        page = o.page
        assert page.inner_text("h1") == data["corpus"]["title"]
        rows = page.query_selector_all("#sources tbody tr")
        assert [r.query_selector("td").inner_text() for r in rows] == [s["id"] for s in data["sources"]]
        for row, s in zip(rows, data["sources"]):
            assert row.query_selector_all("td")[-1].inner_text() == str(s["claims"])
        findings = page.query_selector_all("#findings-table tbody tr")
        assert len(findings) == len(data["discrepancies"])
        worst = min(data["discrepancies"], key=lambda f: verdict_rank(f["verdict"]))
        assert findings[0].get_attribute("data-verdict") == worst["verdict"]
        # Each verdict shows a word, not only a colour.
        assert worst["verdict"].replace("_", " ") in findings[0].inner_text()
        assert page.is_visible("figure.timeline svg")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "report-overview.png"), full_page=True)
        assert o.errors == []


def test_a_topic_section_shows_its_claims_and_verdicts(browser, bundled_report):
    data = bundled_report.data
    # The overview's first row: the most important verdict, then severity, topic, id.
    first = min(data["discrepancies"], key=lambda f: (verdict_rank(f["verdict"]), severity_rank(f["severity"]), f["topic"], f["id"]))
    with Opened(browser, url(bundled_report.out)) as o:
        page = o.page
        page.click(f"#findings-table tbody tr:first-child td:nth-child(3) a")
        page.wait_for_load_state()
        assert page.inner_text("h1") == topic_label(first["topic"], data["topics"])
        expected = topic_claims(data, first["topic"])
        cards = page.query_selector_all(".claim-card")
        anchors = Anchors("claim", [c["id"] for c in data["claims"]])
        assert {c.get_attribute("id") for c in cards} == {anchors[i] for i in expected}
        quotes = {c["id"]: c for c in data["claims"]}
        for card in cards[:20]:
            claim = next(quotes[i] for i in expected if anchors[i] == card.get_attribute("id"))
            mark = card.query_selector("blockquote mark")
            assert mark.inner_text() == claim["quote"].strip()
            assert card.query_selector("blockquote").get_attribute("lang") == claim["language"]
        text = page.inner_text("main")
        assert first["explanation"] in text and (first["gap"] or "") in text
        assert o.errors == []


def test_every_source_page_shows_its_exact_text_with_each_claim_marked(browser, bundled_report):
    data, root = bundled_report.data, bundled_report.corpus
    for source in data["sources"]:
        with Opened(browser, url(bundled_report.out, f"sources/{source['id']}.html"), viewport={"width": 1000, "height": 900}) as o:
            page = o.page
            text = (root / source["path"]).read_text(encoding="utf-8")
            assert page.eval_on_selector(".source-text", "el => el.textContent") == text
            assert page.get_attribute(".source-text", "lang") == source["language"]
            marks = page.query_selector_all(".source-text .claim")
            mine = sorted((c for c in data["claims"] if c["source"] == source["id"]), key=lambda c: c["span"])
            assert len(marks) == len(mine) == source["claims"]
            assert [m.text_content() for m in marks] == [c["quote"] for c in mine]
            if source["language"] == "th":
                marks[0].scroll_into_view_if_needed()
                ARTIFACTS.mkdir(exist_ok=True)
                page.screenshot(path=str(ARTIFACTS / "report-thai-source.png"))
            assert o.errors == []


def test_a_matrix_cell_leads_to_its_claim(browser, bundled_report):
    data = bundled_report.data
    anchors = Anchors("claim", [c["id"] for c in data["claims"]])
    by_anchor = {anchors[c["id"]]: c for c in data["claims"]}
    with Opened(browser, url(bundled_report.out, "matrix.html")) as o:
        page = o.page
        link = page.query_selector("#matrix td ul.values a")
        source = page.eval_on_selector("#matrix thead", "(head, a) => head.rows[0].cells[a.closest('td').cellIndex].dataset.colSource", link)
        link.click()
        page.wait_for_load_state()
        fragment = page.url.split("#", 1)[1]
        claim = by_anchor[fragment]
        assert claim["source"] == source
        target = page.query_selector(":target")
        assert target.get_attribute("id") == fragment and claim["quote"].strip() in target.inner_text()
        # And from the claim to the same words in the source text.
        target.query_selector("a[href*='sources/']").click()
        page.wait_for_load_state()
        assert page.query_selector(":target").text_content() == claim["quote"]
        assert o.errors == []


def test_filters_hide_and_show_rows(browser, bundled_report):
    findings = bundled_report.data["discrepancies"]
    with Opened(browser, url(bundled_report.out)) as o:
        page = o.page
        rows = "#findings-table tbody tr"
        verdict = findings[-1]["verdict"]
        page.select_option("form.filters select[name=verdict]", verdict)
        assert len(visible(page, rows)) == sum(f["verdict"] == verdict for f in findings)
        assert "verdict=" in page.url  # a filtered view can be linked
        source = findings[0]["sources"][0]
        page.select_option("form.filters select[name=source]", source)
        assert len(visible(page, rows)) == sum(f["verdict"] == verdict and source in f["sources"] for f in findings)
        page.click("form.filters button[type=reset]")
        page.wait_for_function(f"document.querySelectorAll('{rows}:not([hidden])').length === {len(findings)}")
        assert len(visible(page, rows)) == len(findings)
        assert o.errors == []
    # The matrix: choosing a source leaves its column only.
    with Opened(browser, url(bundled_report.out, "matrix.html")) as o:
        page = o.page
        readable = [s["id"] for s in bundled_report.data["sources"]]
        page.select_option("form.filters select[name=source]", readable[1])
        assert [th.inner_text().split()[0] for th in visible(page, "#matrix thead th[data-col-source]")] == [readable[1]]
        shown_rows = visible(page, "#matrix tbody tr")
        assert all(readable[1] in (r.get_attribute("data-source") or "").split() for r in shown_rows)
        assert o.errors == []


def test_an_address_with_a_filter_opens_filtered(browser, bundled_report):
    findings = bundled_report.data["discrepancies"]
    verdict = findings[0]["verdict"]
    with Opened(browser, url(bundled_report.out) + f"?verdict={verdict}") as o:
        assert len(visible(o.page, "#findings-table tbody tr")) == sum(f["verdict"] == verdict for f in findings)


def test_search_box_keeps_rows_with_every_word(browser, bundled_report):
    with Opened(browser, url(bundled_report.out)) as o:
        page = o.page
        rows = page.query_selector_all("#findings-table tbody tr")
        texts = [fold(r.text_content()) for r in rows]
        source = bundled_report.data["sources"][0]["id"]
        for query in (source, source.upper() + " high", "no-such-word-anywhere"):
            page.fill("form.filters input[name=q]", query)
            page.wait_for_timeout(50)
            expected = [all(w in t for w in fold(query).split()) for t in texts]
            assert [r.is_visible() for r in rows] == expected, query
        assert o.errors == []


def test_search_ignores_case_and_accents(browser, bundled_report):
    data = bundled_report.data
    keys = {f["topic"] for f in data["discrepancies"]}
    key = max(sorted(keys), key=lambda k: len(topic_claims(data, k)))
    with Opened(browser, url(bundled_report.out)) as o:
        page = o.page
        page.click(f"#findings-table a:text-is('{topic_label(key, data['topics'])}')")
        page.wait_for_load_state()
        cards = page.query_selector_all(".claim-card")
        texts = [c.text_content() for c in cards]
        accented = [w for t in texts for w in re.findall(r"\w+", t) if fold(w) != w.lower()]
        assert accented, "the topic's quotes hold no accented word to search for"
        query = fold(accented[0]).upper()
        page.fill("form.filters input[name=q]", query)
        page.wait_for_timeout(50)
        expected = [fold(query) in fold(t) for t in texts]
        assert any(expected)
        assert [c.is_visible() for c in cards] == expected
        assert o.errors == []


def test_hostile_corpus_runs_nothing_and_shows_its_text(browser, hostile_report):
    out, data = hostile_report.out, hostile_report.data
    for path in sorted(out.rglob("*.html")):
        with Opened(browser, path.as_uri()) as o:
            page = o.page
            assert page.evaluate("typeof window.__pwned") == "undefined", path
            assert page.evaluate("document.scripts.length") == 1, path
            assert page.query_selector_all("img") == [], path
            assert page.evaluate("Array.from(document.links).filter(a => a.protocol === 'javascript:').length") == 0, path
            assert o.errors == [], (path, o.errors)
            assert SCRIPT in page.inner_text("header"), path  # the corpus title, as text
    with Opened(browser, url(out, "sources/evil.html")) as o:
        text = o.page.inner_text("main")
        assert SCRIPT in text and IMG in text and JS_URL in text
        evil = next(s for s in data["sources"] if s["id"] == "evil")
        assert o.page.inner_text("h1") == evil["title"]
    with Opened(browser, url(out, "sources/thai.html"), viewport={"width": 900, "height": 600}) as o:
        assert o.page.get_attribute(".source-text", "lang") == "th"
        assert THAI_LINE in o.page.inner_text(".source-text")
        ARTIFACTS.mkdir(exist_ok=True)
        o.page.screenshot(path=str(ARTIFACTS / "report-hostile-thai.png"))


def test_errors_are_shown_first(browser, hostile_report):
    [error] = hostile_report.data["errors"]
    with Opened(browser, url(hostile_report.out)) as o:
        page = o.page
        assert page.is_visible("#errors")
        assert error["message"] in page.inner_text("#errors")
        # Above the findings, so a reader sees it before trusting them.
        assert page.eval_on_selector("#errors", "e => e.getBoundingClientRect().top") < page.eval_on_selector("#findings", "e => e.getBoundingClientRect().top")


def test_without_javascript_everything_is_shown(browser, bundled_report):
    with Opened(browser, url(bundled_report.out), java_script_enabled=False) as o:
        page = o.page
        assert len(visible(page, "#findings-table tbody tr")) == len(bundled_report.data["discrepancies"])
        assert visible(page, "form.filters") == []


def test_keyboard_reaches_the_content_and_filters(browser, bundled_report):
    with Opened(browser, url(bundled_report.out)) as o:
        page = o.page
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Skip to content"
        page.keyboard.press("Enter")
        assert page.url.endswith("#main")
        # Tabbing on from the content reaches the verdict filter, a real control.
        for _ in range(60):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.name") == "verdict":
                break
        assert page.evaluate("document.activeElement.tagName") == "SELECT"
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none"


def test_dark_mode_and_a_phone_screen(browser, bundled_report):
    topic = next(iter(bundled_report.out.glob("topics/*.html"))).relative_to(bundled_report.out)
    for page_name in ("index.html", "matrix.html", str(topic), "sources/es-wikipedia.html"):
        with Opened(browser, url(bundled_report.out, page_name), viewport={"width": 390, "height": 844}, color_scheme="dark") as o:
            page = o.page
            rgb = page.evaluate("getComputedStyle(document.body).backgroundColor")
            r, g, b = (int(x) for x in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3])
            assert r + g + b < 150, rgb
            # Nothing but the tables' own scroll boxes is wider than the phone.
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, page_name
            if page_name == "index.html":
                page.screenshot(path=str(ARTIFACTS / "report-phone-dark.png"))
