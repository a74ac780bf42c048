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


UPGRADES: Mapping[int, Callable[[Document], Document]] = {1: _v1_to_v2}
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
