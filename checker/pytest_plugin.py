"""pytest plugin (entry point `pytest11`, active wherever claimcheck is installed): fixtures that
read a corpus once per test run.

    def test_no_contradiction_on_the_fall(claimcheck_findings, claimcheck_claims):
        assert_no_contradiction(claimcheck_findings, "outbreak_time", claims=claimcheck_claims)

Fixtures (all session-scoped): `claimcheck_corpus` (the corpus read from its folder),
`claimcheck_result` (sources, claims and unreadable sources), `claimcheck_claims`,
`claimcheck_findings`. The corpus is `--claimcheck-corpus DIR`, else the ini option
`claimcheck_corpus` (relative to the ini file), else the bundled one. Assertion helpers:
`checker.testing`; strategies: `checker.strategies`.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest


def pytest_addoption(parser):
    group = parser.getgroup("claimcheck", "claimcheck corpus fixtures")
    group.addoption("--claimcheck-corpus", default=None, metavar="DIR", help="corpus folder for the claimcheck_* fixtures (default: the bundled one)")
    group.addoption("--claimcheck-jobs", type=int, default=1, metavar="N", help="worker processes to extract the corpus with (default 1)")
    parser.addini("claimcheck_corpus", "corpus folder for the claimcheck_* fixtures, relative to the ini file", default="")


def corpus_path(config) -> Path | None:
    """The corpus folder the options name: the command line first, then the ini file; None for
    the bundled corpus."""
    given = config.getoption("--claimcheck-corpus")
    if given:
        return Path(given)
    ini = config.getini("claimcheck_corpus")
    if ini:
        base = config.inipath.parent if config.inipath else config.rootpath
        return base / ini
    return None


def pytest_report_header(config):
    path = corpus_path(config)
    if path is not None:
        return f"claimcheck corpus: {path}"
    return None


def _fail(exc) -> None:
    """A corpus that cannot be read fails its tests with claimcheck's one-line message, not a
    traceback through the fixture."""
    __tracebackhide__ = True
    pytest.fail(f"claimcheck: {exc}", pytrace=False)


@pytest.fixture(scope="session")
def claimcheck_corpus(request):
    """The corpus (checker.sources.Corpus): its folder, sources and catalog."""
    from checker.errors import ClaimcheckError
    from checker.sources import load_corpus

    try:
        return load_corpus(corpus_path(request.config))
    except ClaimcheckError as exc:
        _fail(exc)


@pytest.fixture(scope="session")
def claimcheck_result(request, claimcheck_corpus):
    """Every source read and extracted (checker.pipeline.CorpusResult): .sources, .claims,
    .errors (the sources that could not be read)."""
    from checker.pipeline import run_corpus

    # As the CLI does: the Thai segmenter must not write into $HOME.
    os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
    return run_corpus(claimcheck_corpus, jobs=request.config.getoption("--claimcheck-jobs"))


@pytest.fixture(scope="session")
def claimcheck_claims(claimcheck_result):
    """Every claim of the corpus, source by source in manifest order, in text order."""
    return claimcheck_result.claims


@pytest.fixture(scope="session")
def claimcheck_findings(claimcheck_result, claimcheck_corpus):
    """Every finding (checker.model.Finding): most serious first, as `claimcheck report` has
    them."""
    from checker.compare import compare_claims

    return compare_claims(claimcheck_result.claims, claimcheck_corpus.catalog)
