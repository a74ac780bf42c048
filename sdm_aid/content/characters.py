"""Which characters a grid text may not contain, checked fast.

Forbidden: control characters other than newline and tab, surrogates, private-use and
unassigned code points (Unicode categories Cc, Cs, Co, Cn). They are invisible, break PDFs
and usually arrive by copying from Word or a PDF. A regular expression skips the characters
that are certainly fine (ASCII, Latin letters with accents, common punctuation), so only rare
characters are looked up in the Unicode database: checking a grid stays well under a millisecond.
"""

from __future__ import annotations

import re
import unicodedata

FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cs", "Co", "Cn"})
# Fully assigned, non-control ranges: printable ASCII, Latin-1 letters up to Latin Extended-B,
# general punctuation (dashes, quotes, ellipsis) and the euro sign.
_CERTAINLY_FINE = "\t\n\x20-\x7e\xa0-\u024f\u2010-\u2027\u2030-\u205e\u20ac"
_NEEDS_LOOKUP = re.compile(f"[^{_CERTAINLY_FINE}]")


def is_forbidden(char: str) -> bool:
    return char not in "\n\t" and unicodedata.category(char) in FORBIDDEN_CATEGORIES


def first_forbidden_character(text: str) -> str | None:
    """The first forbidden character in `text`, or None."""
    for match in _NEEDS_LOOKUP.finditer(text):
        if is_forbidden(match.group()):
            return match.group()
    return None


def replace_forbidden(text: str, replacement: str = "\ufffd") -> str:
    return _NEEDS_LOOKUP.sub(
        lambda match: replacement if is_forbidden(match.group()) else match.group(), text
    )
