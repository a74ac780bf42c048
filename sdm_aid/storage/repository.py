"""Repositories (Cosmic Python style): the storage operations the services need, behind an
interface, with a SQLAlchemy implementation here and an in-memory fake in `memory.py`.

A repository works inside one unit of work (one connection, one transaction); it never
commits. All SQL is portable SQLAlchemy Core: the same statements run on SQLite and
PostgreSQL.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any, Protocol, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sdm_aid.sessions.status import SessionStatus
from sdm_aid.storage import tables as t
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
    SessionRow,
)
from sdm_aid.throttling.policy import History, KeyKind

# --------------------------------------------------------------------------- interfaces

FollowUpKey = tuple[datetime, uuid.UUID]
"""Where a page of follow-ups ended: the last row's (follow_up_at, session id)."""


class SessionRepository(Protocol):
    def get(self, session_id: uuid.UUID, *, for_update: bool = False) -> SessionRecord | None: ...
    def version_of(self, session_id: uuid.UUID) -> int | None:
        """The stored version, without reading the document; None when there is no such session."""
        ...

    def add(self, record: SessionRecord) -> None: ...
    def documents(self, *, after: uuid.UUID | None, limit: int) -> list[tuple[uuid.UUID, dict[str, Any]]]:
        """Stored documents as they are (not read as sessions), by id, after `after`."""
        ...

    def add_many(self, records: Sequence[SessionRecord]) -> None: ...
    def replace(self, record: SessionRecord, *, expected_version: int) -> bool:
        """Store `record` if the stored version is still `expected_version`; False otherwise."""
        ...

    def delete(self, session_id: uuid.UUID) -> bool: ...
    def page(self, query: SessionQuery) -> SessionPage: ...
    def follow_ups(
        self,
        *,
        start: datetime | None,
        end: datetime | None,
        state_of: Callable[[datetime], str],
        after: FollowUpKey | None = None,
        limit: int | None = None,
    ) -> list[FollowUpRow]:
        """Planned follow-ups in [start, end), soonest first (ties by id); with `after`, only
        those after that key (keyset paging), at most `limit`."""
        ...

    def drafts_changed_before(self, before: datetime) -> list[uuid.UUID]: ...


class ResumeCodeRepository(Protocol):
    def add(self, record: ResumeCodeRecord) -> None: ...
    def get(self, code_hash: str) -> ResumeCodeRecord | None: ...
    def delete_for_session(self, session_id: uuid.UUID) -> None: ...


class InvitationRepository(Protocol):
    def add(self, record: InvitationRecord) -> None: ...
    def get(self, code_hash: str) -> InvitationRecord | None: ...
    def for_session(self, session_id: uuid.UUID) -> list[InvitationRecord]:
        """Oldest first."""
        ...

    def revoke(self, session_id: uuid.UUID, participant_id: str, at: datetime) -> int:
        """Take back every open code of the participant; how many there were."""
        ...

    def mark_used(self, code_hash: str, at: datetime) -> None:
        """The first use of a code (later uses keep the first moment)."""
        ...


class ThrottleRepository(Protocol):
    def add(self, attempt: AttemptRecord) -> None: ...
    def history(self, scope: str, kind: KeyKind, key: str, *, since: datetime) -> History:
        """The wrong tries (not the refused ones) of one key since `since`."""
        ...

    def failures(self, scope: str, *, since: datetime) -> int:
        """All wrong tries of the scope since `since`."""
        ...

    def forget(self, scope: str, kind: KeyKind, key: str) -> None: ...
    def forget_before(self, scope: str, before: datetime) -> None: ...


class ClinicianRepository(Protocol):
    def get(self, username: str) -> ClinicianRecord | None: ...
    def add(self, record: ClinicianRecord) -> None: ...
    def set_password_hash(self, username: str, password_hash: str) -> None: ...
    def set_disabled(self, username: str, disabled_at: datetime | None) -> bool: ...
    def all(self) -> list[ClinicianRecord]: ...


class AccessLogRepository(Protocol):
    def add(self, entry: AccessLogEntry) -> None: ...
    def delete_for_session(self, session_id: uuid.UUID) -> None: ...
    def entries(
        self, *, session_id: uuid.UUID | None, username: str | None, since: datetime | None, limit: int
    ) -> list[AccessLogEntry]: ...


class UnitOfWork(Protocol):
    """One transaction over all repositories. Nothing is stored until `commit()` returns."""

    # Read-only in the protocol, so implementations may hold their own repository classes.
    @property
    def sessions(self) -> SessionRepository: ...
    @property
    def resume_codes(self) -> ResumeCodeRepository: ...
    @property
    def invitations(self) -> InvitationRepository: ...
    @property
    def throttle(self) -> ThrottleRepository: ...
    @property
    def clinicians(self) -> ClinicianRepository: ...
    @property
    def access_log(self) -> AccessLogRepository: ...

    def commit(self) -> None: ...


# --------------------------------------------------------------------------- SQLAlchemy

_SESSION_ROW_COLUMNS = (
    t.sessions.c.id,
    t.sessions.c.grid_id,
    t.sessions.c.grid_version,
    t.sessions.c.status,
    t.sessions.c.language,
    t.sessions.c.created_at,
    t.sessions.c.updated_at,
    t.sessions.c.follow_up_at,
    t.sessions.c.follow_up_status,
)

_ORDER = {
    SessionOrder.UPDATED_DESC: (t.sessions.c.updated_at.desc(), t.sessions.c.id),
    SessionOrder.UPDATED_ASC: (t.sessions.c.updated_at.asc(), t.sessions.c.id),
    SessionOrder.CREATED_DESC: (t.sessions.c.created_at.desc(), t.sessions.c.id),
    SessionOrder.CREATED_ASC: (t.sessions.c.created_at.asc(), t.sessions.c.id),
    SessionOrder.FOLLOW_UP_ASC: (
        t.sessions.c.follow_up_at.is_(None),  # sessions without a follow-up last
        t.sessions.c.follow_up_at.asc(),
        t.sessions.c.id,
    ),
}

PLANNED = "planned"


def _record_values(record: SessionRecord) -> dict[str, object]:
    return {
        "id": record.id,
        "version": record.version,
        "grid_id": record.grid_id,
        "grid_version": record.grid_version,
        "grid_hash": record.grid_hash,
        "language": record.language,
        "status": record.status,
        "created_at": record.created_at,
        "updated_at": record.updated_at,
        "follow_up_at": record.follow_up_at,
        "follow_up_status": record.follow_up_status,
        "content_hash": record.content_hash,
        "document": record.document,
    }


class SqlAlchemySessionRepository:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def get(self, session_id: uuid.UUID, *, for_update: bool = False) -> SessionRecord | None:
        statement = sa.select(t.sessions).where(t.sessions.c.id == session_id)
        if for_update:
            statement = (
                statement.with_for_update()
            )  # PostgreSQL row lock; SQLite already holds the write lock
        row = self._c.execute(statement).mappings().first()
        return SessionRecord(**row) if row else None

    def version_of(self, session_id: uuid.UUID) -> int | None:
        statement = sa.select(t.sessions.c.version).where(t.sessions.c.id == session_id)
        return self._c.execute(statement).scalar_one_or_none()

    def documents(self, *, after: uuid.UUID | None, limit: int) -> list[tuple[uuid.UUID, dict[str, Any]]]:
        statement = sa.select(t.sessions.c.id, t.sessions.c.document).order_by(t.sessions.c.id).limit(limit)
        if after is not None:
            statement = statement.where(t.sessions.c.id > after)
        return [(row.id, row.document) for row in self._c.execute(statement)]

    def add(self, record: SessionRecord) -> None:
        self._c.execute(t.sessions.insert().values(_record_values(record)))

    def add_many(self, records: Sequence[SessionRecord]) -> None:
        if records:
            self._c.execute(t.sessions.insert(), [_record_values(record) for record in records])

    def replace(self, record: SessionRecord, *, expected_version: int) -> bool:
        values = _record_values(record)
        del values["id"]
        result = self._c.execute(
            t.sessions.update()
            .where(t.sessions.c.id == record.id, t.sessions.c.version == expected_version)
            .values(values)
        )
        return result.rowcount == 1

    def delete(self, session_id: uuid.UUID) -> bool:
        # Children first as well as ON DELETE CASCADE: correct even where foreign keys are off.
        self._c.execute(t.resume_codes.delete().where(t.resume_codes.c.session_id == session_id))
        self._c.execute(t.invitations.delete().where(t.invitations.c.session_id == session_id))
        return self._c.execute(t.sessions.delete().where(t.sessions.c.id == session_id)).rowcount == 1

    def _where(self, query: SessionQuery) -> list[sa.ColumnElement[bool]]:
        c = t.sessions.c
        conditions: list[sa.ColumnElement[bool]] = []
        if query.status is not None:
            conditions.append(c.status == query.status.value)
        if query.planned_follow_up:
            conditions.append(c.follow_up_status == PLANNED)
            if query.follow_up_from is not None:
                conditions.append(c.follow_up_at >= query.follow_up_from)
            if query.follow_up_before is not None:
                conditions.append(c.follow_up_at < query.follow_up_before)
        if query.grid_id is not None:
            conditions.append(c.grid_id == query.grid_id)
        if query.changed_from is not None:
            conditions.append(c.updated_at >= query.changed_from)
        if query.changed_to is not None:
            conditions.append(c.updated_at < query.changed_to)
        return conditions

    def page(self, query: SessionQuery) -> SessionPage:
        conditions = self._where(query)
        total = self._c.execute(
            sa.select(sa.func.count()).select_from(t.sessions).where(*conditions)
        ).scalar_one()
        order = _ORDER[query.order]
        if query.planned_follow_up and query.order == SessionOrder.FOLLOW_UP_ASC:
            # Every row has a follow-up: walk the (status, follow_up_at, id) index and stop at LIMIT.
            order = (t.sessions.c.follow_up_at.asc(), t.sessions.c.id)
        rows = self._c.execute(
            sa.select(*_SESSION_ROW_COLUMNS)
            .where(*conditions)
            .order_by(*order)
            .limit(query.limit)
            .offset(query.offset)
        ).all()
        return SessionPage(
            rows=[SessionRow(**row._mapping) for row in rows],
            total=int(total),
            limit=query.limit,
            offset=query.offset,
        )

    def follow_ups(
        self,
        *,
        start: datetime | None,
        end: datetime | None,
        state_of: Callable[[datetime], str],
        after: FollowUpKey | None = None,
        limit: int | None = None,
    ) -> list[FollowUpRow]:
        c = t.sessions.c
        conditions = [c.follow_up_status == PLANNED]
        if start is not None:
            conditions.append(c.follow_up_at >= start)
        if end is not None:
            conditions.append(c.follow_up_at < end)
        if after is not None:  # keyset: walks the (status, follow_up_at, id) index from the last row
            at, last_id = after
            conditions.append(sa.or_(c.follow_up_at > at, sa.and_(c.follow_up_at == at, c.id > last_id)))
        query = (
            sa.select(
                c.id.label("session_id"),
                c.grid_id,
                c.grid_version,
                c.status,
                c.language,
                c.follow_up_at,
                c.updated_at,
            )
            .where(*conditions)
            .order_by(c.follow_up_at, c.id)
        )
        rows = self._c.execute(query if limit is None else query.limit(limit)).all()
        # The state is filled in while building each row: a week can hold thousands of them.
        return [FollowUpRow(**row._mapping, state=state_of(row.follow_up_at)) for row in rows]

    def drafts_changed_before(self, before: datetime) -> list[uuid.UUID]:
        c = t.sessions.c
        return list(
            self._c.execute(
                sa.select(c.id).where(c.status == SessionStatus.IN_PROGRESS.value, c.updated_at < before)
            ).scalars()
        )


class SqlAlchemyResumeCodeRepository:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def add(self, record: ResumeCodeRecord) -> None:
        self._c.execute(
            t.resume_codes.insert().values(
                code_hash=record.code_hash,
                session_id=record.session_id,
                created_at=record.created_at,
                expires_at=record.expires_at,
            )
        )

    def get(self, code_hash: str) -> ResumeCodeRecord | None:
        row = (
            self._c.execute(sa.select(t.resume_codes).where(t.resume_codes.c.code_hash == code_hash))
            .mappings()
            .first()
        )
        return ResumeCodeRecord(**row) if row else None

    def delete_for_session(self, session_id: uuid.UUID) -> None:
        self._c.execute(t.resume_codes.delete().where(t.resume_codes.c.session_id == session_id))


class SqlAlchemyInvitationRepository:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def add(self, record: InvitationRecord) -> None:
        self._c.execute(
            t.invitations.insert().values(
                code_hash=record.code_hash,
                session_id=record.session_id,
                participant_id=record.participant_id,
                created_at=record.created_at,
                expires_at=record.expires_at,
                revoked_at=record.revoked_at,
                used_at=record.used_at,
            )
        )

    def get(self, code_hash: str) -> InvitationRecord | None:
        row = (
            self._c.execute(sa.select(t.invitations).where(t.invitations.c.code_hash == code_hash))
            .mappings()
            .first()
        )
        return InvitationRecord(**row) if row else None

    def for_session(self, session_id: uuid.UUID) -> list[InvitationRecord]:
        c = t.invitations.c
        rows = self._c.execute(
            sa.select(t.invitations).where(c.session_id == session_id).order_by(c.created_at, c.code_hash)
        ).mappings()
        return [InvitationRecord(**row) for row in rows]

    def revoke(self, session_id: uuid.UUID, participant_id: str, at: datetime) -> int:
        c = t.invitations.c
        result = self._c.execute(
            t.invitations.update()
            .where(c.session_id == session_id, c.participant_id == participant_id, c.revoked_at.is_(None))
            .values(revoked_at=at)
        )
        return result.rowcount

    def mark_used(self, code_hash: str, at: datetime) -> None:
        c = t.invitations.c
        self._c.execute(
            t.invitations.update().where(c.code_hash == code_hash, c.used_at.is_(None)).values(used_at=at)
        )


_KEY_COLUMNS = {
    KeyKind.BROWSER: t.throttle_attempts.c.browser_key,
    KeyKind.CLIENT: t.throttle_attempts.c.client_key,
    KeyKind.USER: t.throttle_attempts.c.user_key,
}


class SqlAlchemyThrottleRepository:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def add(self, attempt: AttemptRecord) -> None:
        self._c.execute(
            t.throttle_attempts.insert().values(
                scope=attempt.scope,
                at=attempt.at,
                failed=attempt.failed,
                **{_KEY_COLUMNS[kind].name: key for kind, key in attempt.keys.items()},
            )
        )

    def history(self, scope: str, kind: KeyKind, key: str, *, since: datetime) -> History:
        c = t.throttle_attempts.c
        row = self._c.execute(
            sa.select(sa.func.count(), sa.func.max(c.at)).where(
                c.scope == scope, _KEY_COLUMNS[kind] == key, c.at >= since, c.failed.is_(True)
            )
        ).one()
        return History(int(row[0]), row[1])

    def failures(self, scope: str, *, since: datetime) -> int:
        c = t.throttle_attempts.c
        return int(
            self._c.execute(
                sa.select(sa.func.count()).where(c.scope == scope, c.at >= since, c.failed.is_(True))
            ).scalar_one()
        )

    def forget(self, scope: str, kind: KeyKind, key: str) -> None:
        c = t.throttle_attempts.c
        self._c.execute(t.throttle_attempts.delete().where(c.scope == scope, _KEY_COLUMNS[kind] == key))

    def forget_before(self, scope: str, before: datetime) -> None:
        c = t.throttle_attempts.c
        self._c.execute(t.throttle_attempts.delete().where(c.scope == scope, c.at < before))


class SqlAlchemyClinicianRepository:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def get(self, username: str) -> ClinicianRecord | None:
        c = t.clinicians.c
        row = (
            self._c.execute(
                sa.select(c.username, c.password_hash, c.created_at, c.disabled_at).where(
                    c.username == username
                )
            )
            .mappings()
            .first()
        )
        return ClinicianRecord(**row) if row else None

    def add(self, record: ClinicianRecord) -> None:
        self._c.execute(
            t.clinicians.insert().values(
                username=record.username,
                password_hash=record.password_hash,
                created_at=record.created_at,
                disabled_at=record.disabled_at,
            )
        )

    def set_password_hash(self, username: str, password_hash: str) -> None:
        self._c.execute(
            t.clinicians.update()
            .where(t.clinicians.c.username == username)
            .values(password_hash=password_hash)
        )

    def set_disabled(self, username: str, disabled_at: datetime | None) -> bool:
        result = self._c.execute(
            t.clinicians.update().where(t.clinicians.c.username == username).values(disabled_at=disabled_at)
        )
        return result.rowcount == 1

    def all(self) -> list[ClinicianRecord]:
        c = t.clinicians.c
        rows = self._c.execute(
            sa.select(c.username, c.password_hash, c.created_at, c.disabled_at).order_by(c.username)
        ).mappings()
        return [ClinicianRecord(**row) for row in rows]


class SqlAlchemyAccessLogRepository:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def add(self, entry: AccessLogEntry) -> None:
        self._c.execute(
            t.access_log.insert().values(
                at=entry.at, username=entry.username, session_id=entry.session_id, action=entry.action
            )
        )

    def delete_for_session(self, session_id: uuid.UUID) -> None:
        self._c.execute(t.access_log.delete().where(t.access_log.c.session_id == session_id))

    def entries(
        self, *, session_id: uuid.UUID | None, username: str | None, since: datetime | None, limit: int
    ) -> list[AccessLogEntry]:
        c = t.access_log.c
        conditions: list[sa.ColumnElement[bool]] = []
        if session_id is not None:
            conditions.append(c.session_id == session_id)
        if username is not None:
            conditions.append(c.username == username)
        if since is not None:
            conditions.append(c.at >= since)
        rows = self._c.execute(
            sa.select(c.at, c.username, c.session_id, c.action)
            .where(*conditions)
            .order_by(c.at.desc(), c.id.desc())
            .limit(limit)
        ).all()
        return [AccessLogEntry(**row._mapping) for row in rows]


class SqlAlchemyUnitOfWork:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.sessions = SqlAlchemySessionRepository(connection)
        self.resume_codes = SqlAlchemyResumeCodeRepository(connection)
        self.invitations = SqlAlchemyInvitationRepository(connection)
        self.throttle = SqlAlchemyThrottleRepository(connection)
        self.clinicians = SqlAlchemyClinicianRepository(connection)
        self.access_log = SqlAlchemyAccessLogRepository(connection)
        self.committed = False

    def commit(self) -> None:
        self.connection.commit()
        self.committed = True


T = TypeVar("T")


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
