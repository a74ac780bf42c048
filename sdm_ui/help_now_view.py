""" "Help now" on every family page: a button at the top of the screen that opens who to call
(`sdm_aid.wizard.help_now`), with numbers a phone can dial."""

from __future__ import annotations

from html import escape

import streamlit as st

from sdm_aid.i18n import Translator
from sdm_aid.wizard.help_now import HelpLine, help_lines

KEY = "sdm-help-now"


def _line(line: HelpLine, t: Translator) -> str:
    call = ""
    if line.number is not None and line.shown_number is not None:
        label = escape(t("Call {number}", number=line.shown_number))
        call = f'<a class="sdm-tel" href="tel:{escape(line.number)}">{label}</a>'
    action = escape(t(line.action))
    for number in {other.shown_number for other in help_lines() if other.shown_number}:
        action = action.replace(number, f'<span class="sdm-nowrap">{number}</span>')  # never split a number
    return (
        f'<div class="sdm-help-line"><p><strong>{escape(t(line.situation))}</strong></p>'
        f"<p>{action}</p>{call}</div>"
    )


def control(t: Translator) -> None:
    with st.container(key=KEY), st.popover(t("Help now"), icon=":material/emergency:"):
        st.html(
            f'<p class="sdm-h">{escape(t("Help now"))}</p>' + "".join(_line(line, t) for line in help_lines())
        )
