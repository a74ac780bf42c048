"""Sessions written by earlier versions of SDM Aid must keep loading (issues 11 and 14).

`captured/main-2026-11-30` (format 1) and `captured/main-2026-11-30-format2` hold documents
and a SQLite database exactly as main wrote them. Never edit those files: when the session
format changes, the loader upgrades them, and these tests prove it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sdm_aid.sessions import versions
from sdm_aid.sessions.models import SESSION_SCHEMA_VERSION, DecisionSession
from sdm_aid.storage.database import open_database
from sdm_aid.storage.tables import sessions as sessions_table
from sdm_aid.wizard import step_registry

CAPTURED = Path(__file__).with_name("captured")
DOCUMENTS = sorted(CAPTURED.glob("*/[0-9][0-9]-*.json"))
DATABASES = sorted(CAPTURED.glob("*/sessions-*.sqlite3"))


def test_there_are_captured_sessions() -> None:
    assert len(DOCUMENTS) >= 40
    assert DATABASES


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_captured_document_loads(path: Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    session = versions.read(document)
    assert str(session.id) == document["id"] and session.schema_version == SESSION_SCHEMA_VERSION
    assert [p.id for p in session.participants] == [p["id"] for p in document["participants"]]
    assert session.answers == DecisionSession.model_validate(versions.upgrade(document)).answers
    # Where the family was: v1 stored step numbers 1..9, today a step id at the same place.
    if isinstance(document.get("current_step"), int):
        assert step_registry.position(session.current_step) == document["current_step"]


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
            versions.read(document)
    finally:
        database.dispose()


@pytest.mark.parametrize("path", DATABASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_sessions_check_reads_the_captured_database(path: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    from sdm_aid.cli.main import main

    copy = tmp_path / path.name
    shutil.copyfile(path, copy)
    monkeypatch.setenv("SDM_AID_DATABASE_URL", f"sqlite:///{copy}")
    monkeypatch.setenv("SDM_AID_DATA_DIR", str(tmp_path))
    assert main(["sessions", "--check"]) == 0
    count = len(list(path.parent.glob("[0-9][0-9]-*.json")))
    assert capsys.readouterr().out.strip() == f"All {count} sessions load."


FORMAT_2 = sorted((CAPTURED / "main-2026-11-30-format2").glob("[0-9][0-9]-*.json"))


def test_format_2_privacy_advice_and_votes_are_carried_over() -> None:
    """Private answers stay private on every step with own answers, unless the family copy
    was allowed; an advice a peer worker recorded becomes their tip; votes keep their place."""
    documents = [json.loads(path.read_text(encoding="utf-8")) for path in FORMAT_2]
    assert {d["schema_version"] for d in documents} == {2}
    private_steps = {spec.id for spec in step_registry.per_person_steps()}
    seen = {"private": 0, "allowed": 0, "tip": 0}
    for document in documents:
        session = versions.read(document)
        youth = document["answers"].get("youth", {})
        upgraded = session.answers.get("youth")
        if youth.get("private") and not document.get("youth_allows_family_copy"):
            assert upgraded is not None and set(upgraded.private_steps) == private_steps
            seen["private"] += 1
        elif youth.get("private"):
            assert upgraded is not None and upgraded.private_steps == []
            seen["allowed"] += 1
        advice = document.get("recommendation")
        if advice and advice["by_role"] == "peer_worker":
            assert session.recommendation is None and session.peer_worker_tip is not None
            assert session.peer_worker_tip.reasons == advice["reasons"]
            seen["tip"] += 1
        elif advice:
            assert session.recommendation is not None
            assert session.recommendation.option_id == advice["option_id"]
        outcome = document.get("outcome")
        if outcome and outcome["kind"] == "decided":
            assert (session.outcome.agree, session.outcome.disagree) == (
                outcome["agree"],
                outcome["disagree"],
            )
        assert session.pending == document["pending"]
    assert all(seen.values()), seen


def test_upgrading_is_pure_and_refuses_a_format_from_the_future() -> None:
    document = json.loads(DOCUMENTS[0].read_text(encoding="utf-8"))
    before = json.dumps(document, sort_keys=True)
    upgraded = versions.upgrade(document)
    assert json.dumps(document, sort_keys=True) == before  # the stored document is not changed
    assert upgraded["schema_version"] == SESSION_SCHEMA_VERSION and upgraded["pending"] == {}
    with pytest.raises(versions.UnknownVersionError):
        versions.upgrade({**document, "schema_version": SESSION_SCHEMA_VERSION + 1})
