"""The summary as an A4 PDF (reportlab platypus): the print artefact that leaves the room.

reportlab's Paragraph parses its text as markup, so every string from the model is escaped
here exactly once (`_markup`) and the only tags come from this module. The font is DejaVu
Sans, shipped in `fonts/` and embedded, because the built-in Helvetica has no ĳ or ł.
No links and no images are ever made.
"""

from __future__ import annotations

import io
import math
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Circle, Drawing, Rect
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)
from reportlab.platypus import (
    Table as PdfTable,
)
from reportlab.platypus import (
    TableStyle as PdfTableStyle,
)

from sdm_aid.render.model import Block, Bullets, Fields, Para, Pictograph, Section, Summary, Table
from sdm_aid.render.typed_text import for_print
from sdm_aid.wizard import frequencies

FONT_DIR = Path(__file__).with_name("fonts")
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 16 * mm
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 20 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
HEADING_ROOM = 40 * mm
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
KEEP_TOGETHER_MAX = FRAME_HEIGHT / 2
WHOLE_ROW_MAX = FRAME_HEIGHT * 0.7
"""Rows up to this (estimated) height move to the next page whole; taller ones are cut.
Room is left because the estimate is rough and a row taller than a page cannot move."""
AVERAGE_CHAR_WIDTH = 0.55
"""DejaVu Sans: average advance of a text character, in em (for height estimates)."""
MIN_ROW_PART = 24
"""Smallest piece (in points, about two lines) of a row cut at a page end."""
PICTOGRAPH_WIDTH = 64.0
"""A pictograph's width in points when its cell is wide enough (ten figures of 6.4 pt)."""

HEADER_FILL = colors.HexColor("#e6e6e6")
HIGHLIGHT_FILL = colors.HexColor("#dff0d8")
HIGHLIGHT_HEADER_FILL = colors.HexColor("#b9dfb0")
FLAG_FILL = colors.HexColor("#fde7cf")
RULE = colors.HexColor("#999999")
MUTED = colors.HexColor("#555555")

_font_lock = threading.Lock()
_fonts_registered = False


def register_fonts() -> None:
    """Register the shipped DejaVu family once per process, so <b> and <i> find their faces."""
    global _fonts_registered
    with _font_lock:
        if _fonts_registered:
            return
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
        pdfmetrics.registerFont(TTFont(FONT_ITALIC, str(FONT_DIR / "DejaVuSans-Oblique.ttf")))
        pdfmetrics.registerFontFamily(
            FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD
        )
        _fonts_registered = True


def _style(name: str, **overrides: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": FONT,
        "bulletFontName": FONT,  # the default is Helvetica, which is not embedded
        "fontSize": 11,
        "leading": 14.5,
        "spaceAfter": 3.5,
        # Last resort only: typed_text.for_print gives long words soft hyphens, where
        # reportlab breaks them with a visible hyphen.
        "splitLongWords": 1,
        "allowWidows": 0,
        "allowOrphans": 0,
    }
    base.update(overrides)
    return ParagraphStyle(name, **base)


STYLES: dict[str, ParagraphStyle] = {
    "title": _style("title", fontName=FONT_BOLD, fontSize=17, leading=21, spaceAfter=2),
    "subtitle": _style("subtitle", fontSize=12, leading=15, spaceAfter=2),
    "generated": _style("generated", fontSize=8.5, leading=11, textColor=MUTED, spaceAfter=6),
    "heading": _style(
        "heading", fontName=FONT_BOLD, fontSize=13.5, leading=17, spaceBefore=9, spaceAfter=4, keepWithNext=1
    ),
    "appendix": _style("appendix", fontName=FONT_BOLD, fontSize=15, leading=19, spaceAfter=4),
    "normal": _style("normal"),
    "strong": _style("strong", fontName=FONT_BOLD),
    "note": _style("note", fontName=FONT_ITALIC, textColor=MUTED),
    "bullet": _style("bullet", leftIndent=13, bulletIndent=1, spaceAfter=2, bulletFontSize=11),
    "cell": _style("cell", fontSize=9, leading=11.5, spaceAfter=0),
    "cell_head": _style("cell_head", fontName=FONT_BOLD, fontSize=9, leading=11.5, spaceAfter=0),
    "label": _style("label", fontName=FONT_BOLD, spaceAfter=0),
    "value": _style("value", spaceAfter=0),
}


class _Paragraph(Paragraph):
    """A Paragraph that breaks its lines once per width.

    Tables wrap every cell while measuring rows, while splitting them at a page end and
    again while drawing them, each time with another available height; line breaking is most
    of the build time, and Paragraph.wrap's lines and height depend on the width alone."""

    _wrapped_for: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        # split() deletes blPara when the paragraph moves on whole: then break again.
        if self._wrapped_for == availWidth and hasattr(self, "blPara"):
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_for = availWidth
        return size


def _markup(text: str) -> str:
    """Raw text -> reportlab paragraph markup: escaped once, newlines as line breaks."""
    # A space before each <br/>: reportlab 5.1 breaks a word at its soft hyphens only when a
    # space follows it, so the last word before a line break would be cut without a hyphen.
    return escape(text.replace("\r\n", "\n").replace("\r", "\n")).replace("\n", " <br/>")


def _para(text: str, style: str) -> Paragraph:
    return _Paragraph(_markup(text), STYLES[style])


def pictograph(picture: Pictograph, width: float) -> Drawing:
    """The icon array as on screen (the same figures, colours and order), `width` points wide.

    Vector shapes, not an image; the cell's text says the numbers."""
    scale = min(width, PICTOGRAPH_WIDTH) / (frequencies.PER_ROW * frequencies.CELL_W)
    rows = -(-picture.total // frequencies.PER_ROW)
    height = rows * frequencies.CELL_H * scale
    columns = min(frequencies.PER_ROW, picture.total)
    drawing = Drawing(columns * frequencies.CELL_W * scale, height + 2)
    # The default font, Helvetica, is not embedded; the drawing has no text, but names a font.
    setattr(drawing, "initialFontName", FONT)  # noqa: B010 (not in types-reportlab)
    head_x, head_y, head_r = frequencies.HEAD
    body_x, body_y, body_w, body_h, body_r = frequencies.BODY
    affected = colors.HexColor(frequencies.AFFECTED_COLOUR)
    other = colors.HexColor(frequencies.OTHER_COLOUR)
    for index, (row, column) in enumerate(frequencies.figure_cells(picture.total)):
        fill, stroke = (affected, affected) if index < picture.affected else (colors.white, other)
        x = column * frequencies.CELL_W
        top = height - row * frequencies.CELL_H * scale  # reportlab's y grows upwards
        width_of_line = frequencies.STROKE * scale
        drawing.add(
            Circle(
                (x + head_x) * scale,
                top - head_y * scale,
                head_r * scale,
                fillColor=fill,
                strokeColor=stroke,
                strokeWidth=width_of_line,
            )
        )
        body = Rect(
            (x + body_x) * scale,
            top - (body_y + body_h) * scale,
            body_w * scale,
            body_h * scale,
            rx=body_r * scale,
            ry=body_r * scale,
        )
        body.fillColor, body.strokeColor, body.strokeWidth = fill, stroke, width_of_line
        drawing.add(body)
    return drawing


def _pictograph_height(picture: Pictograph, width: float) -> float:
    scale = min(width, PICTOGRAPH_WIDTH) / (frequencies.PER_ROW * frequencies.CELL_W)
    return -(-picture.total // frequencies.PER_ROW) * frequencies.CELL_H * scale + 6


def _fields(block: Fields) -> Flowable:
    rows = [[_para(label, "label"), _para(value, "value")] for label, value in block.rows]
    table = PdfTable(rows, colWidths=[CONTENT_WIDTH * 0.3, CONTENT_WIDTH * 0.7], hAlign="LEFT")
    table.setStyle(
        PdfTableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # the default, Helvetica, is not embedded
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    _choose_splitting(table, max((_fields_row_height(row) for row in block.rows), default=0))
    return table


def _choose_splitting(table: PdfTable, tallest_row: float) -> None:
    """Whole rows move to the next page, unless a row is too tall for that to work well.

    Rows that fit comfortably on a page are never cut. A table with a very tall row (a long
    answer in a narrow column) instead fills every page and cuts rows where the page ends:
    one header per page and never a LayoutError. reportlab's mixed mode (rows first, then
    in-row) would repeat the header in the middle of a page.
    """
    if tallest_row > WHOLE_ROW_MAX:
        table.splitByRow = 0
        table.splitInRow = MIN_ROW_PART


# Layout decisions (keep a section together? cut rows?) use a quick estimate of heights from
# the text length instead of a trial layout, which would cost as much as the real one.


def _text_height(text: str, width: float, style: ParagraphStyle) -> float:
    per_line = max(1, int(width / (style.fontSize * AVERAGE_CHAR_WIDTH)))
    lines = sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))
    return lines * style.leading


def _column_widths(block: Table) -> list[float]:
    weights = block.widths or (1.0,) * len(block.header)
    total = sum(weights)
    return [CONTENT_WIDTH * weight / total for weight in weights]


def _table_row_height(
    cells: tuple[str, ...], widths: list[float], pictures: tuple[tuple[Pictograph, ...], ...] = ()
) -> float:
    style = STYLES["cell"]
    per_cell = pictures or ((),) * len(cells)
    return (
        max(
            _text_height(cell, width - 6, style) + sum(_pictograph_height(p, width - 6) for p in drawn)
            for cell, width, drawn in zip(cells, widths, per_cell, strict=True)
        )
        + 5.5
    )


def _fields_row_height(row: tuple[str, str]) -> float:
    label, value = row
    return (
        max(
            _text_height(label, CONTENT_WIDTH * 0.3 - 6, STYLES["label"]),
            _text_height(value, CONTENT_WIDTH * 0.7 - 6, STYLES["value"]),
        )
        + 3
    )


def _estimated_height(block: Block) -> float:
    match block:
        case Para(text=text, tone=tone):
            return _text_height(text, CONTENT_WIDTH, STYLES[tone]) + STYLES[tone].spaceAfter
        case Fields(rows=rows):
            return sum(_fields_row_height(row) for row in rows)
        case Bullets(items=items):
            return sum(_text_height(item, CONTENT_WIDTH - 11, STYLES["bullet"]) + 1.5 for item in items)
        case Table(header=header, rows=rows, legend=legend):
            widths = _column_widths(block)
            height = _table_row_height(header, widths) + sum(
                _table_row_height(r.cells, widths, r.pictures) for r in rows
            )
            return height + 5 + (_text_height(legend, CONTENT_WIDTH, STYLES["note"]) if legend else 0)
    raise TypeError(f"unknown block {type(block).__name__}")


def _table(block: Table) -> list[Flowable]:
    widths = _column_widths(block)
    data: list[list[Any]] = [[_para(cell, "cell_head") for cell in block.header]]
    for row in block.rows:
        line: list[Any] = []
        for i, cell in enumerate(row.cells):
            text = _para(cell, "cell_head" if i == 0 else "cell")
            drawn = row.pictures[i] if row.pictures else ()
            line.append([text, *(pictograph(p, widths[i] - 6) for p in drawn)] if drawn else text)
        data.append(line)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # the default, Helvetica, is not embedded
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for index, row in enumerate(block.rows, start=1):
        if row.flagged:
            commands.append(("BACKGROUND", (0, index), (-1, index), FLAG_FILL))
    if block.highlight_column is not None:
        column = block.highlight_column
        commands.append(("BACKGROUND", (column, 1), (column, -1), HIGHLIGHT_FILL))
        commands.append(("BACKGROUND", (column, 0), (column, 0), HIGHLIGHT_HEADER_FILL))
        commands.append(("LINEBEFORE", (column, 0), (column, -1), 1.5, colors.HexColor("#3c763d")))
        commands.append(("LINEAFTER", (column, 0), (column, -1), 1.5, colors.HexColor("#3c763d")))
    # repeatRows: the header row comes back on every page.
    table = PdfTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(PdfTableStyle(commands))
    _choose_splitting(
        table, max((_table_row_height(row.cells, widths, row.pictures) for row in block.rows), default=0)
    )
    flowables: list[Flowable] = [table, Spacer(0, 3)]
    if block.legend:
        flowables.append(_para(block.legend, "note"))
    return flowables


def _block(block: Block) -> list[Flowable]:
    match block:
        case Para(text=text, tone=tone):
            return [_para(text, tone)]
        case Fields():
            return [_fields(block)]
        case Bullets(items=items):
            return [_Paragraph(_markup(item), STYLES["bullet"], bulletText="•") for item in items]
        case Table():
            return [Spacer(0, 2), *_table(block)]
    raise TypeError(f"unknown block {type(block).__name__}")


def _section(section: Section) -> Iterator[Flowable]:
    # A heading never ends a page on its own: start a new page when there is no room for it
    # and the first lines under it.
    yield CondPageBreak(HEADING_ROOM)
    body: list[Flowable] = [_para(section.heading, "heading")]
    for block in section.blocks:
        body.extend(_block(block))
    if section.keep_together and sum(map(_estimated_height, section.blocks)) <= KEEP_TOGETHER_MAX:
        # A short section moves to the next page as a whole rather than being split.
        yield KeepTogether(body)
    else:
        # A long one flows on from where it starts, so no half-empty page is left behind.
        yield from body


def _footer_canvas(summary: Summary) -> Callable[..., canvas.Canvas]:
    """A canvas that knows the page total, for 'Page 2 of 5': pages are kept until save()."""

    class FooterCanvas(canvas.Canvas):
        _pageNumber: int  # noqa: N815 (reportlab's page counter, set by Canvas; not in types-reportlab)

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # reportlab's own, not in types-reportlab

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._draw_footer(total)
                super().showPage()
            super().save()

        def _draw_footer(self, total: int) -> None:
            self.saveState()
            self.setFont(FONT, 7.5)
            self.setFillColor(MUTED)
            self.setStrokeColor(RULE)
            y = MARGIN_BOTTOM - 9 * mm
            self.line(MARGIN_X, y + 9, PAGE_WIDTH - MARGIN_X, y + 9)
            # drawString does not parse markup: the grid id in the footer needs no escaping.
            self.drawString(MARGIN_X, y, summary.footer_text)
            label = summary.page_label.format(page=self._pageNumber, pages=total)
            self.drawRightString(PAGE_WIDTH - MARGIN_X, y, label)
            self.restoreState()

    return FooterCanvas


def story(summary: Summary) -> list[Flowable]:
    summary = for_print(summary)  # spaces as typed; long words break only with a hyphen
    flowables: list[Flowable] = [
        _para(summary.title, "title"),
        _para(summary.subtitle, "subtitle"),
        _para(summary.generated_text, "generated"),
    ]
    in_appendix = False
    for section in summary.sections:
        if section.appendix and not in_appendix:
            # Page 1 is the family's; the details start on a page of their own.
            in_appendix = True
            flowables += [PageBreak(), _para(summary.appendix_heading, "appendix")]
        flowables.extend(_section(section))
    return flowables


def render_pdf(summary: Summary, *, invariant: bool = False) -> bytes:
    """The whole summary as PDF bytes. `invariant=True` gives byte-stable output for tests."""
    register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{summary.title} – {summary.subtitle}",
        author=summary.author,
        subject=summary.subject,
        creator=summary.author,
        lang=summary.lang_tag,
        displayDocTitle=True,
        invariant=int(invariant),
        initialFontName=FONT,  # otherwise every page also references a non-embedded Helvetica
        initialFontSize=11,
    )
    document.build(story(summary), canvasmaker=_footer_canvas(summary))
    return buffer.getvalue()
