"""Option Grid format, version 2: the public contract with the people who write grids.

The attribute docstrings become the descriptions in the committed JSON Schema
(schemas/option_grid.v2.schema.json), so they are written for content editors, not for
programmers. docs/option-grid-format.md explains every field with examples. Version 1 files
still load: `sdm_aid.content.upgrade` turns them into this format in memory.

Rules that span several fields (every text in every language of the grid, reviewers for a
reviewed grid, an interval around its count ...) live in `consistency`, so that an editor sees
all problems of a file at once.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from sdm_aid.content.characters import first_forbidden_character
from sdm_aid.elements import SdmElement
from sdm_aid.i18n.languages import Language

SCHEMA_VERSION = 2

# Kept in one place so the schema, the loader and the error messages agree.
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
URL_PATTERN = r"^https://[^\s]+$"
DOI_PATTERN = r"^10\.\d{4,9}/[^\s]+$"
PHONE_PATTERN = r"^[0-9+][0-9 -]{1,19}$"
MAX_SHORT_TEXT = 200
MAX_LONG_TEXT = 2000
MAX_PEOPLE = 1_000_000


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
WebAddress = Annotated[str, StringConstraints(pattern=URL_PATTERN, max_length=500)]
PhoneNumber = Annotated[str, StringConstraints(pattern=PHONE_PATTERN)]


class StrictModel(BaseModel):
    """Unknown keys are errors, so a typo in a field name never passes silently."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=True,
        str_strip_whitespace=False,
    )


class LocalisedText(StrictModel):
    # One field per language of the registry (sdm_aid/i18n/languages.py); Dutch is required,
    # every other language is required only when the grid lists it in 'languages'.
    nl: str
    en: str | None = None

    def get(self, language: str) -> str:
        """The text in `language`; the Dutch text when the grid has none in that language."""
        value = getattr(self, language, None)
        return value if isinstance(value, str) else self.nl

    def has(self, language: str) -> bool:
        return isinstance(getattr(self, language, None), str)


class Text(LocalisedText):
    """A short text in the grid's languages: Dutch ('nl') always, each other listed language too."""

    nl: ShortText
    """Dutch text (the primary language, always required)."""
    en: ShortText | None = None
    """English text (required when the grid lists 'en' in 'languages')."""


class LongLocalText(LocalisedText):
    """A longer text (a few paragraphs at most): Dutch always, and each other language the grid lists."""

    nl: LongText
    """Dutch text (the primary language, always required)."""
    en: LongText | None = None
    """English text (required when the grid lists 'en' in 'languages')."""


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
    """How certain the evidence is, in GRADE's four levels."""

    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"
    VERY_LOW = "very_low"


class CertaintyOrigin(StrEnum):
    """Who rated the certainty."""

    SOURCE_GRADE = "source_grade"
    """The source itself gives this GRADE rating for this outcome."""
    AUTHORS_JUDGEMENT = "authors_judgement"
    """The writers of the grid judged it (the source gives no GRADE rating for this number)."""


class Precision(StrEnum):
    """Whether a count is exact or rounded ('about')."""

    ABOUT = "about"
    EXACT = "exact"


class StudyDesign(StrEnum):
    """What kind of research a number comes from."""

    SYSTEMATIC_REVIEW = "systematic_review"
    RANDOMISED_TRIAL = "randomised_trial"
    OBSERVATIONAL_STUDY = "observational_study"
    GUIDELINE = "guideline"


class QuestionTopic(StrEnum):
    """What kind of question a row is; the IPDAS check needs benefits, harms and daily life."""

    BENEFITS = "benefits"
    HARMS = "harms"
    LIVING_WITH = "living_with"
    PRACTICAL = "practical"
    OTHER = "other"


class EligibilityKind(StrEnum):
    """Where an option stands among the others."""

    FIRST_CHOICE = "first_choice"
    """Usually tried first."""
    WHEN = "when"
    """A good option in a certain situation, e.g. when the first choice does not fit."""
    ONLY_IF = "only_if"
    """Only when a condition is met, e.g. only when medically needed. Not a free choice."""


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
    year: Annotated[int, Field(ge=1950, le=2100)]
    """Year of first publication."""
    updated: Annotated[int, Field(ge=1950, le=2100)] | None = None
    """Year of the latest update, if any (e.g. 2020 for 'published 2017, updated 2020')."""
    doi: Annotated[str, StringConstraints(pattern=DOI_PATTERN, max_length=200)] | None = None
    """DOI of the source, e.g. '10.1002/14651858.CD008559.pub3' (without 'https://doi.org/')."""
    url: WebAddress | None = None
    """Web address (https) where the source can be read, if public."""


class Person(StrictModel):
    name: ShortText
    """Name of the author or editor (or the team)."""
    role: Text
    """What this person did, e.g. 'Content editor' / 'Inhoudelijk redacteur'."""
    organisation: ShortText | None = None
    """Organisation this person works for."""


class Reviewer(StrictModel):
    name: ShortText
    """Name of the clinician or expert who reviewed the content."""
    role: Text
    """Their profession or role, e.g. 'Child and adolescent psychiatrist' / 'Kinder- en jeugdpsychiater'."""
    organisation: ShortText | None = None
    """Organisation this person works for."""
    reviewed_on: date
    """Date of their review (YYYY-MM-DD)."""


class Interval(StrictModel):
    """A range the true number probably lies in (usually the 95% confidence interval)."""

    low: Annotated[float, Field(ge=0, le=MAX_PEOPLE)]
    """Lower end, in the same unit as 'count' (people out of 'out_of')."""
    high: Annotated[float, Field(ge=0, le=MAX_PEOPLE)]
    """Upper end, in the same unit as 'count' (people out of 'out_of')."""


class TimePoint(StrictModel):
    """One number at one moment: '6 in 10 after 12 weeks'."""

    count: Annotated[int, Field(ge=0, le=MAX_PEOPLE)]
    """How many people have the outcome, e.g. 6 in '6 in 10'."""
    out_of: Annotated[int, Field(ge=1, le=MAX_PEOPLE)]
    """Out of how many people. Use the same number for every option of one question."""
    precision: Precision
    """'about' when the count is rounded (shown as 'about 6 in 10'); 'exact' when the source gives it."""
    time_frame: Text
    """When the outcome was measured, e.g. 'after 12 weeks of treatment'."""
    percent: Annotated[float, Field(ge=0, le=100)] | None = None
    """The percentage the source gives, e.g. 23 for 23%; the count is this share of 'out_of', rounded."""
    interval: Interval | None = None
    """The range the source gives (e.g. its 95% confidence interval), in people out of 'out_of'."""
    source_figure: ShortText | None = None
    """Where the number is in the source, for reviewers: '18/100 wait-list, James 2020 table 1'."""


class Study(StrictModel):
    """What research the number comes from, so readers can see how solid it is."""

    design: StudyDesign
    """Kind of research: systematic_review, randomised_trial, observational_study or guideline."""
    studies: Annotated[int, Field(ge=1, le=10_000)] = 1
    """How many studies the number rests on."""
    participants: Annotated[int, Field(ge=1, le=100_000_000)] | None = None
    """How many people took part in those studies together."""


class CertaintyRating(StrictModel):
    """How certain the evidence for a number is, and who says so."""

    level: Certainty
    """GRADE level: high, moderate, low or very_low (shown as hoog, matig, laag, zeer laag)."""
    origin: CertaintyOrigin
    """'source_grade': the source gives this GRADE rating; 'authors_judgement': the writers judged it."""
    reason: Text | None = None
    """Why the writers judged it so (recommended with 'authors_judgement')."""


class Likelihood(StrictModel):
    """How likely an outcome is, as a natural frequency: 'about 6 in 10 young people ... after 12 weeks'."""

    reference_group: Text
    """Who the numbers are about, e.g. 'young people aged 12-18 with moderate depression'."""
    outcome: Text
    """The outcome that is counted, e.g. 'feel clearly better'."""
    points: Annotated[list[TimePoint], Field(min_length=1, max_length=6)]
    """One or more numbers at different moments (e.g. after 6 and after 12 months), earliest first."""
    study: Study | None = None
    """What research the number comes from."""
    option_variant: Text | None = None
    """The form of the option the number was measured in, e.g. 'fluoxetine' for 'medicine'."""
    certainty: CertaintyRating
    """How certain the evidence is, and who rated it."""


class Answer(StrictModel):
    text: LongLocalText
    """The short answer to the question for this option."""
    likelihood: Likelihood | None = None
    """Only when a cited source gives the number. Never estimate one."""
    no_number_reason: Text | None = None
    """Instead of 'likelihood': why there is no number, e.g. 'No study measured this.'"""
    sources: Annotated[list[Identifier], Field(min_length=1)]
    """Ids of the sources (from 'sources') this answer rests on."""


class Question(StrictModel):
    id: Identifier
    """Id of the question (row), e.g. 'how-well-does-it-work'."""
    text: Text
    """The question as parents or young people ask it."""
    topic: QuestionTopic
    """Kind of question: benefits, harms, living_with, practical or other."""
    answers: dict[str, Answer]
    """One answer for every option, keyed by the option id."""


class Eligibility(StrictModel):
    """Where the option stands: tried first, an option in some situations, or only under a condition."""

    kind: EligibilityKind
    """first_choice, when or only_if."""
    condition: Text | None = None
    """For 'when' and 'only_if': the situation, e.g. 'when therapy alone does not help enough'."""


class Option(StrictModel):
    id: Identifier
    """Id of the option (column), e.g. 'parent-training'."""
    label: Text
    """Short name of the option as shown in the column header."""
    description: LongLocalText
    """What the option is, in one or two plain sentences."""
    in_practice: LongLocalText
    """What it involves in practice: how often, how long, where, who takes part."""
    living_with: LongLocalText | None = None
    """What daily life with this option is like for the family: feelings, school, friends, home."""
    eligibility: Eligibility | None = None
    """Where the option stands among the others; leave out when it is an equal choice."""
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


class GlossaryEntry(StrictModel):
    """A word that must stay (a medicine group, a kind of therapy) and its plain explanation."""

    term: Text
    """The word as used in the grid's texts, e.g. 'CGT' / 'CBT'."""
    explanation: LongLocalText
    """What it means, in plain words."""


class SafetyContact(StrictModel):
    """Someone to call or visit in a crisis."""

    name: Text
    """Who, e.g. '113 Zelfmoordpreventie'."""
    phone: PhoneNumber | None = None
    """Phone number as dialled, e.g. '0800-0113'."""
    url: WebAddress | None = None
    """Web address (https), e.g. 'https://www.113.nl'."""
    when: Text
    """When to use this contact, e.g. 'if you think about suicide'."""
    hours: Text | None = None
    """When they can be reached, e.g. 'day and night, free'."""


class Safety(StrictModel):
    """What to do when things get worse: shown on every step and in the summary."""

    seek_help_now: LongLocalText
    """When to seek help right away (signs that cannot wait for the next appointment)."""
    contacts: Annotated[list[SafetyContact], Field(min_length=1)]
    """Crisis lines and other contacts, most urgent first."""


class Governance(StrictModel):
    """Who made the grid, who checked it, who paid for it, and when it must be looked at again."""

    authors: Annotated[list[Person], Field(min_length=1)]
    """Authors and editors."""
    reviewers: list[Reviewer] = Field(default_factory=list)
    """Clinicians who reviewed the content, with the date; needed for 'clinically_reviewed'."""
    conflicts_of_interest: LongLocalText
    """Conflicts of interest of the authors and reviewers, or a statement that there are none."""
    funding: LongLocalText
    """Who paid for writing the grid."""
    published: date
    """Date the grid was first published (YYYY-MM-DD)."""
    last_reviewed: date | None = None
    """Date of the last content review (YYYY-MM-DD); leave out while the grid was never reviewed."""
    next_review_due: date
    """Date the grid must be reviewed again (YYYY-MM-DD). After it, the grid counts as expired."""
    update_policy: LongLocalText
    """How and how often the grid is updated; shown to families in the summary."""
    status: GridStatus
    """'draft' until clinicians reviewed the content; 'clinically_reviewed' needs a reviewer."""


class OptionGrid(StrictModel):
    """One decision, written as an Option Grid."""

    schema_: Annotated[str | None, Field(alias="$schema", title="JSON Schema")] = None
    """Path or address of the JSON Schema, so editors can autocomplete."""
    schema_version: Literal[2]
    """Version of this file format: 2."""
    id: Identifier
    """Id of the grid, e.g. 'depression-youth'. Also the file name without '.json'."""
    version: Annotated[str, StringConstraints(pattern=r"^\d+\.\d+(\.\d+)?$")]
    """Version of the content, e.g. '1.0'. Raise it with every content change."""
    languages: Annotated[list[Language], Field(min_length=1)]
    """The languages every text of this grid is written in; 'nl' (Dutch) is required, e.g. ["nl", "en"]."""
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
    glossary: list[GlossaryEntry] = Field(default_factory=list)
    """Words that must stay (e.g. a medicine group), explained; the jargon check allows them."""
    safety: Safety | None = None
    """What to do in a crisis; without it SDM Aid shows its general crisis lines (113, 112 ...)."""
    sources: Annotated[list[Source], Field(min_length=1)]
    """The evidence sources that answers cite."""
    governance: Governance
    """Authors, reviewers, conflicts of interest, funding, dates, update policy and status."""

    def option(self, option_id: str) -> Option:
        return next(option for option in self.options if option.id == option_id)

    def source(self, source_id: str) -> Source:
        return next(source for source in self.sources if source.id == source_id)

    def has_language(self, language: str) -> bool:
        return language in self.languages
