"""`st.navigation` built from the page registry, with titles in the session's language."""

from __future__ import annotations

import streamlit as st

from sdm_aid.i18n import Language, Translator
from sdm_aid.wizard.registry import PAGES, PageSpec


def streamlit_pages(language: Language, pages: tuple[PageSpec, ...] = PAGES) -> list[st.Page]:
    return [
        st.Page(
            spec.file,
            title=Translator(spec.title_domain, language)(spec.title),
            icon=spec.icon,
            url_path=spec.url_path,
            default=spec.default,
            visibility=spec.visibility,
        )
        for spec in pages
    ]


def run(language: Language) -> None:
    """Register every page and run the one the browser asked for."""
    st.navigation(streamlit_pages(language), position="top").run()
