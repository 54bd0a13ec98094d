"""The JSON claimcheck writes: counts as whole numbers where they are, dates without a year
only where a user asked for one sentence."""
from __future__ import annotations

import json
import subprocess
import sys

from checker.model import CountClaim, CountValue


def test_whole_counts_are_json_integers_and_fractions_stay():
    assert json.loads(CountValue(low=70000.0, high=None).model_dump_json()) == {"low": 70000, "high": None}
    dumped = CountValue(low=1.5, high=5e10).model_dump(mode="json")
    assert dumped == {"low": 1.5, "high": 50000000000} and isinstance(dumped["high"], int)
    # Python-side values stay floats; a JSON round trip gives the same claim.
    claim = CountClaim(id="s:0-5:count", source="s", language="en", span=(0, 5), quote="5,000", value=CountValue(low=5000, high=5000))
    assert CountClaim.model_validate_json(claim.model_dump_json()) == claim
    assert '"low":5000,' in claim.model_dump_json()


def _extract(*args):
    return subprocess.run([sys.executable, "-m", "checker", "extract", *args], capture_output=True, text=True)


def test_extract_text_keeps_a_date_without_a_year_and_says_so():
    r = _extract("--text", "в 2 часа 10 минут ночи 26 октября", "--lang", "ru", "--format", "json")
    assert r.returncode == 0, r.stderr
    claims = json.loads(r.stdout)
    assert [(c["kind"], c["value"]) for c in claims] == [("time", "02:10"), ("date", "--10-26")]
    assert claims[0]["date"] is None and claims[1]["gregorian"] is None
    assert "1 date without a year" in r.stderr and "--year" in r.stderr
    r = _extract("--text", "в 2 часа 10 минут ночи 26 октября", "--lang", "ru", "--format", "json", "--year", "1917")
    claims = json.loads(r.stdout)
    assert claims[1]["value"] == "1917-10-26" and claims[0]["date"] == "1917-10-26" and r.stderr == ""


def test_extract_counts_as_integers():
    r = _extract("--text", "more than 70 thousand men and 1.5 million workers", "--lang", "en", "--format", "json")
    values = [c["value"] for c in json.loads(r.stdout)]
    assert values == [{"low": 70000, "high": None}, {"low": 1500000, "high": 1500000}]
    assert '"low": 70000,' in r.stdout
