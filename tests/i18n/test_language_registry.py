"""The language registry is the one place that knows the languages."""

from __future__ import annotations

import re
from pathlib import Path

from babel import Locale

from sdm_aid.content import readability
from sdm_aid.i18n import LOCALE_DIR, catalogue, languages

ROOT = Path(__file__).resolve().parents[2]


def test_every_language_has_a_babel_locale_a_tag_and_a_formula() -> None:
    for info in languages.REGISTRY:
        assert Locale.parse(info.locale).language == info.code
        assert info.tag.split("-")[0] == info.code
        assert info.code in readability.FORMULAS and info.code in readability.SYLLABLE_COUNTERS
    assert languages.LANGUAGES[0] == languages.PRIMARY == "nl"


def test_every_language_but_the_source_has_every_catalogue() -> None:
    domains = {path.stem for path in (LOCALE_DIR / languages.PRIMARY / "LC_MESSAGES").glob("*.po")}
    assert {"wizard", "sessions", "summary", "clinician"} <= domains
    for code in languages.LANGUAGES:
        for domain in domains:
            messages = catalogue(domain, code)
            assert (messages == {}) == (code == languages.SOURCE), (code, domain)


def test_a_browser_locale_picks_a_registry_language() -> None:
    assert languages.from_locale("en-US") == "en"
    assert languages.from_locale("nl-BE") == "nl"
    assert languages.from_locale("de-DE") == languages.PRIMARY
    assert languages.from_locale(None) == languages.PRIMARY


def test_no_other_module_defines_the_languages() -> None:
    """No second `Language = Literal[...]`, no locale table outside the registry."""
    pattern = re.compile(r'Literal\["nl", "en"\]|"nl_NL"|"en_GB"|"nl-NL"|"en-GB"')
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("sdm_aid", "sdm_ui", "pages")
        for path in (ROOT / folder).rglob("*.py")
        if path.name != "languages.py" and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
