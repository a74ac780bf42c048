"""A grid cell made short: about 25 words on view, the rest behind "Meer lezen".

An Option Grid cell is meant to be read at a glance (Elwyn's grids keep answers short); the
grids' texts run to 75 words. The cut falls between sentences where it can, so the part on
view reads as a whole; a first sentence that is itself too long is cut between words. Nothing
is dropped or reworded: lead + rest is the whole text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SHORT_WORDS = 25
"""About this many words stay on view."""
SLACK = 1.25
"""A sentence that ends within 25% past the target still counts as short."""
MIN_REST = 6
"""A rest shorter than this many words is shown at once: 'Meer lezen' for five words is a tap wasted."""

_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class ShortText:
    lead: str
    """On view. Ends with '…' when cut inside a sentence."""
    rest: str
    """Behind 'Meer lezen'; empty when the whole text is short."""

    @property
    def cut(self) -> bool:
        return bool(self.rest)


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def shorten(text: str, words: int = SHORT_WORDS) -> ShortText:
    """Split `text` into what stays on view and what waits behind 'Meer lezen'."""
    text = text.strip()
    if _words(text) <= words * SLACK:
        return ShortText(text, "")
    limit = words * SLACK
    cut_at = 0
    for boundary in _SENTENCE_END.finditer(text):
        if _words(text[: boundary.start()]) > limit:
            break
        cut_at = boundary.start()
    if cut_at == 0:
        # The first sentence is already too long: cut between words, marked with an ellipsis.
        word_ends = [match.end() for match in _WORD.finditer(text)]
        cut_at = word_ends[words - 1]
        lead, rest = text[:cut_at].rstrip(" ,;:") + " …", "… " + text[cut_at:].strip()
    else:
        lead, rest = text[:cut_at].strip(), text[cut_at:].strip()
    if _words(rest) < MIN_REST:
        return ShortText(text, "")
    return ShortText(lead, rest)
