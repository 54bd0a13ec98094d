"""Stage 5: judge each group of matched claims: agreement, calendar artefact, different
events, scope difference, discrepancy, contradiction or internal inconsistency."""
from checker.compare.verdicts import compare_claims, judge_pair

__all__ = ["compare_claims", "judge_pair"]
