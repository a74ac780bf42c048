"""The Content-Security-Policy of every page.

Scripts: Streamlit's own bundle (same origin), the modules of custom components that bundle
loads from blob URLs (the browser helper, sdm_ui/browser_helper.py), the one inline script in
Streamlit's index.html, and the app's scripts in `sdm_ui.page_scripts` -- each inline script
allowed by the SHA-256 of its exact text, nothing else inline, no eval. Styles may be inline: Streamlit's
styling library writes style elements at run time. Nothing from other sites; no plugins; no
page may frame this one.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import streamlit

from sdm_ui import page_scripts

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def streamlit_inline_scripts() -> list[str]:
    """The inline scripts (without attributes) of the installed Streamlit's index.html."""
    index = Path(streamlit.__file__).with_name("static") / "index.html"
    return _INLINE_SCRIPT.findall(index.read_text(encoding="utf-8"))


def build_policy(inline_scripts: Iterable[str]) -> str:
    directives = {
        "default-src": ["'self'"],
        # blob: for custom components (st.components.v2): Streamlit's own bundle loads their
        # module from a blob URL it makes itself. A blob URL can only be made by a script
        # that already runs in the page, so this lets in nothing from outside.
        "script-src": ["'self'", "blob:", *sorted({script_hash(script) for script in inline_scripts})],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "media-src": ["'self'", "blob:"],
        "worker-src": ["'self'", "blob:"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


@cache
def policy() -> str:
    return build_policy([*streamlit_inline_scripts(), *page_scripts.ALL])
