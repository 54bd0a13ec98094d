"""Russian sentence ends: a full stop before a capital letter, a digit, a quote or a dash.
Abbreviations of any length ("тыс. человек", "2 час. ночи", "ст. ст.") are followed by a small
letter, so they never end a sentence."""
from __future__ import annotations

import regex

from checker.extract.pack import LanguagePack, sentence_spans

_SENTENCE_END = regex.compile(r"(?<!\b\p{L}{1,2})[.!?…][»\"'”)\]]*+(?=\s+[\p{Lu}\d«\"“(—–-])|[.!?…][»\"'”)\]]*+(?=\s*$)|\n+")


class RussianPack(LanguagePack):
    def sentences(self, text: str) -> list[tuple[int, int]]:
        """
        >>> text = "Около 2 тыс. юнкеров ушли. Дворец пал."
        >>> [text[a:b].strip() for a, b in RussianPack("ru", ".").sentences(text)]
        ['Около 2 тыс. юнкеров ушли.', 'Дворец пал.']
        """
        return sentence_spans(text, _SENTENCE_END)
