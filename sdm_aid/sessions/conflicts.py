"""Two versions of one session: what differs, and a version that keeps what people chose.

When a save is refused because the same session was saved elsewhere in the meantime (another
tab or device), nothing is overwritten. When the two changed different things (a parent on
their phone, the young person on the tablet), `merge` makes both changes. When they changed the
same thing, the family (or clinician) sees each difference
between the version on their screen ("mine") and the stored one ("theirs") and chooses per
difference: keep mine, take theirs, or, for two texts, keep both. `resolve` builds the result
on top of the stored version, so it can be saved as the next version.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import ValidationError

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


def merge(
    base: DecisionSession,
    mine: DecisionSession,
    theirs: DecisionSession,
    *,
    owner: Callable[[Path], str | None] = lambda _path: None,
) -> DecisionSession | None:
    """The changes made on this screen since `base` (the version it loaded), made on top of
    the stored version `theirs`, when nobody else changed the same thing in the meantime:
    e.g. a parent answering on their phone while the young person answers on the tablet.

    None (then the family chooses) when both changed the same thing differently, or both
    changed answers of the same person (`owner` says whose a place is): one person answering
    on two devices at once is never merged behind their back. Also None when the combination
    is not a valid session. Carries `theirs.version`."""
    mine_doc = mine.model_dump(mode="json")
    theirs_doc = theirs.model_dump(mode="json")
    their_paths = [d.path for d in differences(theirs, base)]
    their_people = {person for path in their_paths if (person := owner(path)) is not None}
    result = theirs.model_dump(mode="json")
    for change in differences(mine, base):
        value = _get(mine_doc, change.path)
        overlaps = any(_within(change.path, path) or _within(path, change.path) for path in their_paths)
        same_person = owner(change.path) in their_people
        if (overlaps or same_person) and value != _get(theirs_doc, change.path):
            return None
        _set(result, change.path, value)
    try:
        return DecisionSession.model_validate(result)
    except ValidationError:
        return None


def contested(
    base: DecisionSession,
    mine: DecisionSession,
    theirs: DecisionSession,
    *,
    owner: Callable[[Path], str | None] = lambda _path: None,
) -> list[Difference]:
    """The differences the family has to choose between after a refused merge: only where this
    screen changed something since `base` (or changed answers of a person whose answers were
    also changed elsewhere). Everything else someone else changed is simply kept."""
    ours = [d.path for d in differences(mine, base)]
    both_people = {owner(p) for p in ours} & {owner(d.path) for d in differences(theirs, base)} - {None}
    return [
        difference
        for difference in differences(mine, theirs)
        if any(_within(difference.path, p) or _within(p, difference.path) for p in ours)
        or owner(difference.path) in both_people
    ]


def settle(
    base: DecisionSession,
    mine: DecisionSession,
    theirs: DecisionSession,
    choices: Mapping[str, Choice] | None,
    *,
    owner: Callable[[Path], str | None] = lambda _path: None,
) -> DecisionSession:
    """The stored version with this screen's changes since `base` made on top, and for each
    contested difference what the family chose (by `Difference.key`; not listed: the stored
    value; `choices` None: this screen's value everywhere). What others changed and nobody
    contested stays as they left it.
    Raises `ValueError` when the combination is not a valid session."""
    mine_doc = mine.model_dump(mode="json")
    result = theirs.model_dump(mode="json")
    for change in differences(mine, base):
        _set(result, change.path, _get(mine_doc, change.path))
    for difference in contested(base, mine, theirs, owner=owner):
        choice = Choice.MINE if choices is None else choices.get(difference.key, Choice.THEIRS)
        if choice == Choice.MINE:
            value: Any = _get(mine_doc, difference.path)
        elif choice == Choice.BOTH and difference.can_keep_both:
            value = f"{difference.theirs}{BOTH_SEPARATOR}{difference.mine}"
        else:
            value = _get(theirs.model_dump(mode="json"), difference.path)
        _set(result, difference.path, value)
    try:
        return DecisionSession.model_validate(result)
    except ValidationError as error:
        raise ValueError(
            f"the chosen combination is not a valid session ({error.error_count()} problems)"
        ) from None


def _within(path: Path, outer: Path) -> bool:
    return path[: len(outer)] == outer


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
