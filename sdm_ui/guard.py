"""No Streamlit error box in front of a family: unexpected errors become a calm message.

Streamlit shows an English error box with links to search engines for any exception in a
page or a widget callback. `callback` wraps every callback of ours, and `page_body` every
page's body; an unexpected error is logged (type and place only, never session content) and
the page says, in the session's language, that something went wrong and that the answers
are saved.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

import streamlit as st

from sdm_aid.i18n import Translator
from sdm_ui import state

log = logging.getLogger(__name__)

FAILED = "sdm.failed"
P = ParamSpec("P")
R = TypeVar("R")


def callback(function: Callable[P, R]) -> Callable[P, R | None]:
    """For `on_click` / `on_change`: an unexpected error is noted, not shown as a traceback."""

    @functools.wraps(function)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> R | None:
        try:
            return function(*args, **kwargs)
        except Exception as error:
            log.error("callback %s failed: %s", function.__qualname__, type(error).__name__, exc_info=False)
            log.debug("callback failure details", exc_info=True)
            st.session_state[FAILED] = True
            return None

    return guarded


@contextmanager
def page_body() -> Iterator[None]:
    """Around a page's body. Streamlit's own control flow (rerun, stop, switch_page) is a
    BaseException and passes through."""
    try:
        yield
    except Exception as error:
        log.error("page failed: %s", type(error).__name__)
        log.debug("page failure details", exc_info=True)
        st.session_state[FAILED] = True
    show_failure()


def show_failure() -> None:
    if st.session_state.pop(FAILED, False):
        t = Translator("wizard", state.language())
        st.error(
            t(
                "Something went wrong on this screen. Your saved answers are safe. Please try again, "
                "or ask a staff member."
            ),
            icon=":material/error:",
        )
