"""The HTML report without a browser: escaping, highlight segments, anchors and links, order."""
from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace as NS
from urllib.parse import unquote, urlsplit

from html import unescape

from hypothesis import given, settings
from markupsafe import escape
from hypothesis import strategies as st

from checker.model import Finding, Report, Source, TimeClaim
from checker.normalize.calendars import CalendarDate
from checker.report.anchors import Anchors
from checker.report.context import sentence_context
from checker.report.html import render_site
from checker.report.segments import highlight_segments
from checker.report.timeline import DAY, LEFT, PLOT, WIDTH, build_timeline
from checker.report.view import FINDING_CLAIMS
from checker.report.vocabulary import severity_rank, verdict_rank
from conftest import IMG, JS_URL, SCRIPT


class Page(HTMLParser):
    """The ids, links and elements of one HTML file."""

    def __init__(self, path: Path):
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.feed(path.read_text(encoding="utf-8"))

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
    out = bundled_report.out
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
    sources = [NS(source=NS(id=s, language="en")) for s in ("a", "b", "c")]
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
