""" "Help now": who to call when it cannot wait, shown on every family page.

The one place these lines come from. Today they are the product's default for the
Netherlands; a grid with its own safety section (grid format 2, issue 12) will supply its
lines here, so every page and the summary keep reading them from this function.

Texts are English message ids of the `wizard` catalogue (the screen translates them); the
numbers are never translated.
"""

from __future__ import annotations

from dataclasses import dataclass

DOMAIN = "wizard"


@dataclass(frozen=True)
class HelpLine:
    situation: str
    """When to call (a message id), e.g. "Thinking about suicide?"."""
    action: str
    """Whom to call and how (a message id)."""
    number: str | None
    """The number to dial (digits only, for a `tel:` link), or None (your own GP)."""
    shown_number: str | None
    """The number as people write it, e.g. 0800-0113."""


SUICIDE = HelpLine(
    "Thinking about suicide, or worried about someone?",
    "Call 113 Suicide Prevention: 113, or free 0800-0113 (day and night). Chatting is possible at 113.nl.",
    "08000113",
    "0800-0113",
)
DANGER = HelpLine("In immediate danger?", "Call 112.", "112", "112")
GP = HelpLine(
    "Not life-threatening, but it cannot wait?",
    "Call your GP. In the evening, at night and at the weekend: "
    "the GP out-of-hours service (huisartsenpost).",
    None,
    None,
)
CHILD_SAFETY = HelpLine(
    "Worried about a child's safety at home?",
    "Call Veilig Thuis: 0800-2000 (free, day and night).",
    "08002000",
    "0800-2000",
)

DEFAULT_LINES: tuple[HelpLine, ...] = (SUICIDE, DANGER, GP, CHILD_SAFETY)


def help_lines() -> tuple[HelpLine, ...]:
    """The lines to show, most urgent first: suicide, danger, the GP, a child's safety."""
    return DEFAULT_LINES
