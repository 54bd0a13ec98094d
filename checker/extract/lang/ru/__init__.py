"""Language pack: ru (first cut: digit counts only; times and dates to come)."""
from pathlib import Path

from checker.extract.common import CountRule
from checker.extract.pack import LanguagePack
from checker.extract.wordnum import NumberWords

PACK = LanguagePack("ru", Path(__file__).parent)
PACK.rules = [CountRule(PACK.lexicon, NumberWords("ru"))]
