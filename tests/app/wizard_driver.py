"""Drive the app in AppTest the way a family would: by labels and buttons, step by step."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


def new_app(locale: str = "nl-NL") -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30)
    at.context["locale"] = locale
    return at.run()


def by_key(widgets: Any, suffix: str) -> Any:
    matches = [w for w in widgets if w.key and w.key.endswith(suffix)]
    assert matches, f"no widget with a key ending in {suffix!r}: {[w.key for w in widgets]}"
    return matches[0]


def texts(at: AppTest) -> str:
    """Everything shown as text, markdown, html, alerts and captions, for assertions."""
    parts = [
        el.value
        for kind in ("markdown", "text", "caption", "error", "warning", "info", "success")
        for el in getattr(at, kind)
    ]
    parts += [str(getattr(el.proto, "body", "")) for el in at.get("html")]
    # Markdown escapes (\\. \\!) read as the plain characters a person sees.
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts))


def no_exception(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def click(at: AppTest, suffix: str) -> AppTest:
    by_key(at.button, suffix).click()
    return no_exception(at.run())


def begin(at: AppTest, *, parents: int = 1, peer: bool = False, youth: str = "Sam") -> AppTest:
    at.text_input(key="start.youth").set_value(youth)
    at.radio(key="start.parents").set_value(parents)
    at.run()
    if peer:
        at.checkbox(key="start.peer").check().run()
    at.button(key="start.begin").click()
    return no_exception(at.run())


def step(at: AppTest) -> int:
    """The number of the step on screen (1..9 for today's steps)."""
    from sdm_aid.wizard import step_registry

    return step_registry.position(at.session_state["sdm.draft"].current_step)


def next_step(at: AppTest) -> AppTest:
    return click(at, ".next")


def back(at: AppTest) -> AppTest:
    return click(at, ".back")


def _buttons(at: AppTest, suffix: str) -> list[Any]:
    return [b for b in at.button if b.key and b.key.endswith(suffix)]


def take_turn(at: AppTest, pid: str) -> AppTest:
    """Hand the tablet to `pid` the way a family does: through the turns before them ('I am
    ...', 'Done. Give the tablet to ...'), or 'Change an answer' after everyone's turn."""
    for _ in range(12):
        if _buttons(at, f".take.{pid}"):
            return click(at, f".take.{pid}")
        if _buttons(at, f".done.{pid}"):
            return at  # it is their turn already
        for suffix in (".begin", f".again.{pid}"):
            if _buttons(at, suffix):
                click(at, suffix)
                break
        else:
            someone = [b for b in at.button if b.key and (".done." in b.key or ".take." in b.key)]
            if not someone:
                return at  # nobody to hand over to: the one person here has the tablet
            someone[0].click()
            no_exception(at.run())
    raise AssertionError(f"could not hand the tablet to {pid}")


def finish_turn(at: AppTest) -> AppTest:
    """'Done. Give the tablet to ...' (or 'Done') for whoever has the tablet."""
    done = [b for b in at.button if b.key and ".done." in b.key]
    if done:
        done[0].click()
        no_exception(at.run())
    return at


def set_turn(at: AppTest, index: int) -> AppTest:
    """The family member at `index` (young person first) takes the tablet."""
    family = [p for p in at.session_state["sdm.draft"].family]
    return take_turn(at, family[index].id)


def fill_values(at: AppTest, answers: dict[int, tuple[dict[str, int], str]]) -> AppTest:
    """answers: turn index -> ({consideration id: rating}, leaning)."""
    for index, (ratings, leaning) in answers.items():
        set_turn(at, index)
        pid = at.session_state["sdm.draft"].participants[index].id
        for cid, rating in ratings.items():
            by_key(at.radio, f".importance.{pid}.{cid}").set_value(rating)
        by_key(at.radio, f".leaning.{pid}").set_value(leaning)
        no_exception(at.run())
    return at


def fill_ability(at: AppTest, pid_index: int, option_id: str, confidence: int) -> AppTest:
    set_turn(at, pid_index)
    pid = at.session_state["sdm.draft"].participants[pid_index].id
    by_key(at.radio, f".confidence.{pid}.{option_id}").set_value(confidence)
    return no_exception(at.run())


def fill_understanding(at: AppTest, people: int, answer: bool = False) -> AppTest:
    for index in range(people):
        set_turn(at, index)
        pid = at.session_state["sdm.draft"].participants[index].id
        by_key(at.radio, f".check.{pid}.choice").set_value(answer)
        no_exception(at.run())
    return at


def fill_sure(at: AppTest, people: int, moment: str = "after", *, value: bool = True) -> AppTest:
    """Every person (one at a time) answers the four SURE questions (all yes, or all no)."""
    draft = at.session_state["sdm.draft"]
    for person in draft.family[:people]:
        take_turn(at, person.id)
        for radio in at.radio:
            if radio.key and f".sure.{moment}.{person.id}." in radio.key:
                radio.set_value(value)
        no_exception(at.run())
    return finish_turn(at)


def plan_follow_up(at: AppTest, *, in_days: int = 30, hour: int = 14) -> AppTest:
    """A day from the list and a time: with both chosen the appointment is planned."""
    by_key(at.text_input, ".with").set_value("Dr. Jansen")
    no_exception(at.run())
    day = date.today() + timedelta(days=in_days)
    by_key(at.selectbox, ".when-day").set_value(day.isoformat())
    no_exception(at.run())
    by_key(at.selectbox, ".when-time").set_value(f"{hour:02d}:00")
    return no_exception(at.run())


def stored_session(at: AppTest):
    from sdm_ui import services

    return services.session_service().load(at.session_state["sdm.draft"].id)
