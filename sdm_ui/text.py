"""Showing text typed by people or written in a grid: always as plain text.

Streamlit interprets Markdown in st.markdown and in every widget label (including links
and images). So user and grid text goes through `st.text`, through `st.html` after
`html.escape`, or through `md_escape` before it reaches a label.
"""

from __future__ import annotations

import re
import string
from html import escape

import streamlit as st

from sdm_aid.render.typed_text import keep_spaces

_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")


_AUTOLINK = re.compile(r"(?i)(://|www\.|@)")
_LINE_BREAKS = re.compile(r" *[\t\r\n\f\v]+ *")
_ZWSP = "\u200b"


def md_escape(text: str) -> str:
    """Backslash-escape every ASCII punctuation character (CommonMark allows escaping all of
    them), so no link, image, emphasis, HTML tag, emoji or icon shortcode can form.
    Escaping does not stop Streamlit from turning bare addresses (http://..., www...., a@b)
    into links, so an invisible zero-width space is put inside those patterns.
    Line breaks become spaces (labels are one line); double spaces stay double."""
    one_line = keep_spaces(_LINE_BREAKS.sub(" ", text).strip())
    broken = _AUTOLINK.sub(lambda m: m.group(1)[0] + _ZWSP + m.group(1)[1:], one_line)
    return _PUNCTUATION.sub(r"\\\1", broken)


def plain(text: str) -> None:
    """A paragraph of text, shown exactly as written."""
    st.text(text)


def html_text(text: str, *, tag: str = "p", css_class: str = "", **attributes: str) -> None:
    """Escaped text in our own element, e.g. a heading that must not parse Markdown; double
    spaces stay double. `attributes` become HTML attributes (`data_saved=` -> `data-saved=`)."""
    pairs = ({"class": css_class} if css_class else {}) | {
        k.replace("_", "-"): v for k, v in attributes.items()
    }
    attribute = "".join(f' {name}="{escape(value)}"' for name, value in pairs.items())
    st.html(f"<{tag}{attribute}>{escape(keep_spaces(text))}</{tag}>")
