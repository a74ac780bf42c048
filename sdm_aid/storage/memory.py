"""An in-memory fake of the database for fast service tests (Cosmic Python's FakeRepository).

Behaves like the SQL repositories: a unit of work sees a private copy of the data and its
changes appear only on `commit()`; write units of work run one at a time, like SQLite's
BEGIN IMMEDIATE. Not for the running app.
"""

from __future__ import annotations

import contextlib
import copy
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sdm_aid.sessions.status import SessionStatus
from sdm_aid.storage.database import Backend, DuplicateError
from sdm_aid.storage.errors import StorageError
from sdm_aid.storage.records import (
    AccessLogEntry,
    AttemptRecord,
    ClinicianRecord,
    FollowUpRow,
    InvitationRecord,
    ResumeCodeRecord,
    SessionOrder,
    SessionPage,
    SessionQuery,
    SessionRecord,
)
from sdm_aid.storage.repository import PLANNED, FollowUpKey
from sdm_aid.throttling.policy import History, KeyKind


@dataclass
class _State:
    sessions: dict[uuid.UUID, SessionRecord] = field(default_factory=dict)
    codes: dict[str, ResumeCodeRecord] = field(default_factory=dict)
    invitations: dict[str, InvitationRecord] = field(default_factory=dict)
    attempts: list[AttemptRecord] = field(default_factory=list)
    clinicians: dict[str, ClinicianRecord] = field(default_factory=dict)
    access_log: list[AccessLogEntry] = field(default_factory=list)


class _Sessions:
    def __init__(self, state: _State) -> None:
        self._s = state

    def get(self, session_id: uuid.UUID, *, for_update: bool = False) -> SessionRecord | None:
        return self._s.sessions.get(session_id)

    def documents(self, *, after: uuid.UUID | None, limit: int) -> list[tuple[uuid.UUID, dict[str, Any]]]:
        ids = sorted(i for i in self._s.sessions if after is None or i > after)[:limit]
        return [(i, copy.deepcopy(self._s.sessions[i].document)) for i in ids]

    def version_of(self, session_id: uuid.UUID) -> int | None:
        stored = self._s.sessions.get(session_id)
        return stored.version if stored is not None else None

    def add(self, record: SessionRecord) -> None:
        if record.id in self._s.sessions:
            raise DuplicateError("duplicate session id")
        self._s.sessions[record.id] = copy.deepcopy(record)

    def add_many(self, records: Sequence[SessionRecord]) -> None:
        for record in records:
            self.add(record)

    def replace(self, record: SessionRecord, *, expected_version: int) -> bool:
        stored = self._s.sessions.get(record.id)
        if stored is None or stored.version != expected_version:
            return False
        self._s.sessions[record.id] = copy.deepcopy(record)
        return True

    def delete(self, session_id: uuid.UUID) -> bool:
        self._s.codes = {h: c for h, c in self._s.codes.items() if c.session_id != session_id}
        self._s.invitations = {h: i for h, i in self._s.invitations.items() if i.session_id != session_id}
        return self._s.sessions.pop(session_id, None) is not None

    def _matches(self, r: SessionRecord, q: SessionQuery) -> bool:
        if q.status is not None and r.status != q.status.value:
            return False
        if q.planned_follow_up:
            if r.follow_up_status != PLANNED or r.follow_up_at is None:
                return False
            if q.follow_up_from is not None and r.follow_up_at < q.follow_up_from:
                return False
            if q.follow_up_before is not None and r.follow_up_at >= q.follow_up_before:
                return False
        if q.grid_id is not None and r.grid_id != q.grid_id:
            return False
        if q.changed_from is not None and r.updated_at < q.changed_from:
            return False
        return not (q.changed_to is not None and r.updated_at >= q.changed_to)

    def page(self, query: SessionQuery) -> SessionPage:
        found = [r for r in self._s.sessions.values() if self._matches(r, query)]
        found.sort(key=lambda r: str(r.id))
        match query.order:
            case SessionOrder.UPDATED_DESC:
                found.sort(key=lambda r: r.updated_at, reverse=True)
            case SessionOrder.UPDATED_ASC:
                found.sort(key=lambda r: r.updated_at)
            case SessionOrder.CREATED_DESC:
                found.sort(key=lambda r: r.created_at, reverse=True)
            case SessionOrder.CREATED_ASC:
                found.sort(key=lambda r: r.created_at)
            case SessionOrder.FOLLOW_UP_ASC:
                found.sort(key=lambda r: (r.follow_up_at is None, r.follow_up_at or r.updated_at))
        rows = [r.row() for r in found[query.offset : query.offset + query.limit]]
        return SessionPage(rows=rows, total=len(found), limit=query.limit, offset=query.offset)

    def follow_ups(
        self,
        *,
        start: datetime | None,
        end: datetime | None,
        state_of: Callable[[datetime], str],
        after: FollowUpKey | None = None,
        limit: int | None = None,
    ) -> list[FollowUpRow]:
        query = SessionQuery(planned_follow_up=True, follow_up_from=start, follow_up_before=end)
        planned = [
            (r.follow_up_at, r)
            for r in self._s.sessions.values()
            if self._matches(r, query) and r.follow_up_at is not None
        ]
        found = sorted(planned, key=lambda pair: (pair[0], str(pair[1].id)))
        if after is not None:
            found = [(at, r) for at, r in found if (at, str(r.id)) > (after[0], str(after[1]))]
        return [
            FollowUpRow(
                r.id,
                r.grid_id,
                r.grid_version,
                r.status,
                r.language,
                at,
                r.updated_at,
                state=state_of(at),
            )
            for at, r in found[:limit]
        ]

    def drafts_changed_before(self, before: datetime) -> list[uuid.UUID]:
        return [
            r.id
            for r in self._s.sessions.values()
            if r.status == SessionStatus.IN_PROGRESS.value and r.updated_at < before
        ]


class _Codes:
    def __init__(self, state: _State) -> None:
        self._s = state

    def add(self, record: ResumeCodeRecord) -> None:
        if record.code_hash in self._s.codes:
            raise DuplicateError("duplicate code")
        self._s.codes[record.code_hash] = record

    def get(self, code_hash: str) -> ResumeCodeRecord | None:
        return self._s.codes.get(code_hash)

    def delete_for_session(self, session_id: uuid.UUID) -> None:
        self._s.codes = {h: c for h, c in self._s.codes.items() if c.session_id != session_id}


class _Invitations:
    def __init__(self, state: _State) -> None:
        self._s = state

    def add(self, record: InvitationRecord) -> None:
        if record.code_hash in self._s.invitations:
            raise DuplicateError("duplicate code")
        self._s.invitations[record.code_hash] = record

    def get(self, code_hash: str) -> InvitationRecord | None:
        return self._s.invitations.get(code_hash)

    def for_session(self, session_id: uuid.UUID) -> list[InvitationRecord]:
        found = [i for i in self._s.invitations.values() if i.session_id == session_id]
        return sorted(found, key=lambda i: (i.created_at, i.code_hash))

    def revoke(self, session_id: uuid.UUID, participant_id: str, at: datetime) -> int:
        count = 0
        for code_hash, record in list(self._s.invitations.items()):
            if (record.session_id, record.participant_id, record.revoked_at) == (
                session_id,
                participant_id,
                None,
            ):
                self._s.invitations[code_hash] = replace(record, revoked_at=at)
                count += 1
        return count

    def mark_used(self, code_hash: str, at: datetime) -> None:
        record = self._s.invitations.get(code_hash)
        if record is not None and record.used_at is None:
            self._s.invitations[code_hash] = replace(record, used_at=at)


class _Throttle:
    def __init__(self, state: _State) -> None:
        self._s = state

    def add(self, attempt: AttemptRecord) -> None:
        self._s.attempts.append(attempt)

    def _failed(self, scope: str, since: datetime) -> list[AttemptRecord]:
        return [a for a in self._s.attempts if a.scope == scope and a.at >= since and a.failed]

    def history(self, scope: str, kind: KeyKind, key: str, *, since: datetime) -> History:
        times = [a.at for a in self._failed(scope, since) if a.keys.get(kind) == key]
        return History(len(times), max(times, default=None))

    def failures(self, scope: str, *, since: datetime) -> int:
        return len(self._failed(scope, since))

    def forget(self, scope: str, kind: KeyKind, key: str) -> None:
        self._s.attempts = [a for a in self._s.attempts if not (a.scope == scope and a.keys.get(kind) == key)]

    def forget_before(self, scope: str, before: datetime) -> None:
        self._s.attempts = [a for a in self._s.attempts if not (a.scope == scope and a.at < before)]


class _Clinicians:
    def __init__(self, state: _State) -> None:
        self._s = state

    def get(self, username: str) -> ClinicianRecord | None:
        return self._s.clinicians.get(username)

    def add(self, record: ClinicianRecord) -> None:
        if record.username in self._s.clinicians:
            raise DuplicateError("duplicate username")
        self._s.clinicians[record.username] = record

    def set_password_hash(self, username: str, password_hash: str) -> None:
        self._s.clinicians[username] = replace(self._s.clinicians[username], password_hash=password_hash)

    def set_disabled(self, username: str, disabled_at: datetime | None) -> bool:
        if username not in self._s.clinicians:
            return False
        self._s.clinicians[username] = replace(self._s.clinicians[username], disabled_at=disabled_at)
        return True

    def all(self) -> list[ClinicianRecord]:
        return sorted(self._s.clinicians.values(), key=lambda r: r.username)


class _AccessLog:
    def __init__(self, state: _State) -> None:
        self._s = state

    def add(self, entry: AccessLogEntry) -> None:
        self._s.access_log.append(entry)

    def delete_for_session(self, session_id: uuid.UUID) -> None:
        self._s.access_log = [e for e in self._s.access_log if e.session_id != session_id]

    def entries(
        self, *, session_id: uuid.UUID | None, username: str | None, since: datetime | None, limit: int
    ) -> list[AccessLogEntry]:
        found = [
            e
            for e in reversed(self._s.access_log)
            if session_id in (None, e.session_id)
            and username in (None, e.username)
            and (since is None or e.at >= since)
        ]
        found.sort(key=lambda e: e.at, reverse=True)
        return found[:limit]


class InMemoryUnitOfWork:
    def __init__(self, database: InMemoryDatabase, state: _State) -> None:
        self._database = database
        self._state = state
        self.sessions = _Sessions(state)
        self.resume_codes = _Codes(state)
        self.invitations = _Invitations(state)
        self.throttle = _Throttle(state)
        self.clinicians = _Clinicians(state)
        self.access_log = _AccessLog(state)
        self.committed = False

    def commit(self) -> None:
        self._database._state = copy.deepcopy(self._state)
        self.committed = True


class InMemoryDatabase:
    backend: Backend = "memory"
    location = "memory"

    def __init__(self) -> None:
        self._state = _State()
        self._write_lock = threading.RLock()

    @contextlib.contextmanager
    def unit_of_work(self, *, write: bool = False) -> Iterator[InMemoryUnitOfWork]:
        lock = self._write_lock if write else contextlib.nullcontext()
        with lock:
            yield InMemoryUnitOfWork(self, copy.deepcopy(self._state))

    def backup(self, destination: Path, *, overwrite: bool = False) -> Path:
        raise StorageError("An in-memory database cannot be backed up.")

    def scrub(self) -> None:
        """Nothing to do: deleted objects are gone with the process's memory."""

    def dispose(self) -> None:
        pass
