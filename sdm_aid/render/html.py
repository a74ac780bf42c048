"""The summary as one standalone HTML file: the accessible twin of the PDF.

Autoescaping is switched on for every template, whatever its file name (jinja2's
`select_autoescape` would skip `.j2`/`.jinja` files), and undefined names are errors.
No external resources: the CSS is inline, fonts are the reader's own.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from sdm_aid.render.model import Pictograph, Summary
from sdm_aid.wizard.frequencies import icon_array_img


def pictograph_img(picture: Pictograph) -> Markup:
    """An icon array for a summary cell: decoration (its cell's text says the numbers)."""
    return Markup(icon_array_img(picture.affected, picture.total, None))


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("sdm_aid", "render/templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.globals["pictograph_img"] = pictograph_img
    return env


def render_html(summary: Summary) -> str:
    """The whole summary as a self-contained HTML document."""
    return environment().get_template("summary.html").render(summary=summary)
