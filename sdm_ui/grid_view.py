"""A grid on screen: the options as cards and one table per question, with likelihoods.

Used by the wizard (steps 2 and 3) and by the Compare page. Each block is one st.html
element built by `sdm_aid.render.grid_table` (escaped, table semantics, icon arrays, sources
in a disclosure), so a run sends a handful of messages instead of one per cell and popover.
The HTML depends only on the grid and the language, so it is built once per grid object
(the library hands out the same object until a grid file changes).
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import streamlit as st

from sdm_aid.content.models import Audience, OptionGrid
from sdm_aid.i18n import Language, Translator
from sdm_aid.render.grid_table import GridTexts, option_cards_html, question_html

AUDIENCE_TEXT = {
    Audience.YOUTH: "For young people",
    Audience.PARENT: "For parents",
    Audience.BOTH: "For young people and parents",
}

_CACHE_SIZE = 24
_cache: OrderedDict[tuple[int, str, str], tuple[OptionGrid, tuple[str, ...]]] = OrderedDict()
_lock = threading.Lock()


def _texts(t: Translator) -> GridTexts:
    return GridTexts(
        rescaled=t("The picture shows the same as {shown} out of {figures}."),
        sources_for=t("Sources for {option}"),
        in_practice=t("In practice"),
        wait_option=t("This option means: no treatment for now, and look again later."),
    )


def _blocks(kind: str, grid: OptionGrid, t: Translator, language: Language) -> tuple[str, ...]:
    key = (id(grid), kind, language)
    with _lock:
        hit = _cache.get(key)
        if hit is not None and hit[0] is grid:  # the same object, not a new one at a reused id
            _cache.move_to_end(key)
            return hit[1]
    texts = _texts(t)
    if kind == "cards":
        blocks: tuple[str, ...] = (option_cards_html(grid, texts, language),)
    else:
        blocks = tuple(question_html(grid, question, texts, language) for question in grid.questions)
    with _lock:
        _cache[key] = (grid, blocks)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return blocks


def option_cards(grid: OptionGrid, t: Translator, language: Language) -> None:
    """All options as cards in one element (they wrap to one column on a phone)."""
    st.html(_blocks("cards", grid, t, language)[0])


def pros_and_cons(grid: OptionGrid, t: Translator, language: Language) -> None:
    """One table per question: the options side by side, one element each."""
    for block in _blocks("questions", grid, t, language):
        st.html(block)
