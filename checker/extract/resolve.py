"""Fill in what a hit leaves to its context: missing years, calendars, relative days and
times, and the day a clock time belongs to. Language-neutral: packs only report hits."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from checker.extract.found import Found
from checker.extract.phrases import phrases_before
from checker.extract.zones import in_brackets_after, offset_between
from checker.normalize.calendars import CalendarDate, MonthDay, exists_in_some_year, is_valid, julian_offset, to_jdn
from checker.normalize.zones import utc_offset

NIGHT_START, SMALL_HOURS_END = 18 * 60, 6 * 60
# A date this close after a time ("2:10 a.m. on 26 October", "a las 3 a. m. del 24") is its date.
_FOLLOWING_DATE_GAP = 8
# A parenthesised date this close after another ("7 ноября (25 октября …)") is its twin.
_TWIN_GAP = 4
_BLANK = regex.compile(r"\s*+")
_LINE_BREAK = regex.compile(r"\n")
_PARAGRAPH_BREAK = regex.compile(r"\n\s*+")
# The narrative's day holds on into the next paragraph, and from there on while each paragraph
# tells the hours and none names another day, until its clock runs back: "24 de octubre …
# [a paragraph at 5:30, one at 10 a. m.] El mismo día". A paragraph without a clock time ends it.
CARRY_PARAGRAPHS = 1
# A date this many months before the narrative's last day, in the same year, is in the next year:
# "20 de diciembre … 4 de enero" (November or December, then January or February).
_YEAR_END_BACKSTEP = 10


@dataclass
class Resolved:
    """A hit with its context filled in."""

    found: Found
    date: CalendarDate | None = None  # for a date hit: its day; for a time hit: the day it is on
    end: CalendarDate | None = None
    gregorian: CalendarDate | None = None
    year_inferred: bool = False
    # A date hit no year can be found for: its day and month alone (date stays None).
    month_day: MonthDay | None = None
    end_month_day: MonthDay | None = None


def paragraph_finder(text: str):
    """A function giving the paragraph (line) number of an offset, in O(log n).

    >>> paragraph_finder("a" + chr(10) + "b" + chr(10) + "c")(4)
    2
    """
    breaks = [m.start() for m in _LINE_BREAK.finditer(text)]  # in C: a loop over characters cost ~1 s per 10 MB
    return lambda pos: bisect.bisect_left(breaks, pos)


def _dual_year(f: Found) -> int | None:
    """The year of a dual date's Julian half, taken from the Gregorian half when only that one
    is written: a Gregorian January can be a Julian December of the year before.

    >>> _dual_year(Found("date", 0, 1, month=12, day=25, gregorian=(1918, 1, 7)))
    1917
    """
    if f.year is not None or f.gregorian is None or f.gregorian[0] is None:
        return f.year
    gy = f.gregorian[0]
    return gy - 1 if (f.month == 12 and f.gregorian[1] == 1) else gy


def _make(year: int | None, month: int | None, day: int | None, calendar: str) -> CalendarDate | None:
    if year is None or month is None or day is None or not is_valid(year, month, day, calendar):
        return None
    return CalendarDate(year, month, day, calendar)


def _pair_twins(dates: list[Resolved], text: str) -> None:
    """Two dates side by side, one in brackets, that differ by the Julian offset of their year
    are one day in two calendars: the earlier is Julian, the later Gregorian, unless marked."""
    for a, b in zip(dates, dates[1:]):
        _pair_twin(a, b, text)


def _pair_twin(a: Resolved, b: Resolved, text: str) -> bool:
    """Mark one pair of neighbouring dates as Julian/Gregorian twins when they are (see
    _pair_twins); whether they are."""
    if a.date is None or b.date is None:
        return False
    gap = text[a.found.end : b.found.start]
    if len(gap) > _TWIN_GAP or "(" not in gap:
        return False
    offset = julian_offset(a.date.year)
    # Compare the days as written, both read in one calendar.
    delta = to_jdn(b.date.year, b.date.month, b.date.day, "gregorian") - to_jdn(a.date.year, a.date.month, a.date.day, "gregorian")
    if abs(delta) != offset:
        return False
    early, late = (a, b) if delta > 0 else (b, a)
    for item, cal in ((early, "julian"), (late, "gregorian")):
        if item.date.calendar == "unspecified":
            item.date = CalendarDate(item.date.year, item.date.month, item.date.day, cal)
            if item.end is not None:
                item.end = CalendarDate(item.end.year, item.end.month, item.end.day, cal)
    return early.date.calendar != late.date.calendar


def resolve(found: list[Found], text: str, *, default_year: int | None, calendar: str, nights: tuple = (None, None),
            weekdays: regex.Pattern | None = None) -> list[Resolved]:
    """Resolve hits in text order; a date hit that cannot become a real day is dropped.
    `nights`: the pack's night_of and night_before patterns (night_phrases), whose nights put
    the clock times after them on their evening or their morning; `weekdays`: the language's
    day names, which may stand between a time and its date."""
    out: list[Resolved] = []
    dates: list[Resolved] = []
    paragraph_of = paragraph_finder(text)
    last_year: tuple[int, int] | None = None  # (paragraph, year) of the last written year
    current: CalendarDate | None = None  # the day the narrative is on
    current_month_day: MonthDay | None = None  # or its day and month, when no year is known
    current_last: CalendarDate | None = None  # the last day of a span that named the current day
    current_para = -1
    last_time: tuple[int, CalendarDate | None] | None = None
    last_time_para = -1
    last_about = False  # whether the last time was an approximation, which times counted from it are too
    last_clock: tuple[str | None, int | None] = (None, None)  # the zone and offset of the last time
    previous: Resolved | None = None  # the last date hit that became a day
    # Whether the current day still holds in later paragraphs: not once their clock ran back.
    carrying = False
    told = -1  # where the last date or clock time of the narrative ends
    night: tuple[CalendarDate, CalendarDate, int] | None = None  # a named night: its two days, its paragraph
    dual = False  # whether the current day was written in both calendars
    for f in found:
        para = paragraph_of(f.start)
        # Whether the current day holds here though another paragraph named it (counts need not know).
        carried = f.kind != "count" and para != current_para and carrying and _paragraphs_apart(text, told, f.start) <= CARRY_PARAGRAPHS
        if f.kind == "date":
            # "The following day" counts from a day of its own paragraph or, before its paragraph
            # names one, of the one before, or further back through paragraphs that told the
            # hours (a new paragraph often opens "the next day").
            follows = current_para == para or ((f.relative_days is not None or f.month is None) and carried)
            # "entre el 14 y el 17 de octubre … la noche siguiente": a day counted on from a span
            # of days counts from its last day.
            anchor = (current_last or current or current_month_day) if follows else None
            near = previous.date if previous is not None and (paragraph_of(previous.found.start) == para or _next_paragraph(text, previous.found.end, f.start)) else None
            r = _resolve_date(f, default_year, calendar, last_year, anchor, para, near, dual)
            if r is None:
                continue
            if r.date is None:
                # A day and month with no year anywhere: shown, but no day of the narrative.
                current, current_para, last_time = None, para, None
                current_month_day, current_last, carrying, told = r.month_day, None, True, f.end
                out.append(r)
                continue
            if f.year is not None or (f.gregorian and f.gregorian[0] is not None) or (r.year_inferred and near is not None and r.date.year > near.year):
                # A written year, or one a year end crossed into, holds for the paragraph.
                last_year = (para, r.date.year)
            previous = r
            if f.report_day:
                out.append(r)  # the day it was told: the narrative's day and clock hold
                continue
            day_before = current
            main = dates[-1].date if dates else None
            if main is not None and _pair_twin(dates[-1], r, text) and current is not None and (current.year, current.month, current.day) == (main.year, main.month, main.day):
                # "7 ноября (25 октября …) … на следующий день": the day counts on in the
                # calendar of the date the bracket glosses.
                current, dual = dates[-1].date, True  # its calendar now marked
            else:
                current, current_para, current_month_day = r.date, para, None
                # Whether the narrative writes its days in both calendars (a day named alone may be in either).
                dual = dual if f.relative_days is not None or f.month is None else f.gregorian is not None
                # Not a span of two days: "the night of 25-26 October … the next day" is the 26th.
                current_last = r.end if r.end is not None and r.date.shifted(1) < r.end else None
                named = _night(text, f.start, *nights) if r.end is None and f.relative_days is None else None
                night = (r.date.shifted(named[0]), r.date.shifted(named[0] + 1), para) if named else None
            # The clock runs on through "esa misma tarde", the day the narrative is on, and from a
            # time this date follows ("at 9 p.m. on 8 October … 1:30 a.m." is the 9th); a date
            # written out otherwise ("On 25 October, at 2 a.m.") sets it back.
            told_time = out[-1] if out else None
            if told_time is not None and told_time.found.kind == "time" and _follows(text, told_time.found.end, f.start, weekdays):
                told_time.date, last_time, last_time_para = current, (told_time.found.minutes, current), para
                if len(out) > 1 and _on_two_clocks(out[-2].found, told_time.found, text):
                    # "в 6:00 мск (3:00 UTC) 26 апреля": the clock runs on from the first reading.
                    last_time, last_clock = (out[-2].found.minutes, current), (out[-2].found.zone, out[-2].found.utc_offset)
            elif f.relative_days is None or r.date != day_before:
                last_time = None
            carrying, told = True, f.end
            dates.append(r)
            out.append(r)
        elif f.kind == "time":
            if out and _on_two_clocks(out[-1].found, f, text):
                # The same moment read on another clock ("в 6:00 мск (3:00 UTC)"): the narrative
                # stays on the first reading's clock and day.
                out.append(Resolved(f, date=out[-1].date))
                continue
            if f.minutes is None and f.relative_minutes is not None:
                if last_time is None or last_time_para != para:
                    continue
                f.minutes = (last_time[0] + f.relative_minutes) % 1440
                f.zone, f.utc_offset = last_clock  # counted on the clock of the time it counts from
                if f.approx == "exact" and last_about:
                    f.approx = "about"  # "cerca del mediodía … dos horas más tarde": about 14:00
            if f.twelve_hour and f.approx != "range" and last_time is not None and (last_time_para == para or carried):
                _read_on_from(f, last_time[0])
            # A time is on the day its paragraph last named, or an earlier paragraph did and the
            # ones since told the hours; once the clock runs back there it is unknown.
            day = current if current_para == para or carried else None
            in_night = day is not None and night is not None and night[2] == para
            if in_night and f.minutes >= NIGHT_START:
                day = night[0]  # "в ночь на 26 октября, в 22 часа": the 25th
            elif in_night and f.minutes < SMALL_HOURS_END:
                day = night[1]  # "la noche del 24 … a las 3:30": the 25th
                current, current_last, night = day, None, None
            elif day is not None and last_time is not None and last_time[0] >= NIGHT_START and f.minutes < SMALL_HOURS_END:
                day = day.shifted(1)  # past midnight in a night narrative: the next day
                current, current_last = day, None
            elif carried and last_time is not None and f.minutes < last_time[0]:
                day, carrying = None, False
            if day is not None:
                told = f.end
            out.append(Resolved(f, date=day))
            last_time, last_time_para, last_about = (f.minutes, day), para, f.approx == "about"
            last_clock = (f.zone, f.utc_offset)
        else:
            out.append(Resolved(f))
    _pair_twins(dates, text)
    _bind_following_dates(out, text, weekdays)
    for r in out:
        if r.found.kind == "date" and r.date is not None and r.gregorian is None and r.date.calendar != "unspecified":
            r.gregorian = r.date.to_gregorian()
    return out


def _read_on_from(f: Found, before: int) -> None:
    """Read a 12-hour clock time as the one of its two readings nearest the narrative's last
    time, a step back (on the same day) costing twice a step ahead: "at 2:10 p.m. … around 4 o'clock" is 16:00,
    "23:00 … a las 2" 02:00, "в 11 часов … в начале второго" 13:00, but "shortly before noon
    … ten minutes to twelve" 11:50.

    >>> f = Found("time", 0, 1, minutes=240, low=240, high=240, twelve_hour=True)
    >>> _read_on_from(f, 14 * 60 + 10); f.minutes, f.low
    (960, 960)
    >>> f = Found("time", 0, 1, minutes=120, twelve_hour=True)
    >>> _read_on_from(f, 23 * 60); f.minutes
    120
    >>> f = Found("time", 0, 1, minutes=710, twelve_hour=True)
    >>> _read_on_from(f, 720); f.minutes
    710
    """
    def cost(minutes: int) -> int:
        # Ahead may run past midnight into the next day; a step back stays on the same day.
        ahead = (minutes - before) % 1440
        return min(ahead, 2 * (before - minutes)) if minutes <= before else ahead

    other = (f.minutes + 720) % 1440
    if cost(other) < cost(f.minutes):
        if f.low == f.minutes:
            f.low = other
        if f.high == f.minutes:
            f.high = other
        f.minutes = other


def _paragraphs_apart(text: str, end: int, start: int) -> int:
    """How many paragraph breaks (a line end and any blank lines after it) lie between `end` and
    `start`; counting stops past CARRY_PARAGRAPHS.

    >>> _paragraphs_apart("a" + chr(10) + chr(10) + "b" + chr(10) + "c", 0, 5)
    2
    """
    if end < 0:
        return CARRY_PARAGRAPHS + 1
    apart = 0
    for _ in _PARAGRAPH_BREAK.finditer(text, end, start):
        apart += 1
        if apart > CARRY_PARAGRAPHS:
            break
    return apart


def _next_paragraph(text: str, end: int, start: int) -> bool:
    """Whether `start` is in the paragraph right after the one holding `end`, blank lines aside.

    >>> _next_paragraph("a" + chr(10) + chr(10) + "b", 0, 3), _next_paragraph("a" + chr(10) + "x" + chr(10) + "b", 0, 4)
    (True, False)
    """
    if end < 0:
        return False
    first_break, last_break = text.find("\n", end, start), text.rfind("\n", end, start)
    return first_break >= 0 and _BLANK.fullmatch(text, first_break, last_break) is not None


def _resolve_date(f: Found, default_year, calendar, last_year, current: CalendarDate | MonthDay | None, para: int,
                  near: CalendarDate | None = None, dual: bool = False) -> Resolved | None:
    """The day of a date hit: its year from the text, its paragraph, the corpus, else none.
    A relative day counts from `current`, the narrative's day (or day and month).

    `near` is the narrative's last day in this paragraph or the one before: an inferred year
    does not send a date back a whole year behind it (see _across_year_end).
    """
    if f.relative_days is not None:
        if isinstance(current, MonthDay):  # "25 October … the following day", no year known
            later = current.shifted(f.relative_days)
            return Resolved(f, month_day=later) if later is not None else None
        if current is None:
            return None
        return Resolved(f, date=current.shifted(f.relative_days), year_inferred=True)
    if f.weekday is not None:
        return _weekday_near(f, current)
    if f.month is None:
        return _day_of_month(f, current, dual)
    cal = f.calendar or calendar
    year, inferred = _dual_year(f), False
    if year is None:
        inferred = True
        if last_year is not None and last_year[0] == para:
            year = last_year[1]
        elif default_year is not None:
            year = default_year
        elif last_year is not None:
            year = last_year[1]
        if year is not None and f.month is not None:
            year = _across_year_end(year, f.month, near)
    if year is None:
        return _month_day(f, cal)
    date = _make(year, f.month, f.day, cal)
    if date is None:
        return None
    end = None
    if f.end_date is not None:
        ey, em, ed = f.end_date
        end = _make(ey if ey is not None else year, em, ed, cal)
        if end is not None and end < date and ey is None:
            end = _make(year + 1, em, ed, cal)  # "30 декабря – 2 января"
    greg = _twin(date, f.gregorian) if f.gregorian is not None else None
    return Resolved(f, date=date, end=end, gregorian=greg, year_inferred=inferred)


def _weekday_near(f: Found, current: CalendarDate | MonthDay | None) -> Resolved | None:
    """A day named by its weekday alone: the day of that name nearest the narrative's day,
    three days either way; None without a narrative's day.

    >>> sunday = CalendarDate(2025, 11, 23, "gregorian")
    >>> [_weekday_near(Found("date", 0, 1, weekday=w), sunday).date.iso() for w in (5, 1, 6)]
    ['2025-11-22', '2025-11-25', '2025-11-23']
    >>> _weekday_near(Found("date", 0, 1, weekday=4, end_weekday=0), sunday).end.iso()
    '2025-11-24'
    """
    if not isinstance(current, CalendarDate):
        return None
    step = (f.weekday - current.jdn() % 7 + 3) % 7 - 3  # the Julian Day Number counts Monday as 0
    day = current.shifted(step)
    end = day.shifted((f.end_weekday - f.weekday) % 7) if f.end_weekday is not None else None
    return Resolved(f, date=day, end=end, year_inferred=True)


def _day_of_month(f: Found, current: CalendarDate | MonthDay | None, dual: bool = False) -> Resolved | None:
    """A day named without its month ("el 19", "the 22nd", "del 14 al 15"): the reading nearest
    the narrative's day, in its month or the month before or after, a look back costing twice
    a step ahead. In a text that writes its days in both calendars (`dual`), in either: "28 de
    octubrejul./ 10 de noviembregreg. … la noche del día 11" is 11 November Gregorian, the next
    day, not a fortnight on. None without a narrative's day to go by.

    >>> at = lambda d, dual=False: _day_of_month(Found("date", 0, 1, day=d), CalendarDate(1917, 10, 28, "julian"), dual).date
    >>> at(29).iso(), at(26).iso(), at(2).iso(), at(11).iso(), (at(11, True).iso(), at(11, True).calendar)
    ('1917-10-29', '1917-10-26', '1917-11-02', '1917-11-11', ('1917-11-11', 'gregorian'))
    """
    if not isinstance(current, CalendarDate) or f.day is None:
        return None
    bases = [current]
    if dual and current.calendar in ("julian", "gregorian"):
        bases.append(current.to_gregorian() if current.calendar == "julian" else current.to_julian())
    best = None
    for base in bases:
        for step in (-1, 0, 1):
            year, month = base.year, base.month + step
            year, month = (year - 1, 12) if month < 1 else (year + 1, 1) if month > 12 else (year, month)
            date = _make(year, month, f.day, base.calendar)
            if date is None:
                continue
            ahead = date.jdn() - current.jdn()
            cost = ahead if ahead >= 0 else -2 * ahead
            if best is None or cost < best[0]:
                best = (cost, date)
    if best is None:
        return None
    date = best[1]
    end = date.shifted(f.end_date[2] - f.day) if f.end_date is not None and f.end_date[2] > f.day else None
    return Resolved(f, date=date, end=end, year_inferred=True)


def _across_year_end(year: int, month: int, near: CalendarDate | None) -> int:
    """The inferred year of a month after the narrative's day `near`: a January or February
    right after a November or December is in the next year, and so is a January after a day
    that already crossed into it.

    >>> d = CalendarDate(1917, 12, 20, "julian")
    >>> _across_year_end(1917, 1, d), _across_year_end(1917, 2, CalendarDate(1917, 10, 25)), _across_year_end(1917, 1, CalendarDate(1918, 1, 2))
    (1918, 1917, 1918)
    """
    if near is None:
        return year
    behind = (near.year - year) * 12 + near.month - month  # months back to `near`
    ahead = (year + 1 - near.year) * 12 + month - near.month  # months on from it, a year later
    return year + 1 if behind >= _YEAR_END_BACKSTEP and 0 <= ahead <= 12 - _YEAR_END_BACKSTEP else year


def _month_day(f: Found, calendar: str) -> Resolved | None:
    """A date hit with no year anywhere, kept as its day and month ("--10-26"); its Gregorian
    twin is left out, since the calendars' gap depends on the century.

    >>> _month_day(Found("date", 0, 9, month=10, day=26), "julian").month_day.iso()
    '--10-26'
    """
    if f.month is None or f.day is None or not exists_in_some_year(f.month, f.day):
        return None
    end = None
    if f.end_date is not None and exists_in_some_year(f.end_date[1], f.end_date[2]):
        end = MonthDay(f.end_date[1], f.end_date[2], calendar)
    return Resolved(f, month_day=MonthDay(f.month, f.day, calendar), end_month_day=end)


def _twin(date: CalendarDate, written: tuple[int | None, int, int]) -> CalendarDate | None:
    """The Gregorian half of a dual date when it is the same day as the Julian half, else None:
    a garbled pair keeps its Julian day and gets no twin it does not have. The gap between the
    calendars depends on the century, so it is converted, never counted.

    >>> _twin(CalendarDate(1917, 12, 25, "julian"), (None, 1, 7)).iso()
    '1918-01-07'
    >>> _twin(CalendarDate(1917, 10, 8, "julian"), (None, 11, 9)) is None
    True
    """
    same = CalendarDate(date.year, date.month, date.day, "julian").to_gregorian()
    if (same.month, same.day) != written[1:] or written[0] not in (None, same.year):
        return None
    return same


def _bind_following_dates(items: list[Resolved], text: str, weekdays: regex.Pattern | None = None) -> None:
    """A time immediately followed by a date ("a las 2:10 a. m. del 26 de octubre", "about 9
    p.m. on Sunday, 8 October") is on it; so is a time read again on another clock in brackets
    before the date ("a las 9:30 hora local (14:30 GMT) del jueves"). A date inside the
    brackets is the bracketed reading's alone: across midnight the two clocks show two days
    ("a las 22:50 hora local (04:50 GMT del miércoles)")."""
    for i in range(len(items) - 2, -1, -1):
        r, nxt = items[i], items[i + 1]
        if r.found.kind == "time" and nxt.found.kind == "date" and nxt.date is not None and _follows(text, r.found.end, nxt.found.start, weekdays):
            r.date = nxt.date
        elif _on_two_clocks(r.found, nxt.found, text):
            after = items[i + 2] if i + 2 < len(items) else None
            after_brackets = after is not None and after.found.kind == "date" and after.date is not None and nxt.date == after.date and ")" in text[nxt.found.end : after.found.start]
            if after_brackets:
                r.date = after.date
            shift = _days_apart(r, nxt)
            if after_brackets:
                nxt.date = r.date.shifted(shift)
            # Either reading with no day of its own takes the other's.
            r.date, nxt.date = r.date or (nxt.date and nxt.date.shifted(-shift)), nxt.date or (r.date and r.date.shifted(shift))
            twin_offset = utc_offset(nxt.found.zone, nxt.date)
            if r.found.zone == "local" and r.found.utc_offset is None and twin_offset is not None:
                # "9:20 по местному времени (7:20 мск)": the local clock, by the reading on Moscow's.
                r.found.utc_offset = offset_between(r.found.minutes, nxt.found.minutes - twin_offset)
        elif r.found.same_range(nxt.found):
            r.date = r.date or nxt.date  # "entre las 7:37 y las 7:40 … del 11 de marzo"


def _days_apart(main: Resolved, twin: Resolved) -> int:
    """How many days the bracketed reading's clock is ahead of the main one's at that moment,
    when both offsets can be told: "23:49 hora local (04:49 GMT)" at UTC-05:00 is the next day
    on UTC. 0 when they cannot.

    >>> main, twin = Found("time", 0, 1, minutes=1429, zone="local", utc_offset=-300), Found("time", 2, 3, minutes=289, zone="UTC")
    >>> _days_apart(Resolved(main), Resolved(twin))
    1
    """
    m, t = main.found, twin.found
    main_offset = m.utc_offset if m.utc_offset is not None else utc_offset(m.zone, main.date)
    twin_offset = utc_offset(t.zone, twin.date or main.date)
    if main_offset is None or twin_offset is None or m.minutes is None or t.minutes is None:
        return 0
    return (m.minutes - main_offset + twin_offset - t.minutes) // 1440


def _on_two_clocks(a: Found, b: Found, text: str) -> bool:
    """Whether time `b` is `a` read on another named clock, in brackets right after it."""
    named = a.zone is not None and b.zone is not None
    return a.kind == b.kind == "time" and named and a.zone != b.zone and in_brackets_after(a, b, text)


def _follows(text: str, end: int, start: int, weekdays: regex.Pattern | None) -> bool:
    """Whether a date at `start` follows a time ending at `end` closely enough to be its day:
    a few characters apart, a weekday aside, with no stop between.

    >>> _follows("9 p.m. on Sunday, 8 October", 6, 18, regex.compile(" sunday,", regex.I)), _follows("9 p.m. It was then 8 October", 6, 18, None)
    (True, False)
    """
    gap = text[end:start]
    if weekdays is not None and len(gap) <= _FOLLOWING_DATE_GAP + 12:
        gap = weekdays.sub("", gap)
    return 0 <= len(gap) <= _FOLLOWING_DATE_GAP and not any(c in gap for c in ".;\n")


def night_phrases(words: list[str]) -> regex.Pattern | None:
    """A pattern for a pack's night words standing just before a date ("the night of ")."""
    if not words:
        return None
    return regex.compile(rf"(?:{phrases_before(words)})\s*+$", regex.IGNORECASE)


def widen_nights(items: list[Resolved], text: str, night_of: regex.Pattern | None, night_before: regex.Pattern | None) -> None:
    """A single date that names a night is a range of the two days the night spans: "the night
    of 25 October" is 25-26 October, "в ночь на 26 октября" (the night onto the 26th) 25-26.
    The hit grows to take in the night words, so that its quote says what it claims.

    >>> r = Resolved(Found("date", 24, 34), date=CalendarDate(1917, 10, 25, "julian"))
    >>> widen_nights([r], "It fell on the night of 25 October", night_phrases(["the night of"]), None)
    >>> r.date.iso(), r.end.iso(), r.found.approx, r.found.start
    ('1917-10-25', '1917-10-26', 'range', 11)
    """
    for r in items:
        f = r.found
        if f.kind != "date" or r.date is None or r.end is not None or f.relative_days is not None:
            continue
        night = _night(text, f.start, night_of, night_before)
        if night is not None:
            first, f.start = night
            start = r.date.shifted(first)
            r.date, r.end = start, start.shifted(1)
            if r.gregorian is not None:
                r.gregorian = r.gregorian.shifted(first)
            f.approx = "range"


def _night(text: str, start: int, night_of: regex.Pattern | None, night_before: regex.Pattern | None) -> tuple[int, int] | None:
    """For a date at `start` that names a night: the night's first day counted from the date
    (0 for "the night of 25 October", -1 for "в ночь на 26 октября") and where the night
    words start."""
    before = text[max(0, start - 40) : start]
    for pattern, first in ((night_of, 0), (night_before, -1)):
        m = pattern.search(before) if pattern is not None else None
        if m:
            return first, start - len(before) + m.start()
    return None
