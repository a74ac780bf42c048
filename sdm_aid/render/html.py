"""The summary as one standalone HTML file: the accessible twin of the PDF.

Autoescaping is switched on for every template, whatever its file name (jinja2's
`select_autoescape` would skip `.j2`/`.jinja` files), and undefined names are errors.
No external resources: the CSS is inline, fonts are the reader's own.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from sdm_aid.render.model import Summary


@cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("sdm_aid", "render/templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )


def render_html(summary: Summary) -> str:
    """The whole summary as a self-contained HTML document."""
    return environment().get_template("summary.html").render(summary=summary)
