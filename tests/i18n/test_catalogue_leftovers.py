"""Every Dutch text in a catalogue is still used somewhere: a text the product no longer shows
is removed with it (an outdated catalogue is where wrong translations hide)."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted((ROOT / "sdm_aid" / "i18n" / "locales").glob("*/LC_MESSAGES/*.po"))


def _source() -> str:
    files = [p for folder in ("sdm_aid", "sdm_ui", "pages") for p in (ROOT / folder).rglob("*.py")]
    files += [*(ROOT / "sdm_aid").rglob("*.html"), ROOT / "streamlit_app.py"]
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: f"{p.parents[1].name}/{p.stem}")
def test_no_catalogue_holds_texts_nobody_shows(path: Path) -> None:
    source = _source()
    with path.open("rb") as handle:
        messages = [m.id for m in read_po(handle) if m.id and isinstance(m.id, str)]

    def used(message: str) -> bool:
        # As written in the code: plain, with escaped quotes, or split over lines (its start).
        forms = (message, message.replace("'", "\\'"), message.replace('"', '\\"'), message[:25])
        return any(form in source for form in forms)

    assert [m for m in messages if not used(m)] == []
