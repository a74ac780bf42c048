"""The nine elements of shared decision making (Makoul & Clayman), in their fixed order.

Grids, sessions, the wizard and the summary all refer to an element by this key, so the
order and the names live in exactly one place.
"""

from __future__ import annotations

from enum import StrEnum


class SdmElement(StrEnum):
    EXPLAIN_PROBLEM = "explain_problem"
    PRESENT_OPTIONS = "present_options"
    PROS_AND_CONS = "pros_and_cons"
    VALUES = "values"
    ABILITY = "ability"
    RECOMMENDATION = "recommendation"
    UNDERSTANDING = "understanding"
    DECIDE = "decide"
    FOLLOW_UP = "follow_up"

    @property
    def number(self) -> int:
        """Position in the wizard, 1 to 9."""
        return ELEMENT_ORDER.index(self) + 1


ELEMENT_ORDER: tuple[SdmElement, ...] = tuple(SdmElement)
