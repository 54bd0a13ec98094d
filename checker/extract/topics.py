"""Bind each claim to what it is about: the entities and event of its sentence, and the
catalog topic those point to. Also find the catalog's categorical (choice) facts."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from checker.extract.months import month_table
from checker.extract.pack import LanguagePack, sentence_index
import regex

from checker.normalize.mentions import UNSPACED_LANGUAGES, AliasIndex, Mention, PhraseFinder, _is_unspaced_script, latin_key
from checker.sources.catalog import Catalog


# An event cue or an entity further than this from a claim is about something else in a long
# sentence; in scripts without spaces a character carries more, so the reach is shorter.
EVENT_REACH = {"spaced": 120, "unspaced": 60}
ENTITY_REACH = {"spaced": 100, "unspaced": 50}
# A plan or a demand this close before an event cue ("a plan to seize power") unmakes it.
IRREALIS_GAP = 12
# Capitalised words not opening a sentence, joined across short particles: "Palacio de Invierno".
_NAME = regex.compile(r"(?<=[^\s.!?¿¡«\"(\[]\s+|\()\p{Lu}[\p{Ll}\p{M}'’-]{2,}+(?:\s+(?:\p{Ll}{1,3}\s+)?\p{Lu}[\p{Ll}\p{M}'’-]{2,}+)*+")


@dataclass(frozen=True)
class SentenceFacts:
    entities: tuple[Mention, ...]
    events: "NearestCue"


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
        # The catalog knows its event better than the pack's generic words: where it names an
        # event's cues in this language, the pack's words for that event are not used.
        named, taken = {key for key, _ in cues}, {c.casefold() for _, c in cues}
        cues += [
            (key, c)
            for key, ev in pack.event_cues.items() if key not in named
            for c in ev.get("cues", []) if c.casefold() not in taken
        ]
        self.events = PhraseFinder(cues)
        self.aliases = AliasIndex({eid: [a for names in e.aliases.values() for a in names] for eid, e in catalog.entities.items()})
        self.irrealis = PhraseFinder(("irrealis", w) for w in pack.lexicon.get("irrealis") or [])
        self.reported = {k for k, ev in catalog.events.items() if ev.reported}
        self.reported |= {k for k, ev in pack.event_cues.items() if ev.get("reported")}
        self.unspaced = self.unspaced or pack.code in UNSPACED_LANGUAGES
        spacing = "unspaced" if self.unspaced else "spaced"
        self.event_reach, self.entity_reach = EVENT_REACH[spacing], ENTITY_REACH[spacing]
        self.choices = ChoiceFinder(catalog, pack)
        # English capitalises month names; they are no one's name.
        self.month_keys = {latin_key(m) for m in month_table(pack.code)}
        # Each kind's topics in catalog order, their lists as sets: built once, not per claim.
        self.topics: dict[str, list[tuple[str, frozenset, frozenset, frozenset]]] = {}
        for name, topic in catalog.topics.items():
            self.topics.setdefault(topic.kind, []).append((name, frozenset(topic.events), frozenset(topic.entities), frozenset(topic.units)))

    def facts(self, text: str, start: int, end: int) -> SentenceFacts:
        """The event cues and entities of the sentence text[start:end]."""
        events = self.events.find(text, self.unspaced, start, end)
        if events:
            events = happenings(events, self.irrealis.find(text, self.unspaced, start, end))
        cues = NearestCue(events, text[start:end] if events else "", start)
        return SentenceFacts(tuple(self.entities.find(text, self.unspaced, start, end)), cues)

    def bind(self, claims: list, text: str, sentences: list[tuple[int, int]]) -> None:
        """Set entities, names, event, topic and topic_reason on each claim, in place.

        Only what stands near the claim in its sentence counts: the nearest event cue within
        the event reach, the entities within the entity reach of the claim or of that cue, and
        the proper names in the same stretch of text.
        """
        which = sentence_index(sentences)
        cache: dict[int, SentenceFacts] = {}
        for claim in claims:
            i = which(claim.span[0])
            s, e = sentences[i] if sentences else (0, len(text))
            if i not in cache:
                cache[i] = self.facts(text, s, e)
            facts = cache[i]
            event = facts.events.nearest(claim.span)
            if event is not None and _distance(event, claim.span) > self.event_reach:
                event = None
            anchors = [claim.span] + ([(event.start, event.end)] if event is not None else [])
            near = tuple(m for m in facts.entities if min(_distance(m, a) for a in anchors) <= self.entity_reach)
            lo = max(s, min(a[0] for a in anchors) - self.entity_reach)
            hi = min(e, max(a[1] for a in anchors) + self.entity_reach)
            claim.names = [n for n in proper_names(text[lo:hi]) if n not in self.month_keys]
            near += self._named(claim.names, {m.key for m in near})
            claim.entities = sorted({m.key for m in near})
            if event is not None and claim.kind != "choice":
                claim.event = event.key
                claim.reported = event.key in self.reported
            if claim.topic is None:
                self._choose_topic(claim, near, event)

    def _named(self, names: list[str], known: set[str]) -> tuple[Mention, ...]:
        """Entities the language's aliases missed, found by a name near the claim that matches
        an alias of another language or transliteration (AliasIndex); the phrase says how."""
        found = []
        for name in names:
            hit = self.aliases.lookup(name)
            if hit is not None and hit[0] not in known:
                known.add(hit[0])
                found.append(Mention(hit[0], f"{name} ~ {hit[1]} ({hit[2]:g})", -1, -1))
        return tuple(found)

    def _choose_topic(self, claim, near: tuple[Mention, ...], nearest: Mention | None) -> None:
        # Only the cue nearest the claim says what it is about: a long sentence tells of several.
        events = {nearest.key} if nearest is not None else set()
        entities = {m.key for m in near}
        scored = []
        # Only counts have a unit; getattr(claim, "unit", None) on another claim costs 6 µs, as
        # pydantic builds an AttributeError.
        unit = claim.unit if claim.kind == "count" else None
        for name, topic_events, topic_entities, topic_units in self.topics.get(claim.kind, ()):
            hit_events = events & topic_events
            hit_entities = entities & topic_entities
            if topic_events and not hit_events or topic_entities and not hit_entities:
                continue
            if topic_units and unit not in topic_units:
                continue
            score = 2 * len(hit_events) + len(hit_entities) + (2 if topic_units else 0)
            if score > 0:
                scored.append((score, name, hit_events, hit_entities))
        if not scored:
            return
        top = max(s for s, *_ in scored)
        # Ties are all kept, the first in catalog order as the claim's own topic.
        tied = [t for t in scored if t[0] == top]
        claim.also_topics = [name for _, name, _, _ in tied[1:]]
        _, name, hit_events, hit_entities = tied[0]
        claim.topic = name
        why = [f"event {nearest.key!r} by {nearest.phrase!r}"] if hit_events else []
        why += [f"entity {m.key!r} by {m.phrase!r}" for m in near if m.key in hit_entities][:2]
        if unit:
            why.append(f"unit {unit!r}")
        claim.topic_reason = "; ".join(why) or "kind"


def happenings(events, irrealis) -> list[Mention]:
    """The event cues not made a plan or a demand by a word just before them.

    >>> cue, plan = Mention("capture", "seize", 8, 13), Mention("irrealis", "plan to", 0, 7)
    >>> happenings([cue], [plan]), happenings([cue], [])
    ([], [Mention(key='capture', phrase='seize', start=8, end=13)])
    """
    ends = sorted(m.end for m in irrealis)
    def unmade(ev: Mention) -> bool:
        i = bisect.bisect_right(ends, ev.start)
        return i > 0 and ev.start - ends[i - 1] <= IRREALIS_GAP
    return [ev for ev in events if not unmade(ev)]


def _distance(m: Mention, span: tuple[int, int]) -> int:
    return max(m.start - span[1], span[0] - m.end, 0)


# A clause mark between a cue and a claim puts them this much further apart: "la captura ... la
# noche del 25 de octubre, con el Congreso ya en sesión" dates the capture, not the session.
CLAUSE_MARK_COST = 40
_CLAUSE_MARK = regex.compile(r"[,;:()—–]|\s-\s")


class NearestCue:
    """The cues of one sentence, ready to say which is nearest a claim, a clause mark between
    them counting as CLAUSE_MARK_COST characters more. Marks are found once per sentence and
    cues are tried outwards from the claim, so a sentence with many claims and cues costs
    about (claims x cues within reach), not (claims x cues x sentence length).

    >>> text = "la captura de todo el Gobierno la noche del 25 de octubre, con el Congreso en sesión"
    >>> cues = (Mention("capture", "captura", 3, 10), Mention("opening", "sesión", 78, 84))
    >>> NearestCue(cues, text).nearest((44, 57)).key
    'capture'
    """

    def __init__(self, cues, sentence: str, offset: int = 0):
        """`cues` at text positions; `sentence` is the text from `offset` on that holds them."""
        self.cues = sorted(cues, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.cues]
        self.longest = max((m.end - m.start for m in self.cues), default=0)
        marks = [(m.start() + offset, m.end() + offset) for m in _CLAUSE_MARK.finditer(sentence)] if self.cues else []
        self.mark_starts = [a for a, _ in marks]
        self.mark_ends = [b for _, b in marks]

    def _marks_between(self, lo: int, hi: int) -> int:
        if hi <= lo:
            return 0
        return max(0, bisect.bisect_right(self.mark_ends, hi) - bisect.bisect_left(self.mark_starts, lo))

    def cost(self, m: Mention, span: tuple[int, int]) -> int:
        lo, hi = (m.end, span[0]) if m.end <= span[0] else (span[1], m.start)
        return _distance(m, span) + CLAUSE_MARK_COST * self._marks_between(lo, hi)

    def nearest(self, span: tuple[int, int]) -> Mention | None:
        """The cheapest cue; of equal costs, the first in text order."""
        best = (float("inf"), -1)
        pivot = bisect.bisect_left(self.starts, span[0])
        # Leftwards a cue ends at most `longest` after it starts; rightwards distance only grows.
        for i in range(pivot - 1, -1, -1):
            if span[0] - self.starts[i] - self.longest > best[0]:
                break
            best = min(best, (self.cost(self.cues[i], span), i))
        for i in range(pivot, len(self.cues)):
            if self.starts[i] - span[1] > best[0]:
                break
            best = min(best, (self.cost(self.cues[i], span), i))
        return self.cues[best[1]] if best[1] >= 0 else None


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
