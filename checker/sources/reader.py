"""Read one source file into text, refusing what is not text with a clear reason."""
from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from checker.errors import SourceReadError


@dataclass(frozen=True)
class SourceText:
    text: str
    sha256: str
    size: int


def _guess_encoding(data: bytes) -> str | None:
    """Name the encoding the bytes most likely use (charset-normalizer), or None."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    return best.encoding if best else None


def decode(data: bytes, path: str, encoding: str = "utf-8") -> str:
    """Decode a source's bytes exactly: no newline or Unicode normalization, so spans index the
    text as read. A UTF-8 BOM stays in the text as U+FEFF.

    >>> decode("Día".encode(), "a.txt")
    'Día'
    """
    if not data:
        raise SourceReadError("the file is empty", path=path, hint="add text or remove it from corpus.toml")
    if b"\x00" in data[:8192] and not encoding.lower().startswith("utf-16"):
        raise SourceReadError("this is a binary file, not text", path=path, hint="point the manifest at a .txt file")
    try:
        return data.decode(encoding)
    except LookupError:
        raise SourceReadError(f"unknown encoding {encoding!r}", path=path, hint="use a Python codec name such as 'cp1251'")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        if codecs.lookup(encoding).name != "utf-8":
            raise SourceReadError(f"not valid {encoding} at byte {exc.start}", path=path, line=line)
        guess = _guess_encoding(data)
        hint = (
            f"it looks like {guess}: convert it with `iconv -f {guess} -t utf-8` or set encoding = \"{guess}\" for this source in corpus.toml"
            if guess
            else "convert it to UTF-8, or set encoding = \"...\" for this source in corpus.toml"
        )
        raise SourceReadError(f"not valid UTF-8 at byte {exc.start}", path=path, line=line, hint=hint)


def read_source(path: Path, display: str, encoding: str = "utf-8") -> SourceText:
    """Read and decode one file; `display` is the name errors show."""
    if not path.exists():
        raise SourceReadError("the file does not exist", path=display, hint="fix the path in corpus.toml")
    if path.is_dir():
        raise SourceReadError("this is a folder, not a file", path=display)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceReadError(f"cannot be read: {exc.strerror or exc}", path=display)
    return SourceText(decode(data, display, encoding), hashlib.sha256(data).hexdigest(), len(data))
