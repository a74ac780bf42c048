"""Why a change to a session was refused: a stable code, plain English, and translation by code.

The English template is also the message id in sessions.po, so the UI shows the same words in
Dutch through `sdm_aid.sessions.labels.rule_error_message`. Codes never change once released:
the wizard and tests match on them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

from babel.dates import format_date, format_time

from sdm_aid.elements import SdmElement
from sdm_aid.i18n import languages

RULE_ERROR_TEMPLATES: Mapping[str, str] = {
    "skip_reason_required": "Please say why you skip this step.",
    "decide_cannot_be_skipped": ("The decision cannot be skipped. Make a choice, or put it off and say why."),
    "decision_required": "There is no decision yet. Make a choice, or put it off and say why.",
    "element_open": "Step {number} of 9 is not finished yet. Finish it, or skip it and say why.",
    "follow_up_required": (
        "The decision was put off, so a follow-up appointment is needed. Please plan one."
    ),
    "follow_up_in_past": "This moment has already passed. Please choose a date and time in the future.",
    "follow_up_too_far": ("This date is more than a year away. Please choose {latest} or earlier."),
    "follow_up_nonexistent_time": (
        "On {date} the time {time} does not exist: that night the clocks go forward from 02:00 "
        "to 03:00. Please choose 03:00 or later."
    ),
    "follow_up_duration_invalid": "A follow-up takes at least {minimum} and at most {maximum} minutes.",
    "follow_up_missing": "There is no follow-up appointment yet.",
    "follow_up_status_invalid": "A follow-up can only be marked as done or missed.",
    "follow_up_not_started": (
        "This follow-up has not started yet. You can record how it went once it has begun."
    ),
    "follow_up_already_closed": (
        "How this follow-up went has already been recorded. Plan a new follow-up if needed."
    ),
    "unknown_option": "This option is not part of this decision aid.",
    "unknown_consideration": "This topic is not part of this decision aid.",
    "unknown_check_item": "This question is not part of this decision aid.",
    "unknown_participant": "This person is not part of this session.",
    "agree_and_disagree": "Each person has one answer: agree, do not agree, or not sure.",
    "tip_without_peer_worker": "Only a peer worker who guides the conversation can give a tip.",
    "label_required": "Please fill in a name or nickname.",
    "label_taken": "Someone in this conversation already has this name. Please choose another.",
    "too_many_parents": "At most {maximum} parents or carers can take part.",
    "participant_cannot_be_removed": "Only a parent or carer can stop taking part.",
    "participant_cannot_be_invited": "Only the young person and the parents or carers can be invited.",
    "grid_mismatch": "This session was made with a different decision aid.",
    "text_too_long": "This text is too long. Use at most {limit} characters.",
    "deferral_details_required": "You chose 'another reason'. Please describe the reason.",
    "sure_not_for_role": "The SURE questions are for the young person and the parents.",
    "sure_moment_invalid": "The SURE questions are asked 'before' or 'after'.",
}


def format_params(params: Mapping[str, object], locale: str) -> dict[str, object]:
    """Dates and times as people in that language write them; everything else unchanged."""
    formatted: dict[str, object] = {}
    for key, value in params.items():
        if isinstance(value, datetime):
            value = (
                f"{format_date(value, 'long', locale=locale)} {format_time(value, 'HH:mm', locale=locale)}"
            )
        elif isinstance(value, date):
            value = format_date(value, "long", locale=locale)
        elif isinstance(value, time):
            value = value.strftime("%H:%M")
        formatted[key] = value
    return formatted


class SessionRuleError(ValueError):
    """A change a session's rules do not allow. `code` is stable; the message is plain English."""

    def __init__(self, code: str, *, element: SdmElement | None = None, **params: object) -> None:
        if code not in RULE_ERROR_TEMPLATES:
            raise KeyError(f"unknown rule error code {code!r}")
        self.code = code
        self.element = element
        self.params: dict[str, object] = dict(params)
        if element is not None:
            self.params.setdefault("number", element.number)
        super().__init__(self.message)

    @property
    def template(self) -> str:
        return RULE_ERROR_TEMPLATES[self.code]

    @property
    def message(self) -> str:
        return self.template.format(**format_params(self.params, languages.info(languages.SOURCE).locale))

    def __repr__(self) -> str:
        return f"SessionRuleError({self.code!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only arguments: rebuild from code, element and params (pickle, copy).
        params = {k: v for k, v in self.params.items() if not (k == "number" and self.element)}
        return _rebuild, (self.code, self.element, params)


def _rebuild(code: str, element: SdmElement | None, params: dict[str, object]) -> SessionRuleError:
    return SessionRuleError(code, element=element, **params)
