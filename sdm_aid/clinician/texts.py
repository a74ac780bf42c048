"""What the clinician pages say for each enum-like value (access-log actions, list orders,
login notices), as English message ids of the `clinician` catalogue.

tests/i18n checks that every value of every enum in `TABLES` has a text, and that every text
has its Dutch translation.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum, StrEnum
from typing import Any

from sdm_aid.audit import AccessAction
from sdm_aid.storage.records import SessionOrder

DOMAIN = "clinician"


class LoginNotice(StrEnum):
    IDLE = "idle"
    ABSOLUTE = "absolute"
    LOGGED_OUT = "logged_out"
    SSO_REFUSED = "sso_refused"


ACTION_TEXT: Mapping[AccessAction, str] = {
    AccessAction.OPENED: "Opened",
    AccessAction.PRINTED: "Downloaded (PDF or calendar file)",
    AccessAction.EXPORTED: "Exported (JSON)",
    AccessAction.ERASED: "Erased",
    AccessAction.FOLLOW_UP_RECORDED: "Recorded how the follow-up went",
    AccessAction.DECISION_REVISITED: "Revisited the decision",
    AccessAction.FOLLOW_UP_PLANNED: "Planned a new follow-up",
    AccessAction.ADVICE_RECORDED: "Recorded the advice",
    AccessAction.CONVERSATION_DONE: "Marked the conversation as done",
    AccessAction.LOGGED_IN: "Logged in",
    AccessAction.LOGGED_OUT: "Logged out",
    AccessAction.STARTED: "Started the conversation (family)",
    AccessAction.RESUMED: "Continued with the code (family)",
    AccessAction.ANSWERS_SAVED: "Answers saved (family)",
    AccessAction.STEP_CHANGED: "Went to another step (family)",
    AccessAction.STEP_SKIPPED: "Skipped a step, with a reason (family)",
    AccessAction.PATH_CHOSEN: "Switched between the short and the full version (family)",
    AccessAction.CONFLICT_RESOLVED: "Chose between two versions (family)",
    AccessAction.FINISHED: "Finished and cleared the screen (family)",
    AccessAction.INVITED: "Invited someone with a personal code (family)",
    AccessAction.INVITATION_REVOKED: "Took back a personal code (family)",
    AccessAction.JOINED: "Joined with a personal code (family)",
    AccessAction.PARTICIPANT_ADDED: "Added a parent or carer (family)",
    AccessAction.PARTICIPANT_REMOVED: "A parent or carer stopped taking part (family)",
}

ORDER_TEXT: Mapping[SessionOrder, str] = {
    SessionOrder.UPDATED_DESC: "Last change, newest first",
    SessionOrder.UPDATED_ASC: "Last change, oldest first",
    SessionOrder.CREATED_DESC: "Started, newest first",
    SessionOrder.CREATED_ASC: "Started, oldest first",
    SessionOrder.FOLLOW_UP_ASC: "Follow-up, soonest first",
}

NOTICES: Mapping[LoginNotice, tuple[str, str]] = {
    LoginNotice.IDLE: ("You were logged out because nothing happened for 15 minutes.", "info"),
    LoginNotice.ABSOLUTE: (
        "You were logged out because you were logged in for 8 hours. Please log in again.",
        "info",
    ),
    LoginNotice.LOGGED_OUT: ("You are logged out.", "success"),
    LoginNotice.SSO_REFUSED: (
        "This organisation account has no access to the clinician pages. Ask the application "
        "manager to add it.",
        "error",
    ),
}
"""Notice -> (text, kind of message box)."""

TABLES: tuple[tuple[type[Enum], Mapping[Any, str]], ...] = (
    (AccessAction, ACTION_TEXT),
    (SessionOrder, ORDER_TEXT),
    (LoginNotice, {notice: text for notice, (text, _kind) in NOTICES.items()}),
)
