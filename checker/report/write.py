"""Write the report folder atomically: everything goes to a temporary folder beside the target,
which then replaces the old report in one rename, so an interrupted run never leaves half a
report."""
from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
import signal
import sys
import tempfile
import threading
from pathlib import Path

from checker.errors import OutputError, stop_if_interrupted
from checker.model import Report


def build_report(result, findings) -> Report:
    """The report.json model: every source, error, claim and finding."""
    return Report(
        corpus=result.corpus.describe(),
        sources=result.sources,
        errors=result.errors,
        claims=result.claims,
        discrepancies=findings,
        topics={k: {"label": t.label, "kind": t.kind} for k, t in result.corpus.catalog.topics.items()}
        | {k: {"label": a.label, "kind": "choice"} for k, a in result.corpus.catalog.attributes.items()},
    )


def claims_csv(claims) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    # A time's day and clock go last, so that the columns before keep their places.
    w.writerow(["id", "source", "language", "kind", "topic", "value", "approx", "calendar", "gregorian", "start", "end", "quote", "day", "zone", "utc_offset"])
    for c in claims:
        value = c.value.model_dump_json() if c.kind == "count" else c.value
        offset = getattr(c, "utc_offset", None)
        w.writerow([
            c.id, c.source, c.language, c.kind, c.topic or "", value, c.approx, getattr(c, "calendar", ""), getattr(c, "gregorian", "") or "",
            c.span[0], c.span[1], c.quote, getattr(c, "date", "") or "", getattr(c, "zone", "") or "", "" if offset is None else offset,
        ])
    return buf.getvalue()


def _blocking_file(out: Path) -> Path | None:
    """The first part of `out` (itself or a parent) that exists but is not a folder.

    >>> import tempfile; d = Path(tempfile.mkdtemp()); (d / "f").write_text("x")
    1
    >>> _blocking_file(d / "f" / "rep") == d / "f", _blocking_file(d / "new" / "rep")
    (True, None)
    """
    for part in (out, *out.parents):
        if part.exists() or part.is_symlink():
            return None if part.is_dir() else part
    return None


def check_output(out: Path) -> None:
    """Fail early, before any source is read, when the report folder cannot be written: a
    file in the way, or a parent folder that cannot be created or written to."""
    out = Path(out)
    blocker = _blocking_file(out)
    if blocker is not None:
        what = "the report folder" if blocker == out else f"the report folder {out}"
        raise OutputError(f"is a file, not a folder, so {what} cannot be written there", path=str(blocker), hint="choose another folder with --out")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder: {exc.strerror or exc}", path=str(out.parent), hint="choose another folder with --out")
    if not os.access(out.parent, os.W_OK | os.X_OK):
        raise OutputError("this folder is not writable", path=str(out.parent), hint="choose another folder with --out, or change its permissions")
    _probe(out)


def _probe(out: Path) -> None:
    """Create and remove one temporary folder beside `out`: os.access says yes to root on a
    read-only mount or a pseudo-filesystem (/sys), where only trying tells."""
    try:
        Path(tempfile.mkdtemp(prefix=_temp_prefix(out), dir=out.parent)).rmdir()
    except OSError as exc:
        raise OutputError(f"this folder is not writable: {exc.strerror or exc}", path=str(out.parent), hint="choose another folder with --out, or change its permissions")


_TMP_TAG = ".tmp-"


def _temp_prefix(out: Path, pid: int | None = None) -> str:
    """The name prefix of this process's temporary report folders beside `out`.

    >>> _temp_prefix(Path("reports"), 42)
    '.reports.tmp-42-'
    """
    return f".{out.name}{_TMP_TAG}{os.getpid() if pid is None else pid}-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _remove_stale_temps(out: Path) -> None:
    """Delete temporary folders left beside `out` by runs that were killed outright (SIGKILL,
    power loss); a folder of a process still running is left alone."""
    marker = f".{out.name}{_TMP_TAG}"
    try:
        siblings = list(out.parent.iterdir())
    except OSError:
        return
    for p in siblings:
        rest = p.name[len(marker):] if p.name.startswith(marker) else ""
        pid = rest.split("-", 1)[0]
        if not (pid.isdigit() and not _alive(int(pid)) and (p.is_dir() or p.is_symlink())):
            continue
        if rest.endswith("-old") and not (out.exists() or out.is_symlink()):
            # Killed between the two renames of a swap: this is the previous report.
            os.replace(p, out)
        elif p.is_symlink():
            p.unlink()
        else:
            shutil.rmtree(p, ignore_errors=True)


def write_report(result, findings, out: Path) -> Path:
    """Render into a temporary sibling of `out`, then swap it into place. Returns index.html.

    Whatever stops the writing (an error, Ctrl-C) removes the temporary folder and leaves the
    previous report as it was."""
    from checker.report.html import render_site

    out = Path(out)
    check_output(out)
    report = build_report(result, findings)
    _remove_stale_temps(out)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=_temp_prefix(out), dir=out.parent))
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror or exc}", path=str(out), hint="choose another folder with --out")
    try:
        (tmp / "report.json").write_text(report.model_dump_json(indent=1), encoding="utf-8")
        (tmp / "claims.csv").write_text(claims_csv(result.claims), encoding="utf-8")
        render_site(report, result.corpus, tmp)
        _swap_into_place(tmp, out)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise OutputError(f"cannot write the report: {exc.strerror or exc}", path=_final_name(exc, tmp, out), hint="check the free space and permissions there")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out / "index.html"


def _final_name(exc: OSError, tmp: Path, out: Path) -> str:
    """The file an error names, as the user will look for it: a file of the temporary folder
    under its final name in `out`.

    >>> _final_name(OSError(28, "full", "/r/.site.tmp-1-x/claims.csv"), Path("/r/.site.tmp-1-x"), Path("/r/site"))
    '/r/site/claims.csv'
    """
    name = getattr(exc, "filename", None)
    if not isinstance(name, (str, os.PathLike)):
        return str(out)
    try:
        return str(out / Path(name).relative_to(tmp))
    except ValueError:
        return str(name)


@contextlib.contextmanager
def _no_sigint():
    """Hold a Ctrl-C back for the two renames that swap the report, so it cannot fall between
    them and leave no report at all; it is delivered right after."""
    main = threading.current_thread() is threading.main_thread()
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}) if main and hasattr(signal, "pthread_sigmask") else None
    try:
        yield
    finally:
        if old is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _swap_into_place(tmp: Path, out: Path) -> None:
    """Replace `out` by `tmp`. Where the system can (Linux's renameat2), the two folders are
    exchanged in one step, so there is no moment without a report; elsewhere the old report
    moves aside, the new one in (put back if that fails), and a run killed between the two is
    repaired by the next (_remove_stale_temps). The old report, now at `tmp` or aside, goes."""
    if out.exists() and not out.is_dir():
        raise OutputError("exists and is not a folder", path=str(out), hint="choose another folder with --out")
    os.chmod(tmp, 0o755)
    stop_if_interrupted()  # never put a report in place after a Ctrl-C, even one whose exception was lost
    with _no_sigint():
        old = None
        if not (out.exists() or out.is_symlink()):
            os.replace(tmp, out)
        elif _exchange(tmp, out):
            old = tmp
        else:
            old = out.with_name(f"{_temp_prefix(out)}old")
            os.replace(out, old)
            try:
                os.replace(tmp, out)
            except BaseException:
                os.replace(old, out)
                raise
    if old is not None and old.is_symlink():
        old.unlink()  # `out` was a link to a folder: the link is replaced, its target kept
    elif old is not None:
        shutil.rmtree(old, ignore_errors=True)


_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (renameat2 with RENAME_EXCHANGE); False where the C library,
    the kernel or the file system cannot, so that the caller falls back to two renames.

    >>> import tempfile; d = Path(tempfile.mkdtemp()); (d / "a").mkdir(); (d / "b").write_text("b")
    1
    >>> _exchange(d / "a", d / "b") in (True, False)
    True
    """
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):  # a C library older than glibc 2.28, or musl
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0
