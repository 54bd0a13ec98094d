"""The report in a real browser: Debian's Chromium, driven by Playwright, pages opened from disk.

Expected content comes from report.json and the source files, never from literals. Screenshots
go to test-artifacts/ (gitignored) for a person to look at.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from types import SimpleNamespace as NS

import pytest

from checker.model import DateClaim, Finding, Report, Source, TimeClaim
from checker.report.anchors import Anchors
from checker.report.html import render_site
from checker.report.pages import MATRIX_SOURCES, PageSizes
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


def settled(page, read, expected, timeout_ms: int = 5000):
    """read() once it equals `expected`, or its last value when `timeout_ms` passed: typing
    filters after a timer (report.js), which a loaded machine may run late."""
    waited = 0
    while (value := read()) != expected and waited < timeout_ms:
        page.wait_for_timeout(25)
        waited += 25
    return value


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
        page.click("#findings-table tbody tr:first-child td:nth-child(3) a")
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
        # A function, not a bare expression: Playwright polls an expression with eval, which
        # the report's Content-Security-Policy forbids.
        page.wait_for_function(f"() => document.querySelectorAll('{rows}:not([hidden])').length === {len(findings)}")
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
            expected = [all(w in t for w in fold(query).split()) for t in texts]
            assert settled(page, lambda: [r.is_visible() for r in rows], expected) == expected, query
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
        expected = [fold(query) in fold(t) for t in texts]
        assert any(expected)
        assert settled(page, lambda: [c.is_visible() for c in cards], expected) == expected
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
        # The address changes a moment after the key (it failed once, on a loaded machine, when read at once).
        page.wait_for_url(re.compile(r"#main$"), timeout=5000)
        # Tabbing on from the content reaches the verdict filter, a real control.
        for _ in range(60):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.name") == "verdict":
                break
        assert page.evaluate("document.activeElement.tagName") == "SELECT"
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none"


# --- every page at two widths and in both themes --------------------------------------------

SCREENS = {"laptop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


def _thai_source(data: dict) -> str:
    return next(s["id"] for s in data["sources"] if s["language"] == "th")


def _largest_topic(out: Path) -> str:
    return str(max(out.glob("topics/*.html"), key=lambda p: p.stat().st_size).relative_to(out))


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_pages_fit_the_screen_in_both_themes(browser, bundled_report, screen, scheme):
    """Index, matrix, a topic and the Thai source page: no sideways scrolling of the page (only
    of the tables' own boxes), the theme of the reader's setting, no console error. The
    screenshots are for a person to look at."""
    out = bundled_report.out
    pages = {"index": "index.html", "matrix": "matrix.html", "topic": _largest_topic(out), "source": f"sources/{_thai_source(bundled_report.data)}.html"}
    ARTIFACTS.mkdir(exist_ok=True)
    for name, rel in pages.items():
        with Opened(browser, url(out, rel), viewport=SCREENS[screen], color_scheme=scheme) as o:
            page = o.page
            assert page.evaluate("document.documentElement.scrollWidth") <= SCREENS[screen]["width"], rel
            rgb = page.evaluate("getComputedStyle(document.body).backgroundColor")
            brightness = sum(int(x) for x in re.findall(r"\d+", rgb)[:3])
            assert (brightness < 150) if scheme == "dark" else (brightness > 600), (rel, rgb)
            # Body text contrasts with its background in either theme.
            fg = sum(int(x) for x in re.findall(r"\d+", page.evaluate("getComputedStyle(document.body).color"))[:3])
            assert abs(fg - brightness) > 400, rel
            # A stacked table's caption spans the screen instead of a narrow column.
            for caption in visible(page, "caption"):
                assert caption.bounding_box()["width"] > 200, rel
            page.screenshot(path=str(ARTIFACTS / f"report-{name}-{screen}-{scheme}.png"), full_page=name != "source")
            assert o.errors == [], (rel, o.errors)


def test_on_a_phone_findings_and_sources_are_cards_not_wide_tables(browser, bundled_report):
    with Opened(browser, url(bundled_report.out), viewport=SCREENS["phone"]) as o:
        page = o.page
        for table in ("table.findings", "table.sources", "table.summary"):
            width = page.eval_on_selector(table, "t => t.getBoundingClientRect().width")
            assert width <= 390, table
        # The verdict of a finding is still spelled out.
        first = page.query_selector("#findings-table tbody tr")
        assert first.get_attribute("data-verdict").replace("_", " ") in first.inner_text()


def test_keyboard_focus_is_visible_on_a_highlight_in_the_source_text(browser, bundled_report):
    source = _thai_source(bundled_report.data)
    with Opened(browser, url(bundled_report.out, f"sources/{source}.html")) as o:
        page = o.page
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('.source-text a.claim')"):
                break
        assert page.evaluate("document.activeElement.matches('.source-text a.claim')")
        style = page.evaluate("(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; })()")
        assert style[0] != "none" and float(style[1].rstrip("px")) >= 2
        href = page.evaluate("document.activeElement.getAttribute('href')")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.endswith(href.removeprefix("../"))


# --- right-to-left sources ------------------------------------------------------------------

AR_TEXT = "سقط القصر في الساعة ٢:١٠ ليلا. ثم عاد الهدوء.\n"
HE_TEXT = "הארמון נפל בשעה 2:00 בלילה, ב-25 באוקטובר.\n"
EN_TEXT = "The palace fell at 2:05 a.m. on 8 November.\n"


def write_rtl_report(root: Path) -> Path:
    """A report of an Arabic, a Hebrew and an English source, rendered from the model (no
    language pack reads Arabic or Hebrew yet, so the claims are written here)."""
    texts = {"ar-src": ("ar", AR_TEXT, "٢:١٠", "02:10"), "he-src": ("he", HE_TEXT, "2:00", "02:00"), "en-src": ("en", EN_TEXT, "2:05", "02:05")}
    claims, specs, sources = [], [], []
    for sid, (lang, text, quote, value) in texts.items():
        (root / f"{sid}.txt").write_text(text, encoding="utf-8")
        a = text.index(quote)
        minutes = int(value[:2]) * 60 + int(value[3:])
        claims.append(TimeClaim(id=f"{sid}:{a}-{a + len(quote)}:time", source=sid, language=lang, topic="fall", span=(a, a + len(quote)),
                                quote=quote, value=value, low=minutes, high=minutes))
        specs.append(NS(id=sid, file=root / f"{sid}.txt", path=f"{sid}.txt", encoding="utf-8", url=""))
        sources.append(Source(id=sid, path=f"{sid}.txt", language=lang, title={"ar": "سقوط القصر", "he": "נפילת הארמון"}.get(lang, "The fall"), claims=1))
    a = HE_TEXT.index("25 באוקטובר")
    claims.append(DateClaim(id=f"he-src:{a}-{a + 11}:date", source="he-src", language="he", topic="day", span=(a, a + 11),
                            quote="25 באוקטובר", value="1917-10-25", calendar="julian", gregorian="1917-11-07"))
    sources[1].claims = 2
    finding = Finding(id="time:fall:discrepancy", topic="fall", kind="time", verdict="discrepancy", severity="low",
                      claims=[c.id for c in claims[:3]], sources=list(texts), gap="10 minutes", explanation="Three sources, ten minutes apart.")
    report = Report(corpus={"title": "Right to left"}, sources=sources, claims=claims, discrepancies=[finding],
                    topics={"fall": {"label": "When the palace fell", "kind": "time"}, "day": {"label": "The day", "kind": "date"}})
    out = root / "report"
    out.mkdir()
    render_site(report, NS(sources=specs), out)
    return out


def test_right_to_left_sources_render_right_to_left(browser, tmp_path):
    out = write_rtl_report(tmp_path)
    with Opened(browser, url(out, "topics/fall.html"), viewport={"width": 1366, "height": 900}) as o:
        page = o.page
        quotes = {q.get_attribute("lang"): q for q in page.query_selector_all(".claim-card blockquote")}
        assert {lang: q.evaluate("q => getComputedStyle(q).direction") for lang, q in quotes.items()} == {"ar": "rtl", "he": "rtl", "en": "ltr"}
        # The Arabic sentence starts at the right: its first words stand right of its mark.
        box, mark = quotes["ar"].bounding_box(), quotes["ar"].query_selector("mark").bounding_box()
        assert mark["x"] + mark["width"] < box["x"] + box["width"] - 20
        assert quotes["ar"].inner_text().startswith("سقط القصر")
        # In the finding's list the Arabic quote keeps its direction inside an English line.
        assert page.eval_on_selector("ul.finding-claims q[lang=ar]", "q => getComputedStyle(q).direction") == "rtl"
        page.screenshot(path=str(ARTIFACTS / "report-rtl-topic.png"), full_page=True)
        assert o.errors == []
    with Opened(browser, url(out, "sources/he-src.html"), viewport={"width": 390, "height": 844}) as o:
        page = o.page
        text = page.query_selector(".source-text")
        assert text.evaluate("t => getComputedStyle(t).direction") == "rtl" and text.text_content() == HE_TEXT
        box = text.bounding_box()
        first = page.query_selector_all(".source-text .claim")[0].bounding_box()
        assert first["x"] > box["x"] + box["width"] / 3  # early in the line: towards the right
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.screenshot(path=str(ARTIFACTS / "report-rtl-source-phone.png"))
    with Opened(browser, url(out, "topics/day.html")) as o:
        assert "1917-11-07 (Gregorian)" in o.page.inner_text(".claim-card")


# --- a report split over pages ---------------------------------------------------------------

@pytest.fixture(scope="module")
def paged(tmp_path_factory):
    from test_report_html import paged_report

    return paged_report(tmp_path_factory)


def _columns(page) -> list[str]:
    return page.eval_on_selector_all("#matrix thead th[data-col-source]", "ths => ths.map(th => th.dataset.colSource)")


def test_matrix_pages_are_walked_by_their_bar(browser, paged):
    """From matrix.html, Next, a page number and Previous each open the page that holds the
    sources they name; a value on a later page still leads to its claim."""
    data = paged.data
    unread = {e["source"] for e in data["errors"]}
    readable = [s["id"] for s in data["sources"] if s["id"] not in unread]
    per_page = MATRIX_SOURCES
    assert len(readable) > 2 * per_page, "the corpus fits two matrix pages: there is no middle page to test"
    with Opened(browser, url(paged.out, "matrix.html"), viewport={"width": 1366, "height": 900}) as o:
        page = o.page
        assert _columns(page) == readable[:per_page]
        assert page.get_attribute("nav.pager a[aria-current=page]", "href") == "matrix.html"
        assert page.query_selector("nav.pager a[rel=prev]") is None
        with page.expect_navigation():
            page.click("nav.pager >> nth=0 >> a[rel=next]")
        assert page.url.endswith("/matrix-2.html")
        assert _columns(page) == readable[per_page:2 * per_page]
        last = page.eval_on_selector_all("nav.pager >> nth=0 >> ol a", "links => links.length")
        with page.expect_navigation():
            page.click(f"nav.pager >> nth=0 >> ol li:nth-child({last}) a")
        assert page.url.endswith(f"/matrix-{last}.html")
        assert _columns(page) == readable[(last - 1) * per_page:]
        assert page.query_selector("nav.pager a[rel=next]") is None
        # The source filter offers the sources of this page, and keeps their columns.
        options = page.eval_on_selector_all("form.filters select[name=source] option", "os => os.map(o => o.value).filter(Boolean)")
        assert options == _columns(page)
        page.select_option("form.filters select[name=source]", options[-1])
        assert [th.get_attribute("data-col-source") for th in visible(page, "#matrix thead th[data-col-source]")] == [options[-1]]
        page.click("form.filters button[type=reset]")
        # A value on the last page leads to its claim's card, wherever the topic put it.
        link = page.query_selector("#matrix td ul.values a")
        href = link.get_attribute("href")
        link.click()
        page.wait_for_load_state()
        fragment = href.split("#", 1)[1]
        assert page.query_selector(":target").get_attribute("id") == fragment
        page.go_back()
        with page.expect_navigation():
            page.click("nav.pager >> nth=0 >> a[rel=prev]")
        assert page.url.endswith(f"/matrix-{last - 1}.html")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "report-matrix-paged.png"))
        assert o.errors == []


def test_past_a_few_hundred_sources_the_source_filter_is_a_box_that_suggests_them(browser, paged, tmp_path, monkeypatch):
    """A drop-down of thousands of sources weighs on opening the page: past FILTER_OPTIONS the
    findings' source filter is a text box whose suggestions are the sources the findings name,
    and choosing one keeps the findings that name it. (The limit is lowered to reach it here.)"""
    from test_report_html import _render_again

    monkeypatch.setattr("checker.report.html.FILTER_OPTIONS", 3)
    out = _render_again(paged, tmp_path, PageSizes())
    findings = paged.data["discrepancies"]
    named = sorted({s for f in findings for s in f["sources"]})
    assert len(named) > 3
    with Opened(browser, url(out)) as o:
        page = o.page
        assert page.query_selector("form.filters select[name=source]") is None
        box = "form.filters input[name=source]"
        assert page.eval_on_selector_all("#filter-sources option", "os => os.length") == 0  # filled on first use
        page.focus(box)
        assert page.eval_on_selector_all("#filter-sources option", "os => os.map(o => o.value)") == named
        source = max(named, key=lambda s: sum(s in f["sources"] for f in findings))
        page.fill(box, source)
        rows = "#findings-table tbody tr"
        page.wait_for_function(f"() => document.querySelectorAll('{rows}:not([hidden])').length === {sum(source in f['sources'] for f in findings)}")
        assert {r.get_attribute("data-source") and source in r.get_attribute("data-source").split() for r in visible(page, rows)} == {True}
        assert "source=" in page.url
        assert o.errors == []


def test_the_page_bar_fits_a_phone_and_is_reached_by_keyboard(browser, paged):
    with Opened(browser, url(paged.out, "matrix-2.html"), viewport=SCREENS["phone"]) as o:
        page = o.page
        assert page.evaluate("document.documentElement.scrollWidth") <= SCREENS["phone"]["width"]
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.closest('nav.pager') !== null"):
                break
        assert page.evaluate("document.activeElement.closest('nav.pager') !== null")
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert re.search(r"/matrix(-\d+)?\.html$", page.url)
        assert o.errors == []


# --- the timeline when many times sit close together -----------------------------------------

def write_crowded_report(root: Path) -> Path:
    """One source giving 36 clock times two minutes apart (a third of them in a topic) and one
    giving three: far more labels than fit under one lane."""
    claims = []
    for i in range(36):
        minutes = 21 * 60 + 2 * i
        value = f"{minutes // 60:02d}:{minutes % 60:02d}"
        claims.append(TimeClaim(id=f"crowd:{i * 10}-{i * 10 + 5}:time", source="crowd", language="en", topic="t" if i % 3 == 0 else None,
                                span=(i * 10, i * 10 + 5), quote=value, value=value, low=minutes, high=minutes))
    for i, value in enumerate(["21:00", "21:30", "03:00"]):
        minutes = int(value[:2]) * 60 + int(value[3:])
        claims.append(TimeClaim(id=f"calm:{i * 10}-{i * 10 + 5}:time", source="calm", language="en", topic="t",
                                span=(i * 10, i * 10 + 5), quote=value, value=value, low=minutes, high=minutes))
    topic_ids = [c.id for c in claims if c.topic == "t"]
    finding = Finding(id="time:t:contradiction", topic="t", kind="time", verdict="contradiction", severity="high",
                      claims=topic_ids, sources=["crowd", "calm"], gap="6 hours", explanation="Far apart.")
    report = Report(corpus={"title": "Crowded"}, claims=claims, discrepancies=[finding],
                    sources=[Source(id="crowd", path="crowd.txt", language="en", claims=36), Source(id="calm", path="calm.txt", language="en", claims=3)],
                    topics={"t": {"label": "When it happened", "kind": "time"}})
    out = root / "report"
    out.mkdir()
    render_site(report, None, out)
    return out


def _label_boxes(page) -> list[dict]:
    """The boxes of the timeline labels shown now (not those waiting for hover or focus)."""
    return page.eval_on_selector_all(
        "svg.timeline-svg text.tl-label",
        "ts => ts.filter(t => getComputedStyle(t).visibility === 'visible').map(t => { const b = t.getBBox(); return {text: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height}; })")


def _overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    return [(a["text"], b["text"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]]


def test_crowded_timeline_labels_do_not_overlap_and_each_value_stays_reachable(browser, tmp_path):
    out = write_crowded_report(tmp_path)
    with Opened(browser, url(out), viewport={"width": 1366, "height": 900}) as o:
        page = o.page
        shown = _label_boxes(page)
        assert len(shown) > 5 and _overlapping(shown) == []
        hidden = page.query_selector_all("a.tl-mark:has(text.tl-hidden)")
        assert hidden, "every label found room: the case is not crowded enough to test"
        # The lane says how many of its marks are unlabelled.
        assert f"{len(hidden)} unlabelled" in page.text_content("svg.timeline-svg")
        for mark in (hidden[0], hidden[-1]):
            label = mark.query_selector("text.tl-hidden")
            value = label.text_content()
            mark.focus()  # the keyboard reaches it, and its label appears clear of the others
            assert label.evaluate("t => getComputedStyle(t).visibility") == "visible"
            assert _overlapping(_label_boxes(page)) == []
            assert value.split(" ")[0] in mark.query_selector("title").text_content()  # its value, without the letter
            page.evaluate("document.activeElement.blur()")
            assert label.evaluate("t => getComputedStyle(t).visibility") == "hidden"
        # The mouse too: over an unlabelled mark's dot (one not covered by a neighbour's), its label shows.
        on_top = [m for m in hidden if m.evaluate(
            "a => { const b = a.querySelector('circle').getBoundingClientRect(); const e = document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2); return e !== null && a.contains(e); }")]
        assert on_top
        on_top[0].query_selector("circle").hover()
        assert on_top[0].eval_on_selector("text.tl-hidden", "t => getComputedStyle(t).visibility") == "visible"
        assert _overlapping(_label_boxes(page)) == []
        # Every value, labelled or not, is also in the table under the picture, on its source's row.
        page.click("details.tl-table summary")
        for lane in page.query_selector_all("g.tl-lane"):
            name = lane.query_selector("text.tl-lane-label").text_content()
            labels = lane.eval_on_selector_all("text.tl-label", "ts => ts.map(t => t.textContent)")
            row = page.text_content(f"table.tl-times tbody tr:has(a:text-is('{name}'))")
            assert labels and all(label.replace(" ", "\u00a0") in row for label in labels), name
        page.query_selector("figure.timeline").screenshot(path=str(ARTIFACTS / "report-timeline-crowded.png"))
        assert o.errors == []
