"""The summary model: what a decision summary says, ready to be rendered.

Every text is already in the session's language. Text that a user typed or a grid holds is
kept RAW here (no escaping, no markup): escaping is the job of each renderer, for its own
target, exactly once. The model is a short list of sections made of four kinds of blocks,
so the HTML and the PDF renderer show exactly the same content.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar, Literal

from sdm_aid.i18n.languages import Language

CopyKind = Literal["family", "clinician"]
Tone = Literal["normal", "strong", "note"]


@dataclass(frozen=True, slots=True)
class Para:
    """One paragraph of plain text; newlines in `text` are line breaks."""

    kind: ClassVar[str] = "para"
    text: str
    tone: Tone = "normal"


@dataclass(frozen=True, slots=True)
class Fields:
    """Label/value pairs, e.g. 'When' / 'Monday 30 March 2026, 14:00'."""

    kind: ClassVar[str] = "fields"
    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Bullets:
    kind: ClassVar[str] = "bullets"
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Pictograph:
    """An icon array under a cell's text: `affected` of `total` figures (the text says the numbers)."""

    affected: int
    total: int


@dataclass(frozen=True, slots=True)
class TableRow:
    cells: tuple[str, ...]
    flagged: bool = False
    """Drawn with a coloured background, e.g. where young person and parents differ."""
    pictures: tuple[tuple[Pictograph, ...], ...] = ()
    """Per cell (empty, or as many as `cells`): the pictographs drawn under its text."""


@dataclass(frozen=True, slots=True)
class Table:
    kind: ClassVar[str] = "table"
    header: tuple[str, ...]
    rows: tuple[TableRow, ...]
    widths: tuple[float, ...] | None = None
    """Relative column widths (any scale); None = equal columns."""
    highlight_column: int | None = None
    """Index of a column to highlight, e.g. the chosen option in the option grid."""
    legend: str | None = None
    """Short text under the table that explains the highlighting."""


Block = Para | Fields | Bullets | Table


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    """Stable name ('decision', 'values', 'outcome', ...) for tests and for the clinician pages."""
    heading: str
    blocks: tuple[Block, ...]
    keep_together: bool = True
    """Short sections stay on one page; the option grid may run over pages."""
    appendix: bool = False
    """After page 1 of the family copy: the details behind it. The first such section
    starts a new page under the summary's `appendix_heading`."""


@dataclass(frozen=True, slots=True)
class Summary:
    language: Language
    lang_tag: str
    """BCP 47 tag for HTML `lang` and the PDF /Lang entry: 'nl-NL' or 'en-GB'."""
    copy: CopyKind
    title: str
    subtitle: str
    """Whose copy this is, e.g. 'For the family'."""
    author: str
    subject: str
    """Document subject for the PDF metadata: which decision this is about."""
    generated_at: datetime
    generated_text: str
    """'Made on ...' line, already formatted in the session's locale and Europe/Amsterdam."""
    footer_text: str
    """Date and grid version for the footer of every page."""
    page_label: str
    """Page counter with our own placeholders only: 'Page {page} of {pages}'."""
    grid_id: str
    grid_version: str
    sections: tuple[Section, ...]
    appendix_heading: str = ""

    def section(self, key: str) -> Section | None:
        return next((section for section in self.sections if section.key == key), None)

    def texts(self) -> Iterator[str]:
        """Every text the summary shows, in reading order (used by tests)."""
        yield self.title
        yield self.subtitle
        yield self.generated_text
        for section in self.sections:
            yield section.heading
            for block in section.blocks:
                yield from block_texts(block)


def block_texts(block: Block) -> Iterator[str]:
    match block:
        case Para(text=text):
            yield text
        case Fields(rows=rows):
            for label, value in rows:
                yield label
                yield value
        case Bullets(items=items):
            yield from items
        case Table(header=header, rows=rows, legend=legend):
            yield from header
            for row in rows:
                yield from row.cells
            if legend:
                yield legend
