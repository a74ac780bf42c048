"""Plain-language messages for problems: input issues, missing answers, storage trouble."""

from __future__ import annotations

import streamlit as st

from sdm_aid.i18n import Translator
from sdm_aid.wizard import texts
from sdm_aid.wizard.inputs import Issue


def issue_text(t: Translator, issue: Issue) -> str:
    return t(texts.ISSUE_TEXT[issue.issue], limit=issue.limit or 0, over=issue.over)


def show_issue(t: Translator, issue: Issue) -> None:
    st.error(issue_text(t, issue), icon=":material/edit:")


def storage_down(t: Translator) -> None:
    st.error(
        t(
            "Saving does not work right now. Your answers are still on this screen. "
            "Please try again in a moment, or ask a staff member."
        ),
        icon=":material/cloud_off:",
    )
