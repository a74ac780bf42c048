"""What people see for every enum-like value of a session, in Dutch and English.

Message ids are the English texts below; the Dutch is in locales/nl/LC_MESSAGES/sessions.po.
Every function takes a `Translator` for the session's language (see `translator`), so one
family's language never leaks to another. The test suite checks that every value of every
enum here has a text in both languages.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any, TypeVar

from sdm_aid.content.models import OptionGrid
from sdm_aid.elements import SdmElement
from sdm_aid.i18n import Language, Translator
from sdm_aid.sessions.agreement import ConsiderationComparison, LeaningAgreement, Pair, ValuesComparison
from sdm_aid.sessions.conflicts import Difference
from sdm_aid.sessions.errors import RULE_ERROR_TEMPLATES, SessionRuleError, format_params
from sdm_aid.sessions.models import (
    NOT_SURE,
    AnswerPart,
    Barrier,
    DecisionSession,
    DeferralReason,
    ElementStatus,
    FollowUpMode,
    FollowUpStatus,
    Role,
)
from sdm_aid.sessions.status import FollowUpState, SessionStatus
from sdm_aid.sessions.sure import SURE_ITEMS, SureInterpretation

DOMAIN = "sessions"

E = TypeVar("E", bound=Enum)

ROLE_LABELS: Mapping[Role, str] = {
    Role.YOUTH: "Young person",
    Role.PARENT: "Parent or carer",
    Role.PEER_WORKER: "Peer worker",
    Role.CLINICIAN: "Clinician",
}

ELEMENT_NAMES: Mapping[SdmElement, str] = {
    SdmElement.EXPLAIN_PROBLEM: "What the choice is about",
    SdmElement.PRESENT_OPTIONS: "The options",
    SdmElement.PROS_AND_CONS: "Pros and cons",
    SdmElement.VALUES: "What matters to you",
    SdmElement.ABILITY: "Can you do it?",
    SdmElement.RECOMMENDATION: "Advice from the professional",
    SdmElement.UNDERSTANDING: "Check what is clear",
    SdmElement.DECIDE: "Choose now or later",
    SdmElement.FOLLOW_UP: "Next appointment",
}

ELEMENT_WHY: Mapping[SdmElement, str] = {
    SdmElement.EXPLAIN_PROBLEM: (
        "You can only choose well when everyone knows what the choice is about, and that there "
        "really is a choice."
    ),
    SdmElement.PRESENT_OPTIONS: (
        "Seeing all options side by side, waiting included, shows that there is more than one good way."
    ),
    SdmElement.PROS_AND_CONS: (
        "Every option has good and less good sides. Knowing how likely they are helps you compare fairly."
    ),
    SdmElement.VALUES: (
        "The best choice fits what matters most to you. Your answers may differ from someone "
        "else's, and that is fine."
    ),
    SdmElement.ABILITY: (
        "A plan only helps if it fits your life: your time, travel, school or work, and energy."
    ),
    SdmElement.RECOMMENDATION: (
        "The professional knows a lot about the options. You can ask what they advise, and why."
    ),
    SdmElement.UNDERSTANDING: (
        "A short check shows whether anything is unclear, so nobody chooses because of a misunderstanding."
    ),
    SdmElement.DECIDE: (
        "You can choose now, or choose later. Putting it off is fine, as long as you say what you still need."
    ),
    SdmElement.FOLLOW_UP: (
        "A next appointment makes sure nobody is left waiting, especially when you have not chosen yet."
    ),
}

STEP_HEADING = "Step {number} of {total}"

ELEMENT_STATUS_LABELS: Mapping[ElementStatus, str] = {
    ElementStatus.NOT_STARTED: "Not done yet",
    ElementStatus.DONE: "Done",
    ElementStatus.SKIPPED: "Skipped",
    ElementStatus.DEFERRED: "Put off",
}

BARRIER_LABELS: Mapping[Barrier, str] = {
    Barrier.TIME: "Time",
    Barrier.TRAVEL: "Travel",
    Barrier.SCHOOL_OR_WORK: "School or work",
    Barrier.MONEY: "Money",
    Barrier.ENERGY: "Energy",
    Barrier.SUPPORT: "Support from others",
}

DEFERRAL_REASON_LABELS: Mapping[DeferralReason, str] = {
    DeferralReason.NEED_MORE_INFORMATION: "We need more information",
    DeferralReason.TALK_AT_HOME: "We want to talk it over at home",
    DeferralReason.NOT_READY: "We are not ready to choose yet",
    DeferralReason.FAMILY_DISAGREEMENT: "We do not agree yet as a family",
    DeferralReason.TRY_SOMETHING_FIRST: "We want to try something else first",
    DeferralReason.OTHER: "Another reason",
}

FOLLOW_UP_MODE_LABELS: Mapping[FollowUpMode, str] = {
    FollowUpMode.IN_PERSON: "In person",
    FollowUpMode.PHONE: "By phone",
    FollowUpMode.VIDEO: "Video call",
}

FOLLOW_UP_STATUS_LABELS: Mapping[FollowUpStatus, str] = {
    FollowUpStatus.PLANNED: "Planned",
    FollowUpStatus.DONE: "Took place",
    FollowUpStatus.MISSED: "Missed",
    FollowUpStatus.RESCHEDULED: "Moved to another time",
}

FOLLOW_UP_STATE_LABELS: Mapping[FollowUpState, str] = {
    FollowUpState.OVERDUE: "Overdue",
    FollowUpState.DUE: "This week",
    FollowUpState.UPCOMING: "Coming up",
    FollowUpState.DONE: "Took place",
    FollowUpState.MISSED: "Missed",
    FollowUpState.RESCHEDULED: "Moved to another time",
}

SESSION_STATUS_LABELS: Mapping[SessionStatus, str] = {
    SessionStatus.IN_PROGRESS: "In progress",
    SessionStatus.DECIDED: "Choice made",
    SessionStatus.DEFERRED: "Choice put off",
}

NOT_SURE_LABEL = "Not sure yet"
NOT_ANSWERED_LABEL = "Not answered"

IMPORTANCE_LABELS: Mapping[int, str] = {
    0: "Not important",
    1: "A little important",
    2: "Fairly important",
    3: "Important",
    4: "Very important",
}

LEANING_AGREEMENT_LABELS: Mapping[LeaningAgreement, str] = {
    LeaningAgreement.SAME: "Everyone leans to the same option",
    LeaningAgreement.DIFFERENT: "Not everyone leans to the same option",
    LeaningAgreement.OPEN: "Not clear yet",
}

ANSWER_PART_LABELS: Mapping[AnswerPart, str] = {
    AnswerPart.SURE: "the four short questions",
    AnswerPart.IMPORTANCE: "what matters",
    AnswerPart.LEANING: "which option they lean to",
    AnswerPart.ABILITY: "whether it can be done",
    AnswerPart.QUESTIONS: "questions for the clinician",
    AnswerPart.UNDERSTANDING: "what is clear",
    AnswerPart.NOTES: "notes",
}

RATINGS_CLOSE = "Close together"
RATINGS_APART = "Far apart: {pairs}"
LEANINGS_APART = "Leaning to different options: {pairs}"
PAIR = "{first} and {second}"
PRIVATE_ANSWER = "private"
PRIVATE_ANSWERS_NOTE = "{name} keeps these answers private. Only the clinician sees them."

SURE_INTERPRETATION_LABELS: Mapping[SureInterpretation, str] = {
    SureInterpretation.NO_CONFLICT: "4 out of 4: no sign of doubt about the choice.",
    SureInterpretation.POSSIBLE_CONFLICT: (
        "Fewer than 4 times 'yes': there may still be doubt. Talk it over with the professional."
    ),
}
SURE_MOMENT_LABELS: Mapping[str, str] = {"before": "Before", "after": "After"}
YES_NO_LABELS: Mapping[bool, str] = {True: "Yes", False: "No"}

_TABLES: tuple[Mapping[Any, str], ...] = (
    ROLE_LABELS,
    ANSWER_PART_LABELS,
    ELEMENT_NAMES,
    ELEMENT_WHY,
    ELEMENT_STATUS_LABELS,
    BARRIER_LABELS,
    DEFERRAL_REASON_LABELS,
    FOLLOW_UP_MODE_LABELS,
    FOLLOW_UP_STATUS_LABELS,
    FOLLOW_UP_STATE_LABELS,
    SESSION_STATUS_LABELS,
    IMPORTANCE_LABELS,
    LEANING_AGREEMENT_LABELS,
    SURE_INTERPRETATION_LABELS,
    SURE_MOMENT_LABELS,
    YES_NO_LABELS,
    RULE_ERROR_TEMPLATES,
)
ENUM_TABLES: tuple[tuple[type[Enum], Mapping[Any, str]], ...] = (
    (Role, ROLE_LABELS),
    (AnswerPart, ANSWER_PART_LABELS),
    (SdmElement, ELEMENT_NAMES),
    (SdmElement, ELEMENT_WHY),
    (ElementStatus, ELEMENT_STATUS_LABELS),
    (Barrier, BARRIER_LABELS),
    (DeferralReason, DEFERRAL_REASON_LABELS),
    (FollowUpMode, FOLLOW_UP_MODE_LABELS),
    (FollowUpStatus, FOLLOW_UP_STATUS_LABELS),
    (FollowUpState, FOLLOW_UP_STATE_LABELS),
    (SessionStatus, SESSION_STATUS_LABELS),
    (LeaningAgreement, LEANING_AGREEMENT_LABELS),
    (SureInterpretation, SURE_INTERPRETATION_LABELS),
)
"""Every enum with a text per value (checked in every language by tests/i18n)."""

_SINGLES = (
    STEP_HEADING,
    NOT_SURE_LABEL,
    NOT_ANSWERED_LABEL,
    RATINGS_CLOSE,
    RATINGS_APART,
    LEANINGS_APART,
    PAIR,
    PRIVATE_ANSWER,
    PRIVATE_ANSWERS_NOTE,
)


def message_ids() -> set[str]:
    """Every English text this module (and the SURE items) can show; for the catalogue check."""
    ids = {text for table in _TABLES for text in table.values()}
    ids |= {*DIFFERENCE_SECTIONS.values(), *DIFFERENCE_ANSWERS.values(), EMPTY_VALUE}
    return ids | set(_SINGLES) | {item.text for item in SURE_ITEMS}


def translator(language: Language) -> Translator:
    return Translator(DOMAIN, language)


def role_label(role: Role, t: Translator) -> str:
    return t(ROLE_LABELS[Role(role)])


def element_name(element: SdmElement, t: Translator) -> str:
    return t(ELEMENT_NAMES[SdmElement(element)])


def element_why(element: SdmElement, t: Translator) -> str:
    """One plain sentence on why this step matters."""
    return t(ELEMENT_WHY[SdmElement(element)])


def step_heading(number: int, total: int, t: Translator) -> str:
    """'Stap 3 van 9' / 'Step 3 of 9' (the step's place in the wizard, not an element's)."""
    return t(STEP_HEADING, number=number, total=total)


def element_status_label(status: ElementStatus, t: Translator) -> str:
    return t(ELEMENT_STATUS_LABELS[ElementStatus(status)])


def barrier_label(barrier: Barrier, t: Translator) -> str:
    return t(BARRIER_LABELS[Barrier(barrier)])


def deferral_reason_label(reason: DeferralReason, t: Translator) -> str:
    return t(DEFERRAL_REASON_LABELS[DeferralReason(reason)])


def follow_up_mode_label(mode: FollowUpMode, t: Translator) -> str:
    return t(FOLLOW_UP_MODE_LABELS[FollowUpMode(mode)])


def follow_up_status_label(status: FollowUpStatus, t: Translator) -> str:
    return t(FOLLOW_UP_STATUS_LABELS[FollowUpStatus(status)])


def follow_up_state_label(state: FollowUpState, t: Translator) -> str:
    return t(FOLLOW_UP_STATE_LABELS[FollowUpState(state)])


def session_status_label(status: SessionStatus, t: Translator) -> str:
    return t(SESSION_STATUS_LABELS[SessionStatus(status)])


def importance_label(rating: int, t: Translator) -> str:
    return t(IMPORTANCE_LABELS[rating])


def not_sure_label(t: Translator) -> str:
    return t(NOT_SURE_LABEL)


def leaning_label(leaning: str | None, option_labels: Mapping[str, str], t: Translator) -> str:
    """An option's label (already in the right language, from the grid), 'not sure yet', or
    'not answered'."""
    if leaning is None:
        return t(NOT_ANSWERED_LABEL)
    if leaning == NOT_SURE:
        return t(NOT_SURE_LABEL)
    return option_labels[leaning]


def leaning_agreement_label(agreement: LeaningAgreement, t: Translator) -> str:
    return t(LEANING_AGREEMENT_LABELS[LeaningAgreement(agreement)])


def pairs_label(pairs: tuple[Pair, ...], names: Mapping[str, str], t: Translator) -> str:
    """'Sam and Mama; Mama and Papa'."""
    return "; ".join(t(PAIR, first=names.get(a, a), second=names.get(b, b)) for a, b in pairs)


def consideration_agreement_label(
    comparison: ConsiderationComparison, names: Mapping[str, str], t: Translator
) -> str:
    """'Far apart: Sam and Mama; Mama and Papa', or 'Close together'."""
    if comparison.differs:
        return t(RATINGS_APART, pairs=pairs_label(comparison.differing_pairs, names, t))
    return t(RATINGS_CLOSE)


def leanings_apart_label(comparison: ValuesComparison, names: Mapping[str, str], t: Translator) -> str:
    """'Leaning to different options: Mama and Papa' ('' when nobody differs)."""
    pairs = comparison.differing_leaning_pairs
    return t(LEANINGS_APART, pairs=pairs_label(pairs, names, t)) if pairs else ""


def answer_part_label(part: AnswerPart, t: Translator) -> str:
    return t(ANSWER_PART_LABELS[AnswerPart(part)])


def private_label(t: Translator) -> str:
    """What a private answer shows instead of its value ('privé'), never 'not answered'."""
    return t(PRIVATE_ANSWER)


def private_answers_note(name: str, t: Translator) -> str:
    return t(PRIVATE_ANSWERS_NOTE, name=name)


def sure_interpretation_label(interpretation: SureInterpretation, t: Translator) -> str:
    return t(SURE_INTERPRETATION_LABELS[SureInterpretation(interpretation)])


def sure_moment_label(moment: str, t: Translator) -> str:
    return t(SURE_MOMENT_LABELS[moment])


def yes_no_label(value: bool, t: Translator) -> str:
    return t(YES_NO_LABELS[bool(value)])


def rule_error_message(error: SessionRuleError, t: Translator) -> str:
    """The refusal in the translator's language, dates written the local way."""
    return t(error.template, **format_params(error.params, t.locale))


# --- two versions of a session: what differs (see sdm_aid.sessions.conflicts) ---------------

DIFFERENCE_SECTIONS: Mapping[str, str] = {
    "answers": "Answers",
    "sure": "Four short questions",
    "recommendation": "Advice from the professional",
    "outcome": "The choice",
    "outcome_history": "Earlier choices",
    "follow_up": "Next appointment",
    "follow_up_history": "Earlier appointments",
    "handoff_note": "Note for the clinician",
    "elements": "Steps",
    "current_step": "The step you are on",
    "pending": "Not yet finished on screen",
    "peer_worker_tip": "Tip from the peer worker",
    "conversation_done_at": "Conversation with the clinician",
    "language": "Language",
    "participants": "Who takes part",
    "peer_worker_guides": "Peer worker",
    "other": "Other",
}
DIFFERENCE_ANSWERS: Mapping[str, str] = {
    "importance": "How important",
    "leaning": "Leans to",
    "ability": "Can you do it?",
    "understanding": "Check what is clear",
    "questions": "Questions for the professional",
    "notes": "Notes",
    "private_steps": "Private answers",
    "other": "Other",
}
EMPTY_VALUE = "(empty)"


def difference_label(
    difference: Difference, session: DecisionSession, grid: OptionGrid, t: Translator
) -> str:
    """'Sam · How important · Talking helps' for ('answers', 'youth', 'importance', 'quick')."""
    head, *rest = difference.path
    names = {p.id: p.label for p in session.participants}
    parts = [t(DIFFERENCE_SECTIONS.get(str(head), DIFFERENCE_SECTIONS["other"]))]
    if head in ("answers", "sure") and rest:
        parts = [names.get(str(rest[0]), str(rest[0]))]
        rest = rest[1:]
        if head == "sure":
            parts.append(t(DIFFERENCE_SECTIONS["sure"]))
            if rest and rest[0] in SURE_MOMENT_LABELS:
                parts.append(sure_moment_label(str(rest[0]), t))
                rest = rest[1:]
        elif rest:
            parts.append(t(DIFFERENCE_ANSWERS.get(str(rest[0]), DIFFERENCE_ANSWERS["other"])))
            rest = rest[1:]
    if head == "elements" and rest and isinstance(rest[0], int) and rest[0] < len(SdmElement):
        parts.append(element_name(list(SdmElement)[rest[0]], t))
        rest = []
    language = session.language
    grid_names = {o.id: o.label.get(language) for o in grid.options}
    grid_names |= {c.id: c.text.get(language) for c in grid.considerations}
    grid_names |= {u.id: u.statement.get(language) for u in grid.understanding_checks}
    parts += [grid_names.get(str(part), str(part)) for part in rest if not isinstance(part, int)]
    return " · ".join(parts)


def stored_value_text(value: object, t: Translator) -> str:
    """A stored (JSON) value as a person reads it."""
    if value is None or value == "" or value == [] or value == {}:
        return t(EMPTY_VALUE)
    if isinstance(value, bool):
        return yes_no_label(value, t)
    if isinstance(value, list):
        return "; ".join(stored_value_text(v, t) for v in value)
    if isinstance(value, dict):
        shown = {k: v for k, v in value.items() if v not in (None, "", [], {})}
        return "; ".join(f"{k}: {stored_value_text(v, t)}" for k, v in shown.items()) or t(EMPTY_VALUE)
    return str(value)
