"""Builders for test data shared by all parts of the suite.

Import as `from factories import ...` (tests/ is on the path through conftest.py).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from sdm_aid.content.loader import load_grid_bytes
from sdm_aid.content.models import OptionGrid
from sdm_aid.sessions.models import DecisionSession, GridRef, Participant, Role

FIXTURES = Path(__file__).with_name("fixtures")
MINIMAL_GRID_PATH = FIXTURES / "grid_minimal.json"


def minimal_grid() -> OptionGrid:
    """A small valid grid: 3 options (one 'wait'), 2 questions, 2 sources."""
    return load_grid_bytes(MINIMAL_GRID_PATH.read_bytes(), source_name=MINIMAL_GRID_PATH.name).grid


def grid_ref(grid: OptionGrid, raw: bytes | None = None) -> GridRef:
    raw = raw if raw is not None else MINIMAL_GRID_PATH.read_bytes()
    return GridRef(id=grid.id, version=grid.version, content_hash=hashlib.sha256(raw).hexdigest())


def new_session(
    grid: OptionGrid | None = None,
    *,
    parents: int = 1,
    peer_worker: bool = False,
    language: str = "nl",
    now: datetime | None = None,
) -> DecisionSession:
    grid = grid or minimal_grid()
    now = now or datetime.now(UTC)
    participants = [Participant(id="youth", role=Role.YOUTH, label="Jongere")]
    participants += [
        Participant(id=f"parent-{n}", role=Role.PARENT, label=f"Ouder {n}") for n in range(1, parents + 1)
    ]
    if peer_worker:
        participants.append(Participant(id="peer", role=Role.PEER_WORKER, label="Ervaringsdeskundige"))
    return DecisionSession(
        grid=grid_ref(grid),
        language=language,
        participants=participants,
        peer_worker_guides=peer_worker,
        created_at=now,
        updated_at=now,
    )
