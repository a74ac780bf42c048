"""Plain-language messages for problems: input issues, missing answers, storage trouble."""

from __future__ import annotations

import streamlit as st

from sdm_aid.i18n import Translator
from sdm_aid.wizard.inputs import InputIssue, Issue

ISSUE_TEXT = {
    InputIssue.EMPTY_LABEL: "Please fill in a name or nickname.",
    InputIssue.LABEL_TOO_LONG: "Please keep this to at most {limit} characters.",
    InputIssue.DUPLICATE_LABEL: "Two people have the same name. Please make them different.",
    InputIssue.TOO_MANY_PARENTS: "At most {limit} parents or carers can take part.",
    InputIssue.NO_SUCH_DATE: "This date does not exist. Please choose another day.",
    InputIssue.DATE_IN_PAST: "This moment has already passed. Please choose a later date or time.",
    InputIssue.QUESTION_TOO_LONG: "A line is longer than {limit} characters. Please make it shorter.",
    InputIssue.TOO_MANY_QUESTIONS: "At most {limit} questions per person. Please remove some.",
    InputIssue.EMPTY_REASON: "Please say why you skip this step.",
    InputIssue.NOT_A_NICKNAME: "Please use a first name or nickname, not a phone number or e-mail address.",
    InputIssue.TEXT_TOO_LONG: (
        "This text is {over} characters too long (at most {limit}). It stays here and is saved; "
        "please make it shorter."
    ),
}


def issue_text(t: Translator, issue: Issue) -> str:
    return t(ISSUE_TEXT[issue.issue], limit=issue.limit or 0, over=issue.over)


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
