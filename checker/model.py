"""The typed records that flow through the pipeline: sources, claims and findings.

The JSON of these models is claimcheck's interchange format (docs/formats.md).
"""
from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, model_validator

Approx = Literal["exact", "about", "at_least", "at_most", "before", "after", "range"]
Calendar = Literal["julian", "gregorian", "unspecified"]
Kind = Literal["time", "date", "count", "choice"]
KINDS: tuple[str, ...] = ("time", "date", "count", "choice")


class Source(BaseModel):
    """One text of a corpus, as the manifest describes it and as it was read."""

    model_config = ConfigDict(extra="forbid")

    id: str
    path: str
    language: str
    title: str = ""
    origin: str = ""
    licence: str = ""
    calendar: Calendar = "unspecified"
    encoding: str = "utf-8"
    sha256: str = ""
    size: int = 0
    claims: int = 0


class SourceError(BaseModel):
    """A source that could not be read: reported, never silently dropped."""

    source: str
    path: str
    message: str


class _ClaimBase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    source: str
    language: str
    topic: str | None = None
    approx: Approx = "exact"
    span: tuple[int, int]
    quote: str
    prefix: str = ""
    suffix: str = ""
    # What the claim is about, as found in its sentence: catalog entity ids and event predicates.
    entities: list[str] = Field(default_factory=list)
    # Proper names of its sentence as Latin keys, for matching when no catalog entity applies.
    names: list[str] = Field(default_factory=list)
    event: str | None = None
    # The event is a report or announcement of something ("the congress was told"), not the thing.
    reported: bool = False
    # Why the topic was chosen (alias and score), for the report.
    topic_reason: str | None = None
    # Other catalog topics the claim speaks to as fully as to its own: "the guns of the Aurora
    # and of the Fortress began firing at 21:00" dates both the Aurora's shot and the Fortress's.
    also_topics: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _span_matches_quote(self):
        start, end = self.span
        if not (0 <= start <= end) or end - start != len(self.quote):
            raise ValueError(f"span {self.span} does not fit quote of length {len(self.quote)}")
        return self


class TimeClaim(_ClaimBase):
    kind: Literal["time"] = "time"
    value: str  # "HH:MM", 24-hour
    # The interval the text allows, in minutes from midnight (a range's both ends).
    low: int | None = None
    high: int | None = None
    # Counted from an earlier time of the same source ("five minutes later"): a later moment.
    derived: bool = False
    date: str | None = None  # the day it refers to, "YYYY-MM-DD" in date_calendar
    date_calendar: Calendar = "unspecified"
    gregorian_date: str | None = None
    # The clock the text names ("UTC", "UTC+03:00", "Europe/Moscow", or "local": the place's
    # own; a derived time's is the one it counts from), None when it names none; and how many
    # minutes east of UTC that clock was on the day, when that can be told
    # (checker/normalize/zones.py). Unnamed, a time is read on the corpus's `time_zone`, if it
    # has one, and then has an offset but no zone.
    zone: str | None = None
    utc_offset: int | None = None


class DateClaim(_ClaimBase):
    kind: Literal["date"] = "date"
    # "YYYY-MM-DD" as written, in its own calendar; "--MM-DD" when nothing tells the year (only
    # from `claimcheck extract --text`, never in a corpus run: see docs/language-packs.md).
    value: str
    calendar: Calendar = "unspecified"
    gregorian: str | None = None
    # A range's far end ("5–6 July"), as written.
    end: str | None = None
    year_inferred: bool = False

    @property
    def has_year(self) -> bool:
        """False for a day and month alone ("--10-26"), which must not be compared as a day."""
        return not self.value.startswith("--")


def _number(x: float | None) -> float | int | None:
    """A count's bound as JSON writes it: whole numbers as integers, fractions as they are.

    >>> _number(70000.0), _number(1.5), _number(None)
    (70000, 1.5, None)
    """
    if isinstance(x, float) and x.is_integer():
        return int(x)
    return x


# The interchange format writes {"low": n|null, "high": n|null}: 70000, not 70000.0.
CountBound = Annotated[float | None, PlainSerializer(_number, when_used="json")]


class CountValue(BaseModel):
    """A count's bounds, None for an open end.

    >>> CountValue(low=70000.0, high=None).model_dump_json(), CountValue(low=1.5e6, high=2.5).model_dump_json()
    ('{"low":70000,"high":null}', '{"low":1500000,"high":2.5}')
    """

    low: CountBound = None
    high: CountBound = None


class CountClaim(_ClaimBase):
    kind: Literal["count"] = "count"
    value: CountValue
    counted: str | None = None  # the counted noun as written
    unit: str | None = None  # canonical unit when the vocabulary knows it (killed, sailors…)


class ChoiceClaim(_ClaimBase):
    kind: Literal["choice"] = "choice"
    attribute: str
    value: str


Claim = Annotated[Union[TimeClaim, DateClaim, CountClaim, ChoiceClaim], Field(discriminator="kind")]

Verdict = Literal[
    "agreement",
    "approximate_agreement",
    "calendar_artefact",
    "zone_artefact",
    "scope_difference",
    "different_events",
    "discrepancy",
    "contradiction",
    "internal_inconsistency",
]
Severity = Literal["none", "low", "medium", "high"]


class Finding(BaseModel):
    """The verdict on one group of matched claims."""

    id: str
    topic: str
    kind: Kind
    verdict: Verdict
    severity: Severity
    claims: list[str]
    sources: list[str]
    gap: str | None = None
    explanation: str
    match_reasons: list[str] = Field(default_factory=list)


class Report(BaseModel):
    """Everything `report.json` holds."""

    corpus: dict
    sources: list[Source]
    errors: list[SourceError] = Field(default_factory=list)
    claims: list[Claim]
    discrepancies: list[Finding]
    topics: dict[str, dict] = Field(default_factory=dict)
