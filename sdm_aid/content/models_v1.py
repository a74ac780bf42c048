"""Option Grid format, version 1 (frozen): read so older grid files keep loading.

The attribute docstrings become the descriptions in the committed JSON Schema, so they are
written for content editors, not for programmers.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from sdm_aid.content.characters import first_forbidden_character
from sdm_aid.elements import SdmElement
from sdm_aid.i18n.languages import LANGUAGES

SCHEMA_VERSION = 1

# Kept in one place so the schema, the loader and the error messages agree.
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
MAX_SHORT_TEXT = 200
MAX_LONG_TEXT = 2000


def _reject_control_characters(value: str) -> str:
    char = first_forbidden_character(value)
    if char is not None:
        raise ValueError(
            f"contains an invisible control character (U+{ord(char):04X}); retype the text without it"
        )
    return value


Identifier = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, min_length=1, max_length=60),
    Field(description="Short id: lower-case letters, digits and single hyphens, e.g. 'parent-training'."),
]
ShortText = Annotated[
    str,
    StringConstraints(strip_whitespace=False, min_length=1, max_length=MAX_SHORT_TEXT),
    AfterValidator(_reject_control_characters),
]
LongText = Annotated[
    str,
    StringConstraints(min_length=1, max_length=MAX_LONG_TEXT),
    AfterValidator(_reject_control_characters),
]


class StrictModel(BaseModel):
    """Unknown keys are errors, so a typo in a field name never passes silently."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=True,
        str_strip_whitespace=False,
    )


class Text(StrictModel):
    """A short text in Dutch and English. Both languages are required."""

    nl: ShortText
    """Dutch text (the primary language)."""
    en: ShortText
    """English text."""

    def get(self, language: str) -> str:
        return self.en if language == "en" else self.nl


class LongLocalText(StrictModel):
    """A longer text (up to a few paragraphs) in Dutch and English. Both are required."""

    nl: LongText
    """Dutch text (the primary language)."""
    en: LongText
    """English text."""

    def get(self, language: str) -> str:
        return self.en if language == "en" else self.nl


class Audience(StrEnum):
    """Who the grid is written for."""

    YOUTH = "youth"
    PARENT = "parent"
    BOTH = "both"


class GridStatus(StrEnum):
    """Whether clinicians have reviewed the content yet."""

    DRAFT = "draft"
    CLINICALLY_REVIEWED = "clinically_reviewed"


class Certainty(StrEnum):
    """How certain the evidence is (GRADE levels)."""

    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"
    VERY_LOW = "very_low"


class QuestionTopic(StrEnum):
    """What kind of question a row is; the IPDAS check needs benefits and harms."""

    BENEFITS = "benefits"
    HARMS = "harms"
    PRACTICAL = "practical"
    OTHER = "other"


class AgeBand(StrictModel):
    min_age: Annotated[int, Field(ge=0, le=30)]
    """Youngest age (in years) this grid is written for."""
    max_age: Annotated[int, Field(ge=0, le=30)]
    """Oldest age (in years) this grid is written for."""


class Source(StrictModel):
    id: Identifier
    """Id that answers use to cite this source, e.g. 'nice-ng134'."""
    citation: LongText
    """Full reference: authors or organisation, title, year, publisher."""
    url: Annotated[str, StringConstraints(pattern=r"^https://[^\s]+$", max_length=500)] | None = None
    """Web address (https) where the source can be read, if public."""
    year: Annotated[int, Field(ge=1950, le=2100)]
    """Year of publication."""


class Person(StrictModel):
    name: ShortText
    """Name of the author or editor (or the team)."""
    role: Text
    """What this person did, e.g. 'Content editor' / 'Inhoudelijk redacteur'."""
    organisation: ShortText | None = None
    """Organisation this person works for."""


class Likelihood(StrictModel):
    """How likely an outcome is, as a natural frequency: 'about 6 in 10 young people ...'."""

    count: Annotated[int, Field(ge=0, le=1_000_000)]
    """How many people have the outcome, e.g. 6 in '6 in 10'."""
    out_of: Annotated[int, Field(ge=1, le=1_000_000)]
    """Out of how many people. Use the same number for every option of one question."""
    outcome: Text
    """The outcome that is counted, e.g. 'feel clearly better'."""
    time_frame: Text
    """Over what time, e.g. 'after 12 weeks'."""
    reference_group: Text
    """Who the numbers are about, e.g. 'young people aged 12-18 with moderate depression'."""
    certainty: Certainty
    """How certain the evidence for this number is."""


class Answer(StrictModel):
    text: LongLocalText
    """The short answer to the question for this option."""
    likelihood: Likelihood | None = None
    """Only when a cited source gives the number. Never estimate one."""
    sources: Annotated[list[Identifier], Field(min_length=1)]
    """Ids of the sources (from 'sources') this answer rests on."""


class Question(StrictModel):
    id: Identifier
    """Id of the question (row), e.g. 'how-well-does-it-work'."""
    text: Text
    """The question as parents or young people ask it."""
    topic: QuestionTopic
    """Kind of question: benefits, harms, practical or other."""
    answers: dict[str, Answer]
    """One answer for every option, keyed by the option id."""


class Option(StrictModel):
    id: Identifier
    """Id of the option (column), e.g. 'parent-training'."""
    label: Text
    """Short name of the option as shown in the column header."""
    description: LongLocalText
    """What the option is, in one or two plain sentences."""
    in_practice: LongLocalText
    """What it involves in practice: how often, how long, where, who takes part."""
    is_wait_option: bool = False
    """True for 'wait / no treatment now'."""
    self_efficacy_prompts: Annotated[list[Text], Field(min_length=1)]
    """Questions that help a family check if they can really do this option."""


class Consideration(StrictModel):
    id: Identifier
    """Id of the consideration, e.g. 'quick-results'."""
    text: Text
    """What people weigh, e.g. 'Getting results quickly'."""


class UnderstandingItem(StrictModel):
    id: Identifier
    """Id of the understanding-check item."""
    statement: Text
    """A statement to mark as true or false."""
    correct_answer: bool
    """Whether the statement is true."""
    explanation: LongLocalText
    """Kind explanation shown after answering."""


class ClinicianQuestion(StrictModel):
    id: Identifier
    """Id of the suggested question."""
    text: Text
    """A question the family may want to ask the clinician."""


class Governance(StrictModel):
    """Who made the grid, who paid for it, and when it must be looked at again."""

    authors: Annotated[list[Person], Field(min_length=1)]
    """Authors and editors."""
    conflicts_of_interest: LongLocalText
    """Conflicts of interest of the authors, or a statement that there are none."""
    funding: LongLocalText
    """Who paid for writing the grid."""
    published: date
    """Date the grid was first published (YYYY-MM-DD)."""
    last_reviewed: date
    """Date of the last content review (YYYY-MM-DD)."""
    next_review_due: date
    """Date the grid must be reviewed again (YYYY-MM-DD). After it, the grid counts as expired."""
    update_policy: LongLocalText
    """How and how often the grid is updated."""
    status: GridStatus
    """'draft' until clinicians have reviewed the content."""


class OptionGrid(StrictModel):
    """One decision, written as an Option Grid."""

    schema_: Annotated[str | None, Field(alias="$schema", title="JSON Schema")] = None
    """Path or address of the JSON Schema, so editors can autocomplete."""
    schema_version: Literal[1]
    """Version of this file format. Always 1 for now."""
    id: Identifier
    """Id of the grid, e.g. 'depression-youth'. Also the file name without '.json'."""
    version: Annotated[str, StringConstraints(pattern=r"^\d+\.\d+(\.\d+)?$")]
    """Version of the content, e.g. '1.0'. Raise it with every content change."""
    title: Text
    """Title shown in the grid library."""
    problem: LongLocalText
    """What the problem is, in plain language."""
    decision: LongLocalText
    """The decision to make, and that there is a real choice."""
    audience: Audience
    """Who the grid is for: youth, parent or both."""
    age_band: AgeBand
    """Ages the grid is written for."""
    options: Annotated[list[Option], Field(min_length=2)]
    """The options (columns)."""
    questions: Annotated[list[Question], Field(min_length=1)]
    """Frequently asked questions (rows)."""
    considerations: Annotated[list[Consideration], Field(min_length=1)]
    """What people weigh when they choose (for 'what matters to you')."""
    understanding_checks: Annotated[list[UnderstandingItem], Field(min_length=1)]
    """True/false statements to check understanding."""
    clinician_questions: Annotated[list[ClinicianQuestion], Field(min_length=1)]
    """Suggested questions to ask the clinician."""
    peer_worker_prompts: dict[SdmElement, Text] = Field(default_factory=dict)
    """Optional prompts for the peer worker, per SDM element, that replace the general ones."""
    sources: Annotated[list[Source], Field(min_length=1)]
    """The evidence sources that answers cite."""
    governance: Governance
    """Authors, conflicts of interest, funding, dates and status."""

    def option(self, option_id: str) -> Option:
        return next(option for option in self.options if option.id == option_id)

    def source(self, source_id: str) -> Source:
        return next(source for source in self.sources if source.id == source_id)

    @property
    def languages(self) -> tuple[str, ...]:
        return LANGUAGES
