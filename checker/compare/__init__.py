"""Stage 5: judge each group of matched claims: agreement, calendar artefact, different
events, scope difference, discrepancy, contradiction or internal inconsistency."""
from checker.compare.findings import compare_claims
from checker.compare.verdicts import judge_pair

__all__ = ["compare_claims", "judge_pair"]
