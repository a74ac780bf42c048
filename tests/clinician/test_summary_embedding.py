"""The summary shown inside the app: the body of render_html, escaped, CSS scoped; and the
PDF download that builds only on click and then writes the access-log row."""

from datetime import UTC, datetime

import pytest
from factories import minimal_grid, new_session

from sdm_aid.render.html import render_html
from sdm_aid.render.summary import build_summary
from sdm_aid.sessions.models import ParticipantAnswers
from sdm_ui.clinician.summary_view import SUMMARY_CSS, pdf_maker, summary_body

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
HOSTILE = '<script>x</script> <img src="http://example.org/x.png"> ![x](http://example.org/y.png) a<b'


def session_with(note: str):
    session = new_session()
    session.answers = {"youth": ParticipantAnswers(notes=note)}
    return session


def test_body_is_the_document_inside_body_with_user_text_escaped() -> None:
    summary = build_summary(session_with(HOSTILE), minimal_grid(), copy="clinician", generated_at=NOW)
    body = summary_body(render_html(summary))
    assert "<body" not in body and "<html" not in body and "<style" not in body
    assert body.lstrip().startswith("<header>") and body.rstrip().endswith("</footer>")
    assert "<script>" not in body
    # the only pictures are the pictographs: inline, made from numbers, never the typed <img>
    assert all(tag.startswith(' src="data:image/svg+xml;base64,') for tag in body.split("<img")[1:])
    assert "&lt;img src=&#34;http://example.org/x.png&#34;&gt;" in body or "&lt;img src=" in body
    assert "&lt;script&gt;x&lt;/script&gt;" in body and "a&lt;b" in body


def test_the_app_css_is_scoped_to_the_summary() -> None:
    rules = [line.strip() for line in SUMMARY_CSS.splitlines() if "{" in line]
    assert rules and all(rule.startswith(".sdm-summary") for rule in rules)


def test_a_document_without_body_is_refused() -> None:
    with pytest.raises(ValueError):
        summary_body("<p>no body</p>")


def test_pdf_is_built_on_click_and_the_hook_runs_after_the_bytes_exist() -> None:
    calls: list[str] = []
    make = pdf_maker(
        session_with("Zoë"), minimal_grid(), "family", lambda: NOW, after=lambda: calls.append("x")
    )
    assert calls == []  # nothing happens before the click
    data = make()
    assert data.startswith(b"%PDF") and calls == ["x"]
