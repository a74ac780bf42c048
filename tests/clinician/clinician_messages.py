"""Every English message id of the clinician catalogue: `ct(...)` calls in the clinician and
summary files, plus the texts kept as data tables."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_file

from sdm_aid.clinician import texts
from sdm_aid.wizard import registry
from sdm_ui import auth
from sdm_ui.clinician import session_detail

ROOT = Path(__file__).resolve().parents[2]
FILES = [
    ROOT / "sdm_ui" / "auth.py",
    *sorted((ROOT / "sdm_ui" / "clinician").glob("*.py")),
    ROOT / "pages" / "summary.py",
    *sorted((ROOT / "pages").glob("clinician_*.py")),
]


def message_ids() -> set[str]:
    ids: set[str] = set()
    for path in FILES:
        for _line, message, _comments, _context in extract_from_file(
            "python", str(path), keywords={"ct": None}
        ):
            ids.add(message if isinstance(message, str) else message[0])
    ids |= {text for _enum, table in texts.TABLES for text in table.values()}
    ids |= {auth.FAILED_LOGIN, auth.FAILED_LOGIN_WAIT, auth.REFUSED_LOGIN, session_detail.CONFLICT}
    ids |= {page.title for page in registry.PAGES if page.title_domain == "clinician"}
    return ids
