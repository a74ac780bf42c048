"""What the summary says, and what the family copy leaves out."""

from __future__ import annotations

from datetime import date

import pytest
from render_samples import (
    NOW,
    YOUTH_SECRET,
    decided,
    deferred,
    grid_paths,
    largest,
    load,
    parents_disagree,
    private_youth,
)

from sdm_aid.content.models import GridStatus, Reviewer, Text
from sdm_aid.render.model import Bullets, Fields, Summary, Table
from sdm_aid.render.summary import build_summary, source_authors

GRIDS = grid_paths()
GRID_IDS = [path.stem for path in GRIDS]


def text_of(summary: Summary) -> str:
    return "\n".join(summary.texts())


def section_text(summary: Summary, key: str) -> str:
    section = summary.section(key)
    assert section is not None, key
    return "\n".join(Summary.texts(_only(summary, key)))


def _only(summary: Summary, key: str) -> Summary:
    from dataclasses import replace

    return replace(summary, sections=tuple(s for s in summary.sections if s.key == key))


@pytest.fixture(params=GRIDS, ids=GRID_IDS)
def grid_and_raw(request):
    return load(request.param)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("copy", ["family", "clinician"])
def test_every_part_of_the_decision_is_reported(grid_and_raw, language, copy):
    grid, raw = grid_and_raw
    summary = build_summary(decided(grid, raw, language), grid, copy=copy, generated_at=NOW)
    keys = [section.key for section in summary.sections]
    for key in (
        "decision", "participants", "elements", "options", "grid", "values", "leanings", "ability",
        "recommendation", "questions", "understanding", "outcome", "follow_up", "sure", "safety",
        "provenance",
    ):  # fmt: skip
        assert key in keys
    assert summary.lang_tag == {"nl": "nl-NL", "en": "en-GB"}[language]
    assert summary.language == language
    elements = summary.section("elements").blocks[0]
    assert isinstance(elements, Table) and len(elements.rows) == 9
    assert [row.cells[0] for row in elements.rows] == [str(n) for n in range(1, 10)]
    text = text_of(summary)
    assert grid.decision.get(language) in text
    for option in grid.options:
        assert option.label.get(language) in text
    for question in grid.questions:
        assert question.text.get(language) in text
    for source in grid.sources:
        # the clinician's copy cites in full; the family's names who wrote it, and when
        assert (source.citation if copy == "clinician" else source_authors(source.citation)) in text


def test_language_follows_the_session(grid_and_raw):
    grid, raw = grid_and_raw
    dutch = build_summary(decided(grid, raw, "nl"), grid, copy="family", generated_at=NOW)
    english = build_summary(decided(grid, raw, "en"), grid, copy="family", generated_at=NOW)
    assert dutch.title == "Samenvatting van onze keuze" and english.title == "Summary of our choice"
    assert dutch.page_label == "Pagina {page} van {pages}"
    assert grid.problem.nl in text_of(dutch) and grid.problem.en in text_of(english)


def test_build_is_pure():
    grid, raw = load(GRIDS[0])
    session = largest(grid, raw)
    first = build_summary(session, grid, copy="clinician", generated_at=NOW)
    again = build_summary(session, grid, copy="clinician", generated_at=NOW)
    assert first == again


def test_decided_shows_the_choice_and_highlights_its_column():
    grid, raw = load(GRIDS[0])
    summary = build_summary(decided(grid, raw), grid, copy="family", generated_at=NOW)
    table = summary.section("grid").blocks[0]
    assert isinstance(table, Table)
    assert table.highlight_column == 1 and table.header[1] == grid.options[0].label.nl
    assert len(table.rows) == len(grid.questions)
    outcome = section_text(summary, "outcome")
    assert f"We kozen: {grid.options[0].label.nl}" in outcome


def test_deferral_with_reason_what_is_needed_and_follow_up_in_amsterdam_time():
    grid, raw = load(GRIDS[0])
    summary = build_summary(deferred(grid, raw), grid, copy="family", generated_at=NOW)
    outcome = section_text(summary, "outcome")
    assert "We hebben besloten om nog te wachten met het besluit." in outcome
    assert "We willen het eerst thuis bespreken" in outcome
    assert "Oma wil ook meepraten." in outcome and "Informatie over wachttijden." in outcome
    follow_up = section_text(summary, "follow_up")
    # 12:00 UTC on the first Monday of summer time is 14:00 in Amsterdam.
    assert "maandag 30 maart 2026, 14:00" in follow_up
    assert "Regiebehandelaar" in follow_up and "Videobellen" in follow_up
    grid_table = summary.section("grid").blocks[0]
    assert isinstance(grid_table, Table) and grid_table.highlight_column is None
    elements = summary.section("elements").blocks[0]
    assert elements.rows[7].cells[2] == "Uitgesteld"
    assert elements.rows[4].cells[2] == "Overgeslagen, omdat: We wisten het nog niet"


def test_english_follow_up_time():
    grid, raw = load(GRIDS[0])
    summary = build_summary(deferred(grid, raw, "en"), grid, copy="family", generated_at=NOW)
    assert "Monday 30 March 2026, 14:00" in section_text(summary, "follow_up")


def test_two_parents_disagreeing_is_visible():
    grid, raw = load(GRIDS[0])
    summary = build_summary(parents_disagree(grid, raw), grid, copy="family", generated_at=NOW)
    table = next(b for b in summary.section("values").blocks if isinstance(b, Table))
    assert table.header[1:] == ("Jongere", "Ouder 1", "Ouder 2", "Waar jullie verschillen")
    # Youth 4/0 and parent-1 4/0 agree; parent-2 is 0/4 against both: every row differs, and
    # the parents' difference is named exactly like the young person's.
    assert all(row.flagged for row in table.rows)
    assert all(
        row.cells[-1] == "Ver uit elkaar: Jongere en Ouder 2; Ouder 1 en Ouder 2" for row in table.rows
    )
    outcome = summary.section("outcome").blocks[1]
    assert isinstance(outcome, Fields)
    assert dict(outcome.rows)["Niet eens"] == "Ouder 2"


def test_a_not_sure_vote_is_always_shown():
    grid, raw = load(GRIDS[0])
    session = parents_disagree(grid, raw)
    session.outcome = session.outcome.model_copy(update={"agree": ["youth"], "unsure": ["parent-1"]})
    for copy in ("family", "clinician"):
        rows = dict(
            build_summary(session, grid, copy=copy, generated_at=NOW).section("outcome").blocks[1].rows
        )
        assert (rows["Eens"], rows["Niet eens"], rows["Weet niet zeker"]) == ("Jongere", "Ouder 2", "Ouder 1")


def test_agreement_is_shown_when_ratings_are_close():
    grid, raw = load(GRIDS[0])
    summary = build_summary(decided(grid, raw), grid, copy="family", generated_at=NOW)
    table = next(b for b in summary.section("values").blocks if isinstance(b, Table))
    assert table.rows[0].cells[-1] == "Dicht bij elkaar" and not table.rows[0].flagged


def test_private_youth_answers_stay_out_of_the_family_copy(grid_and_raw):
    grid, raw = grid_and_raw
    session = private_youth(grid, raw)
    family = build_summary(session, grid, copy="family", generated_at=NOW)
    clinician = build_summary(session, grid, copy="clinician", generated_at=NOW)
    assert YOUTH_SECRET not in text_of(family)
    assert YOUTH_SECRET in text_of(clinician)
    # Not even indirectly: 'private' where the young person's answers would be (never 'not
    # answered'), no verdict that compares with them, no SURE score.
    values = next(b for b in family.section("values").blocks if isinstance(b, Table))
    assert values.header[1:] == ("Jongere", "Ouder 1")
    assert all(row.cells[1] == "privé" and not row.flagged for row in values.rows)
    sure = next(b for b in family.section("sure").blocks if isinstance(b, Table))
    assert sure.rows[0].cells[:3] == ("Jongere", "privé", "privé")
    leanings = next(b for b in family.section("leanings").blocks if isinstance(b, Bullets))
    assert "Jongere: privé" in leanings.items
    note = "Jongere houdt deze antwoorden privé. Alleen de hulpverlener ziet ze."
    assert note in section_text(family, "values") and note in section_text(clinician, "values")
    # The clinician copy shows them, marked.
    clinician_values = next(b for b in clinician.section("values").blocks if isinstance(b, Table))
    assert (
        clinician_values.header[1] == "Jongere (privé)" and "privé" not in clinician_values.rows[0].cells[1]
    )


def test_answers_the_young_person_shares_again_are_in_the_family_copy():
    grid, raw = load(GRIDS[0])
    session = private_youth(grid, raw, shared=("values", "ability", "recommendation", "understanding"))
    family = build_summary(session, grid, copy="family", generated_at=NOW)
    values = next(b for b in family.section("values").blocks if isinstance(b, Table))
    assert values.rows[0].cells[1] != "privé"
    assert f"{YOUTH_SECRET}?" in section_text(family, "questions")
    notes = family.section("notes")  # notes belong to no step: private while any step is
    assert notes is None or YOUTH_SECRET not in section_text(family, "notes")


def test_clinician_copy_is_complete_and_family_copy_plain():
    grid, raw = load(GRIDS[0])
    session = largest(grid, raw)
    family = build_summary(session, grid, copy="family", generated_at=NOW)
    clinician = build_summary(session, grid, copy="clinician", generated_at=NOW)
    assert family.subtitle == "Voor de familie" and clinician.subtitle == "Voor de hulpverlener"
    assert family.section("handoff") is None and family.section("session") is None
    assert clinician.section("handoff") is not None
    assert str(session.id) in text_of(clinician) and str(session.id) not in text_of(family)
    assert "Eerdere besluiten" in section_text(clinician, "outcome")
    assert "Eerdere besluiten" not in section_text(family, "outcome")
    assert "Eerdere vervolgafspraken" in section_text(clinician, "follow_up")


def test_provenance_names_the_exact_grid():
    grid, raw = load(GRIDS[0])
    session = decided(grid, raw)
    summary = build_summary(session, grid, copy="clinician", generated_at=NOW)
    fields = dict(summary.section("provenance").blocks[0].rows)
    assert fields["Versie"] == grid.version
    assert fields["Controlecode"] == session.grid.content_hash[:12]
    assert fields["Status"] == "Concept: nog niet gecontroleerd door hulpverleners"
    # A draft never says when it was last checked; the update policy is in the appendix.
    assert "Laatst gecontroleerd" not in fields and "Gecontroleerd door" not in fields
    assert fields["Zo houden we deze keuzehulp actueel"] == grid.governance.update_policy.nl
    assert fields["Betaald door"] == " ".join(grid.governance.funding.nl.split())
    sources = summary.section("provenance").blocks[2]
    assert isinstance(sources, Bullets) and len(sources.items) == len(grid.sources)
    assert sources.items[0].startswith(f"[1] {grid.sources[0].citation}")
    assert summary.footer_text.endswith(f"{grid.id} versie {grid.version}")
    # the family's copy: no check code, and who wrote each source rather than its English title
    family = build_summary(session, grid, copy="family", generated_at=NOW)
    fields = dict(family.section("provenance").blocks[0].rows)
    assert "Controlecode" not in fields and fields["Versie"] == grid.version
    sources = family.section("provenance").blocks[2]
    first = grid.sources[0]
    assert sources.items[0].startswith(f"[1] {source_authors(first.citation)}, {first.year}")
    assert first.citation not in text_of(family)


def test_a_reviewed_grid_names_its_last_check_and_reviewers():
    grid, raw = load(GRIDS[0])
    reviewer = Reviewer(
        name="Dr. A. Jansen",
        role=Text(nl="Kinderpsychiater", en="Child psychiatrist"),
        reviewed_on=date(2026, 6, 1),
    )
    governance = grid.governance.model_copy(
        update={
            "status": GridStatus.CLINICALLY_REVIEWED,
            "reviewers": [reviewer],
            "last_reviewed": date(2026, 6, 1),
        }
    )
    reviewed = grid.model_copy(update={"governance": governance})
    summary = build_summary(decided(reviewed, raw), reviewed, copy="family", generated_at=NOW)
    fields = dict(summary.section("provenance").blocks[0].rows)
    assert fields["Status"] == "Gecontroleerd door hulpverleners"
    assert fields["Laatst gecontroleerd"] == "1 juni 2026"
    assert fields["Gecontroleerd door"] == "Dr. A. Jansen, Kinderpsychiater (op 1 juni 2026)"


def test_the_summary_says_whom_to_call_when_things_get_worse():
    grid, raw = load(GRIDS[0])
    summary = build_summary(decided(grid, raw), grid, copy="family", generated_at=NOW)
    section = summary.section("safety")
    assert section.heading == "Als het slechter gaat"
    intro, contacts = section.blocks
    assert intro.text.startswith("Denk je aan zelfdoding?")
    assert contacts.items[0] == (
        "113 Zelfmoordpreventie: 0800-0113, https://www.113.nl. Als je aan zelfdoding denkt, of je "
        "zorgen maakt om iemand anders (dag en nacht, gratis en anoniem; ook chatten kan)."
    )
    assert any(item.startswith("Veilig Thuis: 0800-2000") for item in contacts.items)


def test_sure_scores_and_citation():
    grid, raw = load(GRIDS[0])
    summary = build_summary(decided(grid, raw), grid, copy="family", generated_at=NOW)
    table = next(b for b in summary.section("sure").blocks if isinstance(b, Table))
    assert table.rows[0].cells == (
        "Jongere",
        "2 van 4",
        "4 van 4",
        "4 van de 4: geen teken van twijfel over de keuze.",
    )
    assert table.header[1:3] == ("Vooraf", "Achteraf")
    assert "De SURE-test is van O'Connor en Légaré (2008)" in section_text(summary, "sure")
    clinician = build_summary(decided(grid, raw), grid, copy="clinician", generated_at=NOW)
    assert "O'Connor & Légaré" in section_text(clinician, "sure")


def test_unknown_copy_is_refused():
    grid, raw = load(GRIDS[0])
    with pytest.raises(ValueError):
        build_summary(decided(grid, raw), grid, copy="everyone", generated_at=NOW)  # type: ignore[arg-type]
