"""The check's findings: jargon the glossary does not explain, numbers in the text that the
likelihood does not give, a missing safety section."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sdm_aid.content.findings import findings, jargon_in
from sdm_aid.content.loader import load_grid_bytes

EXAMPLE = Path(__file__).parent / "fixtures" / "v2" / "example-v2.json"


def _grid(change=None):
    document: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    if change is not None:
        change(document)
    return load_grid_bytes(json.dumps(document).encode(), source_name="x.json").grid


def _answer_text(document: dict[str, Any], option: str, nl: str, en: str) -> None:
    document["questions"][0]["answers"][option]["text"] = {"nl": nl, "en": en}


def test_the_example_has_no_findings():
    assert findings(_grid()) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Met CGT en SSRI's.", ["CGT", "SSRI"]),
        ("Een RCT en een meta-analyse.", ["RCT", "meta-analyse"]),
        (
            "Een suïcidaal voorval is zeldzaam; de Cochrane-review zegt dat.",
            ["suïcidaal voorval", "Cochrane"],
        ),
        ("Nice weather, a grade, cgt in lower case.", []),
        ("The TADS study (randomised).", ["TADS", "randomised"]),
    ],
)
def test_jargon_words_are_found_as_words(text, found):
    assert sorted(jargon_in(text)) == sorted(found)


def test_jargon_is_allowed_when_the_glossary_explains_it():
    def with_jargon(document):
        _answer_text(document, "talking", "CGT helpt veel jongeren.", "CBT helps many young people.")

    found = findings(_grid(with_jargon))
    assert [(f.kind, f.location) for f in found] == [
        ("jargon", "questions[0].answers.talking.text.nl"),
        ("jargon", "questions[0].answers.talking.text.en"),
    ]
    assert "explain it in the 'glossary'" in found[0].hint

    def explained(document):
        with_jargon(document)
        document["glossary"].append(
            {
                "term": {"nl": "CGT", "en": "CBT"},
                "explanation": {"nl": "Praten en oefenen.", "en": "Talk and practise."},
            }
        )

    assert findings(_grid(explained)) == []


def test_a_number_in_the_text_must_match_the_likelihood():
    def wrong(document):
        _answer_text(document, "talking", "Bij 6 van de 10 helpt het.", "It helps 7 in 10.")

    found = findings(_grid(wrong))
    assert [(f.kind, f.location) for f in found] == [("number", "questions[0].answers.talking.text.en")]
    assert "'7 in 10', which the answer's likelihood does not give" in found[0].message  # 6 in 10 = 60 in 100


def test_a_percentage_matches_within_rounding_and_a_bare_number_needs_a_likelihood():
    def texts(document):
        _answer_text(document, "pills", "Ongeveer 55 procent.", "About 54.9%.")
        _answer_text(document, "wait", "Bij 2 op de 10 gaat het vanzelf over.", "For 2 in 10 it passes.")

    found = findings(_grid(texts))
    assert [f.location for f in found] == [
        "questions[0].answers.wait.text.nl",
        "questions[0].answers.wait.text.en",
    ]
    assert "but the answer has no likelihood" in found[0].message


def test_a_missing_safety_section_is_a_finding():
    found = findings(_grid(lambda document: document.pop("safety")))
    assert [(f.kind, f.location) for f in found] == [("safety", "safety")]
    assert "113" in found[0].hint and "Veilig Thuis" in found[0].hint


def test_dutch_of_means_or_and_is_no_frequency():
    def text(document):
        _answer_text(
            document, "wait", "Je praat 1 of 2 keer per maand, 6 of 8 weken lang.", "Once or twice a month."
        )

    assert findings(_grid(text)) == []
