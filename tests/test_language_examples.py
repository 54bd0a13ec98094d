"""Every language pack's example table (checker/extract/lang/*/examples.yaml), one test a row:
the Duckling way of keeping rules honest. Rows are read as `claimcheck extract --text` reads a
sentence: a date no year can be found for is kept as "--MM-DD"."""
from __future__ import annotations


import pytest
import yaml

from checker.extract import ExtractContext, extract_claims
from checker.extract.lang import LANG_DIR, available_languages
from checker.normalize.calendars import CalendarDate


def _rows():
    for code in available_languages():
        table = LANG_DIR / code / "examples.yaml"
        if not table.is_file():
            continue
        for i, row in enumerate(yaml.safe_load(table.read_text(encoding="utf-8")) or []):
            yield pytest.param(code, row, id=f"{code}-{i + 1}")


def _fields(claim) -> dict:
    d = claim.model_dump(mode="json")
    if claim.kind == "count":
        d["low"], d["high"] = d["value"]["low"], d["value"]["high"]
    return d


def _matches(claim, want: dict) -> bool:
    got = _fields(claim)
    for key, value in want.items():
        if key == "quote":
            if value not in claim.quote and claim.quote not in value:
                return False
        elif key == "exact_quote":
            if claim.quote != value:
                return False
        elif key in ("low", "high") and value is not None and got.get(key) is not None:
            if float(got[key]) != float(value):
                return False
        elif got.get(key) != value:
            return False
    return True


def test_every_pack_has_an_example_table():
    missing = [c for c in available_languages() if not (LANG_DIR / c / "examples.yaml").is_file()]
    assert not missing, f"language packs without examples.yaml: {missing}"


@pytest.mark.parametrize("code,row", list(_rows()))
def test_example(code: str, row: dict):
    claims = extract_claims(row["text"], ExtractContext("example", code, row.get("default_year"), keep_yearless=True))
    for want in row.get("expect") or []:
        assert any(_matches(c, want) for c in claims), f"{want} not found in {[_fields(c) for c in claims]}"
    if row.get("only"):
        typed = [c for c in claims if c.kind != "choice"]
        assert len(typed) == len(row.get("expect") or []), f"extra claims: {[_fields(c) for c in typed]}"
    for c in claims:
        assert row["text"][c.span[0] : c.span[1]] == c.quote
        _assert_sound_date(c)


def _assert_sound_date(c) -> None:
    """A Julian date's Gregorian twin is the same day; a date without a year has no twin and
    puts no clock time on a day."""
    if c.kind == "date" and not c.has_year:
        assert c.gregorian is None and not c.year_inferred
    elif c.kind == "date" and c.calendar == "julian" and c.gregorian:
        assert CalendarDate.parse(c.value, "julian").to_gregorian().iso() == c.gregorian, c
    elif c.kind == "time" and c.date:
        assert not c.date.startswith("--")


def _dates(text: str, lang: str, year=None, **kw) -> list[str]:
    return [c.value for c in extract_claims(text, ExtractContext("t", lang, year, **kw)) if c.kind == "date"]


def test_a_date_without_a_year_is_kept_only_when_asked():
    # Corpus runs compare dates, and "--10-26" cannot be compared: they leave it out.
    text = "Зимний дворец был взят в 2 часа 10 минут ночи 26 октября."
    assert _dates(text, "ru") == []
    assert _dates(text, "ru", keep_yearless=True) == ["--10-26"]
    assert _dates(text, "ru", 1917, keep_yearless=True) == ["1917-10-26"]


@pytest.mark.parametrize("lang,text", [
    ("es", "El 20 de diciembre se fundó la Cheka y el 4 de enero se reconoció a Finlandia."),
    ("en", "On 20 December the Cheka was founded; on 4 January Finland was recognised."),
    ("ru", "20 декабря была создана ВЧК, а 4 января признана независимость Финляндии."),
])
def test_a_january_after_a_december_is_in_the_next_year(lang, text):
    assert _dates(text, lang, 1917) == ["1917-12-20", "1918-01-04"]


def test_the_year_end_does_not_move_a_date_the_narrative_looks_back_to():
    # October, then February: the February of the same year (the February Revolution), not the next.
    assert _dates("El 25 de octubre cayó el Gobierno. El 27 de febrero había caído el zar.", "es", 1917) == ["1917-10-25", "1917-02-27"]
    # A December in another section (not the paragraph before) does not move January.
    text = "El 20 de diciembre se fundó la Cheka.\n== Antecedentes ==\nEl 9 de enero hubo una matanza."
    assert _dates(text, "es", 1917) == ["1917-12-20", "1917-01-09"]


def test_a_twin_that_is_not_the_same_day_is_not_attached():
    claims = extract_claims("El 26 de octubrejul./ 9 de noviembre de 1917greg. se formó el Gobierno.", ExtractContext("t", "es"))
    (date,) = [c for c in claims if c.kind == "date"]
    assert (date.value, date.calendar, date.gregorian) == ("1917-10-26", "julian", "1917-11-08")
