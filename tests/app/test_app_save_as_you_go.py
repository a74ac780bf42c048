"""Save as you go (issue 9), driven through AppTest: every answer is stored when it changes,
a button first stores what is on screen, the save line tells the truth, nothing is cut off,
an erased conversation stops, and the resume code is shown the way it is written."""

from __future__ import annotations

import pytest
import wizard_driver as w
from test_app_sessions import resume, to_step_5

from sdm_aid.services.sessions import SessionService
from sdm_aid.storage import DatabaseUnavailableError


def test_an_answer_is_stored_as_soon_as_it_is_given(app_env) -> None:
    at = w.begin(w.new_app())
    for _ in range(3):
        w.next_step(at)
    w.take_turn(at, "youth")
    before = w.stored_session(at).version
    w.by_key(at.radio, ".importance.youth.quick").set_value(3)
    w.no_exception(at.run())
    stored = w.stored_session(at)
    assert stored.version == before + 1 and stored.answers["youth"].importance == {"quick": 3}
    assert "Opgeslagen om" in w.texts(at)


def test_text_typed_just_before_the_hand_over_is_stored_for_the_right_person(app_env) -> None:
    at = to_step_5(w.begin(w.new_app()))
    w.set_turn(at, 0)
    w.by_key(at.text_area, ".helps.youth.pills").input("Met de fiets")
    w.click(at, ".done.youth")  # in the same run as the text: as a quick tap would
    assert "Geef de tablet aan Ouder 1" in w.texts(at)
    assert not [a for a in at.text_area if a.key and ".youth." in a.key]  # Sam's answers are hidden
    assert w.stored_session(at).answers["youth"].ability["pills"].what_would_help == "Met de fiets"


def test_text_over_its_limit_is_kept_whole_and_the_screen_says_by_how_much(app_env) -> None:
    at = to_step_5(w.begin(w.new_app()))
    w.set_turn(at, 0)
    long_text = "a" * 2100
    w.by_key(at.text_area, ".helps.youth.pills").input(long_text)
    w.no_exception(at.run())
    assert "Deze tekst is 100 tekens te lang (hooguit 2000)" in w.texts(at)
    assert w.by_key(at.text_area, ".helps.youth.pills").value == long_text
    assert w.stored_session(at).pending["helps.youth.pills"] == long_text


def test_a_resumed_code_is_shown_as_it_is_written_and_the_save_time_with_it(app_env) -> None:
    first = w.begin(w.new_app())
    code = first.session_state["sdm.code"]
    typed = code.lower().replace("-", " ")
    again = resume(typed)
    assert again.session_state["sdm.code"] == code
    assert code in w.texts(again) and "Opgeslagen om" in w.texts(again)


def test_an_erased_conversation_stops_at_its_next_run(app_env) -> None:
    at = w.begin(w.new_app())
    session_id = at.session_state["sdm.draft"].id
    w.next_step(at)
    from sdm_ui import services

    services.session_service().erase(session_id, by="test")
    w.next_step(at)
    assert "Dit gesprek is gewist" in w.texts(at)
    assert "sdm.draft" not in at.session_state
    assert "probeer het" not in w.texts(at).lower()  # not the untrue 'try again soon'


def test_finish_and_clear_asks_first_when_answers_are_not_saved(
    app_env, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = w.begin(w.new_app())
    for _ in range(3):
        w.next_step(at)
    w.take_turn(at, "youth")
    session_id = at.session_state["sdm.draft"].id
    real_save = SessionService.save

    def broken(self, session, **_kwargs):
        raise DatabaseUnavailableError("down")

    with monkeypatch.context() as patch:
        patch.setattr(SessionService, "save", broken)
        w.by_key(at.radio, ".importance.youth.quick").set_value(2)
        w.no_exception(at.run())
        assert "Niet opgeslagen" in w.texts(at)
        at.switch_page("pages/start.py").run()
        at.button(key="start.clear").click()
        w.no_exception(at.run())
        assert "Je laatste antwoorden zijn NIET opgeslagen" in w.texts(at)
        assert "sdm.draft" in at.session_state  # nothing cleared yet
        at.button(key="start.clear-keep").click()
        w.no_exception(at.run())
    assert SessionService.save is real_save
    at.button(key="start.clear").click()  # saving works again: the answers are saved, then cleared
    w.no_exception(at.run())
    assert "sdm.draft" not in at.session_state
    from sdm_ui import services

    assert services.session_service().load(session_id).answers["youth"].importance == {"quick": 2}
