"""Moving through the steps of a session, by the step registry (`step_registry`).

The session stores the id of its step; everything that depends on the order (the number
shown, the progress bar, Next and Back) is read from the registry, and what a step needs
before Next from its completion rule.
"""

from __future__ import annotations

from sdm_aid.content.models import OptionGrid
from sdm_aid.sessions.models import DecisionSession, StepId, WizardPath
from sdm_aid.wizard import paths, step_registry
from sdm_aid.wizard.completion import Missing, Problem, leaned_options
from sdm_aid.wizard.step_registry import StepSpec

__all__ = [
    "Missing",
    "Problem",
    "can_skip",
    "current",
    "leaned_options",
    "next_step",
    "previous_step",
    "progress_fraction",
    "step_problems",
]


def current(session: DecisionSession) -> StepSpec:
    return step_registry.step(session.current_step)


def next_step(step_id: StepId, on: WizardPath = WizardPath.FULL) -> StepId | None:
    """The step after this one on the path, or None after the last one (then the hand-off follows)."""
    return step_registry.following(step_id, on)


def previous_step(step_id: StepId, on: WizardPath = WizardPath.FULL) -> StepId | None:
    return step_registry.preceding(step_id, on)


def progress_fraction(step_id: StepId, on: WizardPath = WizardPath.FULL) -> float:
    """How far along the bar is on this step (the last step shows a full bar)."""
    return step_registry.position(step_id, on) / step_registry.total(on)


def step_problems(session: DecisionSession, grid: OptionGrid, step: StepSpec) -> list[Problem]:
    """What still has to be filled in on this step, as the session's path asks it (the
    waiting-room path asks fewer questions). Empty means Next may move on."""
    return step.completion(session, paths.for_session(session, grid))


def can_skip(session: DecisionSession, step: StepSpec) -> bool:
    """Whether the skip-with-reason control is offered. The session rules have the last word."""
    return step.may_skip(session)
