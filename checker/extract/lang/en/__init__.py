"""English."""
from pathlib import Path

from checker.extract.days_alone import DayAloneRule
from checker.extract.weekdays import WeekdayRule
from checker.extract.lang.en.counts import EnglishCountRule
from checker.extract.lang.en.dates import DateRule
from checker.extract.lang.en.times import TimeRule
from checker.extract.lang.en.wordtimes import WordTimeRule
from checker.extract.numeric_dates import DAY_OR_MONTH_FIRST, NumericDateRule
from checker.extract.pack import LanguagePack
from checker.extract.zones import WireTimeRule
from checker.extract.wordnum import NumberWords

PACK = LanguagePack("en", Path(__file__).parent)
_words = NumberWords("en", extra={"a": 1, "an": 1}, connectors=["and"])
PACK.rules = [TimeRule(PACK.lexicon, _words), WordTimeRule(PACK.lexicon, _words), DateRule(PACK.lexicon), DayAloneRule(PACK.lexicon, "en"), WeekdayRule(PACK.lexicon, "en"), NumericDateRule(DAY_OR_MONTH_FIRST), EnglishCountRule(PACK.lexicon, _words), WireTimeRule()]
