"""The only scripts the app itself puts into a page, as constants.

The Content-Security-Policy (sdm_ui/server/csp.py) allows an inline script only if its exact
text is listed here: it sends the SHA-256 of each one. A script written anywhere else, or
with text filled in at run time, is refused by the browser. So these scripts never contain
user text, translations or anything else that changes.
"""

from __future__ import annotations

SCROLL_TO_TOP = (
    "(document.querySelector('[data-testid=\"stMain\"]')||window).scrollTo({top:0});window.scrollTo({top:0});"
)
"""A new wizard step starts at its heading."""

PRINT_BUTTONS = (
    "document.querySelectorAll('button.sdm-print').forEach(b => { b.onclick = () => window.print(); });"
)
"""Print buttons print (inline onclick attributes are removed by Streamlit's sanitising)."""

ALL: tuple[str, ...] = (SCROLL_TO_TOP, PRINT_BUTTONS)


def script_tag(script: str) -> str:
    """`<script>` markup for `st.html(..., unsafe_allow_javascript=True)`; only listed scripts."""
    if script not in ALL:
        raise ValueError("only the scripts listed in sdm_ui.page_scripts may be put into a page")
    return f"<script>{script}</script>"
