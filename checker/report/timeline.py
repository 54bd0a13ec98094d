"""The timeline picture: one lane per source, every clock time it claims as a mark, over a
24-hour window. Python works out the geometry; the template only draws it.

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
from checker.report.values import clock

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
    language: str
    y: float
    height: float
    marks: list[Mark] = field(default_factory=list)
    page: str = ""  # the source's page

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
    day), and the day each dated claim states."""

    cut: int
    day: int | None
    dated: dict[str, int]

    def offset(self, claim) -> int | None:
        """Minutes from the window's start, or None for a dated claim outside it."""
        if claim.id in self.dated and self.day is not None:
            offset = (self.dated[claim.id] - self.day) * DAY + claim.low - self.cut
            return offset if 0 <= offset < DAY else None
        return (claim.low - self.cut) % DAY


def choose_window(claims) -> Window:
    """The window for some time claims: see the module's docstring."""
    cut = cut_minute([c.low for c in claims])
    dated = {c.id: d for c in claims if (d := day_of(c)) is not None}
    # The window of day d runs from `cut` on day d to `cut` on day d + 1.
    day = window_day([(dated[c.id] * DAY + c.low - cut) // DAY for c in claims if c.id in dated])
    return Window(cut, day, dated)


def _lane(sv, placed: list[tuple[int, int, object]], window: Window, letters, y: float) -> Lane:
    """One source's lane: its marks, and label rows that do not overlap."""
    lane = Lane(sv.source.id, sv.source.language, y, 0, page=sv.page)
    rows: list[list[tuple[float, float]]] = []
    # Times a topic holds get their labels first; the others only where room is left.
    for offset, length, cv in sorted(placed, key=lambda p: (p[2].claim.id not in letters, p[0], p[2].claim.id)):
        letter, label, colour = letters.get(cv.claim.id, ("", "", None))
        text = f"{cv.short} {letter}".strip()
        x = _x(offset)
        width = CHAR_WIDTH * len(text) + 6
        left = max(LEFT, min(x - width / 2, WIDTH - RIGHT - width))
        row = _label_row(rows, left, left + width, grow=bool(letter) or len(rows) < 2)
        where = f" on {cv.claim.date} ({cv.claim.date_calendar})" if cv.claim.date else " (day not stated)"
        lane.marks.append(Mark(
            x=x, y=y + 9, x2=_x(offset + length) if length else None, label=text,
            label_x=round(left + width / 2, 1), label_y=y + 26 + LABEL_ROW * (row or 0), label_hidden=row is None,
            href=cv.topic_page or f"{cv.source_page}#{cv.anchor}",
            title=f"{sv.source.id}: “{cv.claim.quote}” = {cv.short}{where} — {label or 'no topic'}",
            dated=cv.claim.id in window.dated, colour=f"tl-c{colour}" if letter else "tl-none", minor=not letter,
            legend=(letter, label, f"tl-c{colour}") if letter else None,
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


def build_timeline(sources, claim_views, letters: dict[str, tuple[str, str, int]]) -> Timeline | None:
    """The picture of every time claim of the readable `sources` (SourceViews, in order).

    `letters` maps a claim id to (letter, topic label, colour index) for claims in a
    topic. Returns None when no source claims a time.
    """
    times = [cv for cv in claim_views if cv.claim.kind == "time" and cv.claim.low is not None]
    if not times:
        return None
    window = choose_window([cv.claim for cv in times])
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
                placed.append((offset, (c.high - c.low) % DAY if c.high is not None else 0, cv))
        if placed:
            lanes.append(_lane(sv, placed, window, letters, y))
            y += lanes[-1].height
        elif sv.source.id not in by_source:
            silent.append(sv.source.id)
    cut, day = window.cut, window.day
    hours = [(_x(h * 60), clock(cut + h * 60), h % 2 == 0) for h in range(25)]
    days = []
    if day is not None:
        days.append((_x(0), "%04d-%02d-%02d" % from_jdn(day, "gregorian")))
        if cut:
            days.append((_x(DAY - cut), "%04d-%02d-%02d" % from_jdn(day + 1, "gregorian")))
    legend = sorted({m.legend for lane in lanes for m in lane.marks if m.legend}, key=lambda t: (len(t[0]), t[0]))
    start = f"{clock(cut)} on {days[0][1]} (Gregorian)" if days else f"{clock(cut)} (no claim states its day)"
    return Timeline(lanes, hours, days, legend, outside, silent[:SILENT_NAMED], max(0, len(silent) - SILENT_NAMED), y + 6, start)


def topic_letters(topics) -> dict[str, tuple[str, str, int]]:
    """Letters A, B, … Z, AA… for the time topics (TopicViews, in report order), keyed by the
    claim ids they hold.

    >>> from types import SimpleNamespace as NS
    >>> t = NS(kind="time", label="Fall", by_source=[NS(claims=[(NS(claim=NS(id="c1")), [])])])
    >>> topic_letters([t])
    {'c1': ('A', 'Fall', 0)}
    """
    out: dict[str, tuple[str, str, int]] = {}
    n = 0
    for topic in topics:
        if topic.kind != "time":
            continue
        letter = _letters(n)
        for sc in topic.by_source:
            for cv, _ in sc.claims:
                out.setdefault(cv.claim.id, (letter, topic.label, n % COLOURS))
        n += 1
    return out


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
