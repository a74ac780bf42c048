"""Export of one session as versioned JSON, and reading it back."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from factories import grid_ref, minimal_grid, new_session

from sdm_aid.sessions.demo import generate_demo_sessions
from sdm_aid.sessions.export import (
    EXPORT_FORMAT,
    EXPORT_FORMAT_VERSION,
    ExportFormatError,
    export_document,
    export_json,
    import_document,
)

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def test_envelope() -> None:
    session = new_session(minimal_grid(), now=NOW)
    document = export_document(session, now=NOW)
    assert set(document) == {"format", "format_version", "exported_at", "session"}
    assert (document["format"], document["format_version"]) == (EXPORT_FORMAT, EXPORT_FORMAT_VERSION)
    assert document["exported_at"] == "2026-11-22T12:00:00Z"
    assert document["session"]["id"] == str(session.id)


def test_every_kind_of_session_round_trips() -> None:
    grid = minimal_grid()
    for session in generate_demo_sessions([(grid, grid_ref(grid))], 40, now=NOW, seed=3):
        text = export_json(session, now=NOW)
        assert import_document(text) == session
        assert import_document(json.loads(text)) == session
        assert import_document(text.encode()) == session


def test_the_export_holds_only_this_session() -> None:
    grid = minimal_grid()
    one, other = generate_demo_sessions([(grid, grid_ref(grid))], 2, now=NOW, seed=5)
    text = export_json(one, now=NOW)
    assert str(one.id) in text and str(other.id) not in text


def test_non_ascii_and_markup_survive() -> None:
    session = new_session(minimal_grid(), now=NOW)
    session.handoff_note = 'Zo\'n "ĳsje" <b>€</b>\n\\u0000'
    assert import_document(export_json(session, now=NOW)).handoff_note == session.handoff_note


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "expected a JSON object"),
        ({"format": "something-else"}, "not a session export"),
        ({"format": EXPORT_FORMAT, "format_version": 2}, "not supported"),
        (
            {"format": EXPORT_FORMAT, "format_version": 1, "exported_at": "x", "session": {}, "extra": 1},
            "exactly the keys",
        ),
        (
            {"format": EXPORT_FORMAT, "format_version": 1, "exported_at": "x", "session": {"id": 3}},
            "not valid",
        ),
    ],
)
def test_bad_documents_are_refused_clearly(document, message: str) -> None:
    with pytest.raises(ExportFormatError, match=message):
        import_document(document)
