"""Stored session documents of every format ever written, read as today's session.

Each stored document carries its `schema_version`. Reading one goes through `upgrade`: a
chain of pure functions, one per format change, each turning version n into n + 1. The
sessions captured from earlier versions of SDM Aid (tests/sessions/captured) are loaded
through it in the test suite, forever. A format change adds a function here and bumps
`SESSION_SCHEMA_VERSION`; it never edits an earlier step.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sdm_aid.elements import ELEMENT_ORDER
from sdm_aid.sessions.models import SESSION_SCHEMA_VERSION, DecisionSession

Document = dict[str, Any]


class UnknownVersionError(ValueError):
    """A document from a newer SDM Aid (or not a session at all)."""


def _v1_to_v2(document: Document) -> Document:
    """v2 stores the step by id instead of its number (1..9 were the nine elements in their
    order), and keeps what is typed but not yet recorded in `pending` (empty before)."""
    step = document.get("current_step", 1)
    if isinstance(step, int) and 1 <= step <= len(ELEMENT_ORDER):
        step = ELEMENT_ORDER[step - 1].value
    return {**document, "schema_version": 2, "current_step": step, "pending": document.get("pending", {})}


OWN_ANSWER_STEPS_V3 = ("explain_problem", "values", "ability", "recommendation", "understanding")
"""The steps on which each person gives their own answers (as in version 3): a version-2
'keep my answers private' covered all of them, so it becomes private on each."""


def _v2_to_v3(document: Document) -> Document:
    """v3 makes privacy per step, lets the professional's advice come only from the clinician
    page, and records 'not sure' votes on a decision.

    - The young person's `private` flag becomes `private_steps` (every step with own answers);
      it stays private unless the old document allowed it in the family copy
      (`youth_allows_family_copy`), which v3 drops: sharing is now per step.
    - A recommendation recorded by a peer worker in the waiting room becomes the peer
      worker's own tip (`peer_worker_tip`); a clinician's stays the recommendation.
    - A decision gets an `unsure` list (participants who voted neither way were dropped
      before; they cannot be told apart any more, so the list starts empty).
    """
    upgraded = {key: value for key, value in document.items() if key != "youth_allows_family_copy"}
    allowed = bool(document.get("youth_allows_family_copy", False))
    answers = {}
    for participant_id, given in (document.get("answers") or {}).items():
        given = dict(given)
        private = bool(given.pop("private", False))
        given["private_steps"] = list(OWN_ANSWER_STEPS_V3) if private and not allowed else []
        answers[participant_id] = given
    upgraded["answers"] = answers
    advice = document.get("recommendation")
    if isinstance(advice, dict) and advice.get("by_role") == "peer_worker":
        upgraded["recommendation"] = None
        upgraded["peer_worker_tip"] = {
            "option_id": advice.get("option_id"),
            "reasons": advice.get("reasons", ""),
        }
    upgraded["outcome"] = _with_unsure(document.get("outcome"))
    upgraded["outcome_history"] = [_with_unsure(o) for o in document.get("outcome_history") or []]
    upgraded["schema_version"] = 3
    return upgraded


def _with_unsure(outcome: Any) -> Any:
    if isinstance(outcome, dict) and outcome.get("kind") == "decided":
        return {**outcome, "unsure": outcome.get("unsure", [])}
    return outcome


def _v3_to_v4(document: Document) -> Document:
    """v4 stores the wizard's path (short for the waiting room, or full). Every session
    before it went through all of the steps in full, so it continues on the full path."""
    return {**document, "schema_version": 4, "path": document.get("path", "full")}


UPGRADES: Mapping[int, Callable[[Document], Document]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}
"""From version n (the key) to n + 1."""


def upgrade(document: Mapping[str, Any]) -> Document:
    """The document in today's format (a new dict; the given one is not changed)."""
    upgraded = dict(document)
    version = upgraded.get("schema_version", 1)
    if not isinstance(version, int) or version > SESSION_SCHEMA_VERSION or version < 1:
        raise UnknownVersionError(f"session format {version!r} is not one this version of SDM Aid can read")
    while version < SESSION_SCHEMA_VERSION:
        upgraded = UPGRADES[version](upgraded)
        version = upgraded["schema_version"]
    return upgraded


def read(document: Mapping[str, Any]) -> DecisionSession:
    """A stored document (any format) as a session."""
    return DecisionSession.model_validate(upgrade(document))
