"""Who made the chosen grid, who checked it, who paid, and how current it is: one small block
for the start page and every step's footer (one call each). The words come from the core
(`sdm_aid.content.provenance`), the same as in the summary's appendix."""

from __future__ import annotations

from html import escape

import streamlit as st

from sdm_aid.content.likelihood_words import translator
from sdm_aid.content.models import OptionGrid
from sdm_aid.content.provenance import provenance
from sdm_aid.i18n import Language


def about_grid(
    grid: OptionGrid, language: Language, *, warn_overdue: bool = True, folded: bool = False
) -> None:
    """The facts as a small definition list; a warning above them when the review is overdue
    (the start page warns in its own words, so it passes `warn_overdue=False`). `folded`: the
    status and version on one line, the other facts behind it (a disclosure, no script run)."""
    about = provenance(grid, language)
    if warn_overdue and about.overdue:
        st.warning(about.overdue, icon=":material/event_busy:")
    facts = "".join(
        f"<div><dt>{escape(fact.label)}</dt><dd>{escape(fact.value)}</dd></div>" for fact in about.facts
    )
    title = escape(translator(language)("About this decision aid"))
    listed = f'<dl class="sdm-about-facts">{facts}</dl>'
    if folded:
        summary = f'<summary class="sdm-about-title">{title}: {escape(about.short)}</summary>'
        body = f"<details>{summary}{listed}</details>"
    else:
        body = f'<p class="sdm-about-title">{title}</p>{listed}'
    st.html(
        f'<footer class="sdm-about" aria-label="{title}">{body}</footer>'
        "<style>.sdm-about{font-size:.85rem;color:#455a64;margin-top:.5rem}"
        ".sdm-about-title{font-weight:600;margin:0 0 .25rem}"
        ".sdm-about summary{cursor:pointer;min-height:2.75rem;display:flex;align-items:center}"
        ".sdm-about-facts{display:flex;flex-wrap:wrap;gap:.15rem 1.25rem;margin:0}"
        ".sdm-about-facts dt{display:inline;font-weight:600}.sdm-about-facts dt::after{content:': '}"
        ".sdm-about-facts dd{display:inline;margin:0}</style>"
    )
