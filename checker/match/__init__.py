"""Stage 4: decide which claims speak of the same thing (see blocking.py)."""
from checker.match.blocking import ClaimGroup, group_claims

__all__ = ["ClaimGroup", "group_claims"]
