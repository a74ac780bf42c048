"""The SURE test (four yes/no questions) for one person, before or after choosing."""

from __future__ import annotations

import streamlit as st

from sdm_aid.sessions import labels, sure
from sdm_aid.sessions.models import Participant
from sdm_aid.wizard import fields
from sdm_ui.fields import bind
from sdm_ui.steps import StepView
from sdm_ui.text import md_escape


def sure_questions(view: StepView, person: Participant, moment: sure.SureMoment) -> None:
    for item, text in sure.sure_questions(view.lt):
        bind(
            view,
            fields.sure_item(moment, person.id, item.field),
            st.radio,
            md_escape(text),
            options=[True, False],
            format_func=lambda value: labels.yes_no_label(value, view.lt),
            horizontal=True,
        )
    # The names only, in the family's language (the full English reference is in the clinician's copy).
    st.caption(md_escape(view.t("These four questions are the SURE test (© O'Connor & Légaré, 2008).")))
