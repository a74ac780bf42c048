"""Builders for storage and service tests (import as `from storage_builders import ...`)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from factories import new_session

from sdm_aid.elements import SdmElement
from sdm_aid.sessions.models import (
    AbilityAnswer,
    Barrier,
    DecisionSession,
    DeferralReason,
    Deferred,
    ElementStatus,
    FollowUp,
    FollowUpMode,
    ParticipantAnswers,
    PeerWorkerTip,
    Recommendation,
    Role,
    SureAnswers,
    SureResult,
)


class FakeClock:
    """An injectable clock: `clock()` returns the current fake time; `advance(...)` moves it."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 3, 20, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


def filled_session(text: str, *, now: datetime | None = None) -> DecisionSession:
    """A deferred session with `text` in every free-text field a person can type into."""
    now = now or datetime(2026, 3, 20, 9, 0, tzinfo=UTC)
    session = new_session(parents=2, peer_worker=True, now=now)
    label = text[:40]
    session.participants = [p.model_copy(update={"label": label}) for p in session.participants]
    for participant in session.participants:
        session.answers[participant.id] = ParticipantAnswers(
            importance={"quick": 3, "no-pills": 1},
            leaning="talking",
            ability={
                "talking": AbilityAnswer(
                    confidence=6, barriers=[Barrier.TIME], what_would_help=f"help {text}"
                )
            },
            understanding={"choice": False},
            questions=[f"question {text}", text],
            notes=f"notes {text}",
            private_steps=["values", "understanding"] if participant.role == Role.YOUTH else [],
        )
        yes = SureAnswers(
            sure_of_best_choice=False,
            know_benefits_and_risks=True,
            clear_what_matters=True,
            enough_support_and_advice=False,
        )
        session.sure[participant.id] = SureResult(before=yes)
    session.elements = [
        e.model_copy(update={"status": ElementStatus.SKIPPED, "skip_reason": f"skip {text}"})
        if e.element == SdmElement.UNDERSTANDING
        else e
        for e in session.elements
    ]
    session.recommendation = Recommendation(
        option_id="talking", reasons=f"reasons {text}", recorded_at=now, recorded_by=label[:64]
    )
    session.peer_worker_tip = PeerWorkerTip(option_id=None, reasons=f"tip {text}")
    session.outcome = Deferred(
        reason=DeferralReason.OTHER, details=f"details {text}", still_needed=f"needed {text}", recorded_at=now
    )
    session.follow_up = FollowUp(
        starts_at=now + timedelta(days=3),
        with_whom=f"with {text}",
        mode=FollowUpMode.PHONE,
        purpose=f"purpose {text}",
        outcome_note=f"outcome {text}",
    )
    session.handoff_note = f"handoff {text}"
    return session


def with_follow_up(session: DecisionSession, starts_at: datetime) -> DecisionSession:
    session.follow_up = FollowUp(starts_at=starts_at)
    return session
