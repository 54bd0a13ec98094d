"""The bundled corpus travels inside the wheel: `claimcheck report` works outside the repository."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_carries_the_bundled_corpus(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)], check=True, capture_output=True)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    py = venv / "bin" / "python"
    wheel = next(wheels.glob("claimcheck-*.whl"))
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", str(wheel)], check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # -P keeps the repository (the cwd of pytest) off sys.path; cwd is outside it anyway.
    r = subprocess.run([str(py), "-P", "-m", "checker", "report", "--out", "out", "--jobs", "1"], cwd=elsewhere, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    report = json.loads((elsewhere / "out" / "report.json").read_text(encoding="utf-8"))
    assert len(report["sources"]) == 5 and "site-packages" in report["corpus"]["path"]
