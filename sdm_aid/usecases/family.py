"""What a family does on its screen, each as one function: the wizard's service layer.

Start a conversation, continue one with a code, save answers, go to the next or previous step
(or back to step 3), skip a step with a reason, plan the follow-up, and settle a conflict.
Each takes the conversation as the screen holds it (`draft`, loaded at `draft.version`),
works on a copy through the session rules, and stores the result with its access-log row
in one transaction (`SessionService.save(..., action=...)`). Nothing here knows about
Streamlit: the screen calls one function and shows the `Result`.

A save that fails never loses what was entered: the result carries the changed session
(not stored), so the screen keeps it and the next save tries again with everything. Leaving
a step is the exception: a step is only left once what it recorded is stored.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from sdm_aid.audit import AccessAction
from sdm_aid.content.models import OptionGrid
from sdm_aid.i18n import Language
from sdm_aid.services.sessions import SessionService, StartedSession
from sdm_aid.sessions import conflicts, rules
from sdm_aid.sessions.errors import SessionRuleError
from sdm_aid.sessions.models import DecisionSession, GridRef, StepId, WizardPath
from sdm_aid.storage import SessionNotFoundError, StaleSessionError, StorageError
from sdm_aid.wizard import entries, step_actions, step_registry, steps
from sdm_aid.wizard.fields import Field, path_owner
from sdm_aid.wizard.inputs import Issue, build_participants, check_label, check_people
from sdm_aid.wizard.step_actions import StepRefusedError


class SaveProblem(StrEnum):
    CONFLICT = "conflict"
    """Saved elsewhere in the meantime (another tab or device): nothing was overwritten."""
    UNAVAILABLE = "unavailable"
    """The database cannot be reached (locked, full, gone): nothing was saved."""
    ERASED = "erased"
    """The conversation was erased (by a clinician or an administrator)."""


Refusal = StepRefusedError | SessionRuleError


@dataclass(frozen=True)
class Result:
    session: DecisionSession
    """What the screen holds now: the stored copy, or (not saved) the changed one."""
    saved: bool
    problem: SaveProblem | None = None
    refusal: Refusal | None = None
    """Why the action was not done (a choice missing, a date in the past, a rule)."""
    missing: bool = False
    """Next was refused because answers on the step are missing (the step lists them)."""
    moved: bool = False
    """The conversation is now on another step."""
    finished: bool = False
    """The last step is done: on to the hand-off."""
    merged: bool = False
    """Someone else had saved in the meantime; this change was made on top of theirs (the
    screen should show their changes too)."""


MERGE_TRIES = 3
"""Saves by other devices can keep coming in while a merge is made; after this many tries the
family chooses (nothing is lost either way)."""


def _store(
    service: SessionService,
    candidate: DecisionSession,
    action: AccessAction,
    *,
    keep_on_failure: DecisionSession | None = None,
    base: DecisionSession | None = None,
) -> Result:
    """Save `candidate` with its access-log row. On failure the screen keeps
    `keep_on_failure` (default: the candidate itself, so nothing entered is lost).

    `base` is the stored version the screen's copy started from (None when the screen holds
    changes that were never stored). When someone else saved in the meantime, the changes
    made here since `base` are made on top of their version, if they changed other things
    (`conflicts.merge`); otherwise the result is a CONFLICT and the family chooses."""
    kept = keep_on_failure or candidate
    attempt = candidate
    for _ in range(MERGE_TRIES):
        try:
            return Result(
                session=service.save(attempt, action=action), saved=True, merged=attempt is not candidate
            )
        except StaleSessionError:
            if base is None or base.version != candidate.version:
                break
            try:
                merged = conflicts.merge(base, candidate, service.load(candidate.id), owner=path_owner)
            except SessionNotFoundError:
                return Result(session=kept, saved=False, problem=SaveProblem.ERASED)
            except StorageError:
                return Result(session=kept, saved=False, problem=SaveProblem.UNAVAILABLE)
            if merged is None:
                break
            attempt = merged
        except SessionNotFoundError:
            return Result(session=kept, saved=False, problem=SaveProblem.ERASED)
        except StorageError:
            return Result(session=kept, saved=False, problem=SaveProblem.UNAVAILABLE)
    return Result(session=kept, saved=False, problem=SaveProblem.CONFLICT)


def _unchanged(draft: DecisionSession, refusal: Refusal | None = None, *, missing: bool = False) -> Result:
    return Result(session=draft, saved=False, refusal=refusal, missing=missing)


# --- starting and continuing -----------------------------------------------------------------


@dataclass(frozen=True)
class Started:
    started: StartedSession | None
    issues: tuple[Issue, ...] = ()
    problem: SaveProblem | None = None


def start(
    service: SessionService,
    grid: GridRef,
    *,
    language: Language,
    youth_label: str,
    parent_labels: list[str],
    peer_label: str | None,
    now: datetime,
    path: WizardPath = WizardPath.FULL,
) -> Started:
    """A new conversation about `grid` with the people named (nicknames are checked first),
    on the path chosen (short for the waiting room, or everything)."""
    issues = check_people(youth_label, parent_labels, peer_label)
    if issues:
        return Started(started=None, issues=tuple(issues))
    session = DecisionSession(
        grid=grid,
        language=language,
        participants=build_participants(youth_label, parent_labels, peer_label),
        peer_worker_guides=peer_label is not None,
        path=path,
        created_at=now,
        updated_at=now,
    )
    try:
        return Started(started=service.start(session))
    except StorageError:
        return Started(started=None, problem=SaveProblem.UNAVAILABLE)


# --- answers ------------------------------------------------------------------------------------


def save_answers(
    service: SessionService,
    grid: OptionGrid,
    draft: DecisionSession,
    values: Mapping[Field, Any],
    *,
    base: DecisionSession | None = None,
    allowed: Callable[[Field], bool] | None = None,
) -> Result:
    """Enter every changed value and save them together. A value no field can hold (a bug or
    a forged request), or a field this screen may not change (`allowed`: a participant's own
    device changes only their own answers), is left out."""
    candidate = draft.model_copy(deep=True)
    changed = False
    for entry, value in values.items():
        if allowed is not None and not allowed(entry):
            continue
        if entries.same_value(value, entries.current_value(candidate, grid, entry)):
            continue
        try:
            entries.enter(candidate, grid, entry, value)
        except entries.EntryError:
            continue
        changed = True
    if not changed:
        return Result(draft, saved=False)
    return _store(service, candidate, AccessAction.ANSWERS_SAVED, base=base)


def retry(service: SessionService, draft: DecisionSession, *, base: DecisionSession | None = None) -> Result:
    """Save the draft again (after a failed save), with everything it holds."""
    return _store(service, draft.model_copy(deep=True), AccessAction.ANSWERS_SAVED, base=base)


# --- moving between steps --------------------------------------------------------------------------


def go_next(
    service: SessionService,
    grid: OptionGrid,
    draft: DecisionSession,
    now: datetime,
    *,
    base: DecisionSession | None = None,
) -> Result:
    """Record the step's pending choices, check it is complete, mark it done, move on."""
    step = draft.current_step
    spec = steps.current(draft)
    try:
        candidate = step_actions.commit_step(draft, grid, spec, now)
        if steps.step_problems(candidate, grid, spec):
            return _unchanged(draft, missing=True)
        candidate = candidate.model_copy(deep=True)
        for element in spec.elements:
            rules.complete_element(candidate, element)
    except (StepRefusedError, SessionRuleError) as refusal:
        return _unchanged(draft, refusal)
    following = steps.next_step(step, draft.path)
    candidate.current_step = following or step
    result = _store(service, candidate, AccessAction.STEP_CHANGED, keep_on_failure=draft, base=base)
    return _moved(result, moved=following is not None, finished=following is None)


def go_back(
    service: SessionService,
    grid: OptionGrid,
    draft: DecisionSession,
    now: datetime,
    *,
    base: DecisionSession | None = None,
) -> Result:
    """One step back. A finished choice on this step is kept; an unfinished one stays pending."""
    step = draft.current_step
    try:
        candidate = step_actions.commit_step(draft, grid, steps.current(draft), now)
    except (StepRefusedError, SessionRuleError):
        candidate = draft
    previous = steps.previous_step(step, draft.path) or step
    candidate = candidate.model_copy(update={"current_step": previous}, deep=True)
    result = _store(service, candidate, AccessAction.STEP_CHANGED, keep_on_failure=draft, base=base)
    return _moved(result, moved=candidate.current_step != step)


def go_to(
    service: SessionService, draft: DecisionSession, target: StepId, *, base: DecisionSession | None = None
) -> Result:
    """Straight to another step, e.g. 'look at the pros and cons again (step 3)'."""
    target = step_registry.step(target).id  # a step that exists
    candidate = draft.model_copy(update={"current_step": target}, deep=True)
    result = _store(service, candidate, AccessAction.STEP_CHANGED, keep_on_failure=draft, base=base)
    return _moved(result, moved=target != draft.current_step)


def choose_path(
    service: SessionService, draft: DecisionSession, path: WizardPath, *, base: DecisionSession | None = None
) -> Result:
    """Switch between the short path (waiting room) and everything ('Read everything'). The
    family stays on the step it is on, with every answer it gave: a path only changes how
    much the steps show and ask."""
    if draft.path == path:
        return Result(session=draft, saved=False)
    candidate = draft.model_copy(update={"path": path}, deep=True)
    if candidate.current_step not in step_registry.path(path).steps:
        candidate.current_step = step_registry.path(path).steps[0]
    return _store(service, candidate, AccessAction.PATH_CHOSEN, keep_on_failure=draft, base=base)


def skip(service: SessionService, draft: DecisionSession, *, base: DecisionSession | None = None) -> Result:
    """Skip the step for the reason typed (never silently), then move on."""
    step = draft.current_step
    try:
        candidate = step_actions.skip_step(draft, steps.current(draft))
    except (StepRefusedError, SessionRuleError) as refusal:
        return _unchanged(draft, refusal)
    following = steps.next_step(step, draft.path)
    candidate.current_step = following or step
    result = _store(service, candidate, AccessAction.STEP_SKIPPED, keep_on_failure=draft, base=base)
    return _moved(result, moved=following is not None, finished=following is None)


def plan_follow_up(
    service: SessionService, draft: DecisionSession, now: datetime, *, base: DecisionSession | None = None
) -> Result:
    """Plan (or move) the follow-up from the date, time and details on screen."""
    try:
        candidate = step_actions.plan_follow_up(draft, now)
    except (StepRefusedError, SessionRuleError) as refusal:
        return _unchanged(draft, refusal)
    return _store(service, candidate, AccessAction.FOLLOW_UP_PLANNED, base=base)


def _moved(result: Result, *, moved: bool, finished: bool = False) -> Result:
    if not result.saved:
        return result
    return Result(session=result.session, saved=True, moved=moved, finished=finished, merged=result.merged)


# --- conflicts --------------------------------------------------------------------------------------


def conflict_differences(
    mine: DecisionSession, theirs: DecisionSession, base: DecisionSession | None
) -> list[conflicts.Difference]:
    """What the family has to choose between: with the version this screen started from
    (`base`), only what this screen changed; without it, every difference."""
    if base is None:
        return conflicts.differences(mine, theirs)
    return conflicts.contested(base, mine, theirs, owner=path_owner)


def resolve_conflict(
    service: SessionService,
    mine: DecisionSession,
    choices: Mapping[str, conflicts.Choice] | None,
    *,
    expected_version: int,
    base: DecisionSession | None = None,
) -> Result:
    """Save the family's choice between this screen's version and the stored one: per
    difference (`choices`, by `Difference.key`), or everything from this screen (None).
    With `base` (the version this screen started from) only what this screen changed is
    chosen: what others changed meanwhile and nobody here touched is kept.

    If the stored version changed again while they chose, nothing is saved and the result
    says CONFLICT again (with the new differences to choose from)."""
    try:
        theirs = service.load(mine.id)
    except SessionNotFoundError:
        return Result(session=mine, saved=False, problem=SaveProblem.ERASED)
    except StorageError:
        return Result(session=mine, saved=False, problem=SaveProblem.UNAVAILABLE)
    if theirs.version != expected_version:
        return Result(session=mine, saved=False, problem=SaveProblem.CONFLICT)
    if base is not None:
        try:
            merged = conflicts.settle(base, mine, theirs, choices, owner=path_owner)
        except ValueError:  # not a valid session: keep this screen's version whole
            merged = conflicts.keep_mine(mine, theirs)
        return _store(service, merged, AccessAction.CONFLICT_RESOLVED, keep_on_failure=mine)
    if choices is None:
        merged = conflicts.keep_mine(mine, theirs)
    else:
        try:
            merged = conflicts.resolve(mine, theirs, choices)
        except ValueError:  # a mix that is not a valid session: keep this screen's version whole
            merged = conflicts.keep_mine(mine, theirs)
    return _store(service, merged, AccessAction.CONFLICT_RESOLVED, keep_on_failure=mine)


# --- finishing --------------------------------------------------------------------------------------


def finish(service: SessionService, draft: DecisionSession, *, unsaved: bool) -> Result:
    """'Finish and clear': store what is on screen if an earlier save failed, and note in the
    access log that the family finished. The screen is cleared only when this is saved."""
    if unsaved:
        return _store(service, draft.model_copy(deep=True), AccessAction.FINISHED)
    try:
        service.record(draft.id, AccessAction.FINISHED)
    except SessionNotFoundError:
        return Result(session=draft, saved=False, problem=SaveProblem.ERASED)
    except StorageError:
        pass  # nothing of the family's is unsaved: the screen may be cleared all the same
    return Result(session=draft, saved=True)


# --- who takes part, and on which device --------------------------------------------------------


@dataclass(frozen=True)
class PeopleResult:
    """The outcome of a change to who takes part (or where they answer)."""

    session: DecisionSession | None
    """The stored session after the change; None when nothing was saved."""
    code: str | None = field(default=None, repr=False)
    """A new personal code (shown once)."""
    issue: Issue | None = None
    """Something wrong with what was typed (a name)."""
    refusal: SessionRuleError | None = None
    problem: SaveProblem | None = None


def _people_change(change: Callable[[], DecisionSession]) -> PeopleResult:
    try:
        return PeopleResult(session=change())
    except SessionRuleError as refusal:
        return PeopleResult(session=None, refusal=refusal)
    except SessionNotFoundError:
        return PeopleResult(session=None, problem=SaveProblem.ERASED)
    except StaleSessionError:  # a change to the latest version cannot be stale: a race; try again
        return PeopleResult(session=None, problem=SaveProblem.CONFLICT)
    except StorageError:
        return PeopleResult(session=None, problem=SaveProblem.UNAVAILABLE)


def invite(service: SessionService, session_id: uuid.UUID, participant_id: str) -> PeopleResult:
    """A personal code for the participant: from now on they answer on their own device
    (an earlier code of theirs stops working)."""
    codes: list[str] = []

    def change() -> DecisionSession:
        invited = service.invite(session_id, participant_id)
        codes.append(invited.code)
        return invited.session

    result = _people_change(change)
    return PeopleResult(session=result.session, code=codes[0]) if codes else result


def revoke_invitation(service: SessionService, session_id: uuid.UUID, participant_id: str) -> PeopleResult:
    """The participant's personal code stops working; they answer on the shared screen again."""
    return _people_change(lambda: service.revoke_invitation(session_id, participant_id))


def add_participant(
    service: SessionService, session_id: uuid.UUID, *, label: str, now: datetime
) -> PeopleResult:
    """A parent or carer who was not there at the start joins the conversation."""
    issue = check_label("new-parent", label)
    if issue is not None:
        return PeopleResult(session=None, issue=issue)
    return _people_change(
        lambda: service.change(
            session_id,
            lambda session: rules.add_participant(session, label=label, now=now),
            action=AccessAction.PARTICIPANT_ADDED,
        )
    )


def remove_participant(
    service: SessionService, session_id: uuid.UUID, participant_id: str, *, now: datetime
) -> PeopleResult:
    """A parent or carer stops taking part: not asked again, their personal code stops
    working, and what they answered stays (in the history and the clinician's copy)."""
    return _people_change(lambda: service.remove_participant(session_id, participant_id, now=now))
