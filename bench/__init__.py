"""Benchmarks of claimcheck: `python bench/run.py [--quick]` (see run.py)."""
