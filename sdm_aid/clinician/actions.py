"""What a clinician can do to a session, and which of those go into the access log.

The access log says who did what to which session and when, never what the session says.
Reading counts as much as changing: opening a session and taking a copy out of the app
(PDF, calendar file, JSON export) are logged, like recording an outcome or erasing it.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from sdm_aid.audit import AccessAction


class ClinicianAction(StrEnum):
    LOG_IN = "log_in"
    LOG_OUT = "log_out"
    OPEN = "open"
    DOWNLOAD_PDF = "download_pdf"
    DOWNLOAD_CALENDAR = "download_calendar"
    EXPORT_JSON = "export_json"
    RECORD_FOLLOW_UP = "record_follow_up"
    REVISIT_DECISION = "revisit_decision"
    PLAN_FOLLOW_UP = "plan_follow_up"
    ERASE = "erase"


ACCESS_LOG: Mapping[ClinicianAction, AccessAction | None] = {
    ClinicianAction.LOG_IN: AccessAction.LOGGED_IN,
    ClinicianAction.LOG_OUT: AccessAction.LOGGED_OUT,
    ClinicianAction.OPEN: AccessAction.OPENED,
    # A PDF or a calendar file is a copy that leaves the app: 'printed'.
    ClinicianAction.DOWNLOAD_PDF: AccessAction.PRINTED,
    ClinicianAction.DOWNLOAD_CALENDAR: AccessAction.PRINTED,
    ClinicianAction.EXPORT_JSON: AccessAction.EXPORTED,
    ClinicianAction.RECORD_FOLLOW_UP: AccessAction.FOLLOW_UP_RECORDED,
    ClinicianAction.REVISIT_DECISION: AccessAction.DECISION_REVISITED,
    ClinicianAction.PLAN_FOLLOW_UP: AccessAction.FOLLOW_UP_PLANNED,
    # SessionService.erase writes the 'erased' row itself, in the same transaction as the
    # deletion (and removes the session's other rows), so the page must not add one.
    ClinicianAction.ERASE: None,
}
WRITTEN_BY_SERVICE: frozenset[ClinicianAction] = frozenset({ClinicianAction.ERASE})


def access_action(action: ClinicianAction) -> AccessAction | None:
    """The access-log action the page records for `action`, or None when the page records none."""
    return ACCESS_LOG[ClinicianAction(action)]
