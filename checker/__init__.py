"""claimcheck: compare historical sources claim by claim.

The pipeline, one subpackage a stage: sources → extract → normalize → match → compare → report.
"""
__version__ = "0.1.0"
