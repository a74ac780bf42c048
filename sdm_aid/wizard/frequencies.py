"""Natural frequencies and icon arrays for a grid's likelihoods ('6 in 10 young people ...').

Only numbers the grid gives are shown. An exact count is drawn on 100 figures only when that is
an exact rescaling (out of 10 -> out of 100, out of 1000 with a round count -> out of 100);
otherwise the figures match the grid's own denominator, and above 100 no array is drawn. A
rounded count ('about 2 in 10') is never redrawn on 100 figures: '20 in 100' would claim a
precision the source does not give.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from html import escape

from sdm_aid.content.models import Precision, TimePoint

ARRAY_SIZE = 100
PER_ROW = 10
AFFECTED_COLOUR = "#1d5f7a"
OTHER_COLOUR = "#cfd8dc"


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
    count, out_of = point.count, point.out_of
    if point.precision == Precision.ABOUT:
        return FrequencyView(count, out_of, *((count, out_of) if out_of <= ARRAY_SIZE else (None, None)))
    if ARRAY_SIZE % out_of == 0:
        factor = ARRAY_SIZE // out_of
        return FrequencyView(count, out_of, count * factor, ARRAY_SIZE)
    if out_of % ARRAY_SIZE == 0 and count % (out_of // ARRAY_SIZE) == 0:
        return FrequencyView(count, out_of, count // (out_of // ARRAY_SIZE), ARRAY_SIZE)
    if out_of <= ARRAY_SIZE:
        return FrequencyView(count, out_of, count, out_of)
    return FrequencyView(count, out_of, None, None)


_FIGURE = '<circle cx="6" cy="3.2" r="3"/><path d="M1.5 17 V10 a4.5 4.5 0 0 1 9 0 V17 Z"/>'
CELL_W, CELL_H = 14, 20


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
        f'<g fill="{colour}">{_FIGURE}</g></pattern>'
        for name, colour in (("a", AFFECTED_COLOUR), ("o", OTHER_COLOUR))
    )
    width, height = columns * CELL_W, rows * CELL_H
    safe = escape(label, quote=True)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{safe}" '
        f'viewBox="0 0 {width} {height}" width="{width * 1.25:g}" height="{height * 1.25:g}">'
        f"<title>{safe}</title><defs>{patterns}</defs>{''.join(shapes)}</svg>"
    )


def icon_array_img(affected: int, total: int, label: str) -> str:
    """The icon array as an <img> with the SVG inline as a data URI and `label` as alt text.

    Streamlit's st.html sanitises away inline <svg>, but keeps an <img> with a data URI:
    nothing is fetched from anywhere."""
    svg = icon_array_svg(affected, total, label)
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    width = min(PER_ROW, total) * CELL_W * 1.25
    return (
        f'<img src="data:image/svg+xml;base64,{data}" alt="{escape(label, quote=True)}" '
        f'width="{width:g}" style="max-width:100%;height:auto">'
    )
