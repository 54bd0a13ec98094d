"""Worst-case inputs for the language packs: 100,000 characters of what makes regular
expressions backtrack or lists of hits explode. Each must be read well under a second.

    python bench/adversarial.py es digits colons     # a child: one JSON line per case

Cases run in a child process per language, so a case that hangs is killed at its time limit
and reported, and the others still run.
"""
from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.measure import CHILD_ENV  # noqa: E402

LENGTH = 100_000


def _thai_run() -> str:
    """The bundled Thai source with every space and line break taken out: one unbroken run."""
    from checker.sources import load_corpus, read_source

    spec = next(s for s in load_corpus(None).sources if s.language == "th")
    return "".join(read_source(spec.file, spec.path).text.split())


def _repeat(unit: str) -> str:
    """`unit` repeated to LENGTH characters.

    >>> len(_repeat("ab"))
    100000
    """
    return (unit * (LENGTH // len(unit) + 1))[:LENGTH]


CASES = {
    "digits": lambda: _repeat("0123456789"),
    "colons": lambda: _repeat(":"),
    "a. m.": lambda: _repeat("a. m. "),
    "thai run": lambda: _repeat(_thai_run()),
    "nested brackets": lambda: "(" * (LENGTH // 2) + ")" * (LENGTH // 2),
    "1917, ": lambda: _repeat("1917, "),
    "cyrillic number words": lambda: _repeat("двадцать пять тысяч триста сорок два "),
    "number-word tallies": lambda: _repeat("veintinueve votos a "),
    # Beyond the brief: dense legitimate hits, range joiners, one endless proper name.
    "12:30 times": lambda: _repeat("12:30 "),
    "range chain": lambda: _repeat("1 - 2 – "),
    "digit groups": lambda: _repeat("1,000,"),
    "capitalised words": lambda: _repeat("Palacio De Invierno "),
}


def run_cases(language: str, names: list[str]) -> None:
    """The child: warm the pack up, then print one JSON line per case as it finishes."""
    from checker.extract import ExtractContext, extract_claims
    from checker.sources import load_corpus

    catalog = load_corpus(None).catalog
    context = ExtractContext("adversarial", language, 1917, catalog=catalog)
    extract_claims("warm up 1917, 2:10", context)
    print(json.dumps({"ready": True}), flush=True)
    for name in names:
        text = CASES[name]()
        start = time.perf_counter()
        claims = extract_claims(text, context)
        seconds = time.perf_counter() - start
        print(json.dumps({"case": name, "language": language, "seconds": round(seconds, 4), "claims": len(claims), "chars": len(text)}), flush=True)


def _lines(proc: subprocess.Popen, into: queue.Queue) -> None:
    for line in proc.stdout:
        into.put(line)
    into.put(None)


def measure_language(language: str, names: list[str], limit: float) -> list[dict]:
    """Every case for one language; a case over `limit` seconds is killed and reported."""
    results, remaining = [], list(names)
    while remaining:
        proc = subprocess.Popen([sys.executable, __file__, language, *remaining], stdout=subprocess.PIPE, text=True, env=CHILD_ENV)
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=_lines, args=(proc, lines), daemon=True).start()
        if lines.get(timeout=120) is None:
            results += [{"case": n, "language": language, "seconds": None, "error": "the child died warming up"} for n in remaining]
            break
        while remaining:
            try:
                line = lines.get(timeout=limit)
            except queue.Empty:
                proc.kill()
                results.append({"case": remaining.pop(0), "language": language, "seconds": None, "timed_out_after_s": limit})
                break
            if line is None:
                results.append({"case": remaining.pop(0), "language": language, "seconds": None, "error": "the child died"})
                break
            row = json.loads(line)
            results.append(row)
            remaining.remove(row["case"])
        proc.wait()
    return results


def measure_all(languages: list[str], limit: float = 30.0) -> list[dict]:
    return [row for lang in languages for row in measure_language(lang, list(CASES), limit)]


if __name__ == "__main__":
    run_cases(sys.argv[1], sys.argv[2:])
