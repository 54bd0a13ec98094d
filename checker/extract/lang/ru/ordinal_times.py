"""Russian hours named by the hour under way, an ordinal: "в половине третьего" (02:30), "в
четверть третьего" (02:15), "в двадцать минут третьего ночи" (02:20), "в третьем часу ночи"
(02:00-03:00), "в начале третьего" (after 02:00); counted back from the next hour: "без
четверти три" (02:45), "без десяти минут два" (01:50); and the inverted approximation "часа в
три ночи" (about 03:00)."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.common import Anchored, first_tokens, token_count
from checker.extract.found import Found
from checker.extract.lang.ru.times import TimeWords, to_24h
from checker.extract.lang.ru.words import PAST_VERB, OrdinalWords
from checker.extract.phrases import alternation


class OrdinalTimeRule:
    """
    >>> from checker.extract.lang.ru import PACK
    >>> [f.minutes for f in PACK.rules[1]("в половине третьего, без четверти три, в четверть десятого вечера")]
    [150, 165, 1275]
    """

    _STARTS = ("half", "quarter", "past", "qto", "to", "o_in", "early", "inv")
    _OPENING_WORDS = ("half_past", "quarter_past", "half_past_after_lead", "quarter_past_after_lead", "quarter_to", "minutes_to", "early_in_hour", "hour_words")

    def __init__(self, lexicon: dict, tw: TimeWords, ordinals: OrdinalWords):
        self.tw, self.ordinals = tw, ordinals
        ord_ = ordinals.pattern
        num = rf"(?:\d{{1,2}}(?!\d)|{tw.words.short_pattern})"
        minute_words = alternation(lexicon["minute_words"])
        # What may follow an hour's ordinal: a period of the day, a stop, or a past-tense verb
        # ("в начале второго раздались выстрелы"); a noun makes it "the second" something.
        pause = rf"(?=\s*(?:{tw.period_pattern}|[,.;:)!?—–-]|$)|\s+{PAST_VERB})"
        self.rx = regex.compile(
            rf"""(?<![\p{{L}}\d]){tw.leads}
            (?:(?P<half>{alternation(lexicon['half_past'])})\s*-?\s*(?P<o_half>{ord_})
              |(?P<quarter>{alternation(lexicon['quarter_past'])})\s+(?P<o_quarter>{ord_})
              |(?P<half>{alternation(lexicon['half_past_after_lead'])})\s+(?P<o_half>{ord_}){pause}
              |(?P<quarter>{alternation(lexicon['quarter_past_after_lead'])})\s+(?P<o_quarter>{ord_}){pause}
              |(?P<qto>{alternation(lexicon['quarter_to'])})\s+(?P<h_qto>{num})(?!\s+{minute_words})
              |(?P<past>{num})\s+{minute_words}(?!\p{{L}})\s+(?P<o_past>{ord_}){pause}
              |(?P<to>{alternation(lexicon['minutes_to'])})\s+(?P<m_to>{num})\s+{minute_words}(?!\p{{L}})\s+(?P<h_to>{num})
              |(?P<o_in>{ord_})\s+{alternation(lexicon['in_hour'])}(?!\p{{L}})
              |(?P<early>{alternation(lexicon['early_in_hour'])})\s+(?P<o_early>{ord_}){pause}
              |(?P<inv>{alternation(lexicon['hour_words'])})\s+{alternation(lexicon['inverted_leads'])}\s+(?P<h_inv>{num})
            )(?:\s+(?P<per>{tw.period_pattern})(?!\p{{L}}))?""",
            regex.IGNORECASE | regex.VERBOSE,
            **tw.words.lists,
        )
        # The reading opens with one of these words, after at most two lead words ("в", "около").
        openings = [*ordinals.first_words, *(w for k in self._OPENING_WORDS for w in lexicon[k])]
        self.scan = Anchored(self.rx, first_tokens(openings), 2 * token_count(tw.lead_phrases), digits=False, openers=first_tokens(tw.lead_phrases))

    def __call__(self, text: str) -> Iterator[Found]:
        for m in self.scan.finditer(text):
            hit = self.reading(m)
            if hit is None:
                continue
            minutes, approx, low, high = hit
            if approx == "exact":
                approx = self.tw.approx(m)
            start = m.start() if approx != "exact" else m.start(next(g for g in self._STARTS if m.group(g)))
            yield Found("time", start, m.end(), approx=approx, minutes=minutes, low=low, high=high, twelve_hour=not m.group("per") and low == high and minutes < 13 * 60)

    def reading(self, m: regex.Match) -> tuple[int, str, int, int] | None:
        """(minutes, approx, low, high), or None when the words name no hour of the clock."""
        period = self.tw.period_of(m.group("per"))
        minute, approx, span = 0, "exact", 0
        ordinal = m.group("o_half") or m.group("o_quarter") or m.group("o_past") or m.group("o_in") or m.group("o_early")
        if ordinal:
            hour = self.ordinals.value(ordinal)
            if hour is None or not 1 <= hour <= 12:
                return None
            hour -= 1  # the third hour starts at 2:00
            minute = 30 if m.group("half") else 15 if m.group("quarter") else 0
            if m.group("past"):
                minute = self.tw.number(m.group("past"))
                if minute is None or minute != int(minute) or not 0 < minute < 60:
                    return None
                minute = int(minute)
            approx, span = ("range", 60) if m.group("o_in") else ("after", 0) if m.group("early") else ("exact", 0)
        elif m.group("h_qto") or m.group("h_to"):
            hour = self.tw.number(m.group("h_qto") or m.group("h_to"))
            back = 15 if m.group("qto") else self.tw.number(m.group("m_to"))
            if hour is None or back is None or not 1 <= hour <= 12 or not 0 < back < 60 or back != int(back):
                return None
            hour, minute = int(hour) - 1, 60 - int(back)
        else:
            hour, approx = self.tw.number(m.group("h_inv")), "about"
            if hour is None or hour != int(hour):
                return None
        # Hour 0 of "половина первого ночи" is midnight; in the afternoon it is noon.
        minutes = to_24h(int(hour) or (12 if period in ("night", "afternoon") else 0), minute, period)
        return None if minutes is None else (minutes, approx, minutes, minutes + span)
