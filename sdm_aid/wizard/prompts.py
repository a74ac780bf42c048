"""Short prompts for a peer worker, one per step. A grid may replace any of them.

The texts are English message ids, translated in the `wizard` domain.
"""

from __future__ import annotations

from sdm_aid.content.models import OptionGrid
from sdm_aid.elements import SdmElement

GENERIC_PROMPTS: dict[SdmElement, str] = {
    SdmElement.EXPLAIN_PROBLEM: "Ask: in your own words, what do we have to choose today?",
    SdmElement.PRESENT_OPTIONS: "Check that every option is clear, including waiting for now.",
    SdmElement.PROS_AND_CONS: "Ask which pro or con surprised them. Let them tap the sources.",
    SdmElement.VALUES: "Give each person time for their own answers. There are no wrong answers.",
    SdmElement.ABILITY: "Ask what could get in the way, like school, travel or energy.",
    SdmElement.RECOMMENDATION: "Help each person write down the questions they want to ask.",
    SdmElement.UNDERSTANDING: "If an answer was not right, go back to the pros and cons together.",
    SdmElement.DECIDE: "Saying 'not yet' is fine. Write down what is still needed.",
    SdmElement.FOLLOW_UP: "Agree when you talk again, and who will be there.",
}


def peer_worker_prompt(grid: OptionGrid, element: SdmElement, language: str) -> tuple[str, bool]:
    """(text, from_grid). A grid's own prompt is already in both languages; a generic prompt
    is a message id the caller still translates."""
    own = grid.peer_worker_prompts.get(element)
    if own is not None:
        return own.get(language), True
    return GENERIC_PROMPTS[element], False
