"""Extraction in worker processes gives exactly the claims of a single process, and one process
gives the same claims as another (string hashing is seeded afresh in each)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

TITANIC = Path(__file__).parent / "corpora" / "titanic-1912"


def extract_json(*args: str, hash_seed: str | None = None) -> list[dict]:
    env = {**os.environ, **({"PYTHONHASHSEED": hash_seed} if hash_seed else {})}
    r = subprocess.run([sys.executable, "-m", "checker", "extract", *args, "--format", "json"], capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


@pytest.mark.parametrize("corpus", [[], [str(TITANIC)]], ids=["bundled", "titanic"])
def test_one_job_and_two_jobs_give_identical_claims(corpus):
    single = extract_json(*corpus, "--jobs", "1")
    double = extract_json(*corpus, "--jobs", "2")
    assert single, "the corpus should yield claims"
    assert len({c["source"] for c in single}) > 1, "several sources, so the work is really split"
    assert double == single


def test_claims_do_not_depend_on_the_hash_seed():
    """Seeds 1 and 3 once ordered two catalog cues of equal length differently ("asalto",
    "asaltó"), and with them the reason given for a claim's topic."""
    assert extract_json("--jobs", "1", hash_seed="1") == extract_json("--jobs", "1", hash_seed="3")
