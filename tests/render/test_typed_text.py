"""Typed text as typed: double spaces survive in the PDF and on screen, and a word the PDF
breaks over two lines always shows a hyphen at the break."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from inspect_output import pdf_pages
from render_samples import NOW, grid_paths, grid_with_text, session_with_text

from sdm_aid.render.html import render_html
from sdm_aid.render.model import Para, Section, Table, TableRow
from sdm_aid.render.pdf import render_pdf
from sdm_aid.render.summary import build_summary
from sdm_aid.render.typed_text import (
    LONGEST_PIECE,
    NO_BREAK_SPACE,
    SOFT_HYPHEN,
    breakable,
    keep_spaces,
)

NBSP, SHY = NO_BREAK_SPACE, SOFT_HYPHEN


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Zoë Jansen", "Zoë Jansen"),
        ("Zoë  Jansen", f"Zoë{NBSP} Jansen"),
        ("a   b", f"a{NBSP}{NBSP} b"),
        ("  ingesprongen\nregel  twee", f"{NBSP}{NBSP}ingesprongen\nregel{NBSP} twee"),
    ],
)
def test_runs_of_spaces_are_kept_and_can_still_wrap(typed: str, kept: str) -> None:
    assert keep_spaces(typed) == kept


def test_long_words_get_hyphenation_points_in_the_session_language() -> None:
    assert breakable("ervaringsdeskundige", "nl") == SHY.join(["er", "va", "rings", "des", "kun", "di", "ge"])
    assert breakable("kort woord", "nl") == "kort woord"  # short words are left alone
    assert SHY not in breakable("behandeling", "nl")


@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300), st.sampled_from(["nl", "en"])
)
def test_only_soft_hyphens_are_added_and_no_piece_is_too_long(text: str, language: str) -> None:
    result = breakable(text, language)
    assert result.replace(SHY, "") == text.replace(SHY, "")
    for word in re.findall(r"\S+", result):
        if len(word.replace(SHY, "")) >= 12:
            assert all(len(piece) <= LONGEST_PIECE for piece in word.split(SHY))


SPACED = "Zoë  Jansen   zegt"


def _summary(text: str, copy: str = "clinician"):
    grid, raw = grid_with_text(grid_paths()[0], text)
    return build_summary(session_with_text(grid, raw, text), grid, copy=copy, generated_at=NOW)


def test_the_pdf_keeps_double_spaces() -> None:
    shown = "\n".join(pdf_pages(render_pdf(_summary(SPACED)))).replace(NBSP, " ")
    assert shown.count(SPACED) >= 5  # notes, reasons, questions, ... each as typed
    assert "Zoë Jansen" not in shown


@pytest.mark.parametrize(
    "word",
    [
        "Onafgebroken" + "woord" * 60,  # letters: hyphenation points, then pieces
        "".join(f"{n:04d}" for n in range(120)),  # digits: no hyphenation points at all
        "https://example.org/" + "/".join(f"pad{n}" for n in range(40)),  # an address
    ],
    ids=["letters", "code", "address"],
)
def test_the_pdf_breaks_a_long_word_only_with_a_hyphen(word: str) -> None:
    """In a full-width paragraph, in a narrow table cell, and as the last word before a line
    break: every line that ends inside the word ends with a hyphen. (Each word begins with
    characters found nowhere else in it, so every copy is followed from its start.)"""
    base = _summary("x")
    table = Table(("Vraag", "A", "B", "C", "D"), (TableRow(("", word, "", "", "")),), widths=(1, 1, 1, 1, 1))
    summary = replace(
        base,
        sections=(
            Section("word", "Woord", (Para(word), Para(f"{word}\nna een regeleinde"))),
            Section("table", "Tabel", (table,), keep_together=False),
        ),
    )
    lines = [line.strip() for page in pdf_pages(render_pdf(summary)) for line in page.split("\n")]
    breaks = 0
    for start in (i for i, line in enumerate(lines) if line.startswith(word[:8])):
        joined, end = lines[start], start
        while joined.removesuffix("-").replace("-", "") != word.replace("-", "") and end + 1 < len(lines):
            assert lines[end].endswith("-"), (lines[end], lines[end + 1])  # broken: with a hyphen
            breaks += 1
            end += 1
            joined = joined.removesuffix("-") + lines[end]
        assert joined.replace("-", "") == word.replace("-", "")
    assert breaks > 10


def test_the_html_summary_keeps_spaces_and_line_breaks() -> None:
    document = render_html(_summary(SPACED))
    assert "white-space: pre-wrap" in document and "pre-line" not in document
    assert SPACED in document


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("Zoë  Jansen", f"Zoë{NBSP} Jansen"),
        ("twee\nregels", "twee regels"),
        ("twee \n regels", "twee regels"),
        ("[x](y)  *z*", f"\\[x\\]\\(y\\){NBSP} \\*z\\*"),
    ],
)
def test_labels_on_screen_keep_double_spaces_and_stay_plain(typed: str, label: str) -> None:
    from sdm_ui.text import md_escape

    assert md_escape(typed) == label
