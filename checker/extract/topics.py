"""Bind each claim to what it is about: the entities and event of its sentence, and the
catalog topic those point to. Also find the catalog's categorical (choice) facts."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from checker.extract.months import month_table
from checker.extract.pack import LanguagePack, sentence_index
import regex

from checker.normalize.mentions import UNSPACED_LANGUAGES, Mention, PhraseFinder, _is_unspaced_script, latin_key
from checker.sources.catalog import Catalog


# An event cue further than this from a claim is about something else in a long sentence.
EVENT_REACH = 120
# Capitalised words not opening a sentence, joined across short particles: "Palacio de Invierno".
_NAME = regex.compile(r"(?<=[^\s.!?¿¡«\"(\[]\s+|\()\p{Lu}[\p{Ll}\p{M}'’-]{2,}+(?:\s+(?:\p{Ll}{1,3}\s+)?\p{Lu}[\p{Ll}\p{M}'’-]{2,}+)*+")


@dataclass(frozen=True)
class SentenceFacts:
    entities: tuple[Mention, ...]
    events: tuple[Mention, ...]
    names: tuple[str, ...] = ()


def proper_names(sentence: str) -> tuple[str, ...]:
    """Latin keys of the capitalised names in a sentence, its first word aside.

    >>> proper_names("Then Kerensky left the Winter Palace.")
    ('kerensky', 'winterpalace')
    """
    keys = (latin_key(m.group()) for m in _NAME.finditer(sentence))
    return tuple(sorted({k for k in keys if len(k) >= 4}))


class TopicBinder:
    """The catalog's and the pack's phrases for one language, compiled once."""

    def __init__(self, catalog: Catalog, pack: LanguagePack):
        self.catalog, self.pack = catalog, pack
        lang = pack.code
        self.unspaced = any(_is_unspaced_script(a) for e in catalog.entities.values() for a in e.aliases.get(lang, []))
        self.entities = PhraseFinder(
            ((eid, a) for eid, e in catalog.entities.items() for a in catalog.phrases(e.aliases, lang)),
            ((eid, p) for eid, e in catalog.entities.items() for p in e.patterns),
        )
        cues = [(key, c) for key, ev in catalog.events.items() for c in catalog.phrases(ev.cues, lang)]
        # The catalog knows its event better than the pack's generic words: its phrases win.
        taken = {c.casefold() for _, c in cues}
        cues += [(key, c) for key, ev in pack.event_cues.items() for c in ev.get("cues", []) if c.casefold() not in taken]
        self.events = PhraseFinder(cues)
        self.reported = {k for k, ev in catalog.events.items() if ev.reported}
        self.reported |= {k for k, ev in pack.event_cues.items() if ev.get("reported")}
        self.unspaced = self.unspaced or pack.code in UNSPACED_LANGUAGES
        self.choices = ChoiceFinder(catalog, pack)
        # English capitalises month names; they are no one's name.
        self.month_keys = {latin_key(m) for m in month_table(pack.code)}

    def facts(self, sentence: str, offset: int) -> SentenceFacts:
        shift = lambda ms: tuple(Mention(m.key, m.phrase, m.start + offset, m.end + offset) for m in ms)
        return SentenceFacts(
            shift(self.entities.find(sentence, self.unspaced)),
            shift(self.events.find(sentence, self.unspaced)),
            tuple(n for n in proper_names(sentence) if n not in self.month_keys),
        )

    def bind(self, claims: list, text: str, sentences: list[tuple[int, int]]) -> None:
        """Set entities, event, topic and topic_reason on each claim, in place."""
        which = sentence_index(sentences)
        cache: dict[int, SentenceFacts] = {}
        for claim in claims:
            i = which(claim.span[0])
            if i not in cache:
                s, e = sentences[i] if sentences else (0, len(text))
                cache[i] = self.facts(text[s:e], s)
            facts = cache[i]
            claim.entities = sorted({m.key for m in facts.entities})
            claim.names = list(facts.names)
            event = _nearest(facts.events, claim.span)
            if event is not None and _distance(event, claim.span) > EVENT_REACH:
                event = None
            if event is not None and claim.kind != "choice":
                claim.event = event.key
                claim.reported = event.key in self.reported
            if claim.topic is None:
                self._choose_topic(claim, facts, event)

    def _choose_topic(self, claim, facts: SentenceFacts, nearest: Mention | None) -> None:
        # Only the cue nearest the claim says what it is about: a long sentence tells of several.
        events = {nearest.key} if nearest is not None else set()
        entities = {m.key for m in facts.entities}
        best, best_score = None, 0
        for name, topic in self.catalog.topics.items():
            if topic.kind != claim.kind:
                continue
            hit_events = events & set(topic.events)
            hit_entities = entities & set(topic.entities)
            if topic.events and not hit_events or topic.entities and not hit_entities:
                continue
            unit = getattr(claim, "unit", None)
            if topic.units and unit not in topic.units:
                continue
            score = 2 * len(hit_events) + len(hit_entities) + (2 if topic.units else 0)
            if score > best_score:
                best, best_score = (name, hit_events, hit_entities), score
        if best is None:
            return
        name, hit_events, hit_entities = best
        claim.topic = name
        why = [f"event {nearest.key!r} by {nearest.phrase!r}"] if hit_events else []
        why += [f"entity {m.key!r} by {m.phrase!r}" for m in facts.entities if m.key in hit_entities][:2]
        if getattr(claim, "unit", None):
            why.append(f"unit {claim.unit!r}")
        claim.topic_reason = "; ".join(why) or "kind"


def _distance(m: Mention, span: tuple[int, int]) -> int:
    return max(m.start - span[1], span[0] - m.end, 0)


def _nearest(mentions: tuple[Mention, ...], span: tuple[int, int]) -> Mention | None:
    return min(mentions, key=lambda m: _distance(m, span), default=None)


class ChoiceFinder:
    """The catalog's categorical attributes for one language: a cue of one of an attribute's
    values within its window of a mention of its subject makes a choice claim."""

    def __init__(self, catalog: Catalog, pack: LanguagePack):
        lang = pack.code
        self.unspaced = lang in UNSPACED_LANGUAGES
        self.attributes = [
            (
                name,
                attr.window,
                PhraseFinder((attr.subject, a) for a in catalog.phrases(catalog.entities[attr.subject].aliases, lang)),
                PhraseFinder((v, c) for v, cues in attr.values.items() for c in catalog.phrases(cues, lang)),
            )
            for name, attr in catalog.attributes.items()
        ]

    def find(self, text: str, sentences: list[tuple[int, int]]) -> list[tuple[str, str, int, int]]:
        """(attribute, value, start, end): one claim per attribute, value and sentence."""
        which = sentence_index(sentences)
        out, seen = [], set()
        for name, window, subject_finder, value_finder in self.attributes:
            starts = [m.start for m in subject_finder.find(text, self.unspaced)]
            if not starts:
                continue
            for v in value_finder.find(text, self.unspaced):
                i = bisect.bisect_left(starts, v.start - window)
                near = i < len(starts) and starts[i] <= v.end + window
                key = (name, v.key, which(v.start))
                if near and key not in seen:
                    seen.add(key)
                    out.append((name, v.key, v.start, v.end))
        return out
