"""Stage 6: the static HTML historiography report, report.json and claims.csv."""
from checker.report.write import build_report, write_report

__all__ = ["build_report", "write_report"]
