"""Page 1 of the family's PDF carries what a family takes home (issue 13, point 9), read back
from the PDF's own text: the choice or why it waits and what is still needed, who agrees, is
not sure or disagrees, the next appointment, what matters most to each person, their
questions for the clinician and help now; in body text of at least 11 pt. The rest follows
as an appendix; private answers stay private; no check code and no English citations."""

from __future__ import annotations

import io

import pytest
from inspect_output import flat, pdf_pages
from pypdf import PdfReader
from render_samples import NOW, SAMPLES, YOUTH_SECRET, grid_paths, load

from sdm_aid.render.pdf import render_pdf
from sdm_aid.render.summary import build_summary
from sdm_aid.sessions.models import Decided, Deferred

GRIDS = grid_paths()
HELP_NOW = ("113", "0800-0113", "112", "huisarts", "Veilig Thuis", "0800-2000")
FOOTER_AND_MADE_ON = 9.0
"""Only the footer (7.5 pt) and the 'made on' line (8.5 pt) are smaller than body text."""


def family_pdf(sample: str, path) -> tuple[object, object, list[str], bytes]:
    grid, raw = load(path)
    session = SAMPLES[sample](grid, raw, "nl")
    summary = build_summary(session, grid, copy="family", generated_at=NOW)
    data = render_pdf(summary)
    return grid, session, pdf_pages(data), data


@pytest.mark.parametrize("path", GRIDS, ids=[p.stem for p in GRIDS])
@pytest.mark.parametrize("sample", list(SAMPLES))
def test_page_one_carries_what_the_family_takes_home(sample, path):
    grid, session, pages, _data = family_pdf(sample, path)
    first = flat(pages[0])
    outcome = session.outcome
    names = {p.id: p.label for p in session.participants}
    assert flat("Onze keuze") in first
    if isinstance(outcome, Decided):
        chosen = next(o.label.get("nl") for o in grid.options if o.id == outcome.option_id)
        assert flat(f"We kozen: {chosen}") in first
        for label, ids in (
            ("Eens", outcome.agree),
            ("Weet niet zeker", outcome.unsure),
            ("Niet eens", outcome.disagree),
        ):
            assert flat(label) in first
            assert all(flat(names[pid]) in first for pid in ids)
    else:
        assert isinstance(outcome, Deferred)
        assert flat("We hebben besloten om nog te wachten met het besluit.") in first
        assert flat("Wat er nog nodig is") in first
        assert flat(" ".join(outcome.still_needed.split()[:8])) in first
    assert flat("Onze volgende afspraak") in first and flat("maandag 30 maart 2026, 14:00") in first
    assert flat("Wat ieder het belangrijkst vindt") in first
    assert flat("Vragen voor de hulpverlener") in first
    for person in session.family:
        if session.answers.get(person.id):
            assert flat(person.label + ":") in first
    for number in HELP_NOW:
        assert flat(number) in first
    assert pages[1].lstrip().startswith("Bijlage")


@pytest.mark.parametrize("path", GRIDS, ids=[p.stem for p in GRIDS])
def test_page_one_body_text_is_at_least_11_pt(path):
    *_, data = family_pdf("largest", path)
    sizes: list[tuple[float, str]] = []

    def seen(text, cm, tm, _font, size):
        if text.strip():
            sizes.append((size * tm[0] * cm[0], text.strip()))

    PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=seen)
    small = [(size, text) for size, text in sizes if size < 11]
    assert all(size < FOOTER_AND_MADE_ON for size, _ in small), small
    assert len(small) == 3  # 'Gemaakt op ...', the footer's date and grid, 'Pagina 1 van ...'


def test_no_check_code_no_english_citation_and_private_stays_private():
    for path in GRIDS:
        grid, _session, pages, _ = family_pdf("private_youth", path)
        text = flat("".join(pages))
        assert flat(YOUTH_SECRET) not in text
        assert "Controlecode" not in text
        for source in grid.sources:
            assert flat(source.citation) not in text
        assert flat("Jongere: privé") in flat(pages[0])  # what matters: 'private', not 'nothing'


def test_the_peer_worker_is_never_named_as_agreeing():
    grid, raw = load(GRIDS[0])
    session = SAMPLES["largest"](grid, raw, "nl")
    peer = next(p for p in session.participants if p.role == "peer_worker")
    session.outcome = session.outcome.model_copy(update={"agree": [*session.outcome.agree, peer.id]})
    first = pdf_pages(render_pdf(build_summary(session, grid, copy="family", generated_at=NOW)))[0]
    agree_line = first.split("Eens")[1].split("Weet niet zeker")[0]
    assert peer.label not in agree_line and "Jongere" in agree_line
