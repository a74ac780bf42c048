"""The SURE test (four yes/no questions) for one person, before or after choosing."""

from __future__ import annotations

import streamlit as st

from sdm_aid.sessions import labels, sure
from sdm_aid.sessions.models import SURE_CITATION, Participant
from sdm_ui.steps import StepView
from sdm_ui.text import md_escape


def sure_questions(view: StepView, person: Participant, moment: sure.SureMoment) -> None:
    result = view.session.sure.get(person.id)
    saved = getattr(result, moment) if result is not None else None
    values: dict[str, bool | None] = {}
    for item, text in sure.sure_questions(view.lt):
        key = view.seeded(
            view.key("sure", moment, person.id, item.field),
            getattr(saved, item.field) if saved is not None else None,
        )
        values[item.field] = st.radio(
            md_escape(text),
            options=[True, False],
            format_func=lambda value: labels.yes_no_label(value, view.lt),
            horizontal=True,
            key=key,
        )
    if all(value is not None for value in values.values()):
        sure.record_sure(view.session, person.id, moment, values)
    st.caption(md_escape(view.t("SURE test: {citation}", citation=SURE_CITATION)))
