"""The on-screen Option Grid HTML: one table per question, escaped, accessible, icon arrays."""

from __future__ import annotations

import base64
import re

import pytest
from inspect_output import parse_html
from render_samples import grid_paths, grid_with_text, load

from sdm_aid.i18n import Translator
from sdm_aid.render.grid_table import GridTexts, option_cards_html, question_html

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src="http://evil.example/x.png">',
    '<a href="javascript:alert(1)">klik</a>',
    "![x](http://evil.example/x.png) [link](http://evil.example)",
    "a < b & c > d \"quoted\" 'single'",
    "{option} {0} {{ x }}",
    "regel een\nregel twee",
]


def texts(language: str = "nl") -> GridTexts:
    t = Translator("wizard", language)  # type: ignore[arg-type]
    return GridTexts(
        rescaled=t("The picture shows the same as {shown} out of {figures}."),
        sources_for=t("Sources for {option}"),
        in_practice=t("In practice"),
        wait_option=t("This option means: no treatment for now, and look again later."),
    )


def shipped():
    return [load(path)[0] for path in grid_paths()]


@pytest.mark.parametrize("text", HOSTILE)
def test_grid_text_is_plain_text_in_the_table_and_the_cards(text: str) -> None:
    grid, _raw = grid_with_text(grid_paths()[0], text)
    for html in (
        question_html(grid, grid.questions[0], texts(), "nl"),
        option_cards_html(grid, texts(), "nl"),
    ):
        parsed = parse_html(html)
        tags = {tag for tag, _attrs in parsed.tags}
        assert not tags & {"script", "a", "iframe", "b"}
        assert all(
            attrs.get("src", "").startswith("data:image/svg+xml;base64,")
            for tag, attrs in parsed.tags
            if tag == "img"
        )
        names = {name for _tag, attrs in parsed.tags for name in attrs}
        assert "href" not in names and not any(name.startswith("on") for name in names)
        shown = " ".join(parsed.text.split())
        assert " ".join(text[:200].split()) in shown  # exactly as written, as text


def test_each_question_is_a_table_with_a_caption_and_column_headers() -> None:
    for grid in shipped():
        for question in grid.questions:
            html = question_html(grid, question, texts(), "nl")
            parsed = parse_html(html)
            tags = [tag for tag, _attrs in parsed.tags]
            assert tags.count("table") == 1 and tags.count("caption") == 1
            headers = [attrs for tag, attrs in parsed.tags if tag == "th"]
            assert len(headers) == len(grid.options)
            assert all(attrs.get("scope") == "col" for attrs in headers)
            assert tags.count("td") == len(grid.options)
            caption = re.search(r"<caption>(.*?)</caption>", html, re.S).group(1)
            assert parse_html(caption).text.strip() == question.text.get("nl")
            for option in grid.options:
                assert option.label.get("nl") in parsed.text


def test_sources_are_a_disclosure_with_a_unique_label_per_option() -> None:
    grid = shipped()[0]
    html = question_html(grid, grid.questions[0], texts(), "nl")
    summaries = re.findall(r"<summary>(.*?)</summary>", html)
    expected = [
        f"Bronnen bij {o.label.get('nl')}" for o in grid.options if grid.questions[0].answers.get(o.id)
    ]
    assert [parse_html(s).text for s in summaries] == expected
    assert len(set(summaries)) == len(summaries)
    assert html.count("<details") == len(summaries)
    english = question_html(grid, grid.questions[0], texts("en"), "en")
    assert "Sources for " + grid.options[0].label.get("en") in parse_html(english).text


def test_likelihoods_show_the_numbers_and_an_icon_array() -> None:
    found = 0
    for grid in shipped():
        for question in grid.questions:
            html = question_html(grid, question, texts(), "nl")
            for option in grid.options:
                answer = question.answers.get(option.id)
                if answer is None or answer.likelihood is None:
                    continue
                point = answer.likelihood.points[0]
                if point.out_of > 100:
                    continue
                found += 1
                assert f"{point.count} van de {point.out_of}" in html
            pictures = re.findall(r'src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)" alt="([^"]*)"', html)
            for data, alt in pictures:
                svg = base64.b64decode(data).decode()
                assert svg.startswith("<svg") and "<title>" in svg and alt
    assert found > 0, "the shipped grids should have at least one likelihood out of 100 or less"


def test_option_cards_are_one_block_with_every_option() -> None:
    for grid in shipped():
        html = option_cards_html(grid, texts(), "nl")
        parsed = parse_html(html)
        assert [t for t, _a in parsed.tags].count("section") == len(grid.options)
        for option in grid.options:
            assert option.label.get("nl") in parsed.text
            assert " ".join(option.description.get("nl").split()) in " ".join(parsed.text.split())
        if any(o.is_wait_option for o in grid.options):
            assert "geen behandeling" in parsed.text.lower()


def test_format_2_cells_show_where_an_option_stands_and_why_a_number_is_missing() -> None:
    from pathlib import Path

    from sdm_aid.content.loader import load_grid

    example = Path(__file__).resolve().parents[1] / "content" / "fixtures" / "v2" / "example-v2.json"
    grid = load_grid(example).grid
    cards = parse_html(option_cards_html(grid, texts("en"), "en")).text
    assert "Usually tried first." in cards
    assert "A good option when talking alone does not help enough." in cards
    table = " ".join(parse_html(question_html(grid, grid.questions[0], texts("en"), "en")).text.split())
    assert "No number: No study measured this for waiting." in table
    assert "About 55 in 100 (54.9%; between 46 and 63 in 100)" in table
