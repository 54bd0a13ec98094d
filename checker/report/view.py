"""What the pages show, worked out once from the Report: topics with their claims and findings,
the matrix of topics by sources, and where every claim and topic lives. The templates only lay
these out."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from checker.model import Finding, Report, Source, SourceError
from checker.report.anchors import Anchors
from checker.report.context import Context, fallback_context
from checker.report.pages import PageSizes, Pager, chunks, pack_groups, pagers
from checker.report.values import short_note, short_value, value_lines
from checker.report.vocabulary import SEVERITIES, VERDICTS, severity_rank, text_direction, verdict_rank, worst_verdict

# A matrix cell lists this many distinct values, then "+N more".
CELL_VALUES = 4
# A finding on the overview names this many sources, then "and N more".
LISTED_SOURCES = 6
# A finding on its topic page quotes this many of its claims; the rest are in the cards below.
FINDING_CLAIMS = 8
# A filter offers at most this many sources in a drop-down list; past it, a text box that
# completes the ids the page's rows name (report.js fills its suggestions when it is used, so a
# page of 5,000 sources does not carry 5,000 <option>s, 318 KB, to be parsed on opening).
FILTER_OPTIONS = 200


@dataclass
class ClaimView:
    """One claim and where it is shown."""

    claim: object
    anchor: str
    source_page: str
    dir: str
    short: str
    note: str | None
    lines: list[str]
    # The topic page its highlight in the source text links to (its own topic, else the first
    # topic a finding put it in), or None when no topic holds it.
    topic_page: str | None = None
    topic_label: str | None = None
    # The text around the quote: the claim's own few characters until the source text, read
    # for the source page, gives its whole sentence (checker/report/context.py).
    context: Context | None = None

    def __post_init__(self):
        if self.context is None:
            self.context = fallback_context(self.claim)

    @property
    def span(self) -> tuple[int, int]:
        return self.claim.span

    @property
    def id(self) -> str:
        return self.claim.id

    @property
    def summary(self) -> str:
        """One line for a tooltip: kind, value and topic."""
        where = f"topic: {self.topic_label}" if self.topic_label else "no topic"
        return f"{self.claim.kind} {self.short} — {where}"


@dataclass
class SourceView:
    source: Source
    page: str
    dir: str
    url: str | None = None
    error: SourceError | None = None
    # The id of the source's row in the list of sources, and the page of that list that holds
    # it (the overview while the list fits one page; see ReportView.source_pages).
    anchor: str = ""
    listed_on: str = "index.html"

    @property
    def list_href(self) -> str:
        """The link to the source's row in the list of sources, from the report's root.

        >>> SourceView(None, "sources/a.html", "ltr", anchor="source-a", listed_on="sources-2.html").list_href
        'sources-2.html#source-a'
        """
        return f"{self.listed_on}#{self.anchor}"


@dataclass
class SourceClaims:
    """One source's claims inside one topic, with the verdicts they took part in."""

    source: SourceView
    claims: list[tuple[ClaimView, list[str]]]
    verdicts: list[str]
    # On a topic page: the source's claims before these are on the previous page.
    continued: bool = False


@dataclass
class TopicView:
    key: str
    anchor: str
    page: str
    label: str
    kind: str
    automatic: bool
    findings: list[Finding] = field(default_factory=list)
    by_source: list[SourceClaims] = field(default_factory=list)
    # The topic's pages, the first at `page`; and the page (from the report's root) that holds
    # each claim's card.
    pages: list[TopicPage] = field(default_factory=list)
    card_pages: dict[str, str] = field(default_factory=dict)

    def card_href(self, cv: ClaimView, here: str | None = None) -> str:
        """The link to a claim's card from the report's root, or from the topic page `here`
        (a path from the root too): just the fragment when the card is on that page.

        >>> from types import SimpleNamespace as NS
        >>> t = TopicView("k", "topic-k", "topics/k.html", "K", "time", False, card_pages={"c": "topics/k.2.html"})
        >>> cv = NS(id="c", anchor="claim-c")
        >>> t.card_href(cv), t.card_href(cv, "topics/k.html"), t.card_href(cv, "topics/k.2.html")
        ('topics/k.2.html#claim-c', 'k.2.html#claim-c', '#claim-c')
        """
        page = self.card_pages.get(cv.id, self.page)
        if here is None:
            return f"{page}#{cv.anchor}"
        return f"#{cv.anchor}" if page == here else f"{page.rsplit('/', 1)[-1]}#{cv.anchor}"

    @cached_property
    def by_source_id(self) -> dict[str, SourceClaims]:
        return {sc.source.source.id: sc for sc in self.by_source}

    @property
    def worst(self) -> str | None:
        return worst_verdict(f.verdict for f in self.findings)

    @property
    def verdicts(self) -> list[str]:
        return sorted({f.verdict for f in self.findings}, key=verdict_rank)

    @property
    def source_ids(self) -> list[str]:
        return [sc.source.source.id for sc in self.by_source]

    @property
    def languages(self) -> list[str]:
        return sorted({sc.source.source.language for sc in self.by_source})

    @property
    def claim_count(self) -> int:
        return sum(len(s.claims) for s in self.by_source)


@dataclass
class TopicPage:
    """One page of a topic's claim cards: whole sources where they fit (see pack_groups)."""

    by_source: list[SourceClaims]
    pager: Pager
    file: str  # from the report's root

    @property
    def languages(self) -> list[str]:
        return sorted({sc.source.source.language for sc in self.by_source})

    @property
    def sources(self) -> list[SourceView]:
        return [sc.source for sc in self.by_source]

    @property
    def claim_count(self) -> int:
        return sum(len(sc.claims) for sc in self.by_source)


@dataclass
class MatrixCell:
    source: SourceView
    values: list[tuple[str, str | None, str]]  # (short value, note, href of its claim card)
    more: int
    verdicts: list[str]
    more_href: str | None = None  # the source's first card on the topic, where the rest follow

    @property
    def worst(self) -> str | None:
        return worst_verdict(self.verdicts)


@dataclass
class MatrixRow:
    """One topic on one matrix page: a cell per source of the page, and which of the page's
    sources and languages speak of the topic (for the filters)."""

    topic: TopicView
    cells: list[MatrixCell]

    @property
    def source_ids(self) -> list[str]:
        return [c.source.source.id for c in self.cells if c.values]

    @property
    def languages(self) -> list[str]:
        return sorted({c.source.source.language for c in self.cells if c.values})


@dataclass
class SourcesPage:
    """One page of a list split by sources: the matrix (every topic, the columns of some
    sources) or the list of sources (a row each)."""

    sources: list[SourceView]
    pager: Pager
    first: int  # the place of its first source in the whole list, from 1

    @property
    def file(self) -> str:
        return self.pager.current.file

    @property
    def last(self) -> int:
        return self.first + len(self.sources) - 1

    @property
    def languages(self) -> list[str]:
        return sorted({sv.source.language for sv in self.sources})


@dataclass
class LanguageRow:
    """The sources of one language, for the overview's summary when the list has its own pages."""

    language: str
    sources: int
    unread: int
    claims: int


@dataclass
class FindingRow:
    """A finding as the overview lists it."""

    finding: Finding
    anchor: str
    topic: TopicView
    sources: list[SourceView]

    @property
    def languages(self) -> list[str]:
        return sorted({s.source.language for s in self.sources})

    @property
    def listed_sources(self) -> list[SourceView]:
        """The sources the overview names; the topic page has them all."""
        return self.sources[:LISTED_SOURCES]

    @property
    def unlisted(self) -> int:
        return max(0, len(self.sources) - LISTED_SOURCES)


@dataclass
class ReportView:
    report: Report
    sources: list[SourceView]
    topics: list[TopicView]
    empty_topics: list[tuple[str, str]]  # (key, label) of catalog topics without claims
    findings: list[FindingRow]
    claims: dict[str, ClaimView]
    summary: list[dict]
    by_source: dict[str, list[ClaimView]] = field(default_factory=dict)
    finding_anchors: Anchors | None = None
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # "events"/"entities": key -> label
    matrix_pages: list[SourcesPage] = field(default_factory=list)
    # The list of sources, every source (read or not) in corpus order; one page: on the overview.
    source_pages: list[SourcesPage] = field(default_factory=list)

    def finding_anchor(self, finding_id: str) -> str:
        return self.finding_anchors[finding_id]

    def finding_claims(self, finding: Finding) -> tuple[list[ClaimView], int]:
        """The claims a finding judged, in source order then text order, the first
        FINDING_CLAIMS of them, and how many more there are."""
        order = {sv.source.id: i for i, sv in enumerate(self.sources)}
        views = sorted((self.claims[c] for c in finding.claims if c in self.claims),
                       key=lambda cv: (order.get(cv.claim.source, len(order)), cv.span, cv.id))
        return views[:FINDING_CLAIMS], max(0, len(views) - FINDING_CLAIMS)

    def event_label(self, key: str) -> str:
        """The catalog's label of an event cue, else its key."""
        return self.labels.get("events", {}).get(key, key)

    def entity_labels(self, keys: list[str]) -> list[str]:
        return [self.labels.get("entities", {}).get(k, k) for k in keys]

    def claims_of(self, source_id: str) -> list[ClaimView]:
        """One source's claims in text order."""
        return self.by_source.get(source_id, [])

    @property
    def languages(self) -> list[str]:
        return sorted({s.source.language for s in self.sources})

    def matrix(self, topic: TopicView, sources: list[SourceView] | None = None) -> MatrixRow:
        """One topic's row: a cell for each of `sources` (default: every source read), in order."""
        cells = []
        for sv in self.readable_sources if sources is None else sources:
            sc = topic.by_source_id.get(sv.source.id)
            if sc is None:
                cells.append(MatrixCell(sv, [], 0, []))
                continue
            values: dict[tuple, str] = {}
            for cv, _ in sc.claims:
                values.setdefault((cv.short, cv.note), topic.card_href(cv))
            shown = [(short, note, href) for (short, note), href in values.items()][:CELL_VALUES]
            cells.append(MatrixCell(sv, shown, len(values) - len(shown), sc.verdicts, topic.card_href(sc.claims[0][0])))
        return MatrixRow(topic, cells)

    @property
    def readable_sources(self) -> list[SourceView]:
        return [s for s in self.sources if s.error is None]

    @property
    def sources_split(self) -> bool:
        """Whether the list of sources has pages of its own (sources.html, …) rather than
        being on the overview."""
        return len(self.source_pages) > 1

    @property
    def sources_href(self) -> str:
        """Where the list of sources starts, from the report's root."""
        return self.source_pages[0].file if self.sources_split else "index.html#sources"

    @cached_property
    def language_rows(self) -> list[LanguageRow]:
        """The sources counted by language, most sources first: the overview's summary."""
        rows: dict[str, LanguageRow] = {}
        for sv in self.sources:
            row = rows.setdefault(sv.source.language, LanguageRow(sv.source.language, 0, 0, 0))
            row.sources += 1
            row.unread += sv.error is not None
            row.claims += sv.source.claims
        return sorted(rows.values(), key=lambda r: (-r.sources, r.language))

    @cached_property
    def finding_sources(self) -> list[SourceView]:
        """The sources read that some finding names, in corpus order: the only ones worth
        offering in the findings' source filter."""
        named = {s for row in self.findings for s in row.finding.sources}
        return [sv for sv in self.readable_sources if sv.source.id in named]


def safe_url(url: str | None) -> str | None:
    """A URL worth linking to: http(s) only, so a manifest cannot smuggle in `javascript:`.

    >>> safe_url("https://example.org/a"), safe_url("javascript:alert(1)"), safe_url(" JavaScript:x")
    ('https://example.org/a', None, None)
    """
    url = (url or "").strip()
    return url if url.lower().startswith(("https://", "http://")) and not any(c in url for c in "\"'<> \n") else None


def topic_label(key: str, topics: dict[str, dict]) -> str:
    """The catalog's label, or a readable name for a group found automatically.

    >>> topic_label("auto:vote:trotski", {})
    'vote · trotski'
    """
    if key in topics and topics[key].get("label"):
        return topics[key]["label"]
    parts = key.split(":")
    return " · ".join(parts[1:] if parts[0] == "auto" and len(parts) > 1 else parts)


def finding_order(finding: Finding) -> tuple:
    """Most important first: by verdict, then severity, then topic and id for a stable order."""
    return (verdict_rank(finding.verdict), severity_rank(finding.severity), finding.topic, finding.id)


def _source_views(report: Report, corpus) -> list[SourceView]:
    specs = {s.id: s for s in corpus.sources} if corpus is not None else {}
    errors = {e.source: e for e in report.errors}
    pages = Anchors("", [s.id for s in report.sources])
    return [
        SourceView(
            source=s,
            page=f"sources/{pages[s.id]}.html",
            dir=text_direction(s.language),
            url=safe_url(getattr(specs.get(s.id), "url", None)),
            error=errors.get(s.id),
            anchor=f"source-{pages[s.id]}",
        )
        for s in report.sources
    ]


def _topic_keys(report: Report, claims_by_topic, findings_by_topic) -> list[str]:
    """Catalog topics in catalog order, then the automatic groups, most important first."""
    catalog = [k for k in report.topics if k in claims_by_topic or k in findings_by_topic]
    others = set(claims_by_topic) | set(findings_by_topic)
    auto = sorted(others - set(catalog), key=lambda k: (verdict_rank(worst_verdict(f.verdict for f in findings_by_topic.get(k, []))), k))
    return catalog + auto


def _topic_kind(key, topics, findings_by_topic, claims_by_topic) -> str:
    """The catalog's kind of a topic; for an automatic group, the kind of its findings."""
    if key in topics and topics[key].get("kind"):
        return topics[key]["kind"]
    for f in findings_by_topic.get(key, []):
        return f.kind
    return next(iter(claims_by_topic[key].values())).kind


def _claims_by_topic(report: Report) -> dict[str, dict[str, object]]:
    """Each topic's claims: those bound to it, and those its findings judged (automatic groups
    exist only through their findings)."""
    by_id = {c.id: c for c in report.claims}
    out: dict[str, dict[str, object]] = defaultdict(dict)
    for c in report.claims:
        if c.topic:
            out[c.topic][c.id] = c
    for f in report.discrepancies:
        for cid in f.claims:
            if cid in by_id:
                out[f.topic][cid] = by_id[cid]
    return out


def _claim_views(report: Report, source_by_id: dict[str, SourceView]) -> dict[str, ClaimView]:
    anchors = Anchors("claim", [c.id for c in report.claims])
    return {
        c.id: ClaimView(
            claim=c,
            anchor=anchors[c.id],
            source_page=source_by_id[c.source].page if c.source in source_by_id else "",
            dir=text_direction(c.language),
            short=short_value(c),
            note=short_note(c),
            lines=value_lines(c),
        )
        for c in report.claims
    }


def _source_claims(topic_claims: dict[str, object], findings: list[Finding], views, sources: list[SourceView]) -> list[SourceClaims]:
    """A topic's claims grouped by source in corpus order, each with the verdicts it took part in."""
    verdicts_of: dict[str, set[str]] = defaultdict(set)
    for f in findings:
        for cid in f.claims:
            verdicts_of[cid].add(f.verdict)
    grouped: dict[str, list] = defaultdict(list)
    for c in topic_claims.values():
        grouped[c.source].append(c)
    out = []
    for sv in sources:
        claims = sorted(grouped.get(sv.source.id, []), key=lambda c: (c.span, c.id))
        if claims:
            rows = [(views[c.id], sorted(verdicts_of[c.id], key=verdict_rank)) for c in claims]
            out.append(SourceClaims(sv, rows, sorted(set().union(*(vs for _, vs in rows)), key=verdict_rank)))
    return out


def _link_claims_to_topics(topics: list[TopicView]) -> None:
    """Give each claim the card its highlight in the source text links to: the one in its own
    topic, else in the first group a finding put it in."""
    for topic in topics:
        for sc in topic.by_source:
            for cv, _ in sc.claims:
                if cv.topic_page is None or cv.claim.topic == topic.key:
                    cv.topic_page, cv.topic_label = topic.card_href(cv), topic.label


def _range_label(noun: str, first: int, last: int, first_id: str, last_id: str) -> str:
    """What one page holds, in words, for its link's tooltip.

    >>> _range_label("sources", 101, 200, "a-00100", "e-00199")
    'sources 101–200: a-00100 to e-00199'
    >>> _range_label("claims", 7, 7, "x", "x")
    'claims 7: x'
    """
    span = f"{first}–{last}" if last != first else f"{first}"
    ids = first_id if first_id == last_id else f"{first_id} to {last_id}"
    return f"{noun} {span}: {ids}"


def matrix_pages(sources: list[SourceView], per_page: int) -> list[SourcesPage]:
    """The sources read, `per_page` columns a page: matrix.html, matrix-2.html, …

    >>> from types import SimpleNamespace as NS
    >>> pages = matrix_pages([NS(source=NS(id=f"s{i}")) for i in range(1, 6)], 2)
    >>> [(p.file, p.first, p.last) for p in pages]
    [('matrix.html', 1, 2), ('matrix-2.html', 3, 4), ('matrix-3.html', 5, 5)]
    >>> pages[1].pager.current.label
    'sources 3–4: s3 to s4'
    """
    return pages_of_sources(sources, per_page, "matrix")


def pages_of_sources(sources: list, per_page: int, stem: str) -> list[SourcesPage]:
    """`sources` (SourceViews, or anything with .source.id), `per_page` a page: stem.html,
    stem-2.html, …, each page's link naming its first and last source.

    >>> from types import SimpleNamespace as NS
    >>> [(p.file, p.pager.current.label) for p in pages_of_sources([NS(source=NS(id=i)) for i in "abc"], 2, "sources")]
    [('sources.html', 'sources 1–2: a to b'), ('sources-2.html', 'sources 3: c')]
    """
    runs = chunks(sources, per_page)
    firsts = [1 + i * per_page for i in range(len(runs))]
    labels = [_range_label("sources", f, f + len(run) - 1, run[0].source.id, run[-1].source.id) if run else "no source"
              for f, run in zip(firsts, runs)]
    return [SourcesPage(run, pager, first) for run, pager, first in zip(runs, pagers(stem, labels), firsts)]


def list_sources(sources: list[SourceView], per_page: int) -> list[SourcesPage]:
    """The list of sources: on the overview while it fits one page (no page of its own then),
    else sources.html, sources-2.html, … Tells each source the page that holds its row.

    >>> from types import SimpleNamespace as NS
    >>> svs = [NS(source=NS(id=i), listed_on="index.html") for i in "abc"]
    >>> len(list_sources(svs, 3)), svs[2].listed_on
    (1, 'index.html')
    >>> [p.file for p in list_sources(svs, 2)], svs[2].listed_on
    (['sources.html', 'sources-2.html'], 'sources-2.html')
    """
    pages = pages_of_sources(sources, per_page, "sources")
    for page in pages:
        for sv in page.sources:
            sv.listed_on = page.file if len(pages) > 1 else "index.html"
    return pages


def topic_pages(topic: TopicView, per_page: int) -> list[TopicPage]:
    """A topic's claim cards, at most `per_page` a page, whole sources where they fit:
    topics/<topic>.html, topics/<topic>.2.html, … (a '.' before the number, since a topic's
    own name may end in '-2'). Fills topic.pages and topic.card_pages.

    >>> from types import SimpleNamespace as NS
    >>> group = lambda sid, n: SourceClaims(NS(source=NS(id=sid)), [(NS(id=f"{sid}{i}"), []) for i in range(n)], [])
    >>> t = TopicView("k", "topic-k", "topics/k.html", "K", "time", False, by_source=[group("a", 2), group("b", 3), group("c", 1)])
    >>> [(tp.file, [(sc.source.source.id, len(sc.claims)) for sc in tp.by_source]) for tp in topic_pages(t, 4)]
    [('topics/k.html', [('a', 2)]), ('topics/k.2.html', [('b', 3), ('c', 1)])]
    >>> t.card_pages["c0"], t.pages[1].pager.current.label
    ('topics/k.2.html', 'claims 3–6: b to c')
    """
    folder, _, name = topic.page.rpartition("/")
    layout = pack_groups([len(sc.claims) for sc in topic.by_source], per_page)
    groups = [[_part(topic.by_source[g], start, end) for g, start, end in page] for page in layout]
    labels, done = [], 0
    for page in groups:
        n = sum(len(sc.claims) for sc in page)
        ids = [sc.source.source.id for sc in page]
        labels.append(_range_label("claims", done + 1, done + n, ids[0], ids[-1]) if ids else "no claim")
        done += n
    prefix = f"{folder}/" if folder else ""
    topic.pages = [TopicPage(page, pager, prefix + pager.current.file)
                   for page, pager in zip(groups, pagers(name.removesuffix(".html"), labels, "."))]
    topic.card_pages = {cv.id: tp.file for tp in topic.pages for sc in tp.by_source for cv, _ in sc.claims}
    return topic.pages


def _part(sc: SourceClaims, start: int, end: int) -> SourceClaims:
    """The claims start:end of one source's group; the group itself when that is all of it."""
    if start == 0 and end == len(sc.claims):
        return sc
    rows = sc.claims[start:end]
    verdicts = sorted(set().union(*(vs for _, vs in rows)), key=verdict_rank)
    return SourceClaims(sc.source, rows, verdicts, continued=start > 0)


def _catalog_labels(corpus) -> dict[str, dict[str, str]]:
    catalog = getattr(corpus, "catalog", None)
    return {
        "events": {k: e.label for k, e in getattr(catalog, "events", {}).items()},
        "entities": {k: e.label for k, e in getattr(catalog, "entities", {}).items()},
    }


def build_view(report: Report, corpus=None, sizes: PageSizes = PageSizes()) -> ReportView:
    """Everything the templates need, from report.json's model (and the corpus, when given, for
    source URLs and the catalog's labels); long lists are split into pages of `sizes`."""
    sources = _source_views(report, corpus)
    source_by_id = {s.source.id: s for s in sources}
    views = _claim_views(report, source_by_id)
    findings_by_topic: dict[str, list[Finding]] = defaultdict(list)
    for f in report.discrepancies:
        findings_by_topic[f.topic].append(f)
    claims_by_topic = _claims_by_topic(report)

    keys = _topic_keys(report, claims_by_topic, findings_by_topic)
    topic_anchors = Anchors("topic", keys)
    topics = []
    for key in keys:
        findings = sorted(findings_by_topic.get(key, []), key=finding_order)
        topics.append(TopicView(
            key=key,
            anchor=topic_anchors[key],
            page=f"topics/{topic_anchors[key].removeprefix('topic-')}.html",
            label=topic_label(key, report.topics),
            kind=_topic_kind(key, report.topics, findings_by_topic, claims_by_topic),
            automatic=key not in report.topics,
            findings=findings,
            by_source=_source_claims(claims_by_topic.get(key, {}), findings, views, sources),
        ))
        topic_pages(topics[-1], sizes.topic_claims)
    _link_claims_to_topics(topics)

    by_key = {t.key: t for t in topics}
    finding_anchors = Anchors("finding", [f.id for f in report.discrepancies])
    rows = [
        FindingRow(f, finding_anchors[f.id], by_key[f.topic], [source_by_id[s] for s in f.sources if s in source_by_id])
        for f in sorted(report.discrepancies, key=finding_order)
    ]
    by_source: dict[str, list[ClaimView]] = defaultdict(list)
    for cv in sorted(views.values(), key=lambda cv: (cv.claim.span, cv.claim.id)):
        by_source[cv.claim.source].append(cv)
    return ReportView(
        report=report,
        sources=sources,
        topics=topics,
        empty_topics=[(k, topic_label(k, report.topics)) for k in report.topics if k not in by_key],
        findings=rows,
        claims=views,
        summary=verdict_summary(report.discrepancies),
        by_source=dict(by_source),
        finding_anchors=finding_anchors,
        labels=_catalog_labels(corpus),
        matrix_pages=matrix_pages([s for s in sources if s.error is None], sizes.matrix_sources),
        source_pages=list_sources(sources, sizes.sources),
    )


def verdict_summary(findings: list[Finding]) -> list[dict]:
    """Findings counted by verdict, most important first, each with its count per severity;
    verdicts with no finding are left out.

    >>> from checker.model import Finding
    >>> f = Finding(id="x", topic="t", kind="time", verdict="discrepancy", severity="medium", claims=[], sources=[], explanation="")
    >>> verdict_summary([f, f])
    [{'verdict': 'discrepancy', 'total': 2, 'severities': [('medium', 2)]}]
    """
    counts = Counter((f.verdict, f.severity) for f in findings)
    rows = []
    for key in VERDICTS:
        per = [(s, counts[(key, s)]) for s in SEVERITIES if counts[(key, s)]]
        if per:
            rows.append({"verdict": key, "total": sum(n for _, n in per), "severities": per})
    return rows


__all__ = ["ReportView", "TopicView", "TopicPage", "ClaimView", "SourceView", "MatrixCell", "MatrixRow", "SourcesPage",
           "LanguageRow", "build_view", "safe_url", "topic_label"]
