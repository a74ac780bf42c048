"""Every value of every enum a screen names has a text, and that text has its translation in
every language: found from the tables themselves, not from a hand-kept list."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

import pytest

from sdm_aid.clinician import texts as clinician_texts
from sdm_aid.content import likelihood_words, provenance
from sdm_aid.i18n import catalogue, languages
from sdm_aid.sessions import labels
from sdm_aid.wizard import texts as wizard_texts

TABLES: list[tuple[str, type[Enum], Mapping[object, str]]] = [
    *((labels.DOMAIN, enum, table) for enum, table in labels.ENUM_TABLES),
    *((wizard_texts.DOMAIN, enum, table) for enum, table in wizard_texts.TABLES),
    *((clinician_texts.DOMAIN, enum, table) for enum, table in clinician_texts.TABLES),
    *((likelihood_words.DOMAIN, enum, table) for enum, table in likelihood_words.TABLES),
    *((likelihood_words.DOMAIN, enum, table) for enum, table in provenance.TABLES),
]


@pytest.mark.parametrize(
    ("domain", "enum", "table"), TABLES, ids=lambda v: getattr(v, "__name__", str(v)[:20])
)
def test_every_value_has_a_text_in_every_language(
    domain: str, enum: type[Enum], table: Mapping[object, str]
) -> None:
    assert set(table) == set(enum), f"{enum.__name__}: values without a text: {set(enum) - set(table)}"
    for code in languages.LANGUAGES:
        translated = catalogue(domain, code)
        if code == languages.SOURCE:
            continue
        missing = sorted(text for text in table.values() if not translated.get(text))
        assert missing == [], f"{enum.__name__} in {code}: {missing}"
