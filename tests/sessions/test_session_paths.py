"""Session format 4 stores the wizard's path; every older session continues on the full path
(the one it went through), and the upgrade changes nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories import new_session

from sdm_aid.sessions import versions
from sdm_aid.sessions.models import WizardPath

CAPTURED = Path(__file__).with_name("captured")
OLDER = sorted(CAPTURED.glob("*/[0-9][0-9]-*.json"))
FORMAT_3 = sorted((CAPTURED / "main-2026-11-30-format3").glob("[0-9][0-9]-*.json"))


def test_format_3_sessions_were_captured() -> None:
    documents = [json.loads(path.read_text(encoding="utf-8")) for path in FORMAT_3]
    assert len(documents) >= 10 and {d["schema_version"] for d in documents} == {3}


@pytest.mark.parametrize("path", OLDER, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_older_session_continues_on_the_full_path(path: Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    session = versions.read(document)
    assert session.path == WizardPath.FULL
    assert session.current_step == versions.read({**document}).current_step


def test_the_upgrade_to_4_adds_the_path_and_nothing_else() -> None:
    document = json.loads(FORMAT_3[0].read_text(encoding="utf-8"))
    upgraded = versions.upgrade(document)
    assert {k: v for k, v in upgraded.items() if k not in ("schema_version", "path")} == {
        k: v for k, v in document.items() if k != "schema_version"
    }
    assert upgraded["path"] == "full" and upgraded["schema_version"] == 4


def test_a_new_session_keeps_its_path_through_a_save_and_a_read() -> None:
    session = new_session(peer_worker=True)
    session.path = WizardPath.WAITING_ROOM
    assert versions.read(session.model_dump(mode="json")).path == WizardPath.WAITING_ROOM
