"""Showing a decision summary inside the app, and its downloads.

The summary is rendered once, by `sdm_aid.render.render_html` (jinja2, autoescaped): this
module shows the body of that document through `st.html` (sanitised again by the browser
side), with the document's own page-wide CSS replaced by rules scoped to `.sdm-summary`, so
the summary's `html`/`body` styling cannot leak into the app. Nothing a user typed is ever
read as Markdown.

Used by the family's Summary page and by the clinician's session page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

import streamlit as st

from sdm_aid.content.loader import LoadedGrid
from sdm_aid.content.models import OptionGrid
from sdm_aid.i18n import Language, Translator
from sdm_aid.render.html import render_html
from sdm_aid.render.model import CopyKind, Summary
from sdm_aid.render.pdf import render_pdf
from sdm_aid.render.pinned import exact_grid
from sdm_aid.render.summary import build_summary
from sdm_aid.sessions.models import DecisionSession, GridRef
from sdm_aid.wizard import registry
from sdm_ui import services

_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.DOTALL)

SUMMARY_CSS = """
<style>
.sdm-summary { line-height: 1.45; max-width: 60rem; }
.sdm-summary h1 { font-size: 1.5rem; margin: 0 0 .2rem; padding: 0; }
.sdm-summary .subtitle { font-size: 1.1rem; margin: 0; color: #333; }
.sdm-summary .generated { margin: .2rem 0 1rem; color: #555; font-size: .9rem; }
.sdm-summary h2 { font-size: 1.15rem; margin: 1.3rem 0 .5rem; padding: 0 0 .15rem;
  border-bottom: 1px solid #bbb; }
.sdm-summary p, .sdm-summary li, .sdm-summary td, .sdm-summary th, .sdm-summary dd,
.sdm-summary dt { white-space: pre-wrap; overflow-wrap: anywhere; }
.sdm-summary p { margin: .35rem 0; }
.sdm-summary p.strong { font-weight: bold; }
.sdm-summary p.note { color: #555; font-style: italic; font-size: .92rem; }
.sdm-summary ul { margin: .3rem 0; padding-left: 1.3rem; }
.sdm-summary dl.fields { display: grid; grid-template-columns: minmax(8rem, 30%) 1fr;
  gap: .25rem .8rem; margin: .4rem 0; }
.sdm-summary dl.fields dt { font-weight: bold; }
.sdm-summary dl.fields dd { margin: 0; }
.sdm-summary table { border-collapse: collapse; width: 100%; margin: .5rem 0; table-layout: fixed;
  font-size: .9rem; }
.sdm-summary th, .sdm-summary td { border: 1px solid #999; padding: .3rem .4rem; text-align: left;
  vertical-align: top; }
.sdm-summary thead th { background: #e6e6e6; }
.sdm-summary tr.flagged td { background: #fde7cf; }
.sdm-summary .highlight { background: #dff0d8; }
.sdm-summary thead th.highlight { background: #b9dfb0; }
.sdm-summary h2.appendix { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 2px solid #555; }
.sdm-summary section.first p, .sdm-summary section.first li, .sdm-summary section.first dd,
.sdm-summary section.first dt { font-size: 1.05rem; }
.sdm-summary .pictograph img { display: block; margin: .3rem 0; max-width: 100%; height: auto; }
.sdm-summary .legend { font-size: .85rem; color: #444; margin: .2rem 0 .6rem; }
.sdm-summary footer { margin-top: 1.5rem; border-top: 1px solid #bbb; padding-top: .4rem;
  font-size: .85rem; color: #555; }
</style>
"""


def session_grid(ref: GridRef) -> LoadedGrid | None:
    """The grid exactly as the session was made with it (same content hash), or None.

    A summary must show the text the family saw; an edited grid file is not good enough.
    """
    return exact_grid(ref, services.library())


def summary_body(document: str) -> str:
    """The inside of the rendered document's <body> (header, sections, footer)."""
    match = _BODY.search(document)
    if match is None:
        raise ValueError("the rendered summary has no <body>")
    return match.group(1)


def show_summary(summary: Summary) -> None:
    st.html(SUMMARY_CSS)
    st.html(f'<div class="sdm-summary" lang="{summary.lang_tag}">{summary_body(render_html(summary))}</div>')


def pdf_maker(
    session: DecisionSession,
    grid: OptionGrid,
    copy: CopyKind,
    now: Callable[[], datetime],
    after: Callable[[], None] | None = None,
) -> Callable[[], bytes]:
    """A zero-argument function for st.download_button: the PDF is built only when clicked
    (in a worker thread, so no Streamlit calls in here). `after` runs once the bytes exist,
    e.g. to write the access-log row."""

    def make() -> bytes:
        data = render_pdf(build_summary(session, grid, copy=copy, generated_at=now()))
        if after is not None:
            after()
        return data

    return make


def summary_link(language: Language) -> None:
    """The way from the family's hand-off screen to their Summary page."""
    ct = Translator("clinician", language)
    st.page_link(
        registry.SUMMARY.file, label=ct("See the summary and download it"), icon=":material/description:"
    )
