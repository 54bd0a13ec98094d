"""Run the stages over a corpus: read each source, extract its claims, then match and compare.

Sources are read one at a time (in worker processes with jobs > 1), so memory is bounded by the
largest source plus the claims, never by the whole corpus.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from checker.errors import SourceReadError
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
    """Read and extract one source; a source that cannot be read becomes an error record."""
    source = _describe(spec)
    try:
        read = read_source(spec.file, spec.path if corpus.manifest else str(spec.file), spec.encoding)
    except SourceReadError as exc:
        return SourceResult(source, error=SourceError(source=spec.id, path=spec.path, message=str(exc)))
    source.sha256, source.size = read.sha256, read.size
    ctx = ExtractContext(spec.id, spec.language, corpus.default_year, spec.calendar, corpus.catalog)
    claims = extract_claims(read.text, ctx)
    source.claims = len(claims)
    return SourceResult(source, claims)


_WORKER_CORPUS: list[Corpus] = []


def _init_worker(corpus: Corpus) -> None:
    """Each worker receives the corpus (and its catalog) once, not with every source."""
    os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
    _WORKER_CORPUS[:] = [corpus]


def _work(index: int) -> SourceResult:
    corpus = _WORKER_CORPUS[0]
    return process_source(corpus.sources[index], corpus)


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def run_corpus(corpus: Corpus, jobs: int | None = None, progress: Callable[[SourceResult], None] | None = None) -> CorpusResult:
    """Every source of the corpus in manifest order, whatever the number of jobs."""
    jobs = default_jobs() if jobs is None else max(1, jobs)
    specs = corpus.sources
    if jobs == 1 or len(specs) == 1:
        results = []
        for spec in specs:
            results.append(process_source(spec, corpus))
            if progress:
                progress(results[-1])
    else:
        with ProcessPoolExecutor(max_workers=min(jobs, len(specs)), initializer=_init_worker, initargs=(corpus,)) as pool:
            results = []
            for r in pool.map(_work, range(len(specs)), chunksize=max(1, len(specs) // (jobs * 8))):
                results.append(r)
                if progress:
                    progress(r)
    return CorpusResult(
        corpus=corpus,
        sources=[r.source for r in results],
        claims=[c for r in results for c in r.claims],
        errors=[r.error for r in results if r.error is not None],
    )
