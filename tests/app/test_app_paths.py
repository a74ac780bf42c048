"""AppTest: the waiting-room path walks all nine elements to the hand-off; 'Read everything'
switches to the full path where the family is."""

from __future__ import annotations

from pathlib import Path

import pytest
import wizard_driver as w

from sdm_aid.content.loader import load_grid
from sdm_aid.elements import SdmElement
from sdm_aid.sessions.models import Deferred, ElementStatus, WizardPath
from sdm_aid.wizard import paths

SHIPPED = Path(__file__).resolve().parents[2] / "option_grids" / "anxiety-youth.json"
GRID = load_grid(SHIPPED).grid
SHORT = paths.presented(GRID, WizardPath.WAITING_ROOM)


@pytest.fixture
def shipped_grid(app_env: Path) -> Path:
    (app_env / "grids" / SHIPPED.name).write_bytes(SHIPPED.read_bytes())
    return app_env


def start(*, peer: bool):
    at = w.new_app()
    at.radio(key="start.grid").set_value(GRID.id).run()
    at.radio(key="start.parents").set_value(0).run()
    return w.begin(at, parents=0, peer=peer)


def keys(at, part: str) -> list[str]:
    return [r.key for r in at.radio if r.key and f".{part}." in r.key]


def test_the_start_page_offers_the_waiting_room_with_a_peer_worker_and_everything_without(
    shipped_grid: Path,
) -> None:
    assert w.stored_session(start(peer=True)).path == WizardPath.WAITING_ROOM
    assert w.stored_session(start(peer=False)).path == WizardPath.FULL


def test_the_waiting_room_path_walks_all_nine_elements_and_reaches_the_hand_off(shipped_grid: Path) -> None:
    at = start(peer=True)
    assert w.step(at) == 1 and "Stap 1 van 9" in w.texts(at)
    assert "Alles lezen" in [b.label for b in at.button]
    assert "Meer lezen" in [e.label for e in at.expander]  # the problem, cut short
    w.next_step(at)
    w.next_step(at)
    assert w.step(at) == 3
    table = next(str(h.proto.body) for h in at.get("html") if "sdm-og-all" in str(h.proto.body))
    assert table.count('scope="rowgroup"') == len(SHORT.questions) < len(GRID.questions)
    assert "Meer lezen" in table
    w.next_step(at)

    assert w.step(at) == 4
    w.take_turn(at, "youth")
    assert len(keys(at, "importance")) == len(SHORT.considerations) < len(GRID.considerations)
    w.fill_values(at, {0: ({c.id: 3 for c in SHORT.considerations}, "cbt")})
    w.finish_turn(at)
    w.next_step(at)
    assert w.step(at) == 5
    w.fill_ability(at, 0, "cbt", 7)
    assert not [t for t in at.text_area if t.key and ".helps." in t.key]  # only how sure, on this path
    w.finish_turn(at)
    w.next_step(at)
    assert w.step(at) == 6
    assert "De hulpverlener geeft het advies in het gesprek" in w.texts(at)
    w.next_step(at)
    assert w.step(at) == 7
    w.take_turn(at, "youth")
    assert len(keys(at, "check")) == len(SHORT.understanding_checks) < len(GRID.understanding_checks)
    for item in SHORT.understanding_checks:
        w.by_key(at.radio, f".check.youth.{item.id}").set_value(item.correct_answer)
        w.no_exception(at.run())
    w.finish_turn(at)
    w.next_step(at)
    assert w.step(at) == 8
    w.by_key(at.radio, ".mode").set_value("defer")
    at.run()
    w.by_key(at.selectbox, ".reason").set_value("need_more_information")
    w.no_exception(at.run())
    w.next_step(at)
    assert w.step(at) == 9
    w.plan_follow_up(at, in_days=30)
    w.next_step(at)  # Finish

    assert "Alle stappen zijn klaar" in w.texts(at)
    stored = w.stored_session(at)
    assert stored.path == WizardPath.WAITING_ROOM and isinstance(stored.outcome, Deferred)
    assert [p.element for p in stored.elements] == list(SdmElement)
    assert all(p.status != ElementStatus.NOT_STARTED for p in stored.elements)


def test_read_everything_switches_to_the_full_path_on_the_same_step(shipped_grid: Path) -> None:
    at = start(peer=True)
    for _ in range(3):
        w.next_step(at)
    w.take_turn(at, "youth")
    assert len(keys(at, "importance")) == len(SHORT.considerations)
    w.click(at, ".path.full")
    stored = w.stored_session(at)
    assert stored.path == WizardPath.FULL and w.step(at) == 4
    w.take_turn(at, "youth")
    assert len(keys(at, "importance")) == len(GRID.considerations)
    assert "Korte versie" in [b.label for b in at.button]
    w.click(at, ".path.waiting_room")
    assert w.stored_session(at).path == WizardPath.WAITING_ROOM
