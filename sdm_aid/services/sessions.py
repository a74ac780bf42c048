"""Saving, resuming, listing, exporting and erasing decision sessions.

Every method is one unit of work (one connection, one transaction) and returns only after
the commit: what it returns is on disk. Logs carry the pseudonymous session id and the event,
never answer text and never a resume code.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from sdm_aid.audit import FAMILY, AccessAction
from sdm_aid.config import Settings
from sdm_aid.services.throttle import Outcome, Throttle
from sdm_aid.sessions import resume_codes, rules, versions
from sdm_aid.sessions.export import export_document
from sdm_aid.sessions.models import DecisionSession
from sdm_aid.sessions.status import DUE_WITHIN, SessionStatus, planned_follow_up_state
from sdm_aid.storage.database import Database, DuplicateError, SupportsUnitOfWork, open_database
from sdm_aid.storage.errors import (
    ResumeCodeError,
    ResumeThrottledError,
    SessionNotFoundError,
    StaleSessionError,
)
from sdm_aid.storage.records import (
    FOLLOW_UP_KINDS,
    AccessLogEntry,
    FollowUpKind,
    FollowUpRow,
    InvitationRecord,
    ListFollowUp,
    ResumeCodeRecord,
    SessionOrder,
    SessionPage,
    SessionQuery,
    SessionRecord,
)
from sdm_aid.storage.repository import UnitOfWork, chunks
from sdm_aid.throttling.sources import AttemptSource

log = logging.getLogger(__name__)

STARTED, RESUMED = AccessAction.STARTED.value, AccessAction.RESUMED.value
JOINED = AccessAction.JOINED.value

MAX_PAGE = 500


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class StartedSession:
    session: DecisionSession
    """As stored: version 1."""
    resume_code: str = field(repr=False)
    """Plain text, shown to the family once; only its keyed hash is stored."""


@dataclass(frozen=True)
class OpenedWithCode:
    session: DecisionSession
    participant_id: str | None
    """None: a resume code (the whole conversation). Else a personal code: this participant's
    own questions only."""


@dataclass(frozen=True)
class Invited:
    session: DecisionSession
    """As stored: the participant now answers on their own device."""
    code: str = field(repr=False)
    """Plain text, shown once (large, and as a QR code to the start page); only its keyed hash
    is stored."""


def parse_status(value: SessionStatus | str | None) -> SessionStatus | None:
    """Accepts 'in-progress', 'in_progress', 'decided', 'deferred' (and the enum)."""
    if value is None or isinstance(value, SessionStatus):
        return value
    try:
        return SessionStatus(value.strip().lower().replace("_", "-"))
    except ValueError:
        raise ValueError(f"Unknown status {value!r}: use in-progress, decided or deferred.") from None


class SessionService:
    def __init__(
        self,
        database: SupportsUnitOfWork,
        settings: Settings,
        *,
        now: Callable[[], datetime] = utc_now,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.database = database
        self.settings = settings
        self._clock = now
        self.resume_throttle = Throttle(
            "resume",
            resume_codes.throttle_policy(
                free=settings.resume_max_attempts,
                everybody=settings.resume_max_attempts_global,
                window=settings.resume_window,
            ),
            settings.secret_key,
            sleep=sleep,
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> SessionService:
        """Open (and migrate) the database named by the settings."""
        database = open_database(settings.database_url, busy_timeout=settings.busy_timeout_seconds)
        return cls(database, settings)

    def _now(self) -> datetime:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError("the clock must return an aware datetime")
        return now.astimezone(UTC)

    # ------------------------------------------------------------------ writing

    def start(self, session: DecisionSession) -> StartedSession:
        """Store a new session as version 1 and give it a resume code.

        A retried start of the same session (same content) is not a duplicate: it returns the
        stored session with a fresh code, which replaces the one the family never saw.
        """
        now = self._now()
        record = SessionRecord.from_session(session, version=1, updated_at=now)
        code = resume_codes.new_code()
        with self.database.unit_of_work(write=True) as uow:
            stored = uow.sessions.get(session.id, for_update=True)
            if stored is None:
                try:
                    uow.sessions.add(record)
                except DuplicateError:
                    raise StaleSessionError() from None
            elif stored.version == 1 and stored.content_hash == record.content_hash:
                record = stored
            else:
                raise StaleSessionError("A session with this id already exists; nothing was saved.")
            self._replace_code(uow, session.id, code, now)
            uow.access_log.add(AccessLogEntry(at=now, username=FAMILY, session_id=session.id, action=STARTED))
            uow.commit()
        log.info("session %s started", session.id)
        return StartedSession(session=record.to_session(), resume_code=code)

    def save(
        self,
        session: DecisionSession,
        *,
        action: AccessAction | None = None,
        by: str = FAMILY,
    ) -> DecisionSession:
        """Store `session`, which was loaded at `session.version`. Returns the stored copy.

        With `action`, the access-log row (`by` did `action`) is written in the same
        transaction: both are stored, or neither. Raises `StaleSessionError` if someone else
        saved in the meantime. A retry of a save that did reach the database (same content,
        same base version) returns the stored result instead of saving (and logging) twice.
        """
        base = session.version
        now = self._now()
        record = SessionRecord.from_session(session, version=base + 1, updated_at=now)
        with self.database.unit_of_work(write=True) as uow:
            stored = uow.sessions.get(session.id, for_update=True)
            if stored is None:
                log.warning("session %s: save refused, the session is not stored (erased?)", session.id)
                raise SessionNotFoundError()
            if stored.version == base and uow.sessions.replace(record, expected_version=base):
                if action is not None:
                    uow.access_log.add(
                        AccessLogEntry(at=now, username=by[:64], session_id=session.id, action=action.value)
                    )
                uow.commit()
                log.info("session %s saved as version %d", session.id, record.version)
                return record.to_session()
            if stored.version == base + 1 and stored.content_hash == record.content_hash:
                log.info("session %s: repeated save of version %d, nothing to do", session.id, stored.version)
                return stored.to_session()
        log.info("session %s: save based on version %d refused (stored %d)", session.id, base, stored.version)
        raise StaleSessionError()

    def record(self, session_id: uuid.UUID, action: AccessAction, *, by: str = FAMILY) -> None:
        """An access-log row for an action that changes nothing in the session (e.g. finishing
        on the family's screen). SessionNotFoundError if the session is gone."""
        now = self._now()
        with self.database.unit_of_work(write=True) as uow:
            if uow.sessions.version_of(session_id) is None:
                raise SessionNotFoundError()
            uow.access_log.add(
                AccessLogEntry(at=now, username=by[:64], session_id=session_id, action=action.value)
            )
            uow.commit()

    def add_many(self, sessions: Iterable[DecisionSession], *, batch_size: int = 1000) -> int:
        """Insert new sessions in batches, as they are (dates kept, at least version 1), without
        resume codes. For demo data and imports; returns how many were stored."""
        count = 0
        for batch in chunks(sessions, batch_size):
            records = [
                SessionRecord.from_session(s, version=max(s.version, 1), updated_at=s.updated_at)
                for s in batch
            ]
            with self.database.unit_of_work(write=True) as uow:
                uow.sessions.add_many(records)
                uow.commit()
            count += len(records)
        log.info("%d sessions added", count)
        return count

    # ------------------------------------------------------------------ resume codes

    def _replace_code(self, uow: UnitOfWork, session_id: uuid.UUID, code: str, now: datetime) -> None:
        uow.resume_codes.delete_for_session(session_id)
        uow.resume_codes.add(
            ResumeCodeRecord(
                code_hash=resume_codes.code_hash(code, self.settings.secret_key),
                session_id=session_id,
                created_at=now,
                expires_at=now + self.settings.resume_code_lifetime,
            )
        )

    def new_resume_code(self, session_id: uuid.UUID) -> str:
        """A fresh code for the session; older codes of that session stop working."""
        now = self._now()
        code = resume_codes.new_code()
        with self.database.unit_of_work(write=True) as uow:
            if uow.sessions.get(session_id, for_update=True) is None:
                raise SessionNotFoundError()
            self._replace_code(uow, session_id, code, now)
            uow.commit()
        log.info("session %s: new resume code issued", session_id)
        return code

    def change(
        self,
        session_id: uuid.UUID,
        change: Callable[[DecisionSession], object],
        *,
        action: AccessAction,
        by: str = FAMILY,
    ) -> DecisionSession:
        """Apply `change` to the session as stored now and save it with its access-log row,
        in one transaction. For changes that do not depend on what a screen shows (who takes
        part, an invitation): they can never conflict. A `SessionRuleError` from `change`
        leaves everything as it was."""
        return self._change(session_id, change, action=action, by=by)

    def _change(
        self,
        session_id: uuid.UUID,
        change: Callable[[DecisionSession], object],
        *,
        action: AccessAction,
        by: str,
        then: Callable[[UnitOfWork, DecisionSession, datetime], None] | None = None,
    ) -> DecisionSession:
        now = self._now()
        with self.database.unit_of_work(write=True) as uow:
            stored = uow.sessions.get(session_id, for_update=True)
            if stored is None:
                raise SessionNotFoundError()
            session = stored.to_session()
            change(session)
            record = SessionRecord.from_session(session, version=stored.version + 1, updated_at=now)
            if not uow.sessions.replace(record, expected_version=stored.version):
                raise StaleSessionError()
            if then is not None:
                then(uow, session, now)
            uow.access_log.add(
                AccessLogEntry(at=now, username=by[:64], session_id=session_id, action=action.value)
            )
            uow.commit()
        log.info("session %s: %s", session_id, action.value)
        return record.to_session()

    # ------------------------------------------------------------------ personal codes

    def invite(self, session_id: uuid.UUID, participant_id: str) -> Invited:
        """A personal code for one participant (an earlier one of theirs stops working); from
        now on they answer on their own device. Refused (SessionRuleError) for someone who is
        not the young person or a parent taking part."""
        code = resume_codes.new_code()
        key = self.settings.secret_key

        def add_code(uow: UnitOfWork, session: DecisionSession, now: datetime) -> None:
            uow.invitations.revoke(session_id, participant_id, now)
            uow.invitations.add(
                InvitationRecord(
                    code_hash=resume_codes.code_hash(code, key, resume_codes.PERSONAL),
                    session_id=session_id,
                    participant_id=participant_id,
                    created_at=now,
                    expires_at=now + self.settings.resume_code_lifetime,
                )
            )

        stored = self._change(
            session_id,
            lambda session: rules.set_own_device(session, participant_id, True),
            action=AccessAction.INVITED,
            by=FAMILY,
            then=add_code,
        )
        return Invited(session=stored, code=code)

    def revoke_invitation(self, session_id: uuid.UUID, participant_id: str) -> DecisionSession:
        """The participant's personal code stops working at once; they answer on the shared
        screen again. What they answered stays."""

        def revoke(uow: UnitOfWork, session: DecisionSession, now: datetime) -> None:
            uow.invitations.revoke(session_id, participant_id, now)

        return self._change(
            session_id,
            lambda session: rules.set_own_device(session, participant_id, False),
            action=AccessAction.INVITATION_REVOKED,
            by=FAMILY,
            then=revoke,
        )

    def remove_participant(
        self, session_id: uuid.UUID, participant_id: str, *, now: datetime
    ) -> DecisionSession:
        """A parent or carer stops taking part; their personal code stops working at once.
        Their answers stay."""

        def revoke(uow: UnitOfWork, session: DecisionSession, at: datetime) -> None:
            uow.invitations.revoke(session_id, participant_id, at)

        return self._change(
            session_id,
            lambda session: rules.remove_participant(session, participant_id, now=now),
            action=AccessAction.PARTICIPANT_REMOVED,
            by=FAMILY,
            then=revoke,
        )

    def invitations(self, session_id: uuid.UUID) -> list[InvitationRecord]:
        """Every personal code of the session (hashes and dates only), oldest first."""
        with self.database.unit_of_work() as uow:
            return uow.invitations.for_session(session_id)

    def open_with_code(self, code: str, *, source: AttemptSource) -> OpenedWithCode:
        """The session behind a resume code or a personal code, and for a personal code the
        participant it is for. Both kinds share one throttle and one generic refusal: an
        expired, taken back, unknown or mistyped code gets the same `ResumeCodeError` (see
        `resume`), and every answer does the same work."""
        return self._open_with_code(code, source=source, personal=True)

    def _open_with_code(self, code: str, *, source: AttemptSource, personal: bool) -> OpenedWithCode:
        settings = self.settings
        throttle = self.resume_throttle
        now = self._now()
        normalised = resume_codes.normalise(code) or ""
        resume_hash = resume_codes.code_hash(normalised, settings.secret_key)
        personal_hash = resume_codes.code_hash(normalised, settings.secret_key, resume_codes.PERSONAL)
        participant_id: str | None = None
        with self.database.unit_of_work(write=True) as uow:
            reading = throttle.read(uow, source, now)
            resume = uow.resume_codes.get(resume_hash)
            invitation = uow.invitations.get(personal_hash) if personal else None
            session_id: uuid.UUID | None = None
            if normalised and reading.verdict.allowed:
                if resume is not None and resume.expires_at > now:
                    session_id = resume.session_id
                elif invitation is not None and invitation.usable(now):
                    session_id, participant_id = invitation.session_id, invitation.participant_id
            record = uow.sessions.get(session_id) if session_id is not None else None
            if record is not None and participant_id is not None:
                taking_part = record.to_session().participants
                if not any(p.id == participant_id and p.active for p in taking_part):
                    record = None  # removed since the code was made
            if record is not None:
                outcome = Outcome.SUCCEEDED
            else:
                outcome = Outcome.FAILED if reading.verdict.allowed else Outcome.REFUSED
            wait = throttle.record(uow, reading, outcome, now)
            if record is not None:
                action = RESUMED if participant_id is None else JOINED
                uow.access_log.add(
                    AccessLogEntry(at=now, username=FAMILY, session_id=record.id, action=action)
                )
                if participant_id is not None:
                    uow.invitations.mark_used(personal_hash, now)
            uow.commit()
        throttle.slow_down(reading)
        if outcome is Outcome.REFUSED:
            log.info("code refused unchecked (this browser has to wait)")
            raise ResumeThrottledError(wait)
        if record is None:
            log.info("code refused")
            raise ResumeCodeError(wait)
        log.info("session %s opened with a %s code", record.id, "personal" if participant_id else "resume")
        return OpenedWithCode(session=record.to_session(), participant_id=participant_id)

    def resume(self, code: str, *, source: AttemptSource) -> DecisionSession:
        """The session behind a typed code.

        Any failure raises `ResumeCodeError`, with the wait this browser now has before its
        next code is checked (sdm_aid.throttling: only its own wrong codes make it wait).
        While that wait runs, a code is not checked at all: `ResumeThrottledError`. Wrong
        codes from one address or from everybody only slow every answer down; a right code
        is never refused for what somebody else typed.

        Every answer does the same work: the code is hashed and looked up, the throttle
        state read and one row written, whether the code is then used or not.
        """
        return self._open_with_code(code, source=source, personal=False).session

    # ------------------------------------------------------------------ reading

    def check_documents(self, *, batch_size: int = 500) -> Iterator[tuple[uuid.UUID, str | None]]:
        """Every stored session read as today's session (upgraded in memory, nothing written):
        (id, None) when it loads, (id, why not) when it does not. In id order, in batches."""
        after: uuid.UUID | None = None
        while True:
            with self.database.unit_of_work() as uow:
                batch = uow.sessions.documents(after=after, limit=batch_size)
            for session_id, document in batch:
                try:
                    versions.read(document)
                except (ValueError, KeyError, TypeError) as error:
                    yield session_id, _first_line(error)
                else:
                    yield session_id, None
            if len(batch) < batch_size:
                return
            after = batch[-1][0]

    def stored_version(self, session_id: uuid.UUID) -> int | None:
        """The version in the database (a cheap check, e.g. on every screen of an open
        session); None when the session does not exist (any more): it was erased."""
        with self.database.unit_of_work() as uow:
            return uow.sessions.version_of(session_id)

    def open(self, session_id: uuid.UUID, *, by: str, action: AccessAction) -> DecisionSession:
        """Read a session and write who read it, in one transaction (a clinician opening it)."""
        now = self._now()
        with self.database.unit_of_work(write=True) as uow:
            record = uow.sessions.get(session_id)
            if record is None:
                raise SessionNotFoundError()
            uow.access_log.add(
                AccessLogEntry(at=now, username=by[:64], session_id=session_id, action=action.value)
            )
            uow.commit()
        return record.to_session()

    def load(self, session_id: uuid.UUID) -> DecisionSession:
        with self.database.unit_of_work() as uow:
            record = uow.sessions.get(session_id)
        if record is None:
            raise SessionNotFoundError()
        return record.to_session()

    def list_sessions(
        self,
        *,
        status: SessionStatus | str | None = None,
        follow_up: ListFollowUp | None = None,
        grid_id: str | None = None,
        changed_from: datetime | None = None,
        changed_to: datetime | None = None,
        order: SessionOrder | str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> SessionPage:
        """A page of sessions (no answer text, no codes) and the total count. Always fresh.

        follow_up: the domain's buckets (`sdm_aid.sessions.status.follow_up_state`), which do
        not overlap: "overdue" (planned, start passed), "due" (planned, starts within
        DUE_WITHIN, a week), "upcoming" (planned, starts later); "attention" is overdue and
        due together (soonest first: the overdue ones come first). changed_to is exclusive.
        """
        if not 1 <= limit <= MAX_PAGE:
            raise ValueError(f"limit must be between 1 and {MAX_PAGE}.")
        if offset < 0:
            raise ValueError("offset cannot be negative.")
        if order is None:
            order = SessionOrder.FOLLOW_UP_ASC if follow_up is not None else SessionOrder.UPDATED_DESC
        try:
            order = SessionOrder(order)
        except ValueError:
            raise ValueError(
                f"Unknown order {order!r}: use one of {', '.join(o.value for o in SessionOrder)}."
            ) from None
        query = SessionQuery(
            status=parse_status(status),
            grid_id=grid_id,
            changed_from=changed_from,
            changed_to=changed_to,
            order=order,
            limit=limit,
            offset=offset,
        )
        if follow_up is not None:
            now = self._now()
            bounds: dict[str, tuple[datetime | None, datetime | None]] = {
                "attention": (None, now + DUE_WITHIN),
                "overdue": (None, now),
                "due": (now, now + DUE_WITHIN),
                "upcoming": (now + DUE_WITHIN, None),
            }
            if follow_up not in bounds:
                raise ValueError(f"Unknown follow-up filter {follow_up!r}: use due, overdue or upcoming.")
            start, end = bounds[follow_up]
            query = replace(query, planned_follow_up=True, follow_up_from=start, follow_up_before=end)
        with self.database.unit_of_work() as uow:
            return uow.sessions.page(query)

    def follow_ups(
        self, kind: FollowUpKind, *, days: int = 7, now: datetime | None = None
    ) -> list[FollowUpRow]:
        """Planned follow-ups, soonest first, each with its `state` (overdue, due, upcoming).

        overdue: the start has passed and no outcome was recorded (`days` is not used);
        due: starting within the next `days` days (default 7: the domain's 'due');
        upcoming: everything planned within the next `days` days, due ones included -- the
        horizon of `sdm-aid followups --upcoming DAYS`.
        """
        start, end, state_of = self._follow_up_window(kind, days, now)
        with self.database.unit_of_work() as uow:
            return uow.sessions.follow_ups(start=start, end=end, state_of=state_of)

    def iter_follow_ups(
        self,
        kind: FollowUpKind,
        *,
        days: int = 7,
        now: datetime | None = None,
        first_page: int = 50,
        page_size: int = 1000,
    ) -> Iterator[FollowUpRow]:
        """The same rows as `follow_ups`, in keyset pages, each page its own short unit of work.

        The first page is small, so the first rows arrive after an index walk of `first_page`
        rows whatever the total; no transaction stays open while the caller prints. A row
        changed between two pages is shown as it was when its page was read.
        """
        start, end, state_of = self._follow_up_window(kind, days, now)
        after, size = None, first_page
        while True:
            with self.database.unit_of_work() as uow:
                rows = uow.sessions.follow_ups(
                    start=start, end=end, state_of=state_of, after=after, limit=size
                )
            yield from rows
            if len(rows) < size:
                return
            after, size = (rows[-1].follow_up_at, rows[-1].session_id), page_size

    def _follow_up_window(
        self, kind: FollowUpKind, days: int, now: datetime | None
    ) -> tuple[datetime | None, datetime, Callable[[datetime], str]]:
        if kind not in FOLLOW_UP_KINDS:
            raise ValueError(f"Unknown follow-up kind {kind!r}: use due, overdue or upcoming.")
        if days < 1:
            raise ValueError("days must be at least 1.")
        moment = (now or self._now()).astimezone(UTC)
        start, end = (None, moment) if kind == "overdue" else (moment, moment + timedelta(days=days))
        return start, end, lambda starts_at: planned_follow_up_state(starts_at, moment).value

    # ------------------------------------------------------------------ privacy

    def find(self, session_id_or_code: str) -> DecisionSession:
        """A session by its id or by a valid resume code (for administrators: not throttled)."""
        text = session_id_or_code.strip()
        try:
            return self.load(uuid.UUID(text))
        except ValueError:
            pass
        normalised = resume_codes.normalise(text)
        if normalised is None:
            raise ResumeCodeError()
        with self.database.unit_of_work() as uow:
            found = uow.resume_codes.get(resume_codes.code_hash(normalised, self.settings.secret_key))
            record = uow.sessions.get(found.session_id) if found and found.expires_at > self._now() else None
        if record is None:
            raise ResumeCodeError()
        return record.to_session()

    def export(self, session_id_or_code: str) -> dict[str, Any]:
        """The schema-versioned export document of one session (and nothing of any other)."""
        session = self.find(session_id_or_code)
        log.info("session %s exported", session.id)
        return export_document(session, now=self._now())

    def erase(self, session_id: uuid.UUID, *, by: str = "system") -> None:
        """Delete the session and everything hanging off it; its resume code stops working.

        Of the access log only one row about this session remains: its pseudonymous id,
        'erased', when and by whom (`by`).
        """
        now = self._now()
        with self.database.unit_of_work(write=True) as uow:
            if not uow.sessions.delete(session_id):
                raise SessionNotFoundError()
            uow.access_log.delete_for_session(session_id)
            uow.access_log.add(
                AccessLogEntry(at=now, username=by[:64], session_id=session_id, action="erased")
            )
            uow.commit()
        self.database.scrub()
        log.info("session %s erased", session_id)

    def purge_drafts(self, older_than: timedelta) -> int:
        """Erase sessions still in progress that nobody changed for `older_than`. Returns the count."""
        if older_than <= timedelta(0):
            raise ValueError("older_than must be positive.")
        before = self._now() - older_than
        with self.database.unit_of_work(write=True) as uow:
            ids = uow.sessions.drafts_changed_before(before)
            for session_id in ids:
                uow.sessions.delete(session_id)
            uow.commit()
        if ids:
            self.database.scrub()
        log.info("%d stale drafts purged", len(ids))
        return len(ids)

    def backup(self, path: Path, *, overwrite: bool = False) -> Path:
        """A consistent copy of a SQLite database (online backup API). PostgreSQL: use pg_dump."""
        return self.database.backup(Path(path), overwrite=overwrite)


__all__ = [
    "Database",
    "Invited",
    "OpenedWithCode",
    "SessionService",
    "StartedSession",
    "parse_status",
    "utc_now",
]


def _first_line(error: Exception) -> str:
    """Why a document does not load, in one line: the first problem, and how many more."""
    if isinstance(error, ValidationError):
        problems = error.errors()
        first = problems[0]
        where = ".".join(str(part) for part in first["loc"]) or "document"
        more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
        return f"{where}: {first['msg']}{more}"[:300]
    return (str(error).strip().splitlines() or [type(error).__name__])[0][:300]
