"""The command line: a thin shell over the pipeline stages. Heavy modules load inside the
commands so that `claimcheck --help` starts fast."""
from __future__ import annotations

import json
import os
import signal
import sys
import threading
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from checker import __version__
from checker.errors import ClaimcheckError, Interrupted, request_interrupt, stop_if_interrupted

os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Compare historical sources claim by claim.\n\nExample: claimcheck report  (the bundled October 1917 corpus, into reports/)",
)
_DEBUG = {"on": False}


class Fmt(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class FailOn(str, Enum):
    contradiction = "contradiction"
    discrepancy = "discrepancy"


def _version(value: bool):
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
    debug: bool = typer.Option(False, "--debug", help="Show a traceback on errors."),
):
    _DEBUG["on"] = debug


def _corpus(path: Optional[Path]):
    from checker.sources import load_corpus

    return load_corpus(path)


def _progress(total: int, label: str):
    """A rich progress bar on stderr for runs of many sources; a no-op otherwise."""
    if total < 20 or not sys.stderr.isatty():
        return None, None
    from rich.progress import Progress

    bar = Progress(transient=True)
    task = bar.add_task(label, total=total)
    return bar, lambda _r: bar.advance(task)


def _run(corpus, jobs, strict: bool = False):
    from checker.pipeline import run_corpus

    bar, tick = _progress(len(corpus.sources), "extracting")
    if bar is None:
        return run_corpus(corpus, jobs, strict=strict)
    with bar:
        return run_corpus(corpus, jobs, tick, strict=strict)


def _dump(rows: list[dict], fmt: Fmt, columns: list[str]) -> None:
    if fmt is Fmt.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    elif fmt is Fmt.jsonl:
        for r in rows:
            typer.echo(json.dumps(r, ensure_ascii=False))
    else:
        widths = {c: min(60, max([len(c)] + [len(str(r.get(c, ""))) for r in rows])) for c in columns}
        typer.echo("  ".join(c.ljust(widths[c]) for c in columns))
        for r in rows:
            typer.echo("  ".join(str(r.get(c, ""))[: widths[c]].ljust(widths[c]) for c in columns))


@app.command()
def sources(
    corpus: Optional[Path] = typer.Argument(None, help="Corpus folder (default: the bundled one)."),
    format: Fmt = typer.Option(Fmt.table, "--format", "-f"),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Worker processes (default: the cores)."),
):
    """List a corpus's sources: id, path, language, title, SHA-256, size, claims.

    Example: claimcheck sources claims/october-1917 --format json
    """
    result = _run(_corpus(corpus), jobs)
    rows = [{**s.model_dump(), "path": str(result.corpus.root / s.path)} for s in result.sources]
    errors = {e.source: e.message for e in result.errors}
    for r in rows:
        if r["id"] in errors:
            r["error"] = errors[r["id"]]
    _dump(rows, format, ["id", "language", "title", "claims", "size", "sha256", "error"] if errors else ["id", "language", "title", "claims", "size", "sha256"])
    _report_errors(result.errors)


def _report_errors(errors, where: str = "") -> None:
    """One line on stderr for each source that could not be read, then exit 1."""
    for e in errors:
        typer.echo(f"claimcheck: error: {e.message}{where}", err=True)
    if errors:
        raise typer.Exit(1)


@app.command()
def extract(
    paths: Optional[list[Path]] = typer.Argument(None, help="A corpus folder, or text files (with --lang)."),
    lang: Optional[str] = typer.Option(None, "--lang", "-l", help="Language of text files or --text (e.g. es)."),
    text: Optional[str] = typer.Option(None, "--text", "-t", help="Extract from this text instead of files."),
    source: Optional[list[str]] = typer.Option(None, "--source", "-s", help="Only these source ids."),
    kind: Optional[list[str]] = typer.Option(None, "--kind", "-k", help="Only these kinds: time, date, count, choice."),
    format: Fmt = typer.Option(Fmt.table, "--format", "-f"),
    default_year: Optional[int] = typer.Option(None, "--year", help="Year for dates written without one (--text and files)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Worker processes (default: the cores)."),
):
    """Extract typed claims (times, dates, counts, choices).

    Examples: claimcheck extract --format json;  claimcheck extract --text "a las 2:10 a. m." --lang es

    A date of --text with no year anywhere is shown as --MM-DD (e.g. --10-26); --year places it.
    """
    from checker.model import KINDS

    bad = [k for k in kind or [] if k not in KINDS]
    if bad:
        raise ClaimcheckError(f"unknown kind {bad[0]!r}", hint=f"use one of {', '.join(KINDS)}")
    errors = []
    if text is not None:
        from checker.extract import ExtractContext, extract_claims
        from checker.extract.lang import available_languages, has_pack

        if not lang or not has_pack(lang):
            raise ClaimcheckError(f"--text needs --lang with a language pack (got {lang!r})", hint=f"e.g. --lang es; packs: {', '.join(available_languages())}")
        claims = extract_claims(text, ExtractContext("text", lang, default_year, keep_yearless=True))
        _note_yearless(claims)
    else:
        from checker.sources import plain_files_corpus

        if paths and all(p.is_file() for p in paths):
            corpus = plain_files_corpus(list(paths), lang)
            corpus.default_year = default_year
        elif paths and len(paths) > 1:
            raise ClaimcheckError("give one corpus folder, or only text files", path=str(paths[1]), hint="e.g. claimcheck extract corpus/ or claimcheck extract a.txt b.txt --lang en")
        else:
            corpus = _corpus(paths[0] if paths else None)
        if source:
            known = {s.id for s in corpus.sources}
            missing = [s for s in source if s not in known]
            if missing:
                raise ClaimcheckError(f"no source {missing[0]!r} in the corpus", path=corpus.manifest or None, hint=f"known: {', '.join(sorted(known))}")
            corpus.sources = [s for s in corpus.sources if s.id in source]
        result = _run(corpus, jobs)
        claims, errors = result.claims, result.errors
    rows = [c.model_dump(mode="json") for c in claims if not kind or c.kind in kind]
    for r in rows:
        if isinstance(r.get("value"), dict) and format is Fmt.table:
            lo, hi = r["value"]["low"], r["value"]["high"]
            r["value"] = _bound(lo) if lo == hi and lo is not None else f"{_bound(lo)}..{_bound(hi)}"
    _dump(rows, format, ["source", "kind", "value", "approx", "quote", "topic"])
    _report_errors(errors)


def _bound(x) -> str:
    """A count bound for the table: 50000000000, not 5e+10; an open end is empty.

    >>> _bound(50000000000), _bound(1.5), _bound(None)
    ('50000000000', '1.5', '')
    """
    return "" if x is None else str(x)


def _note_yearless(claims) -> None:
    """Say on stderr that some dates have no year, so "--10-26" is not taken for an error."""
    n = sum(1 for c in claims if c.kind == "date" and not c.has_year)
    if n:
        typer.echo(
            f"claimcheck: note: {n} date{'s' if n > 1 else ''} without a year, shown as --MM-DD; "
            "give --year YYYY to place them in a year",
            err=True,
        )


@app.command()
def report(
    corpus: Optional[Path] = typer.Argument(None, help="Corpus folder (default: the bundled one)."),
    out: Path = typer.Option(Path("reports"), "--out", "-o", help="Folder to write the report into."),
    strict: bool = typer.Option(False, "--strict", help="Stop on the first source that cannot be read."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Worker processes (default: the cores)."),
):
    """Write the HTML historiography report, report.json and claims.csv.

    Example: claimcheck report claims/october-1917 --out reports/
    """
    from checker.compare import compare_claims
    from checker.report import write_report
    from checker.report.write import check_output

    c = _corpus(corpus)
    check_output(out)  # before minutes of reading, not after
    result = _run(c, jobs, strict)
    findings = compare_claims(result.claims, c.catalog)
    index = write_report(result, findings, out)
    typer.echo(f"{len(result.sources)} sources, {len(result.claims)} claims, {len(findings)} findings -> {index}")
    _report_errors(result.errors, "; listed under errors in the report")


@app.command()
def check(
    corpus: Optional[Path] = typer.Argument(None, help="Corpus folder (default: the bundled one)."),
    fail_on: FailOn = typer.Option(FailOn.contradiction, "--fail-on", help="The least serious finding that fails the check."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="JSON or text file of accepted finding ids."),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", help="Accept every current finding into this file."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j"),
):
    """Exit 1 when a finding at --fail-on level or worse is not in the baseline (for CI);
    exit 2 when a source, the corpus or the baseline cannot be read; else 0.

    Example: claimcheck check --fail-on discrepancy --baseline known-findings.json
    """
    from checker.check import run_check

    code, summary = run_check(_corpus(corpus), fail_on.value, baseline, write_baseline, jobs)
    typer.echo(summary)
    raise typer.Exit(code)


def _interrupt(signum, frame):
    request_interrupt()
    raise Interrupted()


def _quiet_lost_interrupt(unraisable) -> None:
    """Python prints an exception it cannot raise (one from inside a __del__) as "Exception
    ignored in…": for our Interrupted it says nothing, as the flag it set stops the run."""
    if not isinstance(unraisable.exc_value, Interrupted):
        sys.__unraisablehook__(unraisable)


def main() -> None:
    """Entry point: project errors become one line and exit 2; Ctrl-C exits 130 with one line,
    never a traceback (--debug shows one for errors)."""
    main_thread = threading.current_thread() is threading.main_thread()
    # Our own exception, not KeyboardInterrupt, which click turns into a blank line.
    previous = signal.signal(signal.SIGINT, _interrupt) if main_thread else None
    sys.unraisablehook = _quiet_lost_interrupt
    try:
        _main()
    finally:
        if main_thread:
            signal.signal(signal.SIGINT, previous)


def _main() -> None:
    try:
        # Without standalone mode click returns a command's typer.Exit code instead of exiting.
        code = app(standalone_mode=False)
        stop_if_interrupted()  # a Ctrl-C whose exception was lost still ends the run with 130
        if isinstance(code, int) and code:
            sys.exit(code)
    except ClaimcheckError as exc:
        if _DEBUG["on"]:
            raise
        typer.echo(f"claimcheck: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except (Interrupted, KeyboardInterrupt):
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C while leaving
        typer.echo("claimcheck: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(141)  # the reader of our output went away (`claimcheck extract | head`)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("claimcheck: aborted", err=True)
        sys.exit(130)
    except Exception as exc:  # click usage errors and the like
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        if _DEBUG["on"]:
            raise
        typer.echo(f"claimcheck: internal error: {type(exc).__name__}: {exc} (run with --debug for details)", err=True)
        sys.exit(3)


def _silence_stdout() -> None:
    """Point stdout at /dev/null: Python flushes it again at exit and would complain that the
    pipe is broken."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
