"""Extraction CPU time of two or more trees of claimcheck, measured in turns so that the load
of a shared machine falls on each alike: `python bench/ab_extract.py /tmp/base . --rounds 3`.

Each tree (a checkout, e.g. `git worktree add /tmp/base REV`) runs in a child process of its
own: `extract_claims` on every bundled source of each language, each run on a fresh copy of the
text (extraction keeps the last string's token index), best of --reps CPU seconds. Prints one
line per tree, round and language, and a summary of the range each tree gave.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

_CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from checker.extract import ExtractContext, extract_claims
from checker.sources.corpus import load_corpus

corpus, reps, out = load_corpus(), int(sys.argv[2]), {}
for lang in sorted({s.language for s in corpus.sources}):
    texts = [(s, s.file.read_text(encoding="utf-8")) for s in corpus.sources if s.language == lang]
    run = lambda: [extract_claims((" " + t)[1:], ExtractContext(s.id, lang, corpus.default_year, s.calendar, corpus.catalog)) for s, t in texts]
    run()  # warm: pack import, pattern compilation
    best = float("inf")
    for _ in range(reps):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    out[lang] = {"bytes": sum(len(t.encode("utf-8")) for _, t in texts), "cpu_s": best}
print(json.dumps(out))
"""


def measure(tree: Path, reps: int) -> dict:
    """{language: {"bytes", "cpu_s"}} for one tree, from a child process started in it."""
    done = subprocess.run([sys.executable, "-c", _CHILD, str(tree), str(reps)], cwd=tree, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="+", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--reps", type=int, default=15)
    args = parser.parse_args(argv)
    seen: dict[str, dict[str, list[float]]] = {str(t): {} for t in args.trees}
    for round_no in range(1, args.rounds + 1):
        for tree in args.trees:
            for lang, row in measure(tree.resolve(), args.reps).items():
                ms = row["cpu_s"] * 1000
                seen[str(tree)].setdefault(lang, []).append(ms)
                print(f"round {round_no} {tree} {lang} {row['bytes']:>8,} bytes {ms:7.1f} ms {row['bytes'] / row['cpu_s'] / 1e6:5.2f} MB/s", flush=True)
    print("\nrange over the rounds (CPU ms, best of each round):")
    for tree, langs in seen.items():
        print(tree, "  ".join(f"{lang} {min(v):.1f}-{max(v):.1f}" for lang, v in sorted(langs.items())))


if __name__ == "__main__":
    main()
