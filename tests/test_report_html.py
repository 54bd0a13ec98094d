"""The HTML report without a browser: escaping, highlight segments, anchors and links, order."""
from __future__ import annotations

import json
import re
import shutil
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace as NS
from urllib.parse import unquote, urlsplit

from html import unescape

import pytest
from hypothesis import given, settings
from markupsafe import escape
from hypothesis import strategies as st

from checker.model import Finding, Report, Source, TimeClaim
from checker.normalize.calendars import CalendarDate
from checker.report.anchors import Anchors
from checker.report.context import sentence_context
from checker.report.html import render_site
from checker.report.pages import MATRIX_SOURCES, PageSizes, pack_groups
from checker.report.segments import highlight_segments
from checker.report.timeline import DAY, LEFT, PLOT, WIDTH, build_timeline
from checker.report.view import FINDING_CLAIMS
from checker.report.vocabulary import severity_rank, verdict_rank
from checker.sources import load_corpus
from conftest import IMG, JS_URL, ROOT, SCRIPT, Written, run_report


class Page(HTMLParser):
    """The ids, links and elements of one HTML file."""

    def __init__(self, path: Path | None = None, text: str | None = None):
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.feed(path.read_text(encoding="utf-8") if text is None else text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])


def pages(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


# --- highlight segments -------------------------------------------------------------------

@st.composite
def text_and_claims(draw):
    text = draw(st.text(alphabet=st.sampled_from("ab <>&\"'\nกข\u05d0"), max_size=80))
    n = len(text)
    spans = draw(st.lists(st.tuples(st.integers(0, n + 3), st.integers(0, 6)), max_size=8))
    claims = [NS(id=f"c{i}", span=(a, a + k)) for i, (a, k) in enumerate(spans)]
    return text, claims


@given(text_and_claims())
@settings(max_examples=300, deadline=None)
def test_segments_give_back_the_text_and_each_claim_once(case):
    text, claims = case
    pieces = highlight_segments(text, claims)
    assert "".join(piece for piece, _ in pieces) == text
    marked = [c.id for _, c in pieces if c is not None]
    assert sorted(marked) == sorted(c.id for c in claims)
    # A claim that overlaps no other and lies inside the text is highlighted exactly.
    for c in claims:
        a, b = c.span
        alone = all(o is c or o.span[1] <= a or o.span[0] >= b or (o.span[0] == o.span[1]) for o in claims)
        if alone and b <= len(text) and a < b:
            assert (text[a:b], c) in pieces


def test_segments_of_the_bundled_sources_are_the_quotes(bundled_report):
    root = bundled_report.corpus
    for source in bundled_report.data["sources"]:
        text = (root / source["path"]).read_text(encoding="utf-8")
        claims = [NS(**c) for c in bundled_report.data["claims"] if c["source"] == source["id"]]
        pieces = highlight_segments(text, claims)
        assert "".join(p for p, _ in pieces) == text
        assert all(piece == c.quote for piece, c in pieces if c is not None)


# --- escaping -------------------------------------------------------------------------------

def test_hostile_text_is_escaped_everywhere(hostile_report):
    out = hostile_report.out
    for path in pages(out):
        html = path.read_text(encoding="utf-8")
        assert SCRIPT not in html and "<img" not in html, path
        assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", html, re.I), path
        assert html.count("<script") == 1 and '<script src="' in html, path
    evil = (out / "sources" / "evil.html").read_text(encoding="utf-8")
    assert str(escape(SCRIPT)) in evil and str(escape(IMG)) in evil
    # The safe link stays a link; the javascript: one is only text.
    plain = Page(out / "sources" / "plain.html")
    assert "https://example.org/plain" in plain.links
    assert not any(link.lower().lstrip().startswith("javascript:") for path in pages(out) for link in Page(path).links)
    assert JS_URL in evil


def test_unreadable_source_is_an_error_on_the_overview_and_has_no_page(hostile_report):
    out = hostile_report.out
    index = (out / "index.html").read_text(encoding="utf-8")
    [error] = hostile_report.data["errors"]
    assert 'id="errors"' in index and error["source"] in index
    assert not list((out / "sources").glob("broken*"))
    assert {p.stem for p in (out / "sources").glob("*.html")} == {s["id"] for s in hostile_report.data["sources"]} - {"broken"}


def _arabic_report() -> Report:
    def claim(source, lang, value, quote):
        h, m = map(int, value.split(":"))
        return TimeClaim(id=f"{source}:0-{len(quote)}:time", source=source, language=lang, topic="t", span=(0, len(quote)),
                         quote=quote, value=value, low=h * 60 + m, high=h * 60 + m)

    claims = [claim("ar-src", "ar", "02:10", "الساعة ٢:١٠"), claim("en-src", "en", "02:00", "at 2:00")]
    finding = Finding(id="time:t:discrepancy", topic="t", kind="time", verdict="discrepancy", severity="medium",
                      claims=[c.id for c in claims], sources=["ar-src", "en-src"], gap="10 minutes", explanation=f"{SCRIPT} gap")
    return Report(
        corpus={"title": "RTL"},
        sources=[Source(id="ar-src", path="a.txt", language="ar", claims=1), Source(id="en-src", path="b.txt", language="en", claims=1)],
        claims=claims, discrepancies=[finding], topics={"t": {"label": "A time", "kind": "time"}},
    )


def test_right_to_left_quotes_get_dir_rtl_and_the_report_needs_no_corpus(tmp_path):
    render_site(_arabic_report(), None, tmp_path)
    topic = Page(tmp_path / "topics" / "t.html")
    quotes = {a.get("lang"): a.get("dir") for tag, a in topic.tags if tag == "blockquote"}
    assert quotes == {"ar": "rtl", "en": "ltr"}
    assert "&lt;script&gt;" in (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "cannot be shown" in (tmp_path / "sources" / "ar-src.html").read_text(encoding="utf-8")


def test_a_source_changed_since_it_was_read_is_flagged(tmp_path):
    report = _arabic_report()
    text = report.claims[0].quote + " وقت"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    report.sources[0].sha256 = "0" * 64  # not the file's
    corpus = NS(sources=[NS(id="ar-src", file=tmp_path / "a.txt", path="a.txt", encoding="utf-8", url="")])
    out = tmp_path / "out"
    out.mkdir()
    render_site(report, corpus, out)
    html = (out / "sources" / "ar-src.html").read_text(encoding="utf-8")
    assert "has changed since" in html
    page = Page(out / "sources" / "ar-src.html")
    assert ("div", {"class": "source-text", "lang": "ar", "dir": "rtl"}) in page.tags


# --- anchors and links ----------------------------------------------------------------------

@given(st.lists(st.text(min_size=0, max_size=12), max_size=30))
def test_anchors_are_unique_safe_and_stable(keys):
    anchors = Anchors("claim", keys)
    values = [anchors[k] for k in set(keys)]
    assert len({v.casefold() for v in values}) == len(values)
    assert all(re.fullmatch(r"[\w-]+", v) for v in values)
    assert all(Anchors("claim", list(reversed(keys)))[k] == anchors[k] for k in keys)


def test_every_link_and_anchor_of_the_report_resolves(bundled_report):
    _assert_links_resolve(bundled_report.out)


def _assert_links_resolve(out: Path) -> None:
    """Every page's ids are unique and safe, and every link of every page leads to a file of the
    report and, with a fragment, to an id on that page (or to http(s) elsewhere)."""
    parsed = {p.resolve(): Page(p) for p in pages(out)}
    for path, page in parsed.items():
        assert len(page.ids) == len(set(page.ids)), f"duplicate id in {path}"
        assert all(re.fullmatch(r"[\w-]+", i) for i in page.ids), path
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                assert parts.scheme in ("http", "https"), href
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            assert target.exists(), f"{path.name}: {href}"
            if parts.fragment and target.suffix == ".html":
                assert unquote(parts.fragment) in parsed[target].ids, f"{path.name}: {href}"


def test_every_claim_has_an_anchor_on_its_source_page(bundled_report):
    out = bundled_report.out
    anchors = Anchors("claim", [c["id"] for c in bundled_report.data["claims"]])
    for source in bundled_report.data["sources"]:
        ids = set(Page(out / "sources" / f"{source['id']}.html").ids)
        mine = [c["id"] for c in bundled_report.data["claims"] if c["source"] == source["id"]]
        assert len(mine) == source["claims"]
        assert all(anchors[c] in ids for c in mine)


def test_findings_are_listed_most_important_first(bundled_report):
    rows = [a for tag, a in Page(bundled_report.out / "index.html").tags if tag == "tr" and "data-verdict" in a]
    findings = bundled_report.data["discrepancies"]
    assert len(rows) == len(findings)
    expected = sorted(findings, key=lambda f: (verdict_rank(f["verdict"]), severity_rank(f["severity"]), f["topic"], f["id"]))
    assert [r["data-verdict"] for r in rows] == [f["verdict"] for f in expected]


def test_html_and_data_files_sit_side_by_side(bundled_report):
    out = bundled_report.out
    index = Page(out / "index.html")
    assert {"report.json", "claims.csv", "matrix.html"} <= set(index.links)
    assert (out / "report.css").exists() and (out / "report.js").exists()
    for path in pages(out):
        html = path.read_text(encoding="utf-8")
        # No network: nothing is fetched from another host.
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html.replace('href="https://', "")), path


# --- the timeline ---------------------------------------------------------------------------

def _time(source, value, date=None, n=0, topic_page=None):
    h, m = map(int, value.split(":"))
    claim = NS(id=f"{source}:{n}:time", source=source, kind="time", quote=value, low=h * 60 + m, high=h * 60 + m,
               date=date, date_calendar="gregorian" if date else "unspecified")
    return NS(claim=claim, short=value, anchor=f"claim-{source}-{n}", source_page=f"sources/{source}.html", topic_page=topic_page)


def test_timeline_places_dated_times_on_their_day_and_lists_the_rest():
    sources = [NS(source=NS(id=s, language="en"), page=f"sources/{s}.html") for s in ("a", "b", "c")]
    views = [
        _time("a", "21:40", "1917-11-07", 1),
        _time("a", "02:10", "1917-11-08", 2),
        _time("b", "02:00", None, 3),
        _time("b", "10:00", "1917-11-11", 4),  # three days later: outside the window
    ]
    tl = build_timeline(sources, views, {})
    assert [lane.name for lane in tl.lanes] == ["a", "b"] and tl.silent == ["c"]
    assert [cv.claim.id for cv in tl.outside] == ["b:4:time"]
    marks = {m.href.rsplit("#", 1)[-1]: m for lane in tl.lanes for m in lane.marks}
    assert all(LEFT <= m.x <= WIDTH for m in marks.values())
    # 21:40 on the 7th comes before 02:10 on the 8th; the undated 02:00 sits 10 minutes before 02:10.
    assert marks["claim-a-1"].x < marks["claim-b-3"].x < marks["claim-a-2"].x
    assert abs((marks["claim-a-2"].x - marks["claim-b-3"].x) - PLOT * 10 / DAY) < 0.2
    assert marks["claim-a-1"].dated and not marks["claim-b-3"].dated
    assert [d for _, d in tl.days] == ["1917-11-07", "1917-11-08"]


def fold(text: str) -> str:
    """What the search box ignores: case and accents (the same rule as report.js)."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.category(ch).startswith("M")).lower()


def test_fold_matches_the_rule_report_js_states():
    js = (Path(__file__).resolve().parents[1] / "checker" / "report" / "static" / "report.js").read_text(encoding="utf-8")
    assert 'normalize("NFD").replace(/\\p{M}/gu, "").toLowerCase()' in js
    assert fold("Kérenski") == "kerenski"


# --- the sentence around a quote ------------------------------------------------------------

@given(st.text(alphabet=st.sampled_from("ab A.\n?ก \u05d0[]1"), min_size=1, max_size=120), st.data())
@settings(max_examples=300, deadline=None)
def test_sentence_context_surrounds_the_quote_within_its_line(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    c = sentence_context(text, start, end, limit=30)
    # The context is the text right before and after the quote, never past a line break.
    assert text[:start].endswith(c.before) and text[end:].startswith(c.after)
    assert "\n" not in c.before and "\n" not in c.after
    assert len(c.before) <= 30 and len(c.after) <= 30
    # An ellipsis is promised only where text of the same line was left out.
    if c.cut_before:
        assert start - len(c.before) > 0 and text[start - len(c.before) - 1] != "\n"
    if c.cut_after:
        assert end + len(c.after) < len(text) and text[end + len(c.after)] != "\n"


def test_sentence_context_stops_at_sentences_and_never_cuts_a_word():
    text = "It rained all day. The Aurora fired at 21:40, said the sailors. Then quiet."
    i = text.index("21:40")
    c = sentence_context(text, i, i + 5)
    assert (c.before, c.after, c.cut_before, c.cut_after) == ("The Aurora fired at ", ", said the sailors.", False, False)
    long = " ".join(f"w{i}" for i in range(200))
    i = long.index("w100")
    c = sentence_context(long, i, i + 4, limit=20)
    assert c.cut_before and c.cut_after
    assert all(w in long.split() for w in c.before.split() + c.after.split())  # whole words only


# --- what a topic page shows ----------------------------------------------------------------

def _cards(path: Path) -> dict[str, str]:
    """The text of each claim card on a topic page, by its id."""
    html = path.read_text(encoding="utf-8")
    out = {}
    for m in re.finditer(r'<article class="claim-card" id="([^"]+)".*?</article>', html, re.S):
        out[m.group(1)] = unescape(re.sub(r"<[^>]+>", "", m.group(0)))
    return out


def test_each_finding_quotes_its_claims_and_says_why_they_were_matched(bundled_report):
    data, out = bundled_report.data, bundled_report.out
    anchors = Anchors("claim", [c["id"] for c in data["claims"]])
    finding_anchors = Anchors("finding", [f["id"] for f in data["discrepancies"]])
    claims = {c["id"]: c for c in data["claims"]}
    topic_pages = {p.stem: p for p in (out / "topics").glob("*.html")}
    assert data["discrepancies"], "the bundled corpus gives no finding to check"
    for f in data["discrepancies"]:
        page = next(p for p in topic_pages.values() if f'id="{finding_anchors[f["id"]]}"' in p.read_text(encoding="utf-8"))
        html = page.read_text(encoding="utf-8")
        article = re.search(rf'<article class="finding[^"]*" id="{finding_anchors[f["id"]]}">.*?</article>', html, re.S).group(0)
        assert str(escape(f["explanation"])) in article
        listed = re.findall(r'<a href="#(claim-[^"]+)">', article)
        assert listed and set(listed) <= {anchors[c] for c in f["claims"]}
        assert len(listed) == min(len(f["claims"]), FINDING_CLAIMS)
        for cid in f["claims"]:
            if anchors[cid] in listed:
                assert str(escape(claims[cid]["quote"])) in article
        for reason in f.get("match_reasons") or []:
            assert str(escape(reason)) in article


def test_a_julian_date_is_never_shown_without_its_gregorian_day(bundled_report):
    data, out = bundled_report.data, bundled_report.out
    anchors = Anchors("claim", [c["id"] for c in data["claims"]])
    cards = {}
    for page in (out / "topics").glob("*.html"):
        cards.update(_cards(page))
    julian = [c for c in data["claims"] if c.get("calendar") == "julian" or (c.get("date_calendar") == "julian" and c.get("date"))]
    shown = [c for c in julian if anchors[c["id"]] in cards]
    assert shown, "no Julian date on any topic page to check"
    for c in shown:
        day = c["value"] if c["kind"] == "date" else c["date"]
        gregorian = CalendarDate.parse(day, "julian").to_gregorian().iso()
        assert f"= {gregorian}" in cards[anchors[c["id"]]], c["id"]


def test_a_quote_is_shown_in_its_sentence_cut_only_between_words(bundled_report):
    data, out, root = bundled_report.data, bundled_report.out, bundled_report.corpus
    anchors = Anchors("claim", [c["id"] for c in data["claims"]])
    texts = {s["id"]: (root / s["path"]).read_text(encoding="utf-8") for s in data["sources"]}
    html = "".join(p.read_text(encoding="utf-8") for p in (out / "topics").glob("*.html"))
    checked = 0
    for c in data["claims"]:
        m = re.search(rf'<article class="claim-card" id="{anchors[c["id"]]}".*?<blockquote[^>]*>(?:<span class="ctx">(.*?)</span>)?<mark>(.*?)</mark>(?:<span class="ctx">(.*?)</span>)?</blockquote>', html, re.S)
        if not m:
            continue
        before, quote, after = (unescape(g or "") for g in m.groups())
        assert quote == c["quote"]
        text, (start, end) = texts[c["source"]], c["span"]
        # The words around the quote are the source's own, in place.
        assert text[:start].endswith(before.removeprefix("…")) and text[end:].startswith(after.removesuffix("…"))
        if c["language"] != "th":  # Thai runs words together: no space to cut at
            first = start - len(before.removeprefix("…"))
            last = end + len(after.removesuffix("…"))
            assert first == 0 or not text[first - 1].isalnum() or not before, (c["id"], before)
            assert last == len(text) or not text[last].isalnum() or not after, (c["id"], after)
        checked += 1
    assert checked


def test_every_matrix_verdict_is_spelled_out(bundled_report):
    html = (bundled_report.out / "matrix.html").read_text(encoding="utf-8")
    assert 'class="verdict' in html
    # A compact verdict shows only its symbol; in the matrix each verdict also shows its word.
    assert "compact" not in html
    words = re.findall(r'<span class="verdict v-[a-z_]+"[^>]*><span class="sym" aria-hidden="true">.</span> ([a-z ]+)</span>', html)
    assert len(words) == html.count('<span class="verdict ')


def test_the_overview_and_matrix_hold_values_not_texts(bundled_report):
    """Texts live on the source and topic pages only, so the pages every reader opens first stay
    small however long the sources are."""
    data, out = bundled_report.data, bundled_report.out
    for name in ("index.html", "matrix.html"):
        html = unescape((out / name).read_text(encoding="utf-8"))
        sentences = [c["prefix"] + c["quote"] for c in data["claims"] if len(c["prefix"]) >= 20]
        assert sentences and not [s for s in sentences if s in html], name
    # A topic page carries its own claims' cards and no other's.
    anchors = Anchors("claim", [c["id"] for c in data["claims"]])
    for page in (out / "topics").glob("*.html"):
        key = next(k for k in {c["topic"] for c in data["claims"]} | {f["topic"] for f in data["discrepancies"]}
                   if k and f'id="{Anchors("topic", [k])[k]}"' in page.read_text(encoding="utf-8"))
        ids = {c["id"] for c in data["claims"] if c["topic"] == key} | {i for f in data["discrepancies"] if f["topic"] == key for i in f["claims"]}
        assert set(_cards(page)) == {anchors[i] for i in ids}, page.name


# --- a large report, split over pages -------------------------------------------------------

# Sources of the generated corpus: two and a half matrix pages, so the last page is short.
PAGED_SOURCES = 250


def paged_report(tmp_path_factory) -> Written:
    """The report of a corpus of PAGED_SOURCES sources made by bench/make_corpus.py, written by
    the real command line once per session (the browser tests use it too)."""
    base = tmp_path_factory.getbasetemp() / "paged"
    out = base / "report"
    if not (out / "report.json").exists():  # the report folder appears whole or not at all
        if str(ROOT) not in sys.path:
            sys.path.insert(0, str(ROOT))
        from bench.make_corpus import make_corpus

        make_corpus(base / "corpus", 1_000_000, PAGED_SOURCES)
        written = run_report(base / "corpus", out)
        assert written.returncode == 0, written.stderr
        return written
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return Written(out, Path(data["corpus"]["path"]), data, 0, "")


@pytest.fixture(scope="module")
def paged(tmp_path_factory) -> Written:
    return paged_report(tmp_path_factory)


def _bars(path: Path) -> list[list[dict]]:
    """The page bars of one page (above and below its list), each as the attributes of its links."""
    html = path.read_text(encoding="utf-8")
    return [[a for tag, a in Page(text=nav).tags if tag == "a"] for nav in re.findall(r'<nav class="pager".*?</nav>', html, re.S)]


def _matrix_files(out: Path) -> list[Path]:
    """The matrix pages of a report in page order, as the first page's bar links them."""
    bars = _bars(out / "matrix.html")
    return [out / a["href"] for a in bars[0] if not a.get("rel")] if bars else [out / "matrix.html"]


def _column_sources(path: Path) -> list[str]:
    return [a["data-col-source"] for tag, a in Page(path).tags if tag == "th" and "data-col-source" in a]


def test_the_matrix_is_split_at_the_page_size_and_shows_each_source_once(paged):
    out, data = paged.out, paged.data
    readable = [s["id"] for s in data["sources"] if s["id"] not in {e["source"] for e in data["errors"]}]
    assert len(readable) == PAGED_SOURCES
    files = _matrix_files(out)
    expected = [readable[i:i + MATRIX_SOURCES] for i in range(0, len(readable), MATRIX_SOURCES)]
    assert [f.name for f in files] == ["matrix.html"] + [f"matrix-{n}.html" for n in range(2, len(expected) + 1)]
    assert sorted(p.name for p in out.glob("matrix*.html")) == sorted(f.name for f in files)
    # Each page holds the next MATRIX_SOURCES sources in corpus order; the last holds the rest.
    assert [_column_sources(f) for f in files] == expected
    # Every topic has its row, with the same anchor, on every page.
    topics = {a["id"] for tag, a in Page(files[0]).tags if tag == "tr" and "data-topic" in a}
    assert topics
    for f in files:
        assert {a["id"] for tag, a in Page(f).tags if tag == "tr" and "data-topic" in a} == topics
        # A row's data-source names only sources shown on its page (the filters act on the page).
        shown = set(_column_sources(f))
        for tag, a in Page(f).tags:
            if tag == "tr" and "data-source" in a:
                assert set(a["data-source"].split()) <= shown, f.name


def test_matrix_pages_link_to_each_other(paged):
    files = _matrix_files(paged.out)
    assert len(files) == 3
    for n, f in enumerate(files, 1):
        bars = _bars(f)
        assert len(bars) == 2  # above and below the table
        for links in bars:
            numbered = [a for a in links if not a.get("rel")]
            # Every page, in order, this one marked as the current page.
            assert [a["href"] for a in numbered] == [p.name for p in files]
            assert [a["href"] for a in numbered if a.get("aria-current") == "page"] == [f.name]
            assert [a["href"] for a in links if a.get("rel") == "prev"] == ([files[n - 2].name] if n > 1 else [])
            assert [a["href"] for a in links if a.get("rel") == "next"] == ([files[n].name] if n < len(files) else [])
            assert all((f.parent / a["href"]).is_file() for a in links)
            # Each page's link says which sources it holds.
            for a, page in zip(numbered, files):
                columns = _column_sources(page)
                assert a["title"].endswith(f"{columns[0]} to {columns[-1]}"), a["title"]


def test_every_link_and_anchor_of_a_paged_report_resolves(paged):
    _assert_links_resolve(paged.out)


def test_a_large_topic_is_split_into_pages_each_card_on_one(paged, tmp_path):
    """The same report drawn with small pages, so that many topics run over several: every
    claim of a topic has its card on exactly one of the topic's pages, no page holds more than
    the page size, and every link to a card (matrix, source texts, timeline, findings) leads to
    the page that holds it."""
    sizes = PageSizes(matrix_sources=7, topic_claims=40)
    out = _render_again(paged, tmp_path, sizes)
    data = paged.data
    anchors = Anchors("claim", [c["id"] for c in data["claims"]])
    keys = {c["topic"] for c in data["claims"] if c["topic"]} | {f["topic"] for f in data["discrepancies"]}
    topic_anchors = Anchors("topic", keys)
    split = 0
    for key in keys:
        stem = topic_anchors[key].removeprefix("topic-")
        # The topic's pages: <topic>.html, then <topic>.2.html, <topic>.3.html… (no other file).
        files = sorted(out.glob(f"topics/{stem}.*html"), key=lambda p: int(p.suffixes[0][1:]) if len(p.suffixes) > 1 else 1)
        cards = [list(_cards(f)) for f in files]
        assert all(0 < len(c) <= sizes.topic_claims for c in cards) or cards == [[]], key
        flat = [c for page in cards for c in page]
        assert len(flat) == len(set(flat)) and set(flat) == {anchors[i] for i in _topic_claim_ids(data, key)}, key
        assert [f.name for f in files] == [f"{stem}.html"] + [f"{stem}.{n}.html" for n in range(2, len(files) + 1)]
        split += len(files) > 1
    assert split >= 2, "no topic ran over two pages: the test would prove nothing"
    _assert_links_resolve(out)


def test_a_source_is_cut_between_topic_pages_only_when_it_fills_more_than_one(tmp_path):
    groups = [3, 12, 1, 5, 5, 9]
    for budget in (1, 4, 5, 10, 40):
        pages = pack_groups(groups, budget)
        parts = [part for page in pages for part in page]
        assert all(sum(end - start for _, start, end in page) <= budget for page in pages)
        # Read in order, the parts give back every group whole.
        assert [(g, s, e) for g, s, e in parts] == sorted(parts)
        for g, size in enumerate(groups):
            mine = [(s, e) for h, s, e in parts if h == g]
            assert mine[0][0] == 0 and mine[-1][1] == size and all(a[1] == b[0] for a, b in zip(mine, mine[1:]))
            if size <= budget:
                assert len(mine) == 1, (budget, g)


def test_paged_pages_escape_hostile_names(tmp_path):
    """Page bars carry source ids in their titles: a report whose ids and labels are markup,
    split into many pages, still shows every piece of it as text."""
    hostile = [f'<b>s{i}</b>"{SCRIPT}' for i in range(5)]
    claims = [TimeClaim(id=f"{sid}:0-5:time", source=sid, language="en", topic="t", span=(0, 5), quote=f"{IMG}"[:5],
                        value="02:10", low=130, high=130) for sid in hostile]
    finding = Finding(id="f", topic="t", kind="time", verdict="agreement", severity="none", claims=[c.id for c in claims],
                      sources=hostile, explanation=SCRIPT)
    report = Report(corpus={"title": SCRIPT}, sources=[Source(id=s, path=f"{i}.txt", language="en", claims=1) for i, s in enumerate(hostile)],
                    claims=claims, discrepancies=[finding], topics={"t": {"label": IMG, "kind": "time"}})
    render_site(report, None, tmp_path, PageSizes(matrix_sources=2, topic_claims=2))
    assert (tmp_path / "matrix-3.html").exists() and (tmp_path / "topics" / "t.3.html").exists()
    for path in pages(tmp_path):
        html = path.read_text(encoding="utf-8")
        assert SCRIPT not in html and "<img" not in html and "<b>" not in html, path
        assert html.count("<script") == 1, path
    bar = Page(tmp_path / "matrix-2.html")
    titles = [a["title"] for tag, a in bar.tags if tag == "a" and a.get("href") == "matrix-2.html"]
    assert titles and all(hostile[2] in t and hostile[3] in t for t in titles)


def _pages_of(out: Path, stem: str) -> list[Path]:
    """stem.html, stem-2.html, … of a report, in page order (and checked to be all there are)."""
    files = sorted(out.glob(f"{stem}*.html"), key=lambda p: int(p.stem.rpartition("-")[2]) if "-" in p.stem else 1)
    assert [f.name for f in files] == [f"{stem}.html"] + [f"{stem}-{n}.html" for n in range(2, len(files) + 1)]
    return files


def _source_rows(path: Path) -> list[str]:
    """The source ids of the rows of a list of sources, in order (a row's id is source-<id>)."""
    return [a["id"].removeprefix("source-") for tag, a in Page(path).tags if tag == "tr" and a.get("id", "").startswith("source-")]


def test_past_a_page_of_sources_the_overview_counts_them_and_the_list_has_pages(paged, tmp_path):
    """The overview of a big corpus does not grow with it: the sources are counted by language
    there and listed, each once and in corpus order, on sources.html, sources-2.html, …; a
    source's page leads back to its row on the right page."""
    sizes = PageSizes(sources=60, timeline_lanes=20)
    out = _render_again(paged, tmp_path, sizes)
    ids = [s["id"] for s in paged.data["sources"]]
    files = _pages_of(out, "sources")
    assert [_source_rows(f) for f in files] == [ids[i:i + sizes.sources] for i in range(0, len(ids), sizes.sources)]
    assert _source_rows(out / "index.html") == []
    index = (out / "index.html").read_text(encoding="utf-8")
    counted = re.findall(r'<tr><th scope="row">([\w-]+)</th><td class="num">([\d,]+)</td>', index)
    by_language: dict[str, int] = {}
    for s in paged.data["sources"]:
        by_language[s["language"]] = by_language.get(s["language"], 0) + 1
    assert {lang: int(n.replace(",", "")) for lang, n in counted} == by_language
    page_of = {sid: f.name for f in files for sid in _source_rows(f)}
    for sid in ids[:: 37]:
        crumbs = [a["href"] for tag, a in Page(out / "sources" / f"{sid}.html").tags if tag == "a" and "#source-" in a.get("href", "")]
        assert crumbs == [f"../{page_of[sid]}#source-{sid}"]
    _assert_links_resolve(out)


def test_past_a_page_of_timed_sources_the_overview_draws_a_lane_per_topic(paged, tmp_path):
    """Past `timeline_lanes` sources with clock times, the overview draws a lane per topic of
    clock times and the lanes by source move to timeline.html, …: every such source has its
    lane on exactly one page, in corpus order, and every time is drawn on it."""
    sizes = PageSizes(sources=60, timeline_lanes=20)
    out = _render_again(paged, tmp_path, sizes)
    times = [c for c in paged.data["claims"] if c["kind"] == "time"]
    timed = [s["id"] for s in paged.data["sources"] if any(c["source"] == s["id"] for c in times)]
    assert len(timed) > 2 * sizes.timeline_lanes, "the corpus would not need three timeline pages"
    files = _pages_of(out, "timeline")
    lane_names = lambda path: re.findall(r'<text class="tl-lane-label"[^>]*>([^<]*)</text>', path.read_text(encoding="utf-8"))
    # Each page takes the next `timeline_lanes` of those sources; one whose every time falls
    # outside the day drawn has no lane, its times are listed under the picture.
    chunks = [timed[i:i + sizes.timeline_lanes] for i in range(0, len(timed), sizes.timeline_lanes)]
    assert len(files) == len(chunks)
    for f, chunk in zip(files, chunks):
        lanes = lane_names(f)
        assert lanes == [sid for sid in chunk if sid in lanes], f.name
        html = f.read_text(encoding="utf-8")
        for sid in set(chunk) - set(lanes):
            assert f">{sid}: " in html, f"{sid} has neither a lane nor a listed time on {f.name}"
    # Every time claim is drawn once, as a mark linking its claim, or listed as outside the day.
    marks = [a["href"] for f in files for tag, a in Page(f).tags if tag == "a" and "tl-mark" in a.get("class", "")]
    outside = [f.read_text(encoding="utf-8").partition('class="tl-outside"')[2].partition("</details>")[0] for f in files]
    listed = sum(part.count("<li>") for part in outside)
    assert len(marks) == len(set(marks)) and len(marks) + listed == sum(c["low"] is not None for c in times)
    # The overview: a lane per topic of clock times (no lane per source), each linking its topic.
    overview = lane_names(out / "index.html")
    assert overview and not set(overview) & set(timed)
    topic_marks = [a["href"] for tag, a in Page(out / "index.html").tags if tag == "a" and "tl-mark" in a.get("class", "")]
    assert all(h.startswith("topics/") for h in topic_marks)
    # A lane each for the topics of the times drawn by source: the topic each mark links, and
    # those a drawn claim also holds ("the guns of the Aurora and of the Fortress at 21:00").
    topic_of = lambda hrefs: {m.group(1) for h in hrefs if (m := re.match(r"topics/([^.#]+)", h))}
    by_anchor = {"claim-" + c["id"].replace(":", "-"): c for c in times}
    also = {t for h in marks for t in by_anchor[h.partition("#")[2]]["also_topics"]}
    assert topic_of(marks) <= topic_of(topic_marks) <= topic_of(marks) | also
    assert len(overview) == len(topic_of(topic_marks))
    _assert_links_resolve(out)


def _topic_claim_ids(data: dict, key: str) -> set[str]:
    ids = {c["id"] for c in data["claims"] if c["topic"] == key}
    return ids | {i for f in data["discrepancies"] if f["topic"] == key for i in f["claims"]}


def _render_again(written: Written, out: Path, sizes: PageSizes) -> Path:
    """The pages of a written report drawn again from its report.json with other page sizes."""
    report = Report.model_validate_json((written.out / "report.json").read_text(encoding="utf-8"))
    for name in ("report.json", "claims.csv"):
        shutil.copy(written.out / name, out / name)
    render_site(report, load_corpus(written.corpus), out, sizes)
    return out
