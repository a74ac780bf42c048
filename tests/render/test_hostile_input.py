"""The hostile-input catalogue: what people type (or a grid holds) is shown exactly as typed.

Each string goes into every free-text field of a session and into grid texts, then through
the HTML and the PDF renderer. The PDF text must equal what was typed (whitespace may only
change where lines wrap, and a word broken over two lines gets a hyphen there), the HTML must
show it as text, and nothing typed may become a tag, a link or an image.
"""

from __future__ import annotations

from xml.sax.saxutils import escape as xml_escape

import pytest
from inspect_output import body_text, flat, no_space, parse_html, pdf_links_and_images, pdf_pages, squash
from markupsafe import escape
from render_samples import NOW, grid_paths, grid_with_text, load, session_with_text

from sdm_aid.render.html import render_html
from sdm_aid.render.pdf import render_pdf
from sdm_aid.render.summary import build_summary

HOSTILE = [
    "a<b",
    "<b>open",
    "&bogus;",
    "&amp;",
    "&lt;b&gt; &#65; &nbsp;",
    "<script>x</script>",
    "<font size=80>",
    '<img src="x">',
    '<a href="javascript:alert(1)">x</a>',
    "![x](http://example.org/a.png)",
    "[link](http://example.org)",
    "<br/><para>]]><!-- c -->",
    "{grid} {0} %s {{ x }}",
    "Zoë Łukasz ĳ Şule €",
    "eerste regel\ntweede regel\r\nderde regel",
    "Onafgebroken" + "woord" * 100,
]
IDS = [
    "lt",
    "open-b",
    "bogus-entity",
    "amp-entity",
    "escaped-text",
    "script",
    "font",
    "img",
    "js-link",
    "md-image",
    "md-link",
    "xml-bits",
    "format-fields",
    "names",
    "line-breaks",
    "long-word",
]
GRID = grid_paths()[0]


def as_rendered(text: str) -> str:
    """Line breaks are kept as breaks; \r\n is one break. Nothing else may change."""
    return text.replace("\r\n", "\n")


def summaries(text: str):
    grid, raw = grid_with_text(GRID, text)
    session = session_with_text(grid, raw, text)
    for copy in ("family", "clinician"):
        yield build_summary(session, grid, copy=copy, generated_at=NOW)


def expected_count(summary, text: str, normalise=squash) -> int:
    """How often the summary shows `text` (in whole fields or inside composed lines)."""
    return sum(normalise(shown).count(normalise(text)) for shown in summary.texts())


@pytest.mark.parametrize("text", HOSTILE, ids=IDS)
def test_pdf_text_equals_what_was_typed(text):
    expected = squash(as_rendered(text))
    for summary in summaries(text):
        # The summary model keeps the text raw: no escaping before the renderer.
        assert any(as_rendered(text) in shown for shown in summary.texts())
        data = render_pdf(summary)
        joined = "\n".join(pdf_pages(data))
        # Narrow table columns wrap a text inside a long word (with a hyphen): count without
        # whitespace and hyphens (and without the footers and repeated table headers that
        # page breaks add). Every occurrence is there, and no extra one.
        assert body_text(data, summary).count(flat(expected)) == expected_count(summary, expected, flat) > 0
        if len(expected) < 40:
            # In full-width paragraphs a short text is not wrapped: spaces are kept exactly.
            assert expected in squash(joined)
        assert pdf_links_and_images(data) == []
        escaped = xml_escape(text)
        if escaped != text:
            # Escaped exactly once: the escaped form never shows up as text.
            assert no_space(escaped) not in no_space(joined)


@pytest.mark.parametrize("text", HOSTILE, ids=IDS)
def test_html_shows_the_text_and_makes_no_tags(text):
    expected = squash(as_rendered(text))
    for summary in summaries(text):
        document = render_html(summary)
        parsed = parse_html(document)
        assert squash(parsed.text).count(expected) == expected_count(summary, expected) > 0
        tags = {tag for tag, _ in parsed.tags}
        assert not tags & {"script", "a", "font", "iframe", "object", "embed", "para", "br"}
        # the only pictures are our own pictographs, inline, built from numbers
        assert all(
            attrs.get("src", "").startswith("data:image/svg+xml;base64,") and attrs.get("alt") == ""
            for tag, attrs in parsed.tags
            if tag == "img"
        )
        for tag, attrs in parsed.tags:
            assert "href" not in attrs and ("src" not in attrs or tag == "img")
            assert not any((value or "").lower().startswith("javascript") for value in attrs.values())
        for line in as_rendered(text).split("\n"):
            assert str(escape(line)) in document


def test_counts_are_exact_in_the_pdf():
    """`&amp;` typed in every field shows up literally, never as '&' and never as '&amp;amp;'."""
    grid, raw = load(GRID)
    session = session_with_text(grid, raw, "&amp;")
    for copy in ("family", "clinician"):
        summary = build_summary(session, grid, copy=copy, generated_at=NOW)
        joined = "\n".join(pdf_pages(render_pdf(summary)))
        raw_count = sum(shown.count("&amp;") for shown in summary.texts())
        assert joined.count("&amp;") == raw_count
        assert "&amp;amp;" not in joined
