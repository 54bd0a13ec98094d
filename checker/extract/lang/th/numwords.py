"""Thai number words: "สามพันห้าร้อย" 3500, "ยี่สิบเอ็ด" 21, "สองสาม" two or three.

number-parser has no usable Thai data, so the words come from the pack's lexicon
(`number_words`) and the value from Thai's positional rule: a digit word multiplies the
multiplier after it, "ล้าน" (a million) multiplies everything before it, and "เอ็ด" is the
one after a multiplier. Thai writes no spaces, so a run found here is a number only where the
tokenizer agrees it is whole words ("สาม" is not a number inside "สามารถ")."""
from __future__ import annotations

import regex

from checker.extract.lang.th.wordbreak import is_boundary
from checker.extract.phrases import alternation

# Longer runs are not numbers anyone writes; skipping them keeps pathological input cheap.
MAX_WORDS = 12
MILLION = 1_000_000


class ThaiNumberWords:
    """The lexicon's number words: a pattern for a run of them, its value and its bounds."""

    def __init__(self, lexicon: dict):
        table = lexicon["number_words"]
        self.digits = {w: int(v) for w, v in table["digits"].items()}
        self.multipliers = {w: int(v) for w, v in table["multipliers"].items()}
        self.after_multiplier = {w: int(v) for w, v in table.get("after_multiplier", {}).items()}
        self.tens = {w: int(v) for w, v in table.get("tens", {}).items()}
        self.values = {**self.digits, **self.multipliers, **self.after_multiplier, **self.tens}
        word = alternation(self.values)
        self.run = rf"(?:{word})++"
        # Never start inside a run: a run that fails where it starts fails everywhere in it,
        # and retrying from each of its words would be quadratic. (`run` is for a pattern
        # that has already matched something before it: "ตีสองสิบนาที".)
        self.pattern = rf"(?<!{word}){self.run}"
        self._word = regex.compile(word)
        self.scales = {w: v for w, v in self.multipliers.items() if v >= 100}

    def split(self, run: str) -> list[str]:
        """The words of a run.

        >>> from checker.extract.lang.th import PACK
        >>> ThaiNumberWords(PACK.lexicon).split("สามพันห้าร้อย")
        ['สาม', 'พัน', 'ห้า', 'ร้อย']
        """
        return [m.group() for m in self._word.finditer(run)]

    def value(self, words: list[str]) -> float | None:
        """Value of a sequence of words, None when Thai would not write it so.

        >>> from checker.extract.lang.th import PACK
        >>> w = ThaiNumberWords(PACK.lexicon)
        >>> [w.value(w.split(s)) for s in ("ยี่สิบเอ็ด", "สองล้านห้าแสน", "ร้อยห้าสิบ", "สองสาม")]
        [21.0, 2500000.0, 150.0, None]
        """
        total, group, digit = 0.0, 0.0, None
        for i, w in enumerate(words):
            if w in self.tens:
                if digit is not None:
                    return None
                group += self.tens[w]
            elif w in self.after_multiplier:
                if i == 0 or words[i - 1] not in self.multipliers and words[i - 1] not in self.tens:
                    return None
                digit = self.after_multiplier[w]
            elif w in self.digits:
                if digit is not None:
                    return None
                digit = self.digits[w]
            elif self.multipliers[w] >= MILLION:
                total = ((total + group + (digit or 0)) or 1) * self.multipliers[w]
                group, digit = 0.0, None
            else:
                group += (1 if digit is None else digit) * self.multipliers[w]
                digit = None
        return float(total + group + (digit or 0)) if words else None

    def bounds(self, words: list[str]) -> tuple[float, float] | None:
        """(low, high) of a run; two digit words in a row, one apart, are a vague range.

        >>> from checker.extract.lang.th import PACK
        >>> w = ThaiNumberWords(PACK.lexicon)
        >>> w.bounds(w.split("สามสี่ร้อย")), w.bounds(w.split("สองสาม")), w.bounds(w.split("ห้าพัน"))
        ((300.0, 400.0), (2.0, 3.0), (5000.0, 5000.0))
        """
        for i in range(len(words) - 1):
            a, b = self.digits.get(words[i]), self.digits.get(words[i + 1])
            if a is not None and b is not None:
                if b != a + 1:
                    return None
                low, high = self.value(words[: i + 1] + words[i + 2 :]), self.value(words[:i] + words[i + 1 :])
                return (low, high) if low is not None and high is not None else None
        v = self.value(words)
        return None if v is None else (v, v)

    def whole_run(self, text: str, start: int, end: int) -> int | None:
        """End of the longest run of whole words from `start` within [start, end), or None:
        the tokenizer decides where Thai words end ("ห้าม" is not "ห้า").

        >>> from checker.extract.lang.th import PACK
        >>> w = ThaiNumberWords(PACK.lexicon)
        >>> w.whole_run("ห้าร้อยคน", 0, 7), w.whole_run("สามารถ", 0, 3)
        (7, None)
        """
        words = self.split(text[start:end])
        if not words or len(words) > MAX_WORDS or not is_boundary(text, start):
            return None
        stop = end
        while words:
            if is_boundary(text, stop):
                return stop
            stop -= len(words.pop())
        return None
