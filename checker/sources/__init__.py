"""Stage 1: find a corpus, read its manifest and catalog, and read each source's text."""
from checker.sources.corpus import Corpus, SourceSpec, bundled_corpus_path, load_corpus, plain_files_corpus
from checker.sources.reader import read_source

__all__ = ["Corpus", "SourceSpec", "bundled_corpus_path", "load_corpus", "plain_files_corpus", "read_source"]
