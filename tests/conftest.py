"""Shared fixtures: reports written once per test session by the real command line.

`bundled_report` is the bundled corpus's report; `hostile_report` a small corpus written here
whose texts, titles and catalog labels try to inject markup and script, with a Thai source and a
source that cannot be read.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# The payloads the hostile corpus carries; the report must show them as text and run none.
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
JS_URL = "javascript:window.__pwned=1"
THAI_LINE = "เรือชนภูเขาน้ำแข็งเมื่อเวลา ๒๓.๔๐ น. ของวันที่ ๑๔ เมษายน ค.ศ. ๑๙๑๒"


@dataclass
class Written:
    """A report folder and what its report.json says."""

    out: Path
    corpus: Path
    data: dict
    returncode: int
    stderr: str


def run_report(corpus: Path | None, out: Path) -> Written:
    args = [sys.executable, "-m", "checker", "report", *([str(corpus)] if corpus else []), "--out", str(out), "--jobs", "1"]
    env = {**os.environ, "PYTHAINLP_READ_ONLY": "1"}
    r = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)
    data = json.loads((out / "report.json").read_text(encoding="utf-8")) if (out / "report.json").exists() else {}
    return Written(out, Path(data.get("corpus", {}).get("path", "")), data, r.returncode, r.stderr)


def write_hostile_corpus(root: Path) -> Path:
    (root / "sources").mkdir(parents=True)
    (root / "corpus.toml").write_text(textwrap.dedent(f"""\
        [corpus]
        title = "Hostile {SCRIPT} corpus"
        default_year = 1912

        [[source]]
        id = "evil"
        path = "sources/evil.txt"
        language = "en"
        title = '{IMG}Evil account'
        origin = '<a href="{JS_URL}">click</a>'
        licence = "<b>CC0</b>"
        url = "{JS_URL}"

        [[source]]
        id = "plain"
        path = "sources/plain.txt"
        language = "en"
        title = "Plain account"
        url = "https://example.org/plain"

        [[source]]
        id = "thai"
        path = "sources/thai.txt"
        language = "th"
        title = "บันทึกภาษาไทย"

        [[source]]
        id = "broken"
        path = "sources/broken.txt"
        language = "en"
        title = "An empty file"
        """), encoding="utf-8")
    (root / "catalog.yaml").write_text(textwrap.dedent(f"""\
        title: A hostile test event
        entities:
          ship:
            label: "The <i>ship</i>"
            aliases: {{en: [the ship, Titanic]}}
          iceberg:
            label: the iceberg
            aliases: {{en: [iceberg]}}
        events:
          collision:
            label: "the collision {SCRIPT}"
            cues: {{en: [struck]}}
        topics:
          collision_time:
            label: 'When the ship struck {IMG}'
            kind: time
            events: [collision]
            entities: [iceberg]
        """), encoding="utf-8")
    (root / "sources" / "evil.txt").write_text(
        f"The Titanic struck the iceberg at 11:40 p.m.{SCRIPT} on 14 April 1912.\n"
        f"A note: {IMG} and a link {JS_URL} here.\n"
        "Kérenski was not there.\n",
        encoding="utf-8",
    )
    (root / "sources" / "plain.txt").write_text("The ship struck the iceberg at 11:50 p.m. on 14 April 1912, said the lookout.\n", encoding="utf-8")
    (root / "sources" / "thai.txt").write_text(THAI_LINE + "\n", encoding="utf-8")
    (root / "sources" / "broken.txt").write_bytes(b"")
    return root


@pytest.fixture(scope="session")
def bundled_report(tmp_path_factory) -> Written:
    written = run_report(None, tmp_path_factory.mktemp("bundled") / "report")
    assert written.returncode == 0, written.stderr
    return written


@pytest.fixture(scope="session")
def hostile_report(tmp_path_factory) -> Written:
    corpus = write_hostile_corpus(tmp_path_factory.mktemp("hostile") / "corpus")
    written = run_report(corpus, tmp_path_factory.mktemp("hostile-out") / "report")
    # The empty source is an error: reported, exit 1, the rest of the report written.
    assert written.returncode == 1, written.stderr
    assert [e["source"] for e in written.data["errors"]] == ["broken"]
    return written
