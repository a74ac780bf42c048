"""Export of one session as schema-versioned JSON (the family's or clinic's own copy).

    {"format": "sdm-aid-session", "format_version": 1,
     "exported_at": "2026-11-22T21:00:00Z", "session": {...one DecisionSession...}}

`format_version` changes only when the envelope or the session schema changes in a way an
older reader cannot follow. The document holds exactly one session and nothing else: no
resume code, no other family's data. `import_document` reads it back (for tests, and to
restore after a move between sites).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from sdm_aid.sessions.models import DecisionSession

EXPORT_FORMAT = "sdm-aid-session"
EXPORT_FORMAT_VERSION = 1
_KEYS = {"format", "format_version", "exported_at", "session"}


class ExportFormatError(ValueError):
    """The document is not a session export this version can read."""


def export_document(session: DecisionSession, *, now: datetime | None = None) -> dict[str, Any]:
    exported_at = (now or datetime.now(UTC)).astimezone(UTC)
    return {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_FORMAT_VERSION,
        "exported_at": exported_at.isoformat().replace("+00:00", "Z"),
        "session": session.model_dump(mode="json"),
    }


def export_json(session: DecisionSession, *, now: datetime | None = None) -> str:
    return json.dumps(export_document(session, now=now), ensure_ascii=False, indent=2)


def import_document(document: Mapping[str, Any] | str | bytes) -> DecisionSession:
    """Read an export back into a DecisionSession; ExportFormatError says what is wrong."""
    if isinstance(document, str | bytes):
        try:
            document = json.loads(document)
        except ValueError as error:
            raise ExportFormatError(f"not valid JSON: {error}") from None
    if not isinstance(document, Mapping):
        raise ExportFormatError("expected a JSON object with 'format', 'format_version' and 'session'")
    if document.get("format") != EXPORT_FORMAT:
        raise ExportFormatError(f"'format' must be {EXPORT_FORMAT!r}; this is not a session export")
    if document.get("format_version") != EXPORT_FORMAT_VERSION:
        raise ExportFormatError(
            f"format_version {document.get('format_version')!r} is not supported; "
            f"this version reads {EXPORT_FORMAT_VERSION}"
        )
    if set(document) != _KEYS:
        raise ExportFormatError(f"expected exactly the keys {sorted(_KEYS)}, got {sorted(document)}")
    try:
        return DecisionSession.model_validate(document["session"])
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'session'}: {e['msg']}" for e in error.errors()[:5]
        )
        raise ExportFormatError(f"the session in this export is not valid: {problems}") from None
