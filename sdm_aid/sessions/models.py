"""A decision session: who took part, what each of them said, and what was decided.

Plain pydantic data, no storage and no Streamlit. The rules that change a session live in
`sdm_aid.sessions.rules`; this module only says what a session is.
Pseudonymous by design: there is no field for a real name, birth date, e-mail or phone.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from sdm_aid.content.refs import GridRef as GridRef  # a session pins its grid by it
from sdm_aid.elements import ELEMENT_ORDER, SdmElement
from sdm_aid.i18n.languages import Language

SESSION_SCHEMA_VERSION = 4
"""The format of a stored session document; older ones are upgraded when read
(`sdm_aid.sessions.versions`)."""

SESSION_TIMEZONE = ZoneInfo("Europe/Amsterdam")
"""Where the sessions happen: local times are read and shown here; stored times are UTC."""

# Length limits for what people type; the wizard shows them at entry.
MAX_LABEL = 40
MAX_SHORT_ENTRY = 300
MAX_LONG_ENTRY = 2000
MAX_QUESTIONS = 20
MAX_PENDING_TEXT = 20_000
"""Text kept while it is over its field's limit (so it can be shortened, not lost)."""
MAX_PENDING_FIELDS = 400
MIN_FOLLOW_UP_MINUTES = 5
MAX_FOLLOW_UP_MINUTES = 480

MAX_PARENTS = 2

# A label is a nickname. These catch the obvious slips (an e-mail address or a phone number
# typed into the name box); they are a light net, not a guarantee of anonymity.
_EMAIL_LIKE = re.compile(r"\S@\S")
_PHONE_LIKE = re.compile(r"\d(?:[\s().+/-]*\d){5,}")


def _reject_contact_details(value: str) -> str:
    if _EMAIL_LIKE.search(value):
        raise ValueError("looks like an e-mail address; use a nickname such as 'Parent 1'")
    if _PHONE_LIKE.search(value):
        raise ValueError("looks like a phone number; use a nickname such as 'Parent 1'")
    return value


def _pending_size(value: PendingValue) -> PendingValue:
    if isinstance(value, str) and len(value) > MAX_PENDING_TEXT:
        raise ValueError(f"a kept text is at most {MAX_PENDING_TEXT} characters")
    if isinstance(value, list) and (len(value) > 50 or any(len(v) > MAX_SHORT_ENTRY for v in value)):
        raise ValueError("a kept list is at most 50 short entries")
    return value


Label = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_LABEL),
    AfterValidator(_reject_contact_details),
]
ShortEntry = Annotated[str, StringConstraints(max_length=MAX_SHORT_ENTRY)]
LongEntry = Annotated[str, StringConstraints(max_length=MAX_LONG_ENTRY)]
NOT_SURE = "not_sure"
"""Leaning value for 'not sure yet'. Cannot clash with an option id (those have no '_')."""
_OPTION_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
OptionId = Annotated[str, StringConstraints(pattern=_OPTION_ID.pattern, max_length=60)]
"""The form of a grid's option id; whether the grid has it is checked by rules.grid_problems."""


PendingValue = str | int | bool | list[str] | None
"""A value as a widget holds it: a choice, a number, a yes/no, a list of choices, a text."""
_PENDING_KEY = r"^[a-z-]+(?:\.[a-z0-9_-]+){0,3}$"


class SessionModel(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Role(StrEnum):
    YOUTH = "youth"
    PARENT = "parent"
    PEER_WORKER = "peer_worker"
    CLINICIAN = "clinician"


FAMILY_ROLES: tuple[Role, ...] = (Role.YOUTH, Role.PARENT)
"""Roles whose own voice a session records: the young person and the parents or carers."""

StepId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
"""A wizard step's stable id (see sdm_aid.wizard.step_registry); never its number."""


class WizardPath(StrEnum):
    """How much the wizard shows: the same nine steps, short or in full (see
    `sdm_aid.wizard.step_registry.PATHS`)."""

    WAITING_ROOM = "waiting_room"
    """Short: for the waiting room before the conversation (about 10 minutes)."""
    FULL = "full"
    """Everything: at home, or whenever there is time."""


class Participant(SessionModel):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]{1,20}$")]
    role: Role
    label: Label
    """'Jongere', 'Ouder 1', or a nickname. Never a full name."""
    joined_at: AwareDatetime | None = None
    """When a participant was added after the start (None: there from the start)."""
    removed_at: AwareDatetime | None = None
    """No longer taking part; their answers stay in the record and the clinician's copy."""
    own_device: bool = False
    """Answers on their own phone or at home, with a personal code (set while an invitation is
    open): the shared screen does not hand the turn to them."""

    @property
    def active(self) -> bool:
        return self.removed_at is None


class ElementStatus(StrEnum):
    NOT_STARTED = "not_started"
    DONE = "done"
    SKIPPED = "skipped"
    DEFERRED = "deferred"
    """Only for element 8: the decision was explicitly put off."""


class ElementProgress(SessionModel):
    element: SdmElement
    status: ElementStatus = ElementStatus.NOT_STARTED
    skip_reason: ShortEntry | None = None

    @model_validator(mode="after")
    def _skip_needs_reason(self) -> ElementProgress:
        if self.status == ElementStatus.SKIPPED and not (self.skip_reason or "").strip():
            raise ValueError("a skipped element needs a reason")
        if self.status == ElementStatus.DEFERRED and self.element != SdmElement.DECIDE:
            raise ValueError("only the decision (element 8) can be deferred")
        return self


class Barrier(StrEnum):
    TIME = "time"
    TRAVEL = "travel"
    SCHOOL_OR_WORK = "school_or_work"
    MONEY = "money"
    ENERGY = "energy"
    SUPPORT = "support"


class AbilityAnswer(SessionModel):
    """Can this participant do this option (element 5)."""

    confidence: Annotated[int, Field(ge=0, le=10)] | None = None
    """0 = not at all confident, 10 = completely confident."""
    barriers: list[Barrier] = Field(default_factory=list)
    what_would_help: LongEntry = ""


class AnswerPart(StrEnum):
    """A part of a participant's own answers; the young person can keep parts private (per
    step: the step registry says which parts each step asks for)."""

    SURE = "sure"
    IMPORTANCE = "importance"
    LEANING = "leaning"
    ABILITY = "ability"
    QUESTIONS = "questions"
    UNDERSTANDING = "understanding"
    NOTES = "notes"


class ParticipantAnswers(SessionModel):
    """One participant's own answers. Never mixed with another participant's."""

    importance: dict[str, Annotated[int, Field(ge=0, le=4)]] = Field(default_factory=dict)
    """Consideration id -> 0 (not important) .. 4 (very important)."""
    leaning: str | None = None
    """An option id, NOT_SURE, or None when not asked yet."""
    ability: dict[str, AbilityAnswer] = Field(default_factory=dict)
    """Option id -> confidence and barriers, for the options this participant leans to."""
    understanding: dict[str, bool] = Field(default_factory=dict)
    """Understanding-check item id -> the answer given (true/false)."""
    questions: Annotated[list[ShortEntry], Field(max_length=MAX_QUESTIONS)] = Field(default_factory=list)
    """Questions this participant wants to ask the clinician."""
    notes: LongEntry = ""
    private_steps: list[StepId] = Field(default_factory=list)
    """Only for the young person: the steps whose answers are private (shown to the clinician
    only: never to a parent, on screen or in the family copy). Sharing a step later removes it."""

    @field_validator("private_steps")
    @classmethod
    def _each_step_once(cls, steps: list[str]) -> list[str]:
        return list(dict.fromkeys(steps))

    @field_validator("leaning")
    @classmethod
    def _leaning_is_option_or_not_sure(cls, value: str | None) -> str | None:
        # Whether the option exists in the grid is checked by rules.grid_problems.
        if value is None or value == NOT_SURE or _OPTION_ID.match(value):
            return value
        raise ValueError(f"leaning must be an option id or {NOT_SURE!r}")


class SureAnswers(SessionModel):
    """SURE test (O'Connor & Légaré, 2008): four yes/no items; 4 = no decisional conflict."""

    sure_of_best_choice: bool
    know_benefits_and_risks: bool
    clear_what_matters: bool
    enough_support_and_advice: bool

    @property
    def score(self) -> int:
        return sum(
            (
                self.sure_of_best_choice,
                self.know_benefits_and_risks,
                self.clear_what_matters,
                self.enough_support_and_advice,
            )
        )


SURE_CITATION = (
    "Légaré F, Kearing S, Clay K, et al. Are you SURE? Assessing patient decisional conflict "
    "with a 4-item screening test. Can Fam Physician. 2010;56(8):e308-e314. "
    "SURE test © O'Connor & Légaré, 2008."
)


class SureResult(SessionModel):
    before: SureAnswers | None = None
    after: SureAnswers | None = None


class Recommendation(SessionModel):
    """The professional's view (element 6), recorded by the clinician after the conversation.
    option_id None = 'no single option: to be discussed together'."""

    option_id: OptionId | None = None
    reasons: LongEntry = ""
    by_role: Role = Role.CLINICIAN
    recorded_at: AwareDatetime | None = None
    recorded_by: Annotated[str, StringConstraints(max_length=64)] = ""
    """The clinician's username (pseudonymous work handle)."""


class PeerWorkerTip(SessionModel):
    """A peer worker's own tip from the waiting room: never the professional's advice."""

    option_id: OptionId | None = None
    reasons: LongEntry = ""


class DeferralReason(StrEnum):
    NEED_MORE_INFORMATION = "need_more_information"
    TALK_AT_HOME = "talk_at_home"
    NOT_READY = "not_ready"
    FAMILY_DISAGREEMENT = "family_disagreement"
    TRY_SOMETHING_FIRST = "try_something_first"
    OTHER = "other"


class Decided(SessionModel):
    kind: Literal["decided"] = "decided"
    option_id: OptionId
    agree: list[str] = Field(default_factory=list)
    """Participant ids who agree with the choice."""
    disagree: list[str] = Field(default_factory=list)
    """Participant ids who do not agree."""
    unsure: list[str] = Field(default_factory=list)
    """Participant ids who are not sure (always shown, never dropped)."""
    recorded_at: AwareDatetime


class Deferred(SessionModel):
    kind: Literal["deferred"] = "deferred"
    reason: DeferralReason
    details: LongEntry = ""
    still_needed: LongEntry = ""
    recorded_at: AwareDatetime


Outcome = Annotated[Decided | Deferred, Field(discriminator="kind")]


class FollowUpMode(StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"


class FollowUpStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    MISSED = "missed"
    RESCHEDULED = "rescheduled"
    """Only in follow_up_history: a planned follow-up that was moved to another time."""


class FollowUp(SessionModel):
    id: uuid.UUID = Field(default_factory=uuid.uuid4)
    """Stable id; also the calendar UID, so a re-download updates the entry."""
    starts_at: AwareDatetime
    """Stored in UTC; shown in Europe/Amsterdam."""
    duration_minutes: Annotated[int, Field(ge=MIN_FOLLOW_UP_MINUTES, le=MAX_FOLLOW_UP_MINUTES)] = 30
    with_whom: ShortEntry = ""
    mode: FollowUpMode = FollowUpMode.IN_PERSON
    purpose: LongEntry = ""
    status: FollowUpStatus = FollowUpStatus.PLANNED
    outcome_note: LongEntry = ""
    sequence: Annotated[int, Field(ge=0)] = 0
    """Calendar SEQUENCE: raised when a planned follow-up is moved (same id, so the family's
    calendar entry moves with it instead of leaving the old time behind)."""


_MISSING = object()


def _new_elements() -> list[ElementProgress]:
    return [ElementProgress(element=element) for element in ELEMENT_ORDER]


class DecisionSession(SessionModel):
    """A whole session. Assigning a field re-runs the whole-session checks; a refused
    assignment leaves the field as it was (see __setattr__)."""

    schema_version: Literal[4] = 4
    """SESSION_SCHEMA_VERSION (a literal here, so an older document never passes as this one)."""
    id: uuid.UUID = Field(default_factory=uuid.uuid4)
    """Pseudonymous id; the only handle in logs and lists."""
    version: int = 0
    """Optimistic-concurrency counter; storage raises it on every save."""
    grid: GridRef
    language: Language = "nl"
    participants: Annotated[list[Participant], Field(min_length=1)]
    peer_worker_guides: bool = False
    path: WizardPath = WizardPath.FULL
    """Short (waiting room) or everything; chosen at the start, changeable at any step."""
    elements: list[ElementProgress] = Field(default_factory=_new_elements)
    current_step: StepId = "explain_problem"
    """The id of the wizard step the family is on (stored by id, so steps can change)."""
    answers: dict[str, ParticipantAnswers] = Field(default_factory=dict)
    """Participant id -> that participant's own answers."""
    sure: dict[str, SureResult] = Field(default_factory=dict)
    """Participant id -> SURE before and after."""
    recommendation: Recommendation | None = None
    """The professional's advice, recorded on the clinician page after the conversation."""
    peer_worker_tip: PeerWorkerTip | None = None
    conversation_done_at: AwareDatetime | None = None
    """When the conversation with the clinician took place (marked by the clinician); the
    'after' questions (SURE) are asked from then on."""
    outcome: Outcome | None = None
    outcome_history: list[Outcome] = Field(default_factory=list)
    """Earlier outcomes, oldest first; revisiting a decision appends here, never overwrites."""
    follow_up: FollowUp | None = None
    follow_up_history: list[FollowUp] = Field(default_factory=list)
    """Earlier follow-ups (done, missed, or rescheduled), oldest first."""
    handoff_note: LongEntry = ""
    """The peer worker's note for the clinician."""
    pending: Annotated[
        dict[
            Annotated[str, StringConstraints(pattern=_PENDING_KEY, max_length=120)],
            Annotated[PendingValue, AfterValidator(_pending_size)],
        ],
        Field(max_length=MAX_PENDING_FIELDS),
    ] = Field(default_factory=dict)
    """What was typed or chosen on screen but is not part of the record yet (a text over its
    limit, a decision before Next, a follow-up before it is planned), by field key (see
    `sdm_aid.wizard.entries`). Saved with the session so that nothing typed is lost."""
    created_at: datetime
    updated_at: datetime

    @model_validator(mode="after")
    def _consistent(self) -> DecisionSession:
        roles = [p.role for p in self.participants]
        if roles.count(Role.YOUTH) != 1:
            raise ValueError("a session has exactly one young person")
        if sum(p.role == Role.PARENT and p.active for p in self.participants) > MAX_PARENTS:
            raise ValueError(f"a session has at most {MAX_PARENTS} parents or carers taking part")
        if any(not p.active for p in self.participants if p.role == Role.YOUTH):
            raise ValueError("the young person always takes part")
        ids = [p.id for p in self.participants]
        if len(set(ids)) != len(ids):
            raise ValueError("participant ids must be unique")
        known = set(ids)
        if unknown := (set(self.answers) | set(self.sure)) - known:
            raise ValueError(f"answers for unknown participants: {sorted(unknown)}")
        youth_id = ids[roles.index(Role.YOUTH)]
        if any(a.private_steps for pid, a in self.answers.items() if pid != youth_id):
            raise ValueError("only the young person's answers can be private")
        for outcome in [*self.outcome_history, self.outcome]:
            if isinstance(outcome, Decided):
                votes = [*outcome.agree, *outcome.disagree, *outcome.unsure]
                if unknown := set(votes) - known:
                    raise ValueError(f"decision refers to unknown participants: {sorted(unknown)}")
                if len(set(votes)) != len(votes):
                    raise ValueError("a participant has more than one vote on the decision")
        if tuple(p.element for p in self.elements) != ELEMENT_ORDER:
            raise ValueError("elements must be the nine SDM elements in their fixed order")
        return self

    def __setattr__(self, name: str, value: object) -> None:
        # pydantic runs the model checks after the new value is in place and does not undo it
        # when they fail; undo it here, so a refused assignment can never be saved by accident.
        previous = self.__dict__.get(name, _MISSING)
        try:
            super().__setattr__(name, value)
        except ValidationError:
            if previous is not _MISSING:
                self.__dict__[name] = previous
            raise

    @property
    def youth(self) -> Participant:
        return next(p for p in self.participants if p.role == Role.YOUTH)

    @property
    def parents(self) -> list[Participant]:
        return [p for p in self.participants if p.role == Role.PARENT]

    @property
    def family(self) -> list[Participant]:
        """The young person first, then the parents or carers still taking part, in the order
        they were added (removed participants keep their answers but are not asked again)."""
        return [p for p in family_members(self) if p.active]

    @property
    def family_here(self) -> list[Participant]:
        """The family members who answer on the shared screen: taking part, and not on their
        own device."""
        return [p for p in self.family if not p.own_device]

    def participant(self, participant_id: str) -> Participant:
        return next(p for p in self.participants if p.id == participant_id)

    def progress(self, element: SdmElement) -> ElementProgress:
        return next(p for p in self.elements if p.element == element)


def family_members(session: DecisionSession) -> list[Participant]:
    """The young person first, then the parents or carers, in the order they were added."""
    return [p for role in FAMILY_ROLES for p in session.participants if p.role == role]
