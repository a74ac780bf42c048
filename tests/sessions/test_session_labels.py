"""Every label users can see exists in Dutch and English (strict mode), with the same slots."""

from __future__ import annotations

import string
from datetime import date, time

import pytest

from sdm_aid.elements import SdmElement
from sdm_aid.i18n import catalogue
from sdm_aid.sessions import labels
from sdm_aid.sessions.agreement import LeaningAgreement
from sdm_aid.sessions.errors import RULE_ERROR_TEMPLATES, SessionRuleError
from sdm_aid.sessions.ics import ICS_MESSAGE_IDS
from sdm_aid.sessions.models import (
    NOT_SURE,
    Barrier,
    DeferralReason,
    ElementStatus,
    FollowUpMode,
    FollowUpStatus,
    Role,
)
from sdm_aid.sessions.status import FollowUpState, SessionStatus
from sdm_aid.sessions.sure import SureInterpretation

ENUM_LABELS = [
    (Role, labels.role_label),
    (SdmElement, labels.element_name),
    (SdmElement, labels.element_why),
    (ElementStatus, labels.element_status_label),
    (Barrier, labels.barrier_label),
    (DeferralReason, labels.deferral_reason_label),
    (FollowUpMode, labels.follow_up_mode_label),
    (FollowUpStatus, labels.follow_up_status_label),
    (FollowUpState, labels.follow_up_state_label),
    (SessionStatus, labels.session_status_label),
    (LeaningAgreement, labels.leaning_agreement_label),
    (SureInterpretation, labels.sure_interpretation_label),
]


def slots(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize(("enum", "label"), ENUM_LABELS, ids=lambda v: getattr(v, "__name__", str(v)))
def test_every_value_has_a_label_in_both_languages(enum, label) -> None:
    nl, en = labels.translator("nl"), labels.translator("en")
    dutch = [label(value, nl) for value in enum]
    english = [label(value, en) for value in enum]
    assert all(dutch) and all(english)
    assert len(set(dutch)) == len(dutch), "two values would look the same in Dutch"
    assert dutch != english


def test_other_labels_in_both_languages() -> None:
    for language in ("nl", "en"):
        t = labels.translator(language)
        assert [labels.importance_label(n, t) for n in range(5)]
        assert labels.not_sure_label(t) and labels.private_label(t) and labels.private_answers_note("Sam", t)
        assert labels.leaning_label(None, {}, t) != labels.leaning_label(NOT_SURE, {}, t)
        assert labels.leaning_label("pills", {"pills": "Medicijn"}, t) == "Medicijn"
        assert labels.sure_moment_label("before", t) != labels.sure_moment_label("after", t)
        assert labels.yes_no_label(True, t) != labels.yes_no_label(False, t)
    nl = labels.translator("nl")
    assert labels.step_heading(4, 9, nl) == "Stap 4 van 9"
    assert labels.element_name(SdmElement.DECIDE, labels.translator("en")) == "Choose now or later"


def test_catalogue_has_exactly_the_texts_in_use_with_the_same_slots() -> None:
    used = labels.message_ids() | ICS_MESSAGE_IDS
    dutch = catalogue("sessions", "nl")
    assert set(dutch) == used, f"missing: {used - set(dutch)}; unused: {set(dutch) - used}"
    for english, translated in dutch.items():
        assert slots(english) == slots(translated), english


EXAMPLE_PARAMS = {
    "follow_up_too_far": {"latest": date(2027, 11, 22)},
    "follow_up_nonexistent_time": {"date": date(2027, 3, 28), "time": time(2, 30)},
    "follow_up_duration_invalid": {"minimum": 5, "maximum": 480},
    "too_many_parents": {"maximum": 2},
    "text_too_long": {"limit": 300},
}


@pytest.mark.parametrize("code", sorted(RULE_ERROR_TEMPLATES))
def test_every_rule_error_reads_well_in_both_languages(code: str) -> None:
    error = SessionRuleError(code, element=SdmElement.VALUES, **EXAMPLE_PARAMS.get(code, {}))
    dutch = labels.rule_error_message(error, labels.translator("nl"))
    english = labels.rule_error_message(error, labels.translator("en"))
    assert english == error.message == str(error)
    assert dutch != english
    assert "{" not in dutch and "{" not in english


def test_dates_in_messages_are_written_the_local_way() -> None:
    error = SessionRuleError("follow_up_too_far", latest=date(2027, 3, 1))
    assert "1 maart 2027" in labels.rule_error_message(error, labels.translator("nl"))
    assert "1 March 2027" in labels.rule_error_message(error, labels.translator("en"))


def test_unknown_code_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        SessionRuleError("no_such_code")


def test_rule_errors_survive_pickle_and_copy() -> None:
    import copy
    import pickle

    error = SessionRuleError("follow_up_too_far", element=SdmElement.FOLLOW_UP, latest=date(2027, 3, 1))
    for clone in (pickle.loads(pickle.dumps(error)), copy.deepcopy(error)):
        assert (clone.code, clone.element, clone.params, str(clone)) == (
            error.code,
            error.element,
            error.params,
            str(error),
        )
