""" "Help now" on every family page: a button at the top of the screen that opens whom to call,
with numbers a phone can dial. The contacts come from the core (`content.safety.help_now`):
the grid's own safety section when the family has chosen a grid, completed with the product's
default contacts (113, 112, the GP, Veilig Thuis)."""

from __future__ import annotations

import re
from html import escape

import streamlit as st

from sdm_aid.content.models import OptionGrid, SafetyContact
from sdm_aid.content.safety import help_now, when_sentence
from sdm_aid.i18n import Language, Translator

KEY = "sdm-help-now"


def _line(contact: SafetyContact, t: Translator, language: Language) -> str:
    call = ""
    if contact.phone is not None:
        label = escape(t("Call {number}", number=contact.phone))
        digits = re.sub(r"\D", "", contact.phone)
        call = f'<a class="sdm-tel" href="tel:{digits}">{label}</a>'
    number = f' <span class="sdm-nowrap">{escape(contact.phone)}</span>' if contact.phone else ""
    return (
        f'<div class="sdm-help-line"><p><strong>{escape(contact.name.get(language))}</strong>{number}</p>'
        f"<p>{escape(when_sentence(contact, language))}</p>{call}</div>"
    )


def control(t: Translator, language: Language, grid: OptionGrid | None) -> None:
    safety = help_now(grid)
    with st.container(key=KEY), st.popover(t("Help now"), icon=":material/emergency:"):
        st.html(
            f'<p class="sdm-h">{escape(t("Help now"))}</p>'
            f"<p>{escape(safety.seek_help_now.get(language))}</p>"
            + "".join(_line(contact, t, language) for contact in safety.contacts)
        )
