"""Make a scaled corpus from the bundled one, deterministically: N sources whose texts are the
bundled sources' paragraphs drawn and shuffled with a seeded generator, to a total size.

    python bench/make_corpus.py /tmp/corpus-10mb --size 10MB --sources 500

Source i takes the language (and catalog) of bundled source i mod 5, so every language pack
gets an equal share; the same arguments always write the same bytes.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.sources import bundled_corpus_path  # noqa: E402

UNITS = {"KB": 1_000, "MB": 1_000_000, "GB": 1_000_000_000}


@dataclass(frozen=True)
class Template:
    """One bundled source: its manifest entry and its paragraphs."""

    entry: dict
    paragraphs: tuple[str, ...]


def parse_size(text: str) -> int:
    """Bytes of "10MB", "500KB" or "1234".

    >>> parse_size("10MB"), parse_size("2kb"), parse_size("77")
    (10000000, 2000, 77)
    """
    text = text.strip().upper()
    for unit, factor in UNITS.items():
        if text.endswith(unit):
            return int(float(text[: -len(unit)]) * factor)
    return int(text)


def templates(corpus: Path | None = None) -> list[Template]:
    """The bundled sources, each split into its non-empty lines (its paragraphs)."""
    corpus = corpus or bundled_corpus_path()
    manifest = tomllib.loads((corpus / "corpus.toml").read_text(encoding="utf-8"))
    out = []
    for entry in manifest["source"]:
        text = (corpus / entry["path"]).read_text(encoding="utf-8")
        out.append(Template(entry, tuple(p for p in text.split("\n") if p.strip())))
    return out


def source_text(template: Template, target_bytes: int, rng: random.Random) -> str:
    """Paragraphs drawn at random (with repeats) until the text reaches target_bytes; at least
    one paragraph.

    >>> t = Template({}, ("uno 1.", "dos 2."))
    >>> source_text(t, 10, random.Random(0)) == source_text(t, 10, random.Random(0))
    True
    """
    parts, size = [], 0
    while size < target_bytes or not parts:
        paragraph = rng.choice(template.paragraphs)
        parts.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 1
    return "\n".join(parts) + "\n"


def _manifest_entry(i: int, entry: dict, path: str) -> str:
    lines = ["[[source]]", f'id = "{entry["id"]}-{i:05d}"', f'path = "{path}"', f'language = "{entry["language"]}"']
    if entry.get("calendar"):
        lines.append(f'calendar = "{entry["calendar"]}"')
    return "\n".join(lines) + "\n"


def make_corpus(out: Path, total_bytes: int, n_sources: int, seed: int = 0) -> dict:
    """Write the corpus into `out` (replaced if it exists); returns its size and a digest."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    (out / "sources").mkdir(parents=True)
    bundled = bundled_corpus_path()
    shutil.copy(bundled / "catalog.yaml", out / "catalog.yaml")
    kinds = templates(bundled)
    per_source = max(1, total_bytes // n_sources)
    manifest = ['[corpus]\ntitle = "Scaled benchmark corpus"\ndefault_year = 1917\ncatalog = "catalog.yaml"\n']
    digest, written = hashlib.sha256(), 0
    for i in range(n_sources):
        template = kinds[i % len(kinds)]
        text = source_text(template, per_source, random.Random(f"{seed}:{i}"))
        data = text.encode("utf-8")
        path = f"sources/{i:05d}.txt"
        (out / path).write_bytes(data)
        digest.update(data)
        written += len(data)
        manifest.append(_manifest_entry(i, template.entry, path))
    (out / "corpus.toml").write_text("\n".join(manifest), encoding="utf-8")
    return {"path": str(out), "bytes": written, "sources": n_sources, "sha256": digest.hexdigest()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="1MB", help="total size, e.g. 1MB, 10MB, 100MB")
    parser.add_argument("--sources", type=int, default=50, help="number of sources (10 to 10,000)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    info = make_corpus(args.out, parse_size(args.size), args.sources, args.seed)
    print(f"{info['path']}: {info['sources']} sources, {info['bytes'] / 1e6:.1f} MB, sha256 {info['sha256'][:16]}")


if __name__ == "__main__":
    main()
