"""What the wizard says for each of its enum-like values (input issues, missing answers,
refused step actions), as English message ids of the `wizard` catalogue.

The tables live here, beside the rules that produce the values; the screen only translates
them (`Translator("wizard", language)`). tests/i18n checks that every value of every enum
listed in `TABLES` has a text, and that every text has its Dutch translation.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any

from sdm_aid.sessions.models import WizardPath
from sdm_aid.wizard.completion import Missing
from sdm_aid.wizard.inputs import InputIssue
from sdm_aid.wizard.step_actions import StepRefusal
from sdm_aid.wizard.turns import Progress

DOMAIN = "wizard"

ISSUE_TEXT: Mapping[InputIssue, str] = {
    InputIssue.EMPTY_LABEL: "Please fill in a name or nickname.",
    InputIssue.LABEL_TOO_LONG: "Please keep this to at most {limit} characters.",
    InputIssue.DUPLICATE_LABEL: "Two people have the same name. Please make them different.",
    InputIssue.TOO_MANY_PARENTS: "At most {limit} parents or carers can take part.",
    InputIssue.NO_SUCH_DATE: "This date does not exist. Please choose another day.",
    InputIssue.QUESTION_TOO_LONG: "A line is longer than {limit} characters. Please make it shorter.",
    InputIssue.TOO_MANY_QUESTIONS: "At most {limit} questions per person. Please remove some.",
    InputIssue.EMPTY_REASON: "Please say why you skip this step.",
    InputIssue.NOT_A_NICKNAME: "Please use a first name or nickname, not a phone number or e-mail address.",
    InputIssue.TEXT_TOO_LONG: (
        "This text is {over} characters too long (at most {limit}). It stays here and is saved; "
        "please make it shorter."
    ),
}

MISSING_TEXT: Mapping[Missing, str] = {
    Missing.IMPORTANCE: "{name}: please rate every point.",
    Missing.LEANING: "{name}: please choose an option, or 'not sure yet'.",
    Missing.CONFIDENCE: "{option}: please say how sure you are that you can do this.",
    Missing.UNDERSTANDING: "{name}: please answer every statement.",
    Missing.OUTCOME: "Please choose an option, or choose to decide later.",
    Missing.FOLLOW_UP: "Please plan the next appointment first.",
}

REFUSAL_TEXT: Mapping[StepRefusal, str] = {
    StepRefusal.OPTION: "Please choose an option, or choose 'We choose later'.",
    StepRefusal.REASON: "Please choose why you choose later.",
    StepRefusal.MOMENT: "Please choose a day, month, year, hour and minutes.",
}

PROGRESS_TEXT: Mapping[Progress, str] = {
    Progress.DONE: "done",
    Progress.PARTLY: "partly done",
    Progress.NOT_YET: "not yet",
}

PATH_TEXT: Mapping[WizardPath, str] = {
    WizardPath.WAITING_ROOM: "Short, for the waiting room (about {minutes} minutes)",
    WizardPath.FULL: "Everything, for example at home (about {minutes} minutes)",
}
"""The start page's choice of path; {minutes} from the path's row in the step registry."""

TABLES: tuple[tuple[type[Enum], Mapping[Any, str]], ...] = (
    (InputIssue, ISSUE_TEXT),
    (Missing, MISSING_TEXT),
    (StepRefusal, REFUSAL_TEXT),
    (Progress, PROGRESS_TEXT),
    (WizardPath, PATH_TEXT),
)
