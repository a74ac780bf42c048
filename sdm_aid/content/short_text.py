"""A long text cut short at a sentence boundary: what a short path (or a narrow grid cell)
shows first, with the rest behind 'Read more'.

Used by the wizard's waiting-room path (step 1's problem, step 2's options, step 3's cells)
and usable by any table that needs short cells. Pure text, no markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CELL_WORDS = 25
"""About this many words: what fits a grid cell and is read in some ten seconds."""

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'’”)]*\s+(?=[\"'‘“(]?[A-Z0-9À-Ý])")
_SLACK = 0.2
"""A text at most this much over the limit is shown whole: hiding five words helps nobody."""


@dataclass(frozen=True)
class ShortText:
    short: str
    """What is shown first: whole sentences, about `words` words."""
    rest: str
    """What 'Read more' shows; empty when the text was short enough already."""

    @property
    def shortened(self) -> bool:
        return bool(self.rest)


def _words(text: str) -> int:
    return len(text.split())


def sentences(text: str) -> list[str]:
    """The sentences of a text, in order (a sentence ends with . ! ? or … before a capital
    or a digit, so 'bijv. een' or '0.5 mg' do not split)."""
    return [part.strip() for part in _SENTENCE_END.split(text.strip()) if part.strip()]


def shorten(text: str, words: int = CELL_WORDS) -> ShortText:
    """The first whole sentences of `text` that fit in about `words` words, and the rest.

    A first sentence longer than that is still shown whole (a cut sentence misleads) unless
    it is over half as long again; then it is cut after `words` words with an ellipsis and
    continues in the rest."""
    text = " ".join(text.split())
    if _words(text) <= words * (1 + _SLACK):
        return ShortText(text, "")
    parts = sentences(text)
    taken: list[str] = []
    count = 0
    for part in parts:
        if taken and count + _words(part) > words:
            break
        taken.append(part)
        count += _words(part)
    if count > words * 1.5:  # one very long first sentence: cut it
        head = text.split()
        return ShortText(" ".join(head[:words]) + " …", "… " + " ".join(head[words:]))
    rest = " ".join(parts[len(taken) :])
    return ShortText(" ".join(taken), rest)
