"""Every language pack's example table (checker/extract/lang/*/examples.yaml), one test a row:
the Duckling way of keeping rules honest."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.extract import ExtractContext, extract_claims
from checker.extract.lang import LANG_DIR, available_languages


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
    claims = extract_claims(row["text"], ExtractContext("example", code, row.get("default_year")))
    for want in row.get("expect") or []:
        assert any(_matches(c, want) for c in claims), f"{want} not found in {[_fields(c) for c in claims]}"
    if row.get("only"):
        typed = [c for c in claims if c.kind != "choice"]
        assert len(typed) == len(row.get("expect") or []), f"extra claims: {[_fields(c) for c in typed]}"
    for c in claims:
        assert row["text"][c.span[0] : c.span[1]] == c.quote
