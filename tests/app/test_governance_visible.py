"""Governance families can see: on the start page and in every step's footer, for the chosen
grid; an overdue grid warns in the step too."""

from __future__ import annotations

import json
from pathlib import Path

import wizard_driver as w

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_start_page_and_every_step_show_who_made_the_grid(app_env) -> None:
    at = w.new_app()
    shown = w.texts(at)
    assert "Over deze keuzehulp" in shown
    assert "Concept: nog niet gecontroleerd door hulpverleners" in shown
    assert "Geschreven door" in shown and "Betaald door" in shown and "Belangen" in shown
    assert "Laatst gecontroleerd" not in shown  # the test grid is a draft
    w.begin(at)
    for _ in range(3):
        shown = w.texts(at)
        assert "Over deze keuzehulp" in shown and "Volgende controle" in shown
        assert "opnieuw gecontroleerd moeten worden" not in shown
        w.next_step(at)


def test_an_overdue_grid_warns_in_the_step(app_env: Path) -> None:
    grid_file = app_env / "grids" / "grid_minimal.json"
    document = json.loads(grid_file.read_text(encoding="utf-8"))
    document["governance"].update(
        last_reviewed="2020-06-01", published="2020-01-01", next_review_due="2021-01-01"
    )
    grid_file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    at = w.new_app()
    w.begin(at)
    warnings = [warning.value for warning in at.warning]
    assert any("had op 1 januari 2021 opnieuw gecontroleerd moeten worden" in text for text in warnings)
