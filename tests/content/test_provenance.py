"""The governance words families see (start page, step footer, summary appendix), where each
option stands, and the product's default safety section."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sdm_aid.content.loader import load_grid, load_grid_bytes
from sdm_aid.content.provenance import eligibility_words, provenance
from sdm_aid.content.safety import default_safety, help_now, safety_for

EXAMPLE = Path(__file__).parent / "fixtures" / "v2" / "example-v2.json"
TODAY = date(2026, 11, 22)


def _example(change=None):
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    if change is not None:
        change(document)
    return load_grid_bytes(json.dumps(document).encode(), source_name="x.json", today=TODAY).grid


def _draft(document):
    document["governance"]["status"] = "draft"


def test_a_reviewed_grid_names_status_dates_writers_reviewers_funding_and_interests():
    facts = {fact.label: fact.value for fact in provenance(_example(), "en", today=TODAY).facts}
    assert list(facts) == [
        "Status",
        "Version",
        "Published",
        "Last checked",
        "Next check due",
        "Written by",
        "Checked by",
        "Paid for by",
        "Interests",
    ]
    assert facts["Status"] == "Checked by clinicians"
    assert facts["Checked by"] == "Dr. Test Reviewer, Child and adolescent psychiatrist (on 1 June 2026)"
    assert facts["Paid for by"] == "No funding; made by volunteers."


def test_a_draft_never_says_last_checked():
    about = provenance(_example(_draft), "nl", today=TODAY)
    labels = [fact.label for fact in about.facts]
    assert "Laatst gecontroleerd" not in labels and "Gecontroleerd door" not in labels
    assert about.facts[0].value == "Concept: nog niet gecontroleerd door hulpverleners"
    assert "Laatst gecontroleerd" not in about.line()


def test_an_overdue_grid_says_so():
    assert provenance(_example(), "nl", today=TODAY).overdue is None
    overdue = provenance(_example(), "nl", today=date(2030, 1, 2)).overdue
    assert overdue == (
        "Deze keuzehulp had op 1 januari 2030 opnieuw gecontroleerd moeten worden. "
        "De informatie kan verouderd zijn."
    )


def test_the_update_policy_is_given():
    assert provenance(_example(), "en", today=TODAY).update_policy.startswith("We review the grid every year")


def test_where_each_option_stands():
    grid = _example()
    talking, pills, wait = grid.options
    assert eligibility_words(talking, "nl") == "Meestal het eerst geprobeerd."
    assert (
        eligibility_words(pills, "nl") == "Een goede mogelijkheid als gesprekken alleen niet genoeg helpen."
    )
    assert eligibility_words(pills, "en") == "A good option when talking alone does not help enough."
    assert eligibility_words(wait, "en") is None


def test_the_default_safety_names_113_112_the_gp_and_veilig_thuis():
    safety = default_safety()
    phones = [contact.phone for contact in safety.contacts]
    assert phones == ["0800-0113", "112", None, "0800-2000"]
    assert safety.contacts[0].url == "https://www.113.nl"
    assert "kind" in safety.contacts[3].when.nl and "child" in safety.contacts[3].when.get("en")
    for contact in safety.contacts:
        assert contact.name.has("en") and contact.when.has("en")


def test_a_grid_without_safety_gets_the_default_and_a_grid_with_one_keeps_it():
    v1 = load_grid(Path(__file__).resolve().parents[1] / "fixtures" / "v1" / "anxiety-youth.json").grid
    assert safety_for(v1) == default_safety()
    grid = _example()
    assert safety_for(grid) == grid.safety != default_safety()


def test_help_now_is_the_grids_own_words_completed_with_every_default_contact():
    default = default_safety()
    assert help_now(None) == default
    grid = _example()
    shown = help_now(grid)
    assert shown.seek_help_now == grid.safety.seek_help_now
    assert shown.contacts[: len(grid.safety.contacts)] == grid.safety.contacts
    phones = {contact.phone for contact in shown.contacts}
    assert {"0800-0113", "112", "0800-2000"} <= phones
    numbers = [contact.phone for contact in shown.contacts if contact.phone]
    assert len(numbers) == len(set(numbers))  # nobody twice
    assert any(contact.phone is None for contact in shown.contacts)  # the GP
