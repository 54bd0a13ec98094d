"""The timeline picture: one lane per source, every clock time it claims as a mark, over a
24-hour window. Python works out the geometry; the template only draws it.

A lane per source reads well for tens of sources, not for thousands (5,000 sources gave 778
lanes, 1 MB of SVG, on the overview). So while the lanes fit one page (PageSizes.timeline_lanes)
the overview draws them all; past that, the overview draws one lane per topic of clock times
(each distinct time once, with how many sources give it: where the sources agree and where they
part is what a reader looks for first), and the lanes by source go to timeline pages of their
own (timeline.html, timeline-2.html, …), all drawn over the same window so that a time has the
same place on every page.

Labels never overlap: each goes in the first row under its lane with room for it, at least
LABEL_GAP apart from its neighbours (two labels side by side would read as one range). Where
the rows are full (many times a few minutes apart), a mark is drawn without its label: the label
then sits in a row of its own under the lane, shown only while the mark is hovered or has the
keyboard focus, and the table under the picture lists every time.

The window is one day long, so every time of day has exactly one place in it. It starts at the
whole hour in the middle of the longest stretch of the clock that no claim mentions (for a
night's events, the quiet part of the day), on the day that holds the most claims that state
their date. A claim with a date outside that window is listed under the picture instead.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from checker.normalize.calendars import CalendarDate, from_jdn
from checker.report.pages import chunks
from checker.report.values import clock
from checker.report.view import SourcesPage, pages_of_sources

WIDTH = 960
LEFT = 170  # room for the lane labels
RIGHT = 16
TOP = 40  # room for the hour and day labels
PLOT = WIDTH - LEFT - RIGHT
DAY = 1440
LABEL_ROW = 13
CHAR_WIDTH = 6.4  # of the 11px label font, generously
LABEL_GAP = 8  # at least this much space between two labels of one row
MAX_LABEL_ROWS = 4
COLOURS = 8  # topic colour classes tl-c0..tl-c7; each topic also has a letter
SILENT_NAMED = 12
LANE_CHARS = 22  # of a lane's name in the 12px bold font, in the LEFT margin


@dataclass
class Mark:
    x: float
    y: float
    x2: float | None  # the end of a range
    label: str
    label_x: float
    label_y: float
    # No room for the label in the rows under the lane: it is shown, in a row of its own, only
    # while the mark is hovered or focused (the title and the table name it too).
    label_hidden: bool
    href: str
    title: str
    dated: bool
    colour: str
    minor: bool = False  # a time no topic holds: drawn smaller
    legend: tuple[str, str, str] | None = None  # (letter, topic label, colour class)


@dataclass
class Lane:
    name: str
    detail: str  # the line under the name: a source's language, or how many sources a topic has
    y: float
    height: float
    marks: list[Mark] = field(default_factory=list)
    page: str = ""  # the source's page, or the topic's

    @property
    def short_name(self) -> str:
        """The name as the picture's margin has room for it; the table gives it whole.

        >>> Lane("A · When the Winter Palace fell", "", 0, 0).short_name
        'A · When the Winter P…'
        """
        return self.name if len(self.name) <= LANE_CHARS else self.name[:LANE_CHARS - 1].rstrip() + "…"

    @property
    def hidden_labels(self) -> int:
        """How many of the lane's marks are drawn without their label."""
        return sum(m.label_hidden for m in self.marks)

    def times(self, dated: bool) -> list[str]:
        """The labels of the lane's times that state their day (or that do not), in the
        window's order: a row of the table under the picture. No-break spaces keep each time
        whole on a line ("c. 21:00 B").

        >>> m = lambda x, label, dated: Mark(x, 0, None, label, x, 0, False, "", "", dated, "")
        >>> Lane("s", "en", 0, 0, [m(9, "02:10 A", True), m(5, "c. 21:00", True), m(7, "22:00", False)]).times(True)
        ['c.\xa021:00', '02:10\xa0A']
        """
        return [m.label.replace(" ", "\u00a0") for m in sorted(self.marks, key=lambda m: (m.x, m.label)) if m.dated == dated]


@dataclass
class Timeline:
    lanes: list[Lane]
    hours: list[tuple[float, str, bool]]  # x, label, whether the label is drawn
    days: list[tuple[float, str]]  # x, the day that starts there
    legend: list[tuple[str, str, str]]  # letter, topic label, colour class
    outside: list  # ClaimViews whose dated time falls outside the window
    silent: list[str]  # sources read that give no clock time (the first SILENT_NAMED)
    silent_more: int  # and how many more
    height: float
    start: str  # the window's first minute, as words
    width: int = WIDTH
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    top: int = TOP
    per: str = "source"  # what a lane is: a source, or (the overview of many sources) a topic
    # A lane per topic only: the dated times outside the window, and the times no topic holds,
    # that the pages by source list or draw.
    outside_elsewhere: int = 0
    untopical: int = 0
    # A page of the timeline by source, when it has pages of its own.
    page: SourcesPage | None = None


@dataclass
class SiteTimeline:
    """The timeline as the report shows it: what the overview draws (None: no clock time), and
    the pages by source when the overview draws a lane per topic instead (else none)."""

    overview: Timeline | None
    pages: list[Timeline] = field(default_factory=list)


@dataclass
class _Time:
    """One mark to place on a lane: where it goes, its label, and what it stands for."""

    offset: int  # minutes from the window's start
    length: int  # of a range, else 0
    text: str
    href: str
    title: str
    dated: bool
    topic: tuple[str, str, int] | None  # (letter, topic label, colour index), or None: no topic
    key: str  # orders marks of one place


def cut_minute(minutes: list[int]) -> int:
    """The whole hour in the middle of the longest gap between the times, around the clock.

    >>> cut_minute([21 * 60, 22 * 60, 2 * 60, 130])  # 02:10 to 21:00 is the quiet stretch
    660
    >>> cut_minute([])
    0
    """
    points = sorted(set(m % DAY for m in minutes))
    if not points:
        return 0
    gaps = [((points[(i + 1) % len(points)] - p) % DAY or DAY, p) for i, p in enumerate(points)]
    size, start = max(gaps, key=lambda g: (g[0], -g[1]))
    return ((start + size // 2) % DAY) // 60 * 60


def day_of(claim) -> int | None:
    """The Julian Day Number of the day a time claim names, in the Gregorian reckoning.

    >>> from types import SimpleNamespace as NS
    >>> day_of(NS(date="1917-10-25", date_calendar="julian", gregorian_date="1917-11-07")) == day_of(NS(date="1917-11-07", date_calendar="gregorian", gregorian_date=None))
    True
    """
    if not claim.date:
        return None
    try:
        return CalendarDate.parse(claim.date, claim.date_calendar).jdn()
    except ValueError:
        return None


def window_day(days: list[int]) -> int | None:
    """The most common of the days whose window holds a dated claim; the earliest on a tie.

    >>> window_day([101, 100, 100, 101]), window_day([]) is None
    (100, True)
    """
    if not days:
        return None
    counts = Counter(days)
    best = max(counts.values())
    return min(d for d, n in counts.items() if n == best)


def _label_row(rows: list[list[tuple[float, float]]], left: float, right: float, grow: bool) -> int | None:
    """The first label row with room for [left, right] and LABEL_GAP either side, claiming it;
    a new row when `grow` and there is none. None: no room.

    >>> rows = []
    >>> _label_row(rows, 0, 10, True), _label_row(rows, 5, 15, True), _label_row(rows, 20, 30, False)
    (0, 1, 0)
    >>> _label_row(rows, 33, 40, False)  # 3 px from 20-30 in row 0: too close; row 1 has room
    1
    >>> _label_row(rows, 9, 12, False) is None
    True
    """
    for i, row in enumerate(rows):
        if all(right + LABEL_GAP <= lo or left >= hi + LABEL_GAP for lo, hi in row):
            row.append((left, right))
            return i
    if grow and len(rows) < MAX_LABEL_ROWS:
        rows.append([(left, right)])
        return len(rows) - 1
    return None


def _x(offset: float) -> float:
    return round(LEFT + PLOT * max(0.0, min(offset, DAY)) / DAY, 1)


@dataclass(frozen=True)
class Window:
    """24 hours from minute `cut` of day `day` (a Julian Day Number; None: no claim states a
    day), and the day each dated claim states. `on_utc`: the claims are told on clocks of
    different offsets, so each whose offset is known is drawn on UTC (the others on their own
    clock, as written)."""

    cut: int
    day: int | None
    dated: dict[str, int]
    on_utc: bool = False

    def minute(self, claim) -> int:
        """The claim's first minute on the window's clock (on UTC it may fall on the day before
        or after: -60 is 23:00 the day before).

        >>> from types import SimpleNamespace as NS
        >>> Window(0, None, {}, on_utc=True).minute(NS(low=60, utc_offset=180)), Window(0, None, {}).minute(NS(low=60, utc_offset=180))
        (-120, 60)
        """
        shift = getattr(claim, "utc_offset", None) if self.on_utc else None
        return claim.low - (shift or 0)

    def offset(self, claim) -> int | None:
        """Minutes from the window's start, or None for a dated claim outside it."""
        if claim.id in self.dated and self.day is not None:
            offset = (self.dated[claim.id] - self.day) * DAY + self.minute(claim) - self.cut
            return offset if 0 <= offset < DAY else None
        return (self.minute(claim) - self.cut) % DAY


def choose_window(claims) -> Window:
    """The window for some time claims: see the module's docstring. Claims on clocks of two
    or more known offsets from UTC ("21:53 UTC", "16:53 hora local" at UTC-05:00) are drawn on
    UTC, so that one moment has one place."""
    on_utc = len({c.utc_offset for c in claims if getattr(c, "utc_offset", None) is not None}) > 1
    draft = Window(0, None, {}, on_utc)
    cut = cut_minute([draft.minute(c) for c in claims])
    dated = {c.id: d for c in claims if (d := day_of(c)) is not None}
    # The window of day d runs from `cut` on day d to `cut` on day d + 1.
    day = window_day([(dated[c.id] * DAY + draft.minute(c) - cut) // DAY for c in claims if c.id in dated])
    return Window(cut, day, dated, on_utc)


def _lane(name: str, detail: str, page: str, times: list[_Time], y: float) -> Lane:
    """One lane: its marks, and label rows that do not overlap."""
    lane = Lane(name, detail, y, 0, page=page)
    rows: list[list[tuple[float, float]]] = []
    # Times a topic holds get their labels first; the others only where room is left.
    for t in sorted(times, key=lambda t: (t.topic is None, t.offset, t.key)):
        letter, label, colour = t.topic or ("", "", None)
        x = _x(t.offset)
        width = CHAR_WIDTH * len(t.text) + 6
        left = max(LEFT, min(x - width / 2, WIDTH - RIGHT - width))
        row = _label_row(rows, left, left + width, grow=t.topic is not None or len(rows) < 2)
        lane.marks.append(Mark(
            x=x, y=y + 9, x2=_x(t.offset + t.length) if t.length else None, label=t.text,
            label_x=round(left + width / 2, 1), label_y=y + 26 + LABEL_ROW * (row or 0), label_hidden=row is None,
            href=t.href, title=t.title, dated=t.dated, colour=f"tl-c{colour}" if t.topic else "tl-none", minor=t.topic is None,
            legend=(letter, label, f"tl-c{colour}") if t.topic else None,
        ))
    # The labels without room get a row of their own, under the others, where the one shown on
    # hover or focus covers no other label.
    for m in lane.marks:
        if m.label_hidden:
            m.label_y = y + 26 + LABEL_ROW * len(rows)
    # Topic marks are drawn last, so they sit on top.
    lane.marks.sort(key=lambda m: (not m.minor, m.x))
    lane.height = 30 + LABEL_ROW * (max(len(rows), 1) + (lane.hidden_labels > 0))
    return lane


def _length(claim) -> int:
    """A range's length in minutes (across midnight too); 0 for a single time.

    >>> from types import SimpleNamespace as NS
    >>> _length(NS(low=23 * 60, high=60)), _length(NS(low=5, high=None))
    (120, 0)
    """
    return (claim.high - claim.low) % DAY if claim.high is not None else 0


def _source_time(sv, cv, offset: int, window: Window, letters) -> _Time:
    """A mark of a source's lane: one claim, labelled with its value and its topic's letter."""
    topic = letters.get(cv.claim.id)
    where = f" on {cv.claim.date} ({cv.claim.date_calendar})" if cv.claim.date else " (day not stated)"
    return _Time(offset, _length(cv.claim), f"{cv.short} {topic[0] if topic else ''}".strip(),
                 cv.topic_page or f"{cv.source_page}#{cv.anchor}",
                 f"{sv.source.id}: “{cv.claim.quote}” = {cv.short}{where} — {topic[1] if topic else 'no topic'}",
                 cv.claim.id in window.dated, topic, cv.claim.id)


def _time_views(claim_views) -> list:
    return [cv for cv in claim_views if cv.claim.kind == "time" and cv.claim.low is not None]


def build_timeline(sources, claim_views, letters: dict[str, tuple[str, str, int]], window: Window | None = None) -> Timeline | None:
    """The picture of every time claim of the readable `sources` (SourceViews, in order), a
    lane each, over `window` (default: the one all the time claims of `claim_views` choose).

    `letters` maps a claim id to (letter, topic label, colour index) for claims in a
    topic. Returns None when no source claims a time.
    """
    times = _time_views(claim_views)
    if not times:
        return None
    window = window or choose_window([cv.claim for cv in times])
    by_source: dict[str, list] = {}
    for cv in times:
        by_source.setdefault(cv.claim.source, []).append(cv)
    lanes, outside, silent, y = [], [], [], float(TOP + 8)
    for sv in sources:
        placed = []
        for cv in by_source.get(sv.source.id, []):
            c = cv.claim
            offset = window.offset(c)
            if offset is None:
                outside.append(cv)
            else:
                placed.append(_source_time(sv, cv, offset, window, letters))
        if placed:
            lanes.append(_lane(sv.source.id, sv.source.language, sv.page, placed, y))
            y += lanes[-1].height
        elif sv.source.id not in by_source:
            silent.append(sv.source.id)
    return _picture(lanes, window, outside, silent, y)


def _picture(lanes: list[Lane], window: Window, outside: list, silent: list[str], y: float, **more) -> Timeline:
    """The Timeline of some lanes already placed down to `y`: its hour and day lines, legend."""
    cut, day = window.cut, window.day
    hours = [(_x(h * 60), clock(cut + h * 60), h % 2 == 0) for h in range(25)]
    days = []
    if day is not None:
        days.append((_x(0), "%04d-%02d-%02d" % from_jdn(day, "gregorian")))
        if cut:
            days.append((_x(DAY - cut), "%04d-%02d-%02d" % from_jdn(day + 1, "gregorian")))
    legend = sorted({m.legend for lane in lanes for m in lane.marks if m.legend}, key=lambda t: (len(t[0]), t[0]))
    hour = f"{clock(cut)} UTC" if window.on_utc else clock(cut)
    start = f"{hour} on {days[0][1]} (Gregorian)" if days else f"{hour} (no claim states its day)"
    if window.on_utc:
        start += ", every time whose clock is known drawn on UTC"
    return Timeline(lanes, hours, days, legend, outside, silent[:SILENT_NAMED], max(0, len(silent) - SILENT_NAMED), y + 6, start, **more)


def topic_timeline(topics, claim_views, window: Window, silent: list[str]) -> Timeline:
    """The overview of many sources: a lane per topic of clock times, in report order, each
    distinct time a mark labelled with how many sources give it, linked to the topic's page.
    `silent`: the sources that give no clock time."""
    lanes, y, held = [], float(TOP + 8), set()
    for topic, letter, colour in time_topics(topics):
        groups: dict[tuple, list] = {}
        for sc in topic.by_source:
            for cv, _ in sc.claims:
                if cv.claim.kind != "time" or cv.claim.low is None:
                    continue
                held.add(cv.claim.id)
                offset = window.offset(cv.claim)
                if offset is None:
                    continue
                key = (offset, _length(cv.claim), cv.claim.id in window.dated, cv.short)
                groups.setdefault(key, []).append(cv)
        if not groups:
            continue
        href = f"{topic.page}#{topic.anchor}"
        times = [_topic_time(topic, letter, colour, key, cvs, href) for key, cvs in groups.items()]
        sources = len({cv.claim.source for cvs in groups.values() for cv in cvs})
        lanes.append(_lane(f"{letter} · {topic.label}", f"{sources} source{'s' if sources != 1 else ''}", href, times, y))
        y += lanes[-1].height
    times = _time_views(claim_views)
    return _picture(lanes, window, [], silent, y, per="topic", untopical=sum(cv.claim.id not in held for cv in times),
                    outside_elsewhere=sum(window.offset(cv.claim) is None for cv in times))


def _topic_time(topic, letter: str, colour: int, key: tuple, cvs: list, href: str) -> _Time:
    """A mark of a topic's lane: one distinct time, labelled with how many sources give it.

    >>> from types import SimpleNamespace as NS
    >>> cv = lambda s: NS(claim=NS(source=s, date=None, date_calendar="unspecified"))
    >>> t = _topic_time(NS(label="Fall"), "A", 0, (130, 0, False, "02:10"), [cv("a"), cv("b"), cv("b")], "topics/fall.html")
    >>> t.text, t.title
    ('02:10 (2)', 'Fall: 02:10 (day not stated) — given by 2 sources in 3 claims')
    """
    offset, length, dated, short = key
    sources = len({cv.claim.source for cv in cvs})
    first = cvs[0].claim
    where = f" on {first.date} ({first.date_calendar})" if dated and first.date else " (day not stated)"
    given = f"given by {sources} source{'s' if sources != 1 else ''}" + (f" in {len(cvs)} claims" if len(cvs) != sources else "")
    return _Time(offset, length, f"{short} ({sources})", href, f"{topic.label}: {short}{where} — {given}",
                 dated, (letter, topic.label, colour), f"{offset:05d} {short}")


def site_timeline(sources, claim_views, topics, per_page: int) -> SiteTimeline:
    """The timeline of the report's readable `sources`: whole on the overview while the sources
    that give a clock time fit one page of `per_page` lanes; else a lane per topic on the
    overview and the lanes by source on pages timeline.html, timeline-2.html, …, all over the
    window every time claim chooses."""
    times = _time_views(claim_views)
    if not times:
        return SiteTimeline(None)
    letters = topic_letters(topics)
    window = choose_window([cv.claim for cv in times])
    with_times = {cv.claim.source for cv in times}
    timed = [sv for sv in sources if sv.source.id in with_times]
    if len(chunks(timed, per_page)) == 1:
        return SiteTimeline(build_timeline(sources, times, letters, window))
    silent = [sv.source.id for sv in sources if sv.source.id not in with_times]
    pages = []
    for page in pages_of_sources(timed, per_page, "timeline"):
        drawn = build_timeline(page.sources, times, letters, window)
        drawn.silent, drawn.silent_more, drawn.page = silent[:SILENT_NAMED], max(0, len(silent) - SILENT_NAMED), page
        pages.append(drawn)
    return SiteTimeline(topic_timeline(topics, times, window, silent), pages)


def topic_letters(topics) -> dict[str, tuple[str, str, int]]:
    """Letters A, B, … Z, AA… for the time topics (TopicViews, in report order), keyed by the
    claim ids they hold.

    >>> from types import SimpleNamespace as NS
    >>> t = NS(kind="time", label="Fall", by_source=[NS(claims=[(NS(claim=NS(id="c1")), [])])])
    >>> topic_letters([t])
    {'c1': ('A', 'Fall', 0)}
    """
    out: dict[str, tuple[str, str, int]] = {}
    for topic, letter, colour in time_topics(topics):
        for sc in topic.by_source:
            for cv, _ in sc.claims:
                out.setdefault(cv.claim.id, (letter, topic.label, colour))
    return out


def time_topics(topics) -> list[tuple[object, str, int]]:
    """The topics that hold clock times in report order, each with its letter and colour index.
    A topic grouped by its event may hold dates and times alike: it counts too.

    >>> from types import SimpleNamespace as NS
    >>> mixed = NS(kind="date", label="d", by_source=[NS(claims=[(NS(claim=NS(kind="time")), [])])])
    >>> [(t.label, letter, colour) for t, letter, colour in time_topics([NS(kind="time", label="a"), NS(kind="date", label="b", by_source=[]), mixed])]
    [('a', 'A', 0), ('d', 'B', 1)]
    """
    timed = [t for t in topics if t.kind == "time" or any(cv.claim.kind == "time" for sc in t.by_source for cv, _ in sc.claims)]
    return [(t, _letters(n), n % COLOURS) for n, t in enumerate(timed)]


def _letters(n: int) -> str:
    """A, B, … Z, AA, AB, …

    >>> _letters(0), _letters(25), _letters(26)
    ('A', 'Z', 'AA')
    """
    text = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        text = chr(65 + r) + text
    return text
