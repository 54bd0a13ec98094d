"""Days named without their month: "el domingo 19 los sublevados…", "la madrugada del 19",
"del 14 al 15", "on the 22nd the rebels…". The rule reports the day; the resolver puts it in
the narrative's month (checker/extract/resolve.py). Without the rule such a figure reads as a
count ("19 los sublevados").

A pack turns it on with the lexicon key `days_alone`:

    days_alone:
      leads: [el, del, al]          # words right before the day (or before its day word)
      sure_leads: [la noche del]    # leads after which the figure is a day whatever follows
      day_words: [día, domingo, …]  # words that may stand between the lead and the day
      suffixes: []                  # ordinal endings after the figure ("22nd")
      suffix_required: false
      joiners: [al, y el]           # a second day closing a span: "del 14 al 15"
      past_endings: [ó, aron]       # a verb right after the day: "el 19 cayó"
      not_after: [de, del]          # function words that may not follow the day
      month_links: [de]             # words between a day and its month ("17 de diciembre")

What may follow the day is a stop, one of the pack's `function_words` (less `not_after`), or a
past-tense verb: "el 19 de cada mes", "the 2nd Battalion", "el 25 aniversario" are no days.
"""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.common import Anchored, first_tokens, token_count
from checker.extract.found import Found
from checker.extract.months import month_pattern
from checker.extract.phrases import alternation, fold


class DayAloneRule:
    """
    >>> rule = DayAloneRule({"days_alone": {"leads": ["el", "del"], "day_words": ["domingo"], "joiners": ["al"],
    ...     "past_endings": ["ó"], "not_after": ["de"]}, "function_words": ["los", "de"]})
    >>> [(f.day, f.end_date) for f in rule("El domingo 19 los sublevados; del 14 al 15 cayó; el 25 aniversario; el 3 de cada mes.")]
    [(19, None), (14, (None, None, 15))]
    """

    def __init__(self, lexicon: dict, language: str | None = None):
        spec = lexicon.get("days_alone") or {}
        self.enabled = bool(spec.get("leads"))
        if not self.enabled:
            return
        leads = alternation(spec["leads"])
        day_words = alternation(spec.get("day_words") or [])
        suffix = alternation(spec.get("suffixes") or [])
        suffix = f"(?:{suffix})" if spec.get("suffix_required") else f"(?:{suffix})?"
        not_after = {fold(w) for w in spec.get("not_after") or []}
        followers = alternation([w for w in lexicon.get("function_words") or [] if fold(w) not in not_after])
        past = alternation(spec.get("past_endings") or [])
        # A month after the day makes a whole date, the date rule's: "la noche del martes 17 de diciembre".
        month = month_pattern(language) if language else "(?!)"
        links = alternation(spec.get("month_links") or [])
        day = rf"[0-3]?\d{suffix}(?![\d\p{{L}}])(?![.,:]\d|\.?[ºª°])"  # not "el 5.º Ejército"
        # After a part of a day ("the evening of the 22nd", "la madrugada del 19") the figure is
        # a day whatever follows it.
        sure = alternation(spec.get("sure_leads") or [])
        self.rx = regex.compile(
            rf"""(?<!\p{{L}})(?:(?P<sure>{sure})|{leads})\s+(?:(?P<word>{day_words})\s+)?(?P<d>{day})
            (?:\s+(?:{alternation(spec.get("joiners") or [])})\s+(?P<d2>{day}))?
            (?!\s+(?:(?:{links})\s+)?{month})
            (?(sure)|(?=\s*(?:[.,;:!?)»"”—–]|$)|\s+(?:{followers})(?!\p{{L}})|\s+\p{{L}}+(?:{past})(?!\p{{L}})))""",
            regex.IGNORECASE | regex.VERBOSE,
        )
        # A match holds its day's figure within a few words of its start, and opens with a lead.
        leads_all = [*spec["leads"], *(spec.get("sure_leads") or [])]
        self.scan = Anchored(self.rx, set(), token_count(leads_all) + 2, openers=first_tokens(leads_all))

    def __call__(self, text: str) -> Iterator[Found]:
        if not self.enabled:
            return
        for m in self.scan.finditer(text):
            day = int(_FIGURE.match(m.group("d")).group())
            if not 1 <= day <= 31:
                continue
            end = int(_FIGURE.match(m.group("d2")).group()) if m.group("d2") else None
            start = m.start("word") if m.group("word") else m.start("d")
            yield Found("date", start, m.end(), day=day, end_date=(None, None, end) if end and end > day else None,
                        approx="range" if end and end > day else "exact")


_FIGURE = regex.compile(r"\d+")
