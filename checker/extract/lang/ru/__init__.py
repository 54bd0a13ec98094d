"""Russian."""
from pathlib import Path

from checker.extract.lang.ru.counts import RussianCountRule
from checker.extract.lang.ru.dates import DateRule
from checker.extract.lang.ru.ordinal_times import OrdinalTimeRule
from checker.extract.lang.ru.relative import RelativeDayRule, RelativeTimeRule
from checker.extract.lang.ru.sentences import RussianPack
from checker.extract.lang.ru.times import TimeRule, TimeWords
from checker.extract.lang.ru.words import RussianNumberWords, ordinals_of
from checker.extract.numeric_dates import NumericDateRule
from checker.extract.weekdays import WeekdayRule
from checker.extract.zones import WireTimeRule

PACK = RussianPack("ru", Path(__file__).parent)
_words = RussianNumberWords(PACK.lexicon.get("number_words"))
_ordinals = ordinals_of(PACK.lexicon)
_time_words = TimeWords(PACK.lexicon, _words)
PACK.rules = [
    TimeRule(PACK.lexicon, _time_words),
    OrdinalTimeRule(PACK.lexicon, _time_words, _ordinals),
    RelativeTimeRule(PACK.lexicon, _words),
    DateRule(PACK.lexicon, _ordinals),
    NumericDateRule(None),  # year first; the day-first forms are DateRule's
    RelativeDayRule(PACK.lexicon, _words),
    WeekdayRule(PACK.lexicon, "ru"),
    WireTimeRule(),
    RussianCountRule(PACK.lexicon, _words, _ordinals),
]
