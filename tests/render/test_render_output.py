"""The HTML and PDF renderers: structure, fonts, metadata, layout limits, PNG."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace

import pytest
from inspect_output import (
    body_text,
    flat,
    parse_html,
    pdf_fonts,
    pdf_links_and_images,
    pdf_pages,
    shown_in_pieces,
    squash,
)
from jinja2 import DictLoader, StrictUndefined
from render_samples import NOW, SAMPLES, grid_paths, load

from sdm_aid.render.html import environment, render_html
from sdm_aid.render.model import Para, Section, Table, TableRow
from sdm_aid.render.pdf import render_pdf
from sdm_aid.render.summary import build_summary

GRIDS = grid_paths()
NAMES = "Zoë Łukasz ĳ Şule €"


def summary_for(sample: str = "decided", language: str = "nl", copy: str = "family", path=None):
    grid, raw = load(path or GRIDS[0])
    return build_summary(SAMPLES[sample](grid, raw, language), grid, copy=copy, generated_at=NOW)


# -- HTML -------------------------------------------------------------------------------


def test_autoescape_is_on_whatever_the_template_name():
    env = environment()
    assert env.autoescape is True
    assert env.undefined is StrictUndefined
    overlay = env.overlay(
        loader=DictLoader({"x.html.j2": "{{ v }}", "y.jinja": "{{ v }}", "z.txt": "{{ v }}"})
    )
    for name in ("x.html.j2", "y.jinja", "z.txt"):
        assert overlay.get_template(name).render(v="<b>") == "&lt;b&gt;"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_html_is_standalone_with_lang_and_print_css(language):
    document = render_html(summary_for(language=language))
    parsed = parse_html(document)
    html_tag = next(attrs for tag, attrs in parsed.tags if tag == "html")
    assert html_tag["lang"] == {"nl": "nl-NL", "en": "en-GB"}[language]
    assert not [tag for tag, _ in parsed.tags if tag in ("script", "link", "iframe", "object", "a")]
    # pictures only as inline pictographs (nothing fetched)
    assert all(a["src"].startswith("data:image/svg+xml;base64,") for tag, a in parsed.tags if tag == "img")
    assert not any(
        key == "href" or (key == "src" and tag != "img") for tag, attrs in parsed.tags for key in attrs
    )
    assert "http" not in document.split("</style>")[0]
    assert "url(" not in document and "@import" not in document
    assert "size: A4" in document and "@media print" in document and "break-inside: avoid" in document


@pytest.mark.parametrize("path", GRIDS, ids=[p.stem for p in GRIDS])
@pytest.mark.parametrize("sample", list(SAMPLES))
def test_html_shows_every_text_of_the_summary(path, sample):
    summary = summary_for(sample, path=path, copy="clinician")
    text = squash(parse_html(render_html(summary)).text)
    for expected in summary.texts():
        assert squash(expected) in text


def test_chosen_column_and_differences_are_marked_in_html():
    parsed = parse_html(render_html(summary_for("parents_disagree")))
    classes = [attrs.get("class") for _, attrs in parsed.tags]
    assert "highlight" in classes and "flagged" in classes


# -- PDF --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", GRIDS, ids=[p.stem for p in GRIDS])
@pytest.mark.parametrize("sample", list(SAMPLES))
@pytest.mark.parametrize("copy", ["family", "clinician"])
def test_pdf_shows_every_text_of_the_summary(path, sample, copy):
    summary = summary_for(sample, path=path, copy=copy)
    data = render_pdf(summary)
    pages = pdf_pages(data)
    text = body_text(data, summary)
    for expected in summary.texts():
        # Whole, or cut only where a tall row continues on the next page.
        assert shown_in_pieces(flat(expected), text, len(pages)), expected
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert f"Pagina {number} van {total}" in page
        assert summary.footer_text in page
    assert pdf_links_and_images(data) == []
    fonts = pdf_fonts(data)
    assert fonts and all(fonts.values()) and all("DejaVuSans" in name for name in fonts), fonts


def test_pdf_metadata_and_language():
    from io import BytesIO

    from pypdf import PdfReader

    for language, tag in (("nl", "nl-NL"), ("en", "en-GB")):
        summary = summary_for(language=language)
        reader = PdfReader(BytesIO(render_pdf(summary)))
        meta = reader.metadata
        assert meta.title == f"{summary.title} – {summary.subtitle}"
        assert meta.author == "SDM Aid"
        assert meta.subject == summary.subject
        assert reader.trailer["/Root"]["/Lang"] == tag


def test_fonts_are_embedded_truetype_with_full_latin():
    summary = summary_for()
    summary = replace(summary, sections=(Section("names", NAMES, (Para(NAMES), Para(NAMES, tone="strong"))),))
    data = render_pdf(summary)
    fonts = pdf_fonts(data)
    assert fonts and all(fonts.values()), fonts
    assert all("DejaVuSans" in name for name in fonts), fonts
    assert squash(NAMES) in squash(pdf_pages(data)[0])
    if shutil.which("pdffonts"):
        report = subprocess.run(
            ["pdffonts", "-"], input=data, capture_output=True, check=True
        ).stdout.decode()
        rows = [line for line in report.splitlines()[2:] if line.strip()]
        assert rows and all(re.search(r"TrueType.*\byes\s+yes\s+yes\b", row) for row in rows), report


def test_invariant_output_is_byte_stable():
    summary = summary_for("largest")
    assert render_pdf(summary, invariant=True) == render_pdf(summary, invariant=True)


def _huge_summary(cell: str) -> object:
    base = summary_for()
    # The other cells stay empty so that text extraction, which reads a table line by line
    # across the columns, gives the long cell back in one piece.
    table = Table(("Vraag", "A", "B"), tuple(TableRow(("", cell, "")) for n in range(3)), widths=(1, 3, 3))
    return replace(
        base,
        sections=(
            Section("word", "Woord", (Para(cell),)),
            Section("table", "Tabel", (table,), keep_together=False),
            Section("end", "Einde", (Para("klaar"),)),
        ),
    )


@pytest.mark.parametrize(
    "cell",
    [
        "Zoë" + "x" * 5000,  # one word of 5000 characters, no space to break at
        ("lange zin met woorden " * 137)[:3000],  # a 3000-character answer
        "\n".join(["regel"] * 400),  # hundreds of line breaks in one cell
    ],
    ids=["5000-char-word", "3000-char-answer", "400-lines"],
)
def test_very_long_cells_split_instead_of_failing(cell):
    summary = _huge_summary(cell)
    pages = pdf_pages(render_pdf(summary))
    assert len(pages) > 1
    # Page breaks put the footer and the repeated table header inside the long text.
    text = flat("".join(pages)).replace(flat(summary.footer_text), "").replace("VraagAB", "")
    text = re.sub(r"Pagina\d+van\d+", "", text)
    assert text.count(flat(cell)) == 4  # once as a paragraph, three times in the table


def test_grid_header_repeats_on_every_page():
    summary = summary_for()
    grid_section = summary.section("grid")
    table = grid_section.blocks[0]
    long_answer = "Een lang antwoord dat over veel regels loopt. " * 40
    rows = tuple(TableRow((f"Vraag {n}", *(long_answer,) * (len(table.header) - 1))) for n in range(12))
    big = replace(table, rows=rows)
    summary = replace(summary, sections=(Section("grid", "Tabel", (big,), keep_together=False),))
    pages = pdf_pages(render_pdf(summary))
    assert len(pages) >= 3
    for page in pages:
        assert flat(table.header[1]) in flat(page)


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="pdftoppm (poppler-utils) is not installed")
def test_first_page_renders_to_a_real_png(tmp_path):
    from PIL import Image

    pdf = tmp_path / "summary.pdf"
    pdf.write_bytes(render_pdf(summary_for("largest", copy="clinician")))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True
    )
    png = next(tmp_path.glob("page*.png"))
    with Image.open(png) as image:
        assert abs(image.width / image.height - 210 / 297) < 0.01  # A4 portrait
        grey = image.convert("L")
        dark = sum(grey.histogram()[:128])
        assert 0.005 < dark / (image.width * image.height) < 0.5  # text on a white page, no black boxes


def test_a_text_cut_by_a_page_break_is_found_only_in_order_and_in_few_pieces():
    cut = "Kanikmeer" + "[otherscells]" + "onveiligerdoorvoelen?"
    assert shown_in_pieces("Kanikmeeronveiligerdoorvoelen?", cut, pieces=2)
    assert not shown_in_pieces("Kanikmeeronveiligerdoorvoelen?", cut, pieces=1)
    backwards = "onveiligerdoorvoelen?" + "[otherscells]" + "Kanikmeer"
    assert not shown_in_pieces("Kanikmeeronveiligerdoorvoelen?", backwards, pieces=3)
    assert not shown_in_pieces("Kanikmeeronveiligerdoorvoelen?", "K a n i k", pieces=30)
