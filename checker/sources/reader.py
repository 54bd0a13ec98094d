"""Read one source file into text, refusing what is not text with a clear reason."""
from __future__ import annotations

import codecs
import hashlib
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path

from checker.errors import SourceReadError


@dataclass(frozen=True)
class SourceText:
    text: str
    sha256: str
    size: int


# Files people mistake for text, by their first bytes: (magic, what it is, what to do).
_NOT_TEXT = (
    (b"%PDF-", "a PDF document", "extract its text first, e.g. `pdftotext file.pdf file.txt`"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt/.epub document)", "save the document as plain text (.txt, UTF-8)"),
    (b"{\\rtf", "an RTF document", "save the document as plain text (.txt, UTF-8)"),
    (b"\x89PNG", "a PNG image", "OCR it into a .txt file first"),
    (b"\xff\xd8\xff", "a JPEG image", "OCR it into a .txt file first"),
    (b"GIF8", "a GIF image", "OCR it into a .txt file first"),
    (b"\x1f\x8b", "a gzip-compressed file", "decompress it first (`gunzip`)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document", "save the document as plain text (.txt, UTF-8)"),
)
_UTF16_32_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _guess_encoding(data: bytes) -> str | None:
    """Name the encoding the bytes most likely use (charset-normalizer), or None.

    >>> _guess_encoding("Штурм Зимнего дворца начался в 2 часа 10 минут ночи 26 октября 1917 года. "
    ...                 "Временное правительство было арестовано.".encode("cp1251"))
    'cp1251'
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    return best.encoding if best else None


def is_text_encoding(name: str) -> bool:
    """Whether Python can decode bytes to text with this codec name.

    >>> is_text_encoding("cp1251"), is_text_encoding("klingon"), is_text_encoding("base64")
    (True, False, False)
    """
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError):
        return False
    # Codecs such as base64 or rot13 exist but turn bytes into bytes, not text.
    return getattr(info, "_is_text_encoding", True)


def _is_utf8(encoding: str) -> bool:
    """Whether a codec name means plain UTF-8 (BOM kept as U+FEFF).

    >>> _is_utf8("UTF8"), _is_utf8("utf-8-sig"), _is_utf8("cp1251")
    (True, False, False)
    """
    return codecs.lookup(encoding).name == "utf-8"


def _refuse_non_text(data: bytes, path: str, encoding: str) -> None:
    """Raise for bytes that are plainly not text in `encoding`: empty, a known binary format,
    UTF-16/32 read as UTF-8, or NUL bytes.

    >>> _refuse_non_text(b"%PDF-1.7 ...", "a.txt", "utf-8")
    Traceback (most recent call last):
    checker.errors.SourceReadError: a.txt: this is a PDF document, not plain text (extract its text first, e.g. `pdftotext file.pdf file.txt`)
    """
    if not data:
        raise SourceReadError("the file is empty", path=path, hint="add text or remove it from corpus.toml")
    wide = codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    if not wide:
        for bom, name in _UTF16_32_BOMS:
            if data.startswith(bom):
                raise SourceReadError(
                    f"this is {name.upper()} text, not {encoding}",
                    path=path,
                    hint=f"set encoding = \"{name}\" for this source in corpus.toml, or convert it with `iconv -f {name} -t utf-8`",
                )
    for magic, what, todo in _NOT_TEXT:
        if data.startswith(magic):
            raise SourceReadError(f"this is {what}, not plain text", path=path, hint=todo)
    if not wide and b"\x00" in data[:8192]:
        raise SourceReadError("this is a binary file, not text", path=path, hint="point the manifest at a plain-text (.txt) file")


def decode(data: bytes, path: str, encoding: str = "utf-8") -> str:
    """Decode a source's bytes exactly: no newline or Unicode normalization, so spans index the
    text as read. A UTF-8 BOM stays in the text as U+FEFF; CRLF and CR stay as they are.

    >>> decode("Día\\r\\n".encode(), "a.txt")
    'Día\\r\\n'
    """
    if not is_text_encoding(encoding):
        raise SourceReadError(f"unknown encoding {encoding!r}", path=path, hint="use a Python codec name such as 'utf-8' or 'cp1251'")
    _refuse_non_text(data, path, encoding)
    try:
        with warnings.catch_warnings():
            # 'unicode_escape' warns of escapes it does not know ("\\q"); the text stands as written.
            warnings.simplefilter("ignore", DeprecationWarning)
            text = data.decode(encoding)
    except UnicodeError as exc:  # a few codecs ('idna', 'undefined') raise the base class
        start = getattr(exc, "start", 0)
        line = data[:start].count(b"\n") + 1
        if not isinstance(exc, UnicodeDecodeError):
            raise SourceReadError(f"cannot be decoded as {encoding}: {exc}", path=path, hint="check the encoding named in corpus.toml")
        if not _is_utf8(encoding):
            raise SourceReadError(f"not valid {encoding} at byte {start}", path=path, line=line, hint="check the encoding named in corpus.toml")
        guess = _guess_encoding(data)
        hint = (
            f"it looks like {guess}: convert it with `iconv -f {guess} -t utf-8` or set encoding = \"{guess}\" for this source in corpus.toml"
            if guess and not _is_utf8(guess)
            else "convert it to UTF-8, or set encoding = \"...\" for this source in corpus.toml"
        )
        raise SourceReadError(f"not valid UTF-8 at byte {start}", path=path, line=line, hint=hint)
    if not text.strip():
        raise SourceReadError("the file holds only white space", path=path, hint="add text or remove it from corpus.toml")
    return text


def _read_bytes(path: Path, display: str) -> bytes:
    """The bytes of a regular file; anything else (missing, a folder, a FIFO, a device, no
    permission) is a SourceReadError. A FIFO would block forever, so it is never opened."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise SourceReadError("the file does not exist", path=display, hint="fix the path in corpus.toml")
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        raise SourceReadError(f"cannot be read: {getattr(exc, 'strerror', None) or exc}", path=display, hint="check the path and its permissions")
    if stat.S_ISDIR(st.st_mode):
        raise SourceReadError("this is a folder, not a file", path=display, hint="point the manifest at a text file inside it")
    if not stat.S_ISREG(st.st_mode):
        raise SourceReadError("this is not a regular file (a pipe, socket or device)", path=display, hint="point the manifest at a text file")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SourceReadError(f"cannot be read: {exc.strerror or exc}", path=display, hint="check its permissions (chmod +r)")


def read_source(path: Path, display: str, encoding: str = "utf-8") -> SourceText:
    """Read and decode one file; `display` is the name errors show."""
    data = _read_bytes(path, display)
    return SourceText(decode(data, display, encoding), hashlib.sha256(data).hexdigest(), len(data))
