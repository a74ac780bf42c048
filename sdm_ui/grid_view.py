"""A grid on screen: the options as cards (step 2) and the Option Grid table (step 3, /compare).

The table is one st.html element built by `sdm_aid.render.grid_table` (escaped, table
semantics, pictographs, "Meer lezen" and sources as <details> that need no script). Its HTML
depends only on the grid and the language, so it is built once per grid object (the library
hands out the same object until a grid file changes). On a phone the reader picks two
options (pills, one run per tap) and a table of just those two replaces the full one there.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import streamlit as st

from sdm_aid.content.models import Audience, OptionGrid
from sdm_aid.i18n import Language, Translator
from sdm_aid.render.grid_table import NARROW_MAX_REM, grid_html, option_cards_html, two_picked
from sdm_aid.render.likelihood import DOMAIN
from sdm_ui.text import md_escape

AUDIENCE_TEXT = {
    Audience.YOUTH: "For young people",
    Audience.PARENT: "For parents",
    Audience.BOTH: "For young people and parents",
}

_CACHE_SIZE = 24
_cache: OrderedDict[tuple[int, str, str, int | None], tuple[OptionGrid, str]] = OrderedDict()
_CARDS, _TABLE = "cards", "table"
_lock = threading.Lock()

PICK = "grid.pick.{grid}"
PICKED = "grid.picked.{grid}"
"""The two options last shown (the pills' own value may briefly hold three)."""

# The table's look. The header row sticks below Streamlit's fixed 3.75rem top bar; cells
# keep their borders while it sticks (separate borders: collapsed ones scroll away).
GRID_CSS = f"""
<style>
.sdm-vh {{ position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }}
.sdm-ogt {{ border-collapse: separate; border-spacing: 0; width: 100%; table-layout: fixed;
  margin: 0.5rem 0 1rem 0; }}
.sdm-ogt th, .sdm-ogt td {{ text-align: left; vertical-align: top; overflow-wrap: anywhere; }}
.sdm-ogt thead th {{ position: sticky; top: 3.75rem; z-index: 3; background: #dfeaef; color: #0f2a36;
  font-size: 1.05rem; font-weight: 700; padding: 0.55rem 0.6rem; border-bottom: 2px solid #1d5f7a;
  border-left: 1px solid #ffffff; }}
.sdm-ogt .sdm-q th {{ font-size: 1.15rem; font-weight: 650; padding: 1rem 0.6rem 0.35rem 0.6rem;
  border-bottom: 1px solid #b0bec5; }}
.sdm-ogt td {{ padding: 0.45rem 0.6rem; border-left: 1px solid #e3e9ec; }}
.sdm-ogt td:first-child {{ border-left: 0; }}
.sdm-ogt p {{ margin: 0 0 0.4rem 0; }}
.sdm-ogt .sdm-freq {{ font-weight: 700; font-size: 1.05rem; margin: 0; }}
.sdm-ogt .sdm-icons img {{ display: block; margin: 0.2rem 0 0.4rem 0; }}
.sdm-ogt .sdm-muted {{ color: #455a64; font-size: 0.95rem; }}
.sdm-ogt .sdm-answer {{ white-space: pre-line; }}
.sdm-ogt summary {{ cursor: pointer; color: #1d5f7a; text-decoration: underline; padding: 0.6rem 0;
  min-height: 2.75rem; box-sizing: border-box; }}
.sdm-ogt .sdm-src ul {{ padding-left: 1.1rem; margin: 0.2rem 0; }}
.sdm-ogt .sdm-url {{ overflow-wrap: anywhere; }}
@media (min-width: {NARROW_MAX_REM + 0.01}rem) {{ .st-key-sdm-grid-pick, .sdm-og-pair {{ display: none; }} }}
@media (max-width: {NARROW_MAX_REM}rem) {{ .sdm-og-all.sdm-og-paired {{ display: none; }} }}
.st-key-sdm-grid-pick button {{ min-height: 2.75rem; }}
</style>
"""
GRID_CSS = " ".join(GRID_CSS.split())


def _cached(kind: str, grid: OptionGrid, language: Language, words: int | None = None) -> str:
    """The HTML of the cards, the table or a phone's pair, built once per grid, language and
    brevity (`words`: the waiting room's short texts)."""
    key = (id(grid), kind, language, words)
    with _lock:
        hit = _cache.get(key)
        if hit is not None and hit[0] is grid:  # the same object, not a new one at a reused id
            _cache.move_to_end(key)
            return hit[1]
    brief = words is not None
    if kind == _CARDS:
        html = option_cards_html(grid, language, words)
    elif kind == _TABLE:
        html = grid_html(grid, language, brief=brief)
    else:  # a pair picked on a phone: "pair:1,3"
        columns = [int(c) for c in kind.removeprefix("pair:").split(",")]
        html = grid_html(grid, language, columns, brief=brief)
    with _lock:
        _cache[key] = (grid, html)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return html


def option_cards(grid: OptionGrid, t: Translator, language: Language, words: int | None = None) -> None:
    """All options as cards in one element (they wrap to one column on a phone); with
    `words`, each cut short with 'Read more'."""
    st.html(_cached(_CARDS, grid, language, words))


def _keep_two(grid_id: str) -> None:
    """The pills' callback (before the run): keep the newest pick and the one before it."""
    key, picked = PICK.format(grid=grid_id), PICKED.format(grid=grid_id)
    kept = two_picked(st.session_state.get(picked) or [], st.session_state.get(key) or [])
    st.session_state[key] = list(kept)
    st.session_state[picked] = list(kept)


def pros_and_cons(grid: OptionGrid, t: Translator, language: Language, words: int | None = None) -> None:
    """The Option Grid as one table; on a phone, the two options picked above it. With
    `words` (the waiting room) the table is brief: headlines and pictographs on view."""
    gt = Translator(DOMAIN, language)
    st.html(GRID_CSS)
    columns = list(range(len(grid.options)))
    if len(columns) <= 2:
        st.html(_cached(_TABLE, grid, language, words))
        return
    key, picked = PICK.format(grid=grid.id), PICKED.format(grid=grid.id)
    if key not in st.session_state:
        st.session_state[key] = st.session_state[picked] = columns[:2]
    with st.container(key="sdm-grid-pick"):
        st.pills(
            gt("Which two options do you want to see side by side?"),
            columns,
            selection_mode="multi",
            format_func=lambda index: md_escape(grid.options[index].label.get(language)),
            key=key,
            on_change=_keep_two,
            args=(grid.id,),
        )
    shown = [index for index in st.session_state.get(key) or [] if index in columns]
    # The full table, hidden on a phone once a pair is picked; the pair, shown only there.
    table = _cached(_TABLE, grid, language, words)
    st.html(
        table.replace('class="sdm-og sdm-og-all"', 'class="sdm-og sdm-og-all sdm-og-paired"', 1)
        if shown
        else table
    )
    if shown:
        st.html(_cached("pair:" + ",".join(map(str, shown)), grid, language, words))
