"""Where a session and its follow-up stand; storage queries use the same boundaries."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from sdm_aid.sessions.models import FollowUp, FollowUpStatus
from sdm_aid.sessions.status import DUE_WITHIN, FollowUpState, follow_up_state

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def follow_up(starts_at: datetime, status: FollowUpStatus = FollowUpStatus.PLANNED) -> FollowUp:
    return FollowUp(id=uuid.uuid4(), starts_at=starts_at, status=status)


@pytest.mark.parametrize(
    ("offset", "state"),
    [
        (-timedelta(days=30), FollowUpState.OVERDUE),
        (-timedelta(seconds=1), FollowUpState.OVERDUE),
        (timedelta(0), FollowUpState.DUE),
        (timedelta(days=3), FollowUpState.DUE),
        (DUE_WITHIN - timedelta(seconds=1), FollowUpState.DUE),
        (DUE_WITHIN, FollowUpState.UPCOMING),
        (timedelta(days=200), FollowUpState.UPCOMING),
    ],
)
def test_planned_follow_up_boundaries(offset: timedelta, state: FollowUpState) -> None:
    assert follow_up_state(follow_up(NOW + offset), NOW) == state


@pytest.mark.parametrize(
    ("status", "state"),
    [
        (FollowUpStatus.DONE, FollowUpState.DONE),
        (FollowUpStatus.MISSED, FollowUpState.MISSED),
        (FollowUpStatus.RESCHEDULED, FollowUpState.RESCHEDULED),
    ],
)
def test_closed_follow_ups_keep_their_status_whatever_the_time(status, state) -> None:
    for offset in (-timedelta(days=3), timedelta(days=3), timedelta(days=30)):
        assert follow_up_state(follow_up(NOW + offset, status), NOW) == state


def test_due_window_can_be_widened_and_now_must_be_aware() -> None:
    in_ten_days = follow_up(NOW + timedelta(days=10))
    assert follow_up_state(in_ten_days, NOW, due_within=timedelta(days=14)) == FollowUpState.DUE
    with pytest.raises(TypeError):
        follow_up_state(in_ten_days, NOW.replace(tzinfo=None))
