"""The storage commands of `sdm-aid`, run in-process against a SQLite file in a temp folder."""

from __future__ import annotations

import io
import json
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from database_fixtures import TEST_KEY
from factories import new_session
from storage_builders import filled_session

from sdm_aid.cli.main import main
from sdm_aid.config import load_settings
from sdm_aid.services.clinicians import AccessLog, ClinicianAccounts
from sdm_aid.services.sessions import SessionService


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SDM_AID_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("SDM_AID_SECRET_KEY", TEST_KEY.decode())
    monkeypatch.delenv("SDM_AID_DATABASE_URL", raising=False)
    return tmp_path


def _service() -> SessionService:
    return SessionService.from_settings(load_settings())


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_sessions_lists_ids_and_never_text(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    started = _service().start(filled_session("PRIVATE-TEXT"))
    _service().start(new_session())
    code, out, _ = run(capsys, "sessions")
    assert code == 0 and str(started.session.id) in out and "2 sessions; showing 1-2." in out
    assert "PRIVATE-TEXT" not in out and started.resume_code not in out
    code, out, _ = run(capsys, "sessions", "--status", "deferred", "--format", "json")
    document = json.loads(out)
    assert code == 0 and document["total"] == 1 and document["sessions"][0]["id"] == str(started.session.id)
    assert "PRIVATE-TEXT" not in out
    code, out, _ = run(capsys, "sessions", "--status", "decided")
    assert (code, out.strip()) == (0, "No sessions found.")


def test_followups(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    session = filled_session("x", now=now)  # follow-up in three days
    _service().start(session)
    code, out, _ = run(capsys, "followups")
    assert code == 0 and str(session.id) in out and " due " in out
    code, out, _ = run(capsys, "followups", "--overdue", "--format", "json")
    assert code == 0 and json.loads(out) == {"kind": "overdue", "days": None, "follow_ups": []}
    code, out, _ = run(capsys, "followups", "--upcoming", "30", "--format", "json")
    rows = json.loads(out)["follow_ups"]
    assert [r["session_id"] for r in rows] == [str(session.id)] and rows[0]["state"] == "due"
    assert datetime.fromisoformat(rows[0]["follow_up_at"]) == session.follow_up.starts_at
    assert now + timedelta(days=2) < session.follow_up.starts_at
    with pytest.raises(SystemExit) as exit_:
        main(["followups", "--upcoming", "soon"])
    assert exit_.value.code == 2
    with pytest.raises(SystemExit):
        main(["followups", "--due", "--overdue"])


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_export_by_id_and_by_a_code_that_is_asked_for(
    env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = _service().start(filled_session("MINE"))
    _service().start(filled_session("THEIRS"))
    asked: list[str] = []

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return mine.resume_code.lower()

    monkeypatch.setattr("getpass.getpass", ask)
    monkeypatch.setattr("sys.stdin", Terminal(""))
    code, out, _ = run(capsys, "export")
    assert asked == ["Resume code: "]
    assert code == 0 and json.loads(out)["session"]["id"] == str(mine.session.id) and "THEIRS" not in out
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{mine.resume_code}\n"))
    code, out, _ = run(capsys, "export", "--code-stdin")
    assert code == 0 and json.loads(out)["session"]["id"] == str(mine.session.id)
    target = env / "export.json"
    code, _, err = run(capsys, "export", str(mine.session.id), "-o", str(target))
    assert code == 0 and "exported to" in err
    assert json.loads(target.read_text())["format"] == "sdm-aid-session"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    code, _, err = run(capsys, "export", str(mine.session.id), "-o", str(target))
    assert code == 1 and "already exists" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("ZZZZ-ZZZZ\n"))
    code, _, err = run(capsys, "export", "--code-stdin")
    assert (code, err.strip()) == (1, "sdm-aid export: Unknown or expired code.")
    actions = [e.action for e in AccessLog(_service().database).entries(session_id=mine.session.id)]
    assert sorted(actions) == ["exported", "exported", "exported", "started"]


def test_export_refuses_a_code_on_the_command_line(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """It would stay in the shell history: nothing is exported, and the way to do it is named."""
    mine = _service().start(filled_session("MINE"))
    for typed in (mine.resume_code, mine.resume_code.lower().replace("-", "")):
        code, out, err = run(capsys, "export", typed)
        assert code == 2 and out == "" and "--code-stdin" in err and "command line" in err
    entries = AccessLog(_service().database).entries(session_id=mine.session.id)
    assert [e.action for e in entries] == ["started"]  # nothing exported


def test_export_without_a_terminal_needs_code_stdin(
    env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("K7QM-4RZP\n"))  # not a terminal
    code, out, err = run(capsys, "export")
    assert code == 2 and out == "" and "--code-stdin" in err
    code, _, err = run(capsys, "export", "0b1c2d3e-0000-4000-8000-000000000000", "--code-stdin")
    assert code == 2 and "not both" in err


def test_erase_confirms(
    env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    started = _service().start(new_session())
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal
    code, _, err = run(capsys, "erase", str(started.session.id))
    assert code == 1 and "--yes" in err
    assert _service().load(started.session.id)

    monkeypatch.setattr("sys.stdin", Terminal("no\n"))
    code, out, _ = run(capsys, "erase", str(started.session.id))
    assert code == 0 and "Not erased." in out
    monkeypatch.setattr("sys.stdin", Terminal("yes\n"))
    code, out, _ = run(capsys, "erase", str(started.session.id))
    assert code == 0 and f"Session {started.session.id} erased." in out
    code, _, err = run(capsys, "erase", str(started.session.id), "--yes")
    assert code == 1 and "does not exist" in err
    with pytest.raises(SystemExit) as exit_:
        main(["erase", "K7QM-4RZP", "--yes"])
    assert exit_.value.code == 2


def test_purge_and_bad_durations(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import UTC, datetime, timedelta

    old = new_session(now=datetime.now(UTC) - timedelta(days=40))
    _service().add_many([old, new_session()])
    code, out, _ = run(capsys, "purge", "--older-than", "30d")
    assert (code, out.strip()) == (0, "1 draft session not changed for 30 days erased.")
    for bad in ("30", "thirty days", "3w", "0d", "-5d"):
        with pytest.raises(SystemExit) as exit_:
            main(["purge", "--older-than", bad])
        assert exit_.value.code == 2
    assert "for example 30d or 12h" in capsys.readouterr().err


def test_backup(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _service().start(new_session())
    code, out, _ = run(capsys, "backup", str(env / "copy.sqlite3"))
    assert code == 0 and out.startswith("Backup written to")
    code, _, err = run(capsys, "backup", str(env / "copy.sqlite3"))
    assert code == 1 and "already exists" in err


def test_users(env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse battery\n"))
    code, out, _ = run(capsys, "users", "add", "Dr.Jansen", "--password-stdin")
    assert (code, out.strip()) == (0, "Account dr.jansen added.")
    passwords = iter(["a long password 1", "a long password 2"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(passwords))
    code, _, err = run(capsys, "users", "add", "m-bakker")
    assert code == 1 and "differ" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    code, _, err = run(capsys, "users", "add", "m-bakker", "--password-stdin")
    assert code == 1 and "at least 12 characters" in err
    code, out, _ = run(capsys, "users", "disable", "dr.jansen")
    assert (code, out.strip()) == (0, "Account dr.jansen disabled.")
    code, out, _ = run(capsys, "users", "list", "--format", "json")
    assert [(u["username"], u["disabled_at"] is not None) for u in json.loads(out)] == [("dr.jansen", True)]
    code, out, _ = run(capsys, "users", "list")
    assert "dr.jansen" in out and "disabled" in out and "correct horse" not in out
    database = _service().database
    assert not ClinicianAccounts(database).verify("dr.jansen", "correct horse battery")
    code, _, err = run(capsys, "users", "disable", "ghost")
    assert code == 1 and "no account called ghost" in err
    code, out, _ = run(capsys, "users", "enable", "Dr.Jansen")
    assert (code, out.strip()) == (0, "Account dr.jansen enabled.")
    monkeypatch.setattr("sys.stdin", io.StringIO("a brand new passphrase\n"))
    code, out, _ = run(capsys, "users", "reset-password", "dr.jansen", "--password-stdin")
    assert (code, out.strip()) == (0, "Account dr.jansen has a new password.")
    accounts = ClinicianAccounts(database)
    assert accounts.verify("dr.jansen", "a brand new passphrase")
    assert not accounts.verify("dr.jansen", "correct horse battery")
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    code, _, err = run(capsys, "users", "reset-password", "dr.jansen", "--password-stdin")
    assert code == 1 and "at least 12 characters" in err
    code, _, err = run(capsys, "users", "enable", "ghost")
    assert code == 1 and "no account called ghost" in err


def test_demo_uses_the_shipped_grids(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "demo", "--sessions", "40", "--seed", "3")
    assert code == 0 and out.startswith("Added 40 demo sessions across")
    page = _service().list_sessions(limit=50)
    assert page.total == 40 and {row.status for row in page.rows} == {"in-progress", "decided", "deferred"}
    with pytest.raises(SystemExit):
        main(["demo", "--sessions", "0"])


def test_a_broken_database_setting_is_one_clear_line(
    env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SDM_AID_DATABASE_URL", f"sqlite:///{env}/missing/folder/db.sqlite3")
    code, _, err = run(capsys, "sessions")
    assert code == 1 and err.startswith("sdm-aid sessions: The folder for the database does not exist")
    monkeypatch.setenv("SDM_AID_DATABASE_URL", "sqlite:///:memory:")
    code, _, err = run(capsys, "followups")
    assert code == 1 and "in-memory" in err


def test_summary_of_a_stored_session_is_written_and_logged(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    run(capsys, "demo", "--sessions", "20", "--seed", "5")
    decided = _service().list_sessions(status="decided", limit=1).rows[0]
    output = env / "summary.pdf"
    code, _, err = run(capsys, "summary", str(decided.id), "--copy", "clinician", "-o", str(output))
    assert code == 0 and "written to" in err
    text = "".join(page.extract_text() for page in PdfReader(output).pages)
    assert "Demo:" in text  # the demo session's own typed text made it into the PDF
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    actions = [entry.action for entry in AccessLog(_service().database).entries(session_id=decided.id)]
    assert "printed" in [str(action) for action in actions]


def test_summary_of_an_unknown_session_is_one_clear_line(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = env / "none.pdf"
    code, _, err = run(capsys, "summary", "00000000-0000-0000-0000-000000000000", "-o", str(output))
    assert code == 1 and "does not exist" in err
    assert not output.exists()


def test_sessions_check_reads_every_stored_session(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    service = _service()
    good = service.start(new_session()).session
    old = service.start(new_session()).session
    broken = service.start(new_session()).session
    with service.database.unit_of_work(write=True) as uow:  # as an older version stored them
        record = uow.sessions.get(old.id)
        v1 = {**record.document, "schema_version": 1, "current_step": 4}
        v1.pop("pending")
        uow.sessions.replace(replace(record, document=v1), expected_version=record.version)
        record = uow.sessions.get(broken.id)
        damaged = {**record.document, "participants": []}
        uow.sessions.replace(replace(record, document=damaged), expected_version=record.version)
        uow.commit()
    code, out, _ = run(capsys, "sessions", "--check")
    assert code == 1
    assert f"{broken.id}  does not load: participants" in out and "1 of 3 sessions do not load." in out
    code, out, _ = run(capsys, "sessions", "--check", "--format", "json")
    report = json.loads(out)
    assert code == 1 and report["checked"] == 3 and [f["id"] for f in report["failed"]] == [str(broken.id)]
    assert service.load(old.id).current_step == "values"  # read, upgraded in memory
    service.erase(broken.id)
    code, out, _ = run(capsys, "sessions", "--check")
    assert (code, out.strip()) == (0, "All 2 sessions load.")
    assert good.id != old.id


def test_followups_stream_many_rows_as_text_and_json(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import UTC, datetime, timedelta

    from storage_builders import with_follow_up

    now = datetime.now(UTC)
    sessions = [with_follow_up(new_session(now=now), now + timedelta(hours=2, minutes=i)) for i in range(130)]
    _service().add_many(sessions)
    expected = [str(s.id) for s in sessions]

    code, out, _ = run(capsys, "followups", "--format", "json")
    document = json.loads(out)
    assert code == 0 and (document["kind"], document["days"]) == ("due", 7)
    assert [row["session_id"] for row in document["follow_ups"]] == expected
    assert {row["state"] for row in document["follow_ups"]} == {"due"}

    code, out, _ = run(capsys, "followups", "--upcoming", "30")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["FOLLOW-UP", "STATE", "SESSION", "GRID", "STATUS"]
    assert [line.split()[3] for line in lines[1:-1]] == expected  # date, time, state, session id
    assert lines[-1] == "130 follow-ups."
    starts = {line.index(session_id) for line, session_id in zip(lines[1:-1], expected, strict=True)}
    assert len(starts) == 1  # the columns line up across the first rows and the streamed ones
