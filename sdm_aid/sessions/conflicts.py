"""Two versions of one session: what differs, and a version that keeps what people chose.

When a save is refused because the same session was saved elsewhere in the meantime (another
tab or device), nothing is overwritten. The family (or clinician) then sees each difference
between the version on their screen ("mine") and the stored one ("theirs") and chooses per
difference: keep mine, take theirs, or, for two texts, keep both. `resolve` builds the result
on top of the stored version, so it can be saved as the next version.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import ValidationError

from sdm_aid.content.models import OptionGrid
from sdm_aid.i18n import Language, Translator
from sdm_aid.sessions.models import DecisionSession

Path = tuple[str | int, ...]

IGNORED = frozenset({"version", "updated_at"})
"""Set by storage on every save: never a difference a person made."""
_MISSING = object()
BOTH_SEPARATOR = "\n\n"


class Choice(StrEnum):
    MINE = "mine"
    THEIRS = "theirs"
    BOTH = "both"
    """Only for texts: the stored text, then the text on this screen."""


@dataclass(frozen=True)
class Difference:
    path: Path
    mine: Any
    """JSON value on this screen; `None` also when the field is missing here."""
    theirs: Any
    can_keep_both: bool

    @property
    def key(self) -> str:
        return "/".join(str(part) for part in self.path)


def differences(mine: DecisionSession, theirs: DecisionSession) -> list[Difference]:
    """Every place where the two versions differ, in document order."""
    found: list[Difference] = []
    _walk(mine.model_dump(mode="json"), theirs.model_dump(mode="json"), (), found)
    return found


def _walk(mine: Any, theirs: Any, path: Path, found: list[Difference]) -> None:
    if mine == theirs:
        return
    if isinstance(mine, dict) and isinstance(theirs, dict):
        for key in [*mine, *(k for k in theirs if k not in mine)]:
            if not path and key in IGNORED:
                continue
            _walk(mine.get(key, _MISSING), theirs.get(key, _MISSING), (*path, key), found)
        return
    if (
        isinstance(mine, list)
        and isinstance(theirs, list)
        and len(mine) == len(theirs)
        and all(isinstance(item, dict) for item in [*mine, *theirs])
    ):
        for index, (a, b) in enumerate(zip(mine, theirs, strict=True)):
            _walk(a, b, (*path, index), found)
        return
    both = isinstance(mine, str) and isinstance(theirs, str) and bool(mine.strip()) and bool(theirs.strip())
    found.append(
        Difference(
            path=path,
            mine=None if mine is _MISSING else mine,
            theirs=None if theirs is _MISSING else theirs,
            can_keep_both=both,
        )
    )


def resolve(mine: DecisionSession, theirs: DecisionSession, choices: Mapping[str, Choice]) -> DecisionSession:
    """`theirs` with the chosen differences taken from `mine` (by `Difference.key`; not
    listed means THEIRS). Carries `theirs.version`, so saving it is the next version.

    Raises `ValueError` when the combination is not a valid session (then keep one version).
    """
    mine_doc = mine.model_dump(mode="json")
    result = theirs.model_dump(mode="json")
    for difference in differences(mine, theirs):
        choice = choices.get(difference.key, Choice.THEIRS)
        if choice == Choice.THEIRS:
            continue
        value: Any = _get(mine_doc, difference.path)
        if choice == Choice.BOTH:
            if not difference.can_keep_both:
                raise ValueError(f"'keep both' is only for two texts, not for {difference.key}")
            value = f"{difference.theirs}{BOTH_SEPARATOR}{difference.mine}"
        _set(result, difference.path, value)
    try:
        return DecisionSession.model_validate(result)
    except ValidationError as error:
        raise ValueError(
            f"the chosen combination is not a valid session ({error.error_count()} problems)"
        ) from None


def keep_mine(mine: DecisionSession, theirs: DecisionSession) -> DecisionSession:
    """Everything as on this screen, saved as the version after `theirs`."""
    return mine.model_copy(update={"version": theirs.version})


def _get(document: Any, path: Path) -> Any:
    for part in path:
        if isinstance(document, dict):
            document = document.get(part, _MISSING)
        elif isinstance(document, list) and isinstance(part, int) and part < len(document):
            document = document[part]
        else:
            return _MISSING
    return document


def _set(document: Any, path: Path, value: Any) -> None:
    *parents, last = path
    for part in parents:
        document = document.setdefault(part, {}) if isinstance(document, dict) else document[part]
    if value is _MISSING:
        if isinstance(document, dict):
            document.pop(last, None)
        return
    document[last] = value


# --- saying what differs, in the session's language ------------------------------------------

SECTION_LABELS: Mapping[str, str] = {
    "answers": "Answers",
    "sure": "Four short questions",
    "recommendation": "Advice from the professional",
    "outcome": "The choice",
    "outcome_history": "Earlier choices",
    "follow_up": "Next appointment",
    "follow_up_history": "Earlier appointments",
    "handoff_note": "Note for the clinician",
    "elements": "Steps",
    "current_step": "The step you are on",
    "pending": "Not yet finished on screen",
    "youth_allows_family_copy": "Private answers in the copy for home",
    "language": "Language",
    "participants": "Who takes part",
    "peer_worker_guides": "Peer worker",
}
ANSWER_LABELS: Mapping[str, str] = {
    "importance": "How important",
    "leaning": "Leans to",
    "ability": "Can you do it?",
    "understanding": "Check what is clear",
    "questions": "Questions for the professional",
    "notes": "Notes",
    "private": "Private answers",
}


def difference_label(
    difference: Difference, session: DecisionSession, grid: OptionGrid, t: Translator
) -> str:
    """'Sam · How important · Talking helps' for ('answers', 'youth', 'importance', 'quick')."""
    path = difference.path
    parts = [t(SECTION_LABELS.get(str(path[0]), "Other"))]
    rest = list(path[1:])
    if path[0] in ("answers", "sure") and rest:
        parts = [_person(session, str(rest.pop(0)))]
        if path[0] == "sure":
            parts.append(t(SECTION_LABELS["sure"]))
            if rest:
                parts.append(t("before") if rest.pop(0) == "before" else t("after"))
    if path[0] == "answers" and rest:
        parts.append(t(ANSWER_LABELS.get(str(rest.pop(0)), "Other")))
    names = _grid_names(grid, session.language)
    parts += [names.get(str(part), str(part)) for part in rest if not isinstance(part, int)]
    if path[0] == "elements" and rest and isinstance(rest[0], int):
        parts.append(t("Step {number}", number=rest[0] + 1))
    return " · ".join(parts)


def value_text(value: Any, t: Translator) -> str:
    """A stored value as a person reads it."""
    if value is None or value == "" or value == [] or value == {}:
        return t("(empty)")
    if isinstance(value, bool):
        return t("Yes") if value else t("No")
    if isinstance(value, list):
        return "; ".join(value_text(v, t) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {value_text(v, t)}" for k, v in value.items() if v not in (None, "", [], {}))
    return str(value)


def _person(session: DecisionSession, participant_id: str) -> str:
    return next((p.label for p in session.participants if p.id == participant_id), participant_id)


def _grid_names(grid: OptionGrid, language: Language) -> dict[str, str]:
    names = {o.id: o.label.get(language) for o in grid.options}
    names |= {c.id: c.text.get(language) for c in grid.considerations}
    names |= {u.id: u.statement.get(language) for u in grid.understanding_checks}
    return names
