"""The on-screen Option Grid HTML: one table, escaped, accessible, short cells, aligned pictographs."""

from __future__ import annotations

import base64
import re
from html import escape as html_escape

import pytest
from inspect_output import parse_html
from render_samples import grid_paths, grid_with_text, load

from sdm_aid.content.likelihood_words import likelihood_words
from sdm_aid.content.short_text import CELL_WORDS, shorten
from sdm_aid.render.grid_table import grid_html, option_cards_html, table_id, two_picked

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src="http://evil.example/x.png">',
    '<a href="javascript:alert(1)">klik</a>',
    "![x](http://evil.example/x.png) [link](http://evil.example)",
    "a < b & c > d \"quoted\" 'single'",
    "{option} {0} {{ x }}",
    "regel een\nregel twee",
]


def shipped():
    return [load(path)[0] for path in grid_paths()]


@pytest.mark.parametrize("text", HOSTILE)
def test_grid_text_is_plain_text_in_the_table_and_the_cards(text: str) -> None:
    grid, _raw = grid_with_text(grid_paths()[0], text)
    for html in (
        grid_html(grid, "nl"),
        option_cards_html(grid, "nl"),
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


def test_the_grid_is_one_table_with_option_headers_and_a_row_group_per_question() -> None:
    for grid in shipped():
        html = grid_html(grid, "nl")
        parsed = parse_html(html)
        tags = [tag for tag, _attrs in parsed.tags]
        assert tags.count("table") == 1 and tags.count("caption") == 1 and tags.count("thead") == 1
        assert tags.count("tbody") == len(grid.questions)
        headers = [attrs for tag, attrs in parsed.tags if tag == "th"]
        columns = [attrs for attrs in headers if attrs.get("scope") == "col"]
        groups = [attrs for attrs in headers if attrs.get("scope") == "rowgroup"]
        assert len(columns) == len(grid.options) and len(groups) == len(grid.questions)
        ids = {attrs["id"] for attrs in headers}
        for tag, attrs in parsed.tags:
            if tag == "td":  # every answer names its option and its question
                named = attrs["headers"].split()
                assert len(named) == 2 and set(named) <= ids
                assert named[0].endswith("-o" + attrs["class"][1:])
        for number, question in enumerate(grid.questions, start=1):
            group = next(a for a in groups if a["id"] == f"{table_id(grid)}-q{number}")
            assert group["colspan"] == str(len(grid.options))
            assert question.text.get("nl") in parsed.text
        for option in grid.options:
            assert option.label.get("nl") in parsed.text


def _joined(text: str) -> str:
    return " ".join(text.split())


def test_long_answers_are_short_with_the_rest_behind_read_more() -> None:
    cut = 0
    for grid in shipped():
        html = grid_html(grid, "nl")
        shown = _joined(parse_html(html).text)
        for question in grid.questions:
            for answer in question.answers.values():
                text = answer.text.get("nl")
                short = shorten(text)
                assert len(short.short.split()) <= CELL_WORDS * 1.5  # about 25; a long first sentence whole
                whole = short.short.removesuffix(" …") + " " + short.rest.removeprefix("… ")
                assert _joined(whole) == _joined(text)  # nothing lost
                assert (
                    _joined(html_escape(short.short, quote=False)) in shown or _joined(short.short) in shown
                )
                if short.shortened:
                    cut += 1
                    assert _joined(short.rest) in shown
        cells = sum(shorten(a.text.get("nl")).shortened for q in grid.questions for a in q.answers.values())
        assert html.count("<summary>Meer lezen") == cells
    assert cut > 0


def test_sources_are_a_disclosure_with_a_unique_label_per_option() -> None:
    grid = shipped()[0]
    html = grid_html(grid, "nl")
    for block in re.findall(r"<tbody>.*?</tbody>", html, re.S):
        labels = [parse_html(s).text for s in re.findall(r"<summary>(Bronnen bij .*?)</summary>", block)]
        assert len(set(labels)) == len(labels) and labels
    expected = {f"Bronnen bij {o.label.get('nl')}" for o in grid.options}
    assert (
        set(parse_html(s).text for s in re.findall(r"<summary>(Bronnen bij .*?)</summary>", html)) == expected
    )
    assert "Sources for " + grid.options[0].label.get("en") in parse_html(grid_html(grid, "en")).text


def test_likelihoods_sit_in_one_row_with_the_number_read_once() -> None:
    found = 0
    for grid in shipped():
        html = grid_html(grid, "nl")
        for block in re.findall(r"<tbody>.*?</tbody>", html, re.S):
            rows = re.findall(r'<tr class="([^"]+)">(.*?)</tr>', block, re.S)
            with_pictures = {name for name, body in rows if "<img" in body}
            assert with_pictures <= {"sdm-lkrow"}  # every pictograph of a question in one row
            assert [name for name, _ in rows].count("sdm-lkrow") <= 1
        for question in grid.questions:
            for option in grid.options:
                answer = question.answers.get(option.id)
                if answer is None or answer.likelihood is None:
                    continue
                found += 1
                headline = likelihood_words(answer.likelihood, "nl").headline
                assert f">{html_escape(headline)}<" in html
        for tag in re.findall(r"<img [^>]*>", html):
            # decoration to a screen reader: the headline beside it says the number, once
            assert 'alt=""' in tag and 'aria-hidden="true"' in tag
            data = re.search(r'base64,([A-Za-z0-9+/=]+)"', tag).group(1)
            assert base64.b64decode(data).decode().startswith("<svg")
    assert found > 0


def test_on_a_phone_two_picked_options_stay_and_the_newest_pick_wins() -> None:
    assert two_picked([0, 1], [0, 1, 3]) == (1, 3)
    assert two_picked([1, 3], [1]) == (1,)
    assert two_picked([1], [1, 2]) == (1, 2)
    assert two_picked([], [2]) == (2,)
    grid = next(g for g in shipped() if len(g.options) >= 4)
    pair = grid_html(grid, "nl", [1, 3])
    parsed = parse_html(pair)
    columns = [attrs for tag, attrs in parsed.tags if tag == "th" and attrs.get("scope") == "col"]
    assert [a["class"] for a in columns] == ["o1", "o3"]
    groups = [attrs for tag, attrs in parsed.tags if tag == "th" and attrs.get("scope") == "rowgroup"]
    assert {a["colspan"] for a in groups} == {"2"}  # a question spans the two columns shown
    assert (
        grid.options[0].label.get("nl") not in parsed.text and grid.options[3].label.get("nl") in parsed.text
    )
    assert 'class="sdm-og sdm-og-pair"' in pair and 'class="sdm-og sdm-og-all"' in grid_html(grid, "nl")
    ids = [attrs["id"] for _tag, attrs in parsed.tags if "id" in attrs]
    assert not set(ids) & {a["id"] for _t, a in parse_html(grid_html(grid, "nl")).tags if "id" in a}


def test_option_cards_are_one_block_with_every_option() -> None:
    for grid in shipped():
        html = option_cards_html(grid, "nl")
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
    cards = parse_html(option_cards_html(grid, "en")).text
    assert "Usually tried first." in cards
    assert "A good option when talking alone does not help enough." in cards
    table = " ".join(parse_html(grid_html(grid, "en")).text.split())
    assert "No number: No study measured this for waiting." in table
    assert "About 55 in 100 (54.9%; between 46 and 63 in 100)" in table


def test_a_brief_table_keeps_only_answers_counts_and_pictures_in_view() -> None:
    """The waiting room's table: everything but the short answer, the count and its picture
    waits behind one 'Meer lezen' per cell (nothing is dropped)."""
    for grid in shipped():
        html = grid_html(grid, "nl", brief=True)
        in_view = parse_html(re.sub(r"<details.*?</details>", "", html, flags=re.S)).text
        assert "Bronnen bij" not in in_view and "Geen cijfer" not in in_view
        assert "Zekerheid" not in in_view  # the certainty sentence
        full = parse_html(html).text
        for question in grid.questions:
            for answer in question.answers.values():
                if answer.likelihood is not None:
                    headline = likelihood_words(answer.likelihood, "nl").headline
                    assert headline in in_view
        cells = len(grid.questions) * len(grid.options)
        assert html.count("<details") <= cells
        assert _joined(parse_html(grid_html(grid, "nl")).text).count("Bronnen bij") == _joined(full).count(
            "Bronnen bij"
        )
