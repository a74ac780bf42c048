"""The languages SDM Aid speaks, as data: one row per language.

Everything that differs per language reads this registry: the interface catalogues, the
session's language, dates and times, the summary's `lang`, the names shown in the language
switch, and the authoring checks (reading-ease formula, syllable rules). Adding a language is
a row here (and its code in `Language`), its catalogues under `locales/<code>/`, and its texts
in the grid files.

Dutch is the primary language: grids and catalogues are written in Dutch first. The message
ids of the interface catalogues are English, so English needs no catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Language = Literal["nl", "en"]
"""A language code of the registry (ISO 639-1)."""


@dataclass(frozen=True)
class ReadingEase:
    """A Flesch-style reading-ease formula: base - a * words/sentence - b * syllables/word."""

    name: str
    base: float
    per_sentence_length: float
    per_syllables_per_word: float
    syllable_rules: str
    """Which spelling rules count syllables (see `sdm_aid.content.readability`)."""


@dataclass(frozen=True)
class LanguageInfo:
    code: Language
    own_name: str
    """The language's name in itself, for the language switch: 'Nederlands'."""
    english_name: str
    """For messages to content editors and logs: 'Dutch'."""
    locale: str
    """Babel locale for dates and numbers: 'nl_NL'."""
    tag: str
    """BCP 47 tag for `<html lang>`, PDF metadata and calendar files: 'nl-NL'."""
    reading_ease: ReadingEase
    date_format: str = "full"
    """Babel format for a date on its own ('maandag 30 maart 2026')."""
    time_format: str = "HH:mm"
    moment_format: str = "d MMM y, HH:mm"
    """A date and time in lists ('30 mrt 2026, 14:00')."""


DUTCH = LanguageInfo(
    code="nl",
    own_name="Nederlands",
    english_name="Dutch",
    locale="nl_NL",
    tag="nl-NL",
    # Douma (1960) chose the coefficients so Dutch texts land on Flesch's scale.
    reading_ease=ReadingEase("Flesch-Douma", 206.835, 0.93, 77.0, syllable_rules="nl"),
)
ENGLISH = LanguageInfo(
    code="en",
    own_name="English",
    english_name="English",
    locale="en_GB",
    tag="en-GB",
    reading_ease=ReadingEase("Flesch reading ease", 206.835, 1.015, 84.6, syllable_rules="en"),
)

REGISTRY: tuple[LanguageInfo, ...] = (DUTCH, ENGLISH)
"""Every language, the primary one first."""
PRIMARY: Language = DUTCH.code
SOURCE: Language = ENGLISH.code
"""The language of the interface's message ids (no catalogue needed)."""

LANGUAGES: tuple[Language, ...] = tuple(info.code for info in REGISTRY)
_BY_CODE = {info.code: info for info in REGISTRY}


def info(code: str) -> LanguageInfo:
    """The registry row of `code`; KeyError for a language SDM Aid does not speak."""
    return _BY_CODE[code]  # type: ignore[index]


def is_language(code: object) -> bool:
    # Any JSON value may arrive here from a grid file; only a string can be a language code.
    return isinstance(code, str) and code in _BY_CODE


def from_locale(locale: str | None) -> Language:
    """The registry language a browser locale asks for ('en-US' -> 'en'); else the primary one."""
    prefix = (locale or "").split("-")[0].split("_")[0].lower()
    for info in REGISTRY:
        if info.code == prefix:
            return info.code
    return PRIMARY
