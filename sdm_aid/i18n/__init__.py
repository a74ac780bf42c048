"""Per-session translation of interface texts (Dutch first, English complete).

Never `gettext.install()`: that is process-global and one family's language would leak into
another's. Callers ask for a `Translator` for the session's language and pass it along.

Message ids are the English texts. Dutch lives in
`locales/nl/LC_MESSAGES/<domain>.po`, one catalogue per part of the product
(e.g. `wizard`, `summary`, `sessions`). The .po files are read directly with Babel, so there
is no compile step that could go stale.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

from sdm_aid.i18n.languages import LANGUAGES, SOURCE, Language, info

__all__ = ["LANGUAGES", "Language", "MissingTranslationError", "Translator", "catalogue", "info"]

LOCALE_DIR = Path(__file__).with_name("locales")


class MissingTranslationError(KeyError):
    """A text has no Dutch translation (raised only in strict mode, which the tests switch on)."""


def _strict() -> bool:
    # The test suite sets this so a missing Dutch text fails a test; a running app falls
    # back to the English text rather than crash in front of a family.
    return os.environ.get("SDM_AID_STRICT_I18N") == "1"


@cache
def catalogue(domain: str, language: Language) -> Mapping[str, str]:
    """msgid -> translation for one domain; empty for the language of the message ids."""
    if language == SOURCE:
        return {}
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"
    with path.open("rb") as handle:
        po = read_po(handle, locale=info(language).locale)
    return {
        str(message.id): str(message.string)
        for message in po
        if message.id and isinstance(message.id, str) and message.string and not message.fuzzy
    }


class Translator:
    """Translate interface texts of one domain into one language. Cheap to create."""

    def __init__(self, domain: str, language: Language) -> None:
        self.domain = domain
        self.language: Language = language
        self._messages = catalogue(domain, language)

    @property
    def locale(self) -> str:
        return info(self.language).locale

    def __call__(self, message: str, /, **values: object) -> str:
        """Translate `message`; `{name}` placeholders are filled from `values` afterwards."""
        if self.language == SOURCE:
            text = message
        else:
            text = self._messages.get(message, "")
            if not text:
                if _strict():
                    raise MissingTranslationError(
                        f"No {self.language} translation in '{self.domain}' for: {message!r}"
                    )
                text = message
        return text.format(**values) if values else text
