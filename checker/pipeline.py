"""Run the stages over a corpus: read each source, extract its claims, then match and compare.

Sources are read one at a time (in worker processes with jobs > 1), so memory is bounded by the
largest source plus the claims, never by the whole corpus.
"""
from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field

from checker.errors import SourceReadError, stop_if_interrupted
from checker.extract import ExtractContext, extract_claims
from checker.model import Source, SourceError
from checker.sources import Corpus, SourceSpec, read_source


@dataclass
class SourceResult:
    source: Source
    claims: list = field(default_factory=list)
    error: SourceError | None = None


@dataclass
class CorpusResult:
    corpus: Corpus
    sources: list[Source]
    claims: list
    errors: list[SourceError]


def _describe(spec: SourceSpec) -> Source:
    return Source(
        id=spec.id,
        path=spec.path,
        language=spec.language,
        title=spec.title,
        origin=spec.origin,
        licence=spec.licence,
        calendar=spec.calendar,
        encoding=spec.encoding,
    )


def process_source(spec: SourceSpec, corpus: Corpus) -> SourceResult:
    """Read and extract one source; a source that cannot be read becomes an error record, and
    so does one its language pack fails on, so that one bad source never hides the others."""
    source = _describe(spec)
    # Errors name the file as the user can open it: the corpus folder as given, then the path.
    display = str(spec.file)
    try:
        read = read_source(spec.file, display, spec.encoding)
    except SourceReadError as exc:
        return SourceResult(source, error=SourceError(source=spec.id, path=spec.path, message=str(exc)))
    source.sha256, source.size = read.sha256, read.size
    ctx = ExtractContext(spec.id, spec.language, corpus.default_year, spec.calendar, corpus.catalog, time_zone=corpus.time_zone)
    try:
        claims = extract_claims(read.text, ctx)
    except Exception as exc:  # a bug in a language pack: report it with this source, go on
        error = SourceReadError(f"internal error in the {spec.language!r} language pack: {type(exc).__name__}: {exc}", path=display, hint="please report it")
        return SourceResult(source, error=SourceError(source=spec.id, path=spec.path, message=str(error)))
    source.claims = len(claims)
    return SourceResult(source, claims)


_WORKER_CORPUS: list[Corpus] = []


def _init_worker(corpus: Corpus) -> None:
    """Each worker receives the corpus (and its catalog) once, not with every source.

    Ctrl-C reaches every process of the terminal's group; workers ignore it and the main
    process, which alone reports it, stops them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
    _WORKER_CORPUS[:] = [corpus]


def _work(index: int) -> SourceResult:
    corpus = _WORKER_CORPUS[0]
    return process_source(corpus.sources[index], corpus)


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


@contextmanager
def _sigint_blocked() -> Iterator[None]:
    """Hold back SIGINT while worker processes start, so that each inherits a blocked signal
    and can ignore it before a Ctrl-C could reach it; a Ctrl-C meanwhile is delivered after."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now, not after the sources they are reading (which may take minutes)."""
    # shutdown() forgets the processes, so take them first; the executor has no public list.
    procs = list((getattr(pool, "_processes", None) or {}).values())
    for proc in procs:
        proc.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        proc.join(timeout=5)


def _in_workers(corpus: Corpus, jobs: int) -> Iterator[SourceResult]:
    """Each source's result in manifest order, from `jobs` worker processes."""
    specs = corpus.sources
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(specs)), initializer=_init_worker, initargs=(corpus,))
    try:
        with _sigint_blocked():
            # map() submits every source, which starts the workers, before it returns.
            results = pool.map(_work, range(len(specs)), chunksize=max(1, len(specs) // (jobs * 8)))
        yield from results
    except BaseException:
        _stop_pool(pool)
        raise
    pool.shutdown(wait=True)


def _in_process(corpus: Corpus) -> Iterator[SourceResult]:
    for spec in corpus.sources:
        yield process_source(spec, corpus)


def run_corpus(corpus: Corpus, jobs: int | None = None, progress: Callable[[SourceResult], None] | None = None, strict: bool = False) -> CorpusResult:
    """Every source of the corpus in manifest order, whatever the number of jobs. With
    `strict`, the first source that fails raises its SourceReadError instead."""
    jobs = default_jobs() if jobs is None else max(1, jobs)
    specs = corpus.sources
    stream = _in_process(corpus) if jobs == 1 or len(specs) <= 1 else _in_workers(corpus, jobs)
    results = []
    try:
        for r in stream:
            stop_if_interrupted()  # between sources: a lost Ctrl-C stops the run here
            if strict and r.error is not None:
                raise SourceReadError(f"{r.error.message}; stopped there (--strict)")
            results.append(r)
            if progress:
                progress(r)
    finally:
        stream.close()  # stops the workers at once when we leave early
    return CorpusResult(
        corpus=corpus,
        sources=[r.source for r in results],
        claims=[c for r in results for c in r.claims],
        errors=[r.error for r in results if r.error is not None],
    )
