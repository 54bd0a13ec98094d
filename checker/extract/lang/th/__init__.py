"""Thai: no spaces between words, so word boundaries come from pythainlp's tokenizer and
sentences from the spaces between clauses (wordbreak.py, sentences.py); counts put the noun before the number
(counts.py); clock times are 24-hour with "น." or on the six-hour clock (clockwords.py)."""
from functools import cached_property
from pathlib import Path

from checker.extract.lang.th import sentences
from checker.extract.lang.th.clockwords import ClockWordRule
from checker.extract.lang.th.counts import ThaiCountRule
from checker.extract.lang.th.dates import DateRule, RelativeDayRule
from checker.extract.lang.th.numwords import ThaiNumberWords
from checker.extract.lang.th.tallies import TallyRule
from checker.extract.lang.th.times import RelativeTimeRule, TimeRule
from checker.extract.months import month_table
from checker.extract.pack import LanguagePack
from checker.extract.zones import WireTimeRule


class ThaiPack(LanguagePack):
    @cached_property
    def _closers(self) -> tuple[str, ...]:
        """Words that end a time or a date phrase: clock marks and month names."""
        return tuple(self.lexicon["clock_marks"]) + tuple(month_table("th", abbreviations=False))

    def sentences(self, text: str) -> list[tuple[int, int]]:
        """Clauses between spaces, short fragments and number phrases kept attached."""
        return sentences.sentences(text, self._closers, tuple(self.lexicon["clause_openers"]))


PACK = ThaiPack("th", Path(__file__).parent)
_words = ThaiNumberWords(PACK.lexicon)
PACK.rules = [
    TimeRule(PACK.lexicon),
    ClockWordRule(PACK.lexicon, _words),
    RelativeTimeRule(PACK.lexicon, _words),
    DateRule(PACK.lexicon),
    RelativeDayRule(PACK.lexicon, _words),
    TallyRule(PACK.lexicon, _words),
    ThaiCountRule(PACK.lexicon, _words),
    WireTimeRule(),
]
