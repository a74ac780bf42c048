"""Read back what the renderers wrote: PDF text and objects (pypdf), HTML tags and text."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from pypdf import PdfReader


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def body_text(data: bytes, summary) -> str:
    """The PDF's text without what page breaks add: the footer line of every page and a table
    header row repeated at the top of a page. Whitespace and hyphens are removed (`flat`)."""
    from sdm_aid.render.model import Table

    headers = {
        flat("".join(block.header))
        for section in summary.sections
        for block in section.blocks
        if isinstance(block, Table)
    }
    parts: list[str] = []
    pages = pdf_pages(data)
    for number, page in enumerate(pages, start=1):
        text = flat(page)
        footer = flat(summary.footer_text) + flat(summary.page_label.format(page=number, pages=len(pages)))
        assert text.endswith(footer), "every page ends with its footer"
        text = text[: -len(footer)]
        if number > 1:
            for header in headers:
                # Only a repeat: the same table already began on the page before.
                if text.startswith(header) and header in parts[-1]:
                    text = text[len(header) :]
                    break
        parts.append(text)
    return "".join(parts)


def shown_in_pieces(expected: str, text: str, pieces: int, shortest: int = 6) -> bool:
    """`expected` (flat) is in `text` whole, or cut into at most `pieces` parts that appear in
    order. A table row taller than half a page is cut where the page ends (see
    sdm_aid/render/pdf.py `_choose_splitting`): each cell then continues on the next page after
    the repeated header, so its text is split once per page break. Every part but the last must
    be at least `shortest` characters long, so that stray letters cannot fill the gaps."""
    if expected in text:
        return True
    position, rest = 0, expected
    for _ in range(pieces):
        low, high, found, found_at = 1, len(rest), 0, -1
        while low <= high:  # longest prefix of `rest` present after `position`
            middle = (low + high) // 2
            at = text.find(rest[:middle], position)
            if at >= 0:
                found, found_at, low = middle, at, middle + 1
            else:
                high = middle - 1
        if found < min(len(rest), shortest):
            return False
        position, rest = found_at + found, rest[found:]
        if not rest:
            return True
    return False


def squash(text: str) -> str:
    """Whitespace runs -> one space: line wrapping and <br/> may change whitespace, nothing else."""
    return re.sub(r"\s+", " ", text).strip()


def no_space(text: str) -> str:
    """All whitespace removed: for very long words that the PDF splits over several lines."""
    return re.sub(r"\s+", "", text)


def flat(text: str) -> str:
    """Whitespace and hyphens removed: the PDF breaks a long word over lines with a hyphen."""
    return no_space(text).replace("-", "")


def pdf_links_and_images(data: bytes) -> list[str]:
    """Anything clickable or pictured: annotations (links), images, actions, JavaScript."""
    reader = PdfReader(io.BytesIO(data))
    found = []
    root = reader.trailer["/Root"]
    for key in ("/OpenAction", "/AA", "/Names", "/URI"):
        if key in root:
            found.append(f"catalog {key}")
    for number, page in enumerate(reader.pages, start=1):
        if "/Annots" in page:
            found.append(f"page {number} /Annots")
        if page.images:
            found.append(f"page {number} images")
    return found


def pdf_fonts(data: bytes) -> dict[str, bool]:
    """Base font name -> whether a TrueType font file is embedded for it."""
    reader = PdfReader(io.BytesIO(data))
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            fonts[str(font["/BaseFont"])] = embedded
    return fonts


@dataclass
class ParsedHtml(HTMLParser):
    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    chunks: list[str] = field(default_factory=list)
    _skip: int = 0

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("style", "title"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "title"):
            self._skip -= 1
        self.chunks.append(" ")

    def handle_data(self, data):
        if not self._skip:
            self.chunks.append(data)

    @property
    def text(self) -> str:
        return "".join(self.chunks)


def parse_html(document: str) -> ParsedHtml:
    parser = ParsedHtml()
    parser.feed(document)
    parser.close()
    return parser
