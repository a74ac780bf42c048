"""The wizard's steps as data: one row per step, in the order a family meets them.

The nine SDM elements (`sdm_aid.elements`) are the fixed frame the summary reports on; a
step is what a family sees on one screen. Each step names the element(s) it serves, the
rule that says what is still missing before Next (`completion`), what its button records
(`commit`, for steps whose choices have side effects), whether it may be skipped, and the
view that draws it (a name the UI looks up in its own registry, `sdm_ui.steps.VIEWS`).

A session stores the *id* of the step it is on, never its number, so steps can be added,
split or reordered without breaking a stored session. Adding a step: a row here, a view
(`sdm_ui/steps/<view>.py` and its entry in VIEWS), its completion rule, its labels, and the
summary section of the element(s) it serves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sdm_aid.elements import SdmElement
from sdm_aid.sessions.models import AnswerPart, DecisionSession, Deferred, StepId, WizardPath
from sdm_aid.wizard import completion

if TYPE_CHECKING:
    from sdm_aid.content.models import OptionGrid

CompletionRule = Callable[[DecisionSession, "OptionGrid"], list[completion.Problem]]
SkipRule = Callable[[DecisionSession], bool]


def _always(_session: DecisionSession) -> bool:
    return True


def _never(_session: DecisionSession) -> bool:
    return False


def _unless_deferred(session: DecisionSession) -> bool:
    """The follow-up may be skipped after a decision, never after a deferral."""
    return not isinstance(session.outcome, Deferred)


@dataclass(frozen=True)
class StepSpec:
    id: StepId
    """Stable id, stored in sessions; never shown and never translated."""
    elements: tuple[SdmElement, ...]
    """The SDM element(s) this step serves; done when the step is done."""
    view: str
    """The UI view that draws the step (looked up in `sdm_ui.steps.VIEWS`)."""
    completion: CompletionRule = completion.nothing_missing
    may_skip: SkipRule = _always
    """Whether 'Skip this step' (with a reason) is offered; the session rules have the last word."""
    records_on_next: bool = False
    """Next records the step's pending choices first (`step_actions.commit_step`)."""
    own_answers: tuple[AnswerPart, ...] = ()
    """The parts of each person's own answers this step asks for. A step with own answers is
    answered one person at a time (on a shared screen: the tablet is handed over), and the
    young person can keep its answers private."""

    on_own_device: bool = True
    """Shown to a participant on their own device (the decision and the follow-up are made
    together, on the shared screen)."""

    @property
    def per_person(self) -> bool:
        return bool(self.own_answers)

    @property
    def element(self) -> SdmElement:
        """The element the step is named after (its first)."""
        return self.elements[0]


STEPS: tuple[StepSpec, ...] = (
    StepSpec(
        "explain_problem",
        (SdmElement.EXPLAIN_PROBLEM,),
        view="problem",
        own_answers=(AnswerPart.SURE,),  # the SURE test before (optional)
    ),
    StepSpec("present_options", (SdmElement.PRESENT_OPTIONS,), view="options"),
    StepSpec("pros_and_cons", (SdmElement.PROS_AND_CONS,), view="pros_cons"),
    StepSpec(
        "values",
        (SdmElement.VALUES,),
        view="values",
        completion=completion.values,
        own_answers=(AnswerPart.IMPORTANCE, AnswerPart.LEANING),
    ),
    StepSpec(
        "ability",
        (SdmElement.ABILITY,),
        view="ability",
        completion=completion.ability,
        own_answers=(AnswerPart.ABILITY,),
    ),
    StepSpec(
        "recommendation",
        (SdmElement.RECOMMENDATION,),
        view="recommendation",
        # The advice itself follows in the conversation (the clinician records it); here each
        # person writes down their questions for the clinician, which is optional.
        own_answers=(AnswerPart.QUESTIONS,),
    ),
    StepSpec(
        "understanding",
        (SdmElement.UNDERSTANDING,),
        view="understanding",
        completion=completion.understanding,
        own_answers=(AnswerPart.UNDERSTANDING,),
    ),
    StepSpec(
        "decide",
        (SdmElement.DECIDE,),
        view="decide",
        completion=completion.decide,
        may_skip=_never,  # a decision is made or put off, never skipped
        records_on_next=True,
        on_own_device=False,
    ),
    StepSpec(
        "follow_up",
        (SdmElement.FOLLOW_UP,),
        view="follow_up",
        completion=completion.follow_up,
        may_skip=_unless_deferred,
        records_on_next=True,
        on_own_device=False,
    ),
)
FIRST: StepId = STEPS[0].id
_BY_ID = {step.id: step for step in STEPS}


@dataclass(frozen=True)
class Brevity:
    """How much of a grid a path shows on its steps. None: everything."""

    words: int | None = None
    """Longer texts (the problem, the decision, an option, an answer in the grid) show their
    first sentences up to about this many words; the rest behind 'Read more'."""
    core_questions_only: bool = False
    """Step 3 shows the first question about benefits and the first about harms: the
    benefits, the harms and how likely they are (the three questions of Simmons et al., 2017);
    practical matters come back in step 5 ('can we do this')."""
    considerations: int | None = None
    """Step 4 asks about the first this-many considerations (grid authors put the main ones first)."""
    checks: int | None = None
    """Step 7 asks the first this-many understanding statements."""
    suggested_questions: int | None = None
    """Step 6 suggests the first this-many questions for the clinician."""
    ability_details: bool = True
    """Step 5 shows the option's prompts and asks 'what would help' (else only how sure and
    what could get in the way)."""
    why: bool = True
    """Each step's heading is followed by why the step matters (else the heading only)."""
    peer_prompt_open: bool = True
    """The prompt for the peer worker is shown open (else folded under a short label: the
    peer worker opens it, the young person does not have to read past it)."""
    about_open: bool = True
    """The grid's governance in each step's footer is shown whole (else its status and
    version on one line, the rest one tap away: read once, not on every step)."""


@dataclass(frozen=True)
class PathSpec:
    """A way through the steps: which steps, in which order, and how much each shows."""

    id: WizardPath
    steps: tuple[StepId, ...]
    brevity: Brevity
    minutes: int
    """About how long it takes (shown at the start): what the walk model says for one young
    person with a peer worker (bench/bench_walk.py), rounded up."""


ALL_STEPS: tuple[StepId, ...] = tuple(spec.id for spec in STEPS)

PATHS: dict[WizardPath, PathSpec] = {
    # The waiting room: the nine elements in their order, each as short as it can be. The
    # advice (step 6) follows in the conversation on both paths: the clinician records it.
    WizardPath.WAITING_ROOM: PathSpec(
        WizardPath.WAITING_ROOM,
        ALL_STEPS,
        Brevity(
            words=25,
            core_questions_only=True,
            considerations=3,
            checks=1,
            suggested_questions=3,
            ability_details=False,
            why=False,
            peer_prompt_open=False,
            about_open=False,
        ),
        minutes=12,
    ),
    WizardPath.FULL: PathSpec(WizardPath.FULL, ALL_STEPS, Brevity(), minutes=33),
}


def path(path_id: WizardPath) -> PathSpec:
    return PATHS[path_id]


def step(step_id: StepId) -> StepSpec:
    """The step with this id; an id no step has any more (a stored session from a version
    with other steps) falls back to the first step, so the session still opens."""
    return _BY_ID.get(step_id, STEPS[0])


def find(step_id: str) -> StepSpec | None:
    """The step with this id, or None (unlike `step`, no fall-back)."""
    return _BY_ID.get(step_id)


def position(step_id: StepId, on: WizardPath = WizardPath.FULL) -> int:
    """1-based place of the step on the path ('Step 3 of 9'); a step the path does not
    have counts as its first."""
    order = PATHS[on].steps
    return order.index(step_id) + 1 if step_id in order else 1


def total(on: WizardPath = WizardPath.FULL) -> int:
    return len(PATHS[on].steps)


def following(step_id: StepId, on: WizardPath = WizardPath.FULL) -> StepId | None:
    """The next step's id on the path, or None after the last one (then the hand-off follows)."""
    order = PATHS[on].steps
    index = position(step_id, on)
    return order[index] if index < len(order) else None


def preceding(step_id: StepId, on: WizardPath = WizardPath.FULL) -> StepId | None:
    index = position(step_id, on) - 2
    return PATHS[on].steps[index] if index >= 0 else None


def for_element(element: SdmElement) -> StepSpec:
    """The step that serves `element` (e.g. 'back to the pros and cons')."""
    return next(spec for spec in STEPS if element in spec.elements)


def own_device_steps() -> tuple[StepSpec, ...]:
    """The steps a participant goes through on their own device, in order."""
    return tuple(spec for spec in STEPS if spec.on_own_device)


def per_person_steps() -> tuple[StepSpec, ...]:
    """The steps on which each person gives their own answers, in order."""
    return tuple(spec for spec in STEPS if spec.per_person)


def step_of_part(part: AnswerPart) -> StepSpec:
    """The step that asks for `part` of a person's answers."""
    return next(spec for spec in STEPS if part in spec.own_answers)


def check_registry() -> None:
    """Every element is served by exactly one step, every part of a person's answers is asked
    on exactly one step (notes excepted: they belong to no step), and ids are unique.
    Raises ValueError."""
    served = [element for spec in STEPS for element in spec.elements]
    if sorted(served) != sorted(SdmElement):
        raise ValueError("every SDM element must be served by exactly one step")
    asked = [part for spec in STEPS for part in spec.own_answers]
    if sorted(asked) != sorted(set(AnswerPart) - {AnswerPart.NOTES}):
        raise ValueError("every part of a person's answers must be asked on exactly one step")
    if len(_BY_ID) != len(STEPS):
        raise ValueError("step ids must be unique")
    for path_id, spec in PATHS.items():
        if spec.id != path_id or set(spec.steps) - set(_BY_ID):
            raise ValueError(f"path {path_id}: unknown steps or a wrong id")
        elements = [element for step_id in spec.steps for element in _BY_ID[step_id].elements]
        if elements != list(SdmElement):
            raise ValueError(f"path {path_id}: the nine SDM elements, each once, in their order")
    if set(PATHS) != set(WizardPath):
        raise ValueError("every path has a row")


check_registry()
