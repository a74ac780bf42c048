"""Format version 1 -> 2: a pure function on the JSON value, used in memory by the loader and
on disk by `sdm-aid upgrade`.

Nothing is dropped or invented. What version 1 could not say is left out (study size, source
figure, reviewers) or set to the value that claims the least:
- every v1 text had Dutch and English, so 'languages' is ["nl", "en"];
- a v1 likelihood becomes one time point with precision 'exact' (v1 showed the count as is);
- its certainty gets origin 'authors_judgement' (v1 could not say the source rated it).
Each such choice is reported as a note, so the editor can correct it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sdm_aid.content.problems import json_path

V1_SCHEMA_FILE = "option_grid.v1.schema.json"
V2_SCHEMA_FILE = "option_grid.v2.schema.json"


@dataclass
class Upgraded:
    document: dict[str, Any]
    notes: list[str] = field(default_factory=list)
    """What the editor should look at in the new file, one line each."""


def upgrade_v1(document: dict[str, Any]) -> Upgraded:
    """The v2 form of a (valid) v1 grid document; `document` itself is not changed. Parts that
    do not change are shared with `document`, not copied (the loader upgrades every v1 file
    in memory, and a deep copy cost more than the validation)."""
    notes: list[str] = []
    new: dict[str, Any] = {}
    for key, value in document.items():
        if key == "$schema" and isinstance(value, str):
            value = value.replace(V1_SCHEMA_FILE, V2_SCHEMA_FILE)
        elif key == "schema_version":
            value = 2
        elif key == "questions" and isinstance(value, list):
            value = [_copy_answers(question) for question in value]
        new[key] = value
        if key == "version":
            new["languages"] = ["nl", "en"]
    likelihoods = 0
    for location, answer in _answers(new):
        likelihood = answer.get("likelihood")
        if isinstance(likelihood, dict):
            answer["likelihood"] = _likelihood(likelihood)
            likelihoods += 1
            notes.append(
                f"{json_path((*location, 'likelihood'))}: add 'precision' 'about' if the count is rounded, "
                "the 'source_figure' and the 'study'; set the certainty's 'origin' to 'source_grade' "
                "if the source gives this GRADE rating."
            )
    governance = new.get("governance")
    if isinstance(governance, dict) and governance.get("status") == "clinically_reviewed":
        notes.append(
            "governance.status: 'clinically_reviewed' now needs the reviewers: add 'reviewers' "
            "(name, role, reviewed_on) to 'governance', or set the status to 'draft'."
        )
    options = new.get("options")
    if isinstance(options, list) and options:
        notes.append(
            "options: add 'living_with' (what daily life with the option is like) and, where an option "
            "is not an equal choice, 'eligibility'."
        )
    if "safety" not in new:
        notes.append(
            "safety: the grid has no safety section, so SDM Aid shows its general crisis lines; "
            "add 'safety' when this decision needs its own."
        )
    if likelihoods == 0:
        notes.append("questions: cells without a number can say why in 'no_number_reason'.")
    return Upgraded(new, notes)


def _copy_answers(question: Any) -> Any:
    """A question with its own answers dict and answer dicts (which the upgrade changes)."""
    if not isinstance(question, dict) or not isinstance(question.get("answers"), dict):
        return question
    answers = {
        key: dict(answer) if isinstance(answer, dict) else answer
        for key, answer in question["answers"].items()
    }
    return {**question, "answers": answers}


def _likelihood(old: dict[str, Any]) -> dict[str, Any]:
    point: dict[str, Any] = {
        "count": old.get("count"),
        "out_of": old.get("out_of"),
        "precision": "exact",
        "time_frame": old.get("time_frame"),
    }
    return {
        "reference_group": old.get("reference_group"),
        "outcome": old.get("outcome"),
        "points": [point],
        "certainty": {"level": old.get("certainty"), "origin": "authors_judgement"},
    }


def _answers(document: dict[str, Any]) -> Iterator[tuple[tuple[str | int, ...], dict[str, Any]]]:
    questions = document.get("questions")
    if not isinstance(questions, list):
        return
    for index, question in enumerate(questions):
        answers = question.get("answers") if isinstance(question, dict) else None
        if isinstance(answers, dict):
            for option_id, answer in answers.items():
                if isinstance(answer, dict):
                    yield ("questions", index, "answers", option_id), answer


def texts_of(value: Any) -> list[str]:
    """Every text and number in a document, for the check that an upgrade loses nothing."""
    if isinstance(value, dict):
        return [
            text
            for key, item in value.items()
            if key not in ("$schema", "schema_version")
            for text in texts_of(item)
        ]
    if isinstance(value, list):
        return [text for item in value for text in texts_of(item)]
    if isinstance(value, bool) or value is None:
        return []
    return [str(value)]


def lost_content(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Texts and numbers of `before` that `after` no longer holds (an upgrade must keep all)."""
    remaining = texts_of(after)
    lost = []
    for text in texts_of(before):
        if text in remaining:
            remaining.remove(text)
        else:
            lost.append(text)
    return lost
