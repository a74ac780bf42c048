"""QR codes, made on this machine (no outside service ever sees an address or a code).

A personal invitation shows a QR code that leads to the app's start page. It holds only the
address: the personal code itself never travels in a URL (it is shown next to the QR code,
to be typed).
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit, urlunsplit

import segno

from sdm_aid.wizard.registry import PAGES


def start_page_url(app_url: str) -> str:
    """The start page of the app at `app_url` (any page of it): scheme, host and path prefix
    only; a query or fragment (which could carry anything) is dropped."""
    parts = urlsplit(app_url)
    path = parts.path.rstrip("/")
    for page in PAGES:
        if path.endswith("/" + page.url_path):
            path = path[: -len(page.url_path) - 1]
    return urlunsplit((parts.scheme, parts.netloc, path.rstrip("/") + "/", "", ""))


def qr_img(url: str, *, alt: str) -> str:
    """An `<img>` with the QR code for `url` as an SVG data URI (the page's HTML is sanitised:
    inline SVG would be removed; images from data URIs are allowed by the CSP)."""
    qr = segno.make(url, error="m")
    data: str = qr.svg_data_uri(scale=6, border=4, dark="#102a43", light="#ffffff")
    size = (qr.symbol_size(scale=6, border=4))[0]
    return f'<img class="sdm-qr" src="{escape(data)}" alt="{escape(alt)}" width="{size}" height="{size}">'
