"""pytest plugin (entry point `pytest11`): fixtures that load a corpus once per test run.

Fixtures: `claimcheck_corpus` (the corpus named by --claimcheck-corpus, else the bundled one),
`claimcheck_claims`, `claimcheck_findings`. Assertion helpers: `checker.testing`.
"""
from __future__ import annotations

import pytest


def pytest_addoption(parser):
    parser.addoption("--claimcheck-corpus", default=None, help="corpus folder for the claimcheck fixtures")


@pytest.fixture(scope="session")
def claimcheck_corpus(request):
    from checker.sources import load_corpus

    return load_corpus(request.config.getoption("--claimcheck-corpus"))


@pytest.fixture(scope="session")
def claimcheck_result(claimcheck_corpus):
    from checker.pipeline import run_corpus

    return run_corpus(claimcheck_corpus, jobs=1)


@pytest.fixture(scope="session")
def claimcheck_claims(claimcheck_result):
    return claimcheck_result.claims


@pytest.fixture(scope="session")
def claimcheck_findings(claimcheck_result, claimcheck_corpus):
    from checker.compare import compare_claims

    return compare_claims(claimcheck_result.claims, claimcheck_corpus.catalog)
