"""Sessions written by earlier versions of SDM Aid must keep loading (issue 11).

`captured/main-2026-11-30` holds documents and a SQLite database exactly as main wrote them
on that day. Never edit those files: when the session format changes, the loader upgrades
them, and these tests prove it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sdm_aid.sessions.models import DecisionSession
from sdm_aid.storage.database import open_database
from sdm_aid.storage.tables import sessions as sessions_table

CAPTURED = Path(__file__).with_name("captured")
DOCUMENTS = sorted(CAPTURED.glob("*/[0-9][0-9]-*.json"))
DATABASES = sorted(CAPTURED.glob("*/sessions-*.sqlite3"))


def test_there_are_captured_sessions() -> None:
    assert len(DOCUMENTS) >= 40
    assert DATABASES


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_captured_document_loads(path: Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    session = DecisionSession.model_validate(document)
    assert str(session.id) == document["id"]
    assert [p.id for p in session.participants] == [p["id"] for p in document["participants"]]


@pytest.mark.parametrize("path", DATABASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_captured_database_opens_migrates_and_every_session_loads(path: Path, tmp_path: Path) -> None:
    copy = tmp_path / path.name
    shutil.copyfile(path, copy)
    database = open_database(f"sqlite:///{copy}")
    try:
        with database.engine.connect() as connection:
            documents = [row.document for row in connection.execute(sessions_table.select())]
        assert len(documents) == len(list(path.parent.glob("[0-9][0-9]-*.json")))
        for document in documents:
            DecisionSession.model_validate(document)
    finally:
        database.dispose()
