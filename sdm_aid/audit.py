"""What goes into the access log: who did what to which session, and when. Never content.

Every action a person takes is logged in the same transaction as the change it makes (see
`SessionService.save(..., action=...)`), so a change is never saved without its row, nor a
row written for a change that was refused. Families are not named: their rows say `FAMILY`.
"""

from __future__ import annotations

from enum import StrEnum

FAMILY = "family"
"""The actor of everything done on a family's screen (tablet, phone or home computer)."""
SYSTEM = "system"


class AccessAction(StrEnum):
    # Clinicians (and administrators)
    OPENED = "opened"
    PRINTED = "printed"
    EXPORTED = "exported"
    ERASED = "erased"
    FOLLOW_UP_RECORDED = "follow_up_recorded"
    DECISION_REVISITED = "decision_revisited"
    FOLLOW_UP_PLANNED = "follow_up_planned"
    ADVICE_RECORDED = "advice_recorded"
    CONVERSATION_DONE = "conversation_done"
    LOGGED_IN = "logged_in"
    LOGGED_OUT = "logged_out"
    # The family's screen
    STARTED = "started"
    RESUMED = "resumed"
    ANSWERS_SAVED = "answers_saved"
    STEP_CHANGED = "step_changed"
    STEP_SKIPPED = "step_skipped"
    PATH_CHOSEN = "path_chosen"
    CONFLICT_RESOLVED = "conflict_resolved"
    FINISHED = "finished"
    INVITED = "invited"
    INVITATION_REVOKED = "invite_revoked"
    JOINED = "joined"
    PARTICIPANT_ADDED = "participant_added"
    PARTICIPANT_REMOVED = "participant_removed"


FAMILY_ACTIONS = frozenset(
    {
        AccessAction.INVITED,
        AccessAction.INVITATION_REVOKED,
        AccessAction.JOINED,
        AccessAction.PARTICIPANT_ADDED,
        AccessAction.PARTICIPANT_REMOVED,
        AccessAction.STARTED,
        AccessAction.RESUMED,
        AccessAction.ANSWERS_SAVED,
        AccessAction.STEP_CHANGED,
        AccessAction.STEP_SKIPPED,
        AccessAction.PATH_CHOSEN,
        AccessAction.CONFLICT_RESOLVED,
        AccessAction.FINISHED,
    }
)
"""Done on the family's own screen (the others are a clinician's or an administrator's)."""
