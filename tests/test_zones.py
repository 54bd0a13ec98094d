"""Times told on named clocks: reading the clock's name, its offset on the day, and comparing
two clocks on UTC ("one moment told on two clocks" against a real gap)."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.compare import compare_claims, judge_pair
from checker.extract.lang import available_languages, get_pack
from checker.extract.zones import offset_zone
from checker.model import TimeClaim
from checker.normalize.calendars import CalendarDate
from checker.normalize.zones import is_known_zone, offset_text, utc_offset
from checker.pipeline import run_corpus
from checker.sources import load_corpus
from checker.sources.corpus import CorpusError


def clocked(source, value, zone=None, offset=None, *, date=None, approx="exact", n=0):
    h, m = map(int, value.split(":"))
    return TimeClaim(
        id=f"{source}:{n}-{n + 5}:time", source=source, language="en", topic="t", approx=approx,
        span=(n, n + 5), quote="x" * 5, value=value, low=h * 60 + m, high=h * 60 + m,
        date=date, date_calendar="gregorian" if date else "unspecified", gregorian_date=date,
        zone=zone, utc_offset=offset,
    )


@pytest.mark.parametrize("code", available_languages())
def test_every_pack_names_clocks_the_zone_data_knows(code):
    table = get_pack(code).lexicon.get("time_zones") or {}
    assert table, f"{code} has no time_zones"
    assert [z for z in table if not is_known_zone(z)] == []


def test_a_place_zone_takes_its_offset_on_the_day_daylight_saving_and_history_included():
    moscow = "Europe/Moscow"
    assert utc_offset(moscow, CalendarDate(1986, 4, 26, "gregorian")) == 240  # summer time, 1986
    assert utc_offset(moscow, CalendarDate(1986, 1, 26, "gregorian")) == 180
    assert utc_offset(moscow, CalendarDate(2015, 4, 26, "gregorian")) == 180  # no summer time since 2011
    # A Julian day is read as the Gregorian day it is: 25 Oct 1917 O.S. is 7 Nov N.S., after
    # Russia's summer time of 1917 ended (IANA: Moscow +02:31 in winter, +03:31 in summer).
    assert utc_offset(moscow, CalendarDate(1917, 10, 25, "julian")) == utc_offset(moscow, CalendarDate(1917, 11, 7, "gregorian"))
    assert utc_offset(moscow, None) is None and utc_offset("local", None, "UTC+05:30") == 330


@given(st.sampled_from("+-−"), st.integers(0, 14), st.sampled_from([None, "00", "30", "45"]))
def test_a_written_offset_round_trips(sign, hours, minutes):
    zone = offset_zone(sign, str(hours), minutes)
    offset = utc_offset(zone, None)
    assert abs(offset) == hours * 60 + int(minutes or 0) and (offset >= 0) == (sign == "+" or offset == 0)
    assert offset_text(offset) == (zone if offset else "UTC") and is_known_zone(zone)


def test_one_moment_on_two_clocks_is_a_zone_artefact_not_a_contradiction():
    pv = judge_pair(clocked("en", "21:53", "UTC", 0, date="2010-01-12"), clocked("es", "16:53", "local", -300, date="2010-01-12"))
    assert pv.verdict == "zone_artefact" and pv.gap == "300 minutes"
    assert "21:53 and 21:53" in pv.why and "local time (UTC-05:00)" in pv.why


def test_the_same_figure_on_two_clocks_is_hours_apart():
    pv = judge_pair(clocked("a", "10:00", "UTC", 0, date="2022-03-04"), clocked("b", "10:00", "Europe/Moscow", 180, date="2022-03-04"))
    assert pv.verdict == "contradiction" and pv.gap == "180 minutes"


def test_undated_clocks_wrap_at_midnight():
    pv = judge_pair(clocked("a", "23:30", "UTC", 0), clocked("b", "02:30", "UTC+03:00", 180))
    assert pv.verdict == "zone_artefact"
    pv = judge_pair(clocked("a", "23:30", "UTC", 0), clocked("b", "02:50", "UTC+03:00", 180))
    assert pv.verdict == "discrepancy" and pv.gap == "20 minutes"


def test_two_named_clocks_of_unknown_offset_are_not_compared():
    pv = judge_pair(clocked("a", "21:53", "UTC", 0), clocked("b", "16:53", "local", None))
    assert not pv.compared
    # The unnamed clock of a corpus without time_zone is taken to be the other's, as before.
    assert judge_pair(clocked("a", "21:53", "UTC", 0), clocked("b", "16:53")).verdict == "contradiction"


OFFSETS = st.sampled_from([0, 60, 120, 180, 240, -300, 330, 345, -210])


@settings(max_examples=200)
@given(st.integers(0, 1439), OFFSETS, OFFSETS, st.integers(-29, 29), st.sampled_from([None, "1917-11-07", "2022-03-04"]))
def test_a_moment_read_on_any_two_clocks_never_disagrees_and_a_real_gap_survives(utc_minutes, off_a, off_b, shift, date):
    def on(offset, minutes, source):
        local = (minutes + offset) % 1440
        # A dated reading carries the day its own clock shows.
        day = None
        if date:
            days = (minutes + offset) // 1440
            day = CalendarDate.parse(date, "gregorian").shifted(days).iso()
        return clocked(source, f"{local // 60:02d}:{local % 60:02d}", offset_text(offset), offset, date=day)

    a, b = on(off_a, utc_minutes, "a"), on(off_b, utc_minutes, "b")
    verdict = judge_pair(a, b)
    assert verdict == judge_pair(b, a)
    assert verdict.verdict in ("agreement", "zone_artefact")
    assert (verdict.verdict == "zone_artefact") == (off_a != off_b and a.value != b.value)
    if date:  # an undated clock wraps, so only a dated gap is a gap for sure
        moved = on(off_b, utc_minutes + shift + (31 if shift >= 0 else -31), "b")
        assert judge_pair(a, moved).verdict in ("discrepancy", "contradiction")


def _write(root: Path, time_zone: str | None) -> Path:
    root.mkdir()
    zone_line = f'time_zone = "{time_zone}"\n' if time_zone else ""
    (root / "corpus.toml").write_text(textwrap.dedent("""\
        [corpus]
        title = "An earthquake"
        default_year = 2010
        """) + zone_line + "".join(
        f'\n[[source]]\nid = "{s}"\npath = "{s}.txt"\nlanguage = "{s}"\n' for s in ("en", "es")
    ), encoding="utf-8")
    (root / "catalog.yaml").write_text(textwrap.dedent("""\
        events:
          quake:
            label: the earthquake
            cues: {en: [struck], es: [sismo]}
        topics:
          quake_time:
            label: When the earthquake struck
            kind: time
            events: [quake]
        """), encoding="utf-8")
    (root / "en.txt").write_text("The quake struck at 21:53 UTC on 12 January 2010.\n", encoding="utf-8")
    (root / "es.txt").write_text("El sismo ocurrió a las 16:53 hora local del martes 12 de enero de 2010.\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("zone,verdicts", [("America/Port-au-Prince", ["zone_artefact"]), (None, [])])
def test_a_corpus_time_zone_sets_local_clocks_beside_utc(tmp_path, zone, verdicts):
    corpus = load_corpus(_write(tmp_path / "c", zone))
    result = run_corpus(corpus, jobs=1)
    times = sorted((c.source, c.zone, c.utc_offset) for c in result.claims if c.kind == "time")
    assert times == [("en", "UTC", 0), ("es", "local", -300 if zone else None)]
    # Without the corpus's zone the two are not compared: no agreement, no contradiction.
    assert [f.verdict for f in compare_claims(result.claims, corpus.catalog)] == verdicts


@pytest.mark.parametrize("zone", ["Mars/Olympus", "local", "UTC+3"])
def test_an_unknown_corpus_time_zone_is_an_error_at_its_line(tmp_path, zone):
    root = _write(tmp_path / "c", zone)
    with pytest.raises(CorpusError) as info:
        load_corpus(root)
    assert info.value.line == 4 and "time_zone" in info.value.message and "Europe/Moscow" in info.value.hint


def test_a_reading_on_utc_in_brackets_tells_the_local_clock_without_a_corpus_zone(tmp_path):
    root = _write(tmp_path / "c", None)
    (root / "es.txt").write_text("El sismo ocurrió a las 16:53 hora local (21:53 GMT) del martes 12 de enero de 2010.\n", encoding="utf-8")
    corpus = load_corpus(root)
    result = run_corpus(corpus, jobs=1)
    times = sorted((c.source, c.value, c.zone, c.utc_offset) for c in result.claims if c.kind == "time")
    assert times == [("en", "21:53", "UTC", 0), ("es", "16:53", "local", -300), ("es", "21:53", "UTC", 0)]
    findings = compare_claims(result.claims, corpus.catalog)
    assert [f.verdict for f in findings] == ["zone_artefact"] and "local time (UTC-05:00)" in findings[0].explanation


def test_the_timeline_draws_one_moment_on_two_clocks_in_one_place_and_says_so():
    from checker.report.timeline import choose_window

    utc = clocked("en", "21:53", "UTC", 0, date="2010-01-12")
    local = clocked("es", "16:53", "local", -300, date="2010-01-12", n=7)
    unknown = clocked("ru", "16:53", "local", None, date="2010-01-12", n=9)
    window = choose_window([utc, local, unknown])
    assert window.on_utc and window.offset(utc) == window.offset(local) != window.offset(unknown)
    # One clock: drawn as written, as before.
    assert not choose_window([local, unknown]).on_utc


def test_a_value_range_on_utc_reads_each_time_on_its_own_clock():
    from checker.testing import assert_value_within

    told = [clocked("en", "21:53", "UTC", 0), clocked("es", "16:53", "local", -300, n=7)]
    assert_value_within(told, "t", "21:50", "22:00", on_utc=True)
    with pytest.raises(AssertionError, match="es says 16:53 local"):
        assert_value_within(told, "t", "21:50", "22:00")
    with pytest.raises(AssertionError, match="offset from UTC is unknown"):
        assert_value_within([*told, clocked("ru", "16:53", "local", None, n=9)], "t", "21:50", "22:00", on_utc=True)
