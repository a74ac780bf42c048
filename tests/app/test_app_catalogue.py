"""Every interface text of the wizard has a Dutch translation with the same placeholders."""

import re
from pathlib import Path

from babel.messages.extract import extract_from_file

from sdm_aid.i18n import catalogue
from sdm_aid.wizard import prompts, registry, texts
from sdm_ui.grid_view import AUDIENCE_TEXT

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _message_ids() -> set[str]:
    ids: set[str] = set()
    files = [*sorted((ROOT / "sdm_ui").rglob("*.py")), *sorted((ROOT / "pages").glob("*.py"))]
    for path in files:
        for _line, message, _comments, _context in extract_from_file(
            "python", str(path), keywords={"t": None, "tr": None}
        ):
            ids.add(message if isinstance(message, str) else message[0])
    # Texts kept as data (tables) rather than written inside a t(...) call.
    for table in (AUDIENCE_TEXT, *(table for _enum, table in texts.TABLES)):
        ids |= set(table.values())
    ids |= set(prompts.GENERIC_PROMPTS.values())
    ids |= {page.title for page in registry.PAGES if page.title_domain == "wizard"}
    return ids


def test_every_wizard_text_has_dutch_with_the_same_placeholders() -> None:
    dutch = catalogue("wizard", "nl")
    ids = _message_ids()
    assert len(ids) > 100
    missing = sorted(i for i in ids if i not in dutch)
    assert missing == []
    for message in ids:
        assert set(PLACEHOLDER.findall(message)) == set(PLACEHOLDER.findall(dutch[message])), message
