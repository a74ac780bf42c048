"""Natural frequencies and icon arrays for a grid's likelihoods ('6 in 10 young people ...').

Only numbers the grid gives are shown, with no more precision than it gives: a likelihood
is drawn on the grid's own denominator when that is 100 or less (6 in 10 is ten figures,
never sixty of a hundred). Above 100 it is drawn on 100 figures only when that is an exact
reduction (250 in 1000 -> 25 in 100); otherwise no array is drawn.

Colours: the figures that count are filled (#1d5f7a, 7.1:1 on white), the others are
outlines (#6b7f89, 4.2:1): both above the 3:1 that graphics need, and told apart by shape,
not by colour alone. The same geometry (`FIGURE_SHAPES`) is drawn on screen (SVG) and in the
PDF (reportlab).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from html import escape

from sdm_aid.content.models import TimePoint

ARRAY_SIZE = 100
PER_ROW = 10
AFFECTED_COLOUR = "#1d5f7a"
OTHER_COLOUR = "#6b7f89"
"""The outline of a figure that does not count (filled white)."""
BACKGROUND = "#ffffff"


@dataclass(frozen=True)
class FrequencyView:
    count: int
    out_of: int
    """The grid's own numbers, always shown in the text."""
    figures_affected: int | None
    figures_total: int | None
    """What the icon array draws; None when no honest array exists (more than 100, not exact)."""

    @property
    def rescaled(self) -> bool:
        return self.figures_total is not None and self.figures_total != self.out_of


def frequency_view(point: TimePoint) -> FrequencyView:
    """The icon array for one time point: the same rule for 'about' and exact counts, as
    neither may be drawn with more precision than the grid gives."""
    count, out_of = point.count, point.out_of
    if out_of <= ARRAY_SIZE:
        return FrequencyView(count, out_of, count, out_of)
    if out_of % ARRAY_SIZE == 0 and count % (out_of // ARRAY_SIZE) == 0:
        return FrequencyView(count, out_of, count // (out_of // ARRAY_SIZE), ARRAY_SIZE)
    return FrequencyView(count, out_of, None, None)


CELL_W, CELL_H = 14, 20
HEAD = (6.0, 4.2, 3.0)
"""A figure's head in its 14x20 cell: centre x, centre y (from the top), radius."""
BODY = (1.5, 8.4, 9.0, 10.0, 3.5)
"""A figure's body: x, y (top), width, height, corner radius."""
STROKE = 1.2
_FIGURE = (
    f'<circle cx="{HEAD[0]:g}" cy="{HEAD[1]:g}" r="{HEAD[2]:g}"/>'
    f'<rect x="{BODY[0]:g}" y="{BODY[1]:g}" width="{BODY[2]:g}" height="{BODY[3]:g}" rx="{BODY[4]:g}"/>'
)


def figure_cells(total: int) -> list[tuple[int, int]]:
    """(row, column) of each figure, 10 to a row, first figure top left."""
    return [divmod(index, PER_ROW) for index in range(total)]


def _rows_of(first: int, last: int) -> list[tuple[int, int, int]]:
    """Figures first..last-1 (10 to a row) as (row, first column, how many) runs."""
    runs = []
    while first < last:
        row, column = divmod(first, PER_ROW)
        count = min(PER_ROW - column, last - first)
        runs.append((row, column, count))
        first += count
    return runs


def icon_array_svg(affected: int, total: int, label: str) -> str:
    """A self-contained SVG: `affected` dark figures first, then light ones, 10 to a row.

    Each colour is one pattern (a figure in a 14x20 cell) that fills a rectangle per row run,
    so the picture stays under 1 KB whatever the count (one <g> per figure was 14 KB).
    `label` (the sentence the figures illustrate) becomes the accessible name; it is escaped.
    """
    if not 0 <= affected <= total or total < 1:
        raise ValueError(f"cannot draw {affected} of {total}")
    columns = min(PER_ROW, total)
    rows = -(-total // PER_ROW)
    shapes = [
        f'<rect x="{column * CELL_W}" y="{row * CELL_H}" width="{count * CELL_W}" height="{CELL_H}" '
        f'fill="url(#{pattern})"/>'
        for pattern, first, last in (("a", 0, affected), ("o", affected, total))
        for row, column, count in _rows_of(first, last)
    ]
    patterns = "".join(
        f'<pattern id="{name}" width="{CELL_W}" height="{CELL_H}" patternUnits="userSpaceOnUse">'
        f'<g fill="{fill}" stroke="{stroke}" stroke-width="{STROKE:g}">{_FIGURE}</g></pattern>'
        for name, fill, stroke in (
            ("a", AFFECTED_COLOUR, AFFECTED_COLOUR),
            ("o", BACKGROUND, OTHER_COLOUR),
        )
    )
    width, height = columns * CELL_W, rows * CELL_H
    safe = escape(label, quote=True)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{safe}" '
        f'viewBox="0 0 {width} {height}" width="{width * 1.25:g}" height="{height * 1.25:g}">'
        f"<title>{safe}</title><defs>{patterns}</defs>{''.join(shapes)}</svg>"
    )


def icon_array_img(affected: int, total: int, label: str | None) -> str:
    """The icon array as an <img> with the SVG inline as a data URI.

    Streamlit's st.html sanitises away inline <svg>, but keeps an <img> with a data URI:
    nothing is fetched from anywhere. With `label` None the picture is decoration (the text
    beside it says the numbers, so a screen reader hears them once): empty alt, aria-hidden."""
    svg = icon_array_svg(affected, total, label or "")
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    width = min(PER_ROW, total) * CELL_W * 1.25
    alt = 'alt="" aria-hidden="true"' if label is None else f'alt="{escape(label, quote=True)}"'
    return (
        f'<img src="data:image/svg+xml;base64,{data}" {alt} '
        f'width="{width:g}" style="max-width:100%;height:auto">'
    )
