"""Resume by code, language per session, conflicts, outages, plain text, picklable state."""

from __future__ import annotations

import pickle

import pytest
import wizard_driver as w

from sdm_aid.services.sessions import SessionService
from sdm_aid.storage import DatabaseUnavailableError
from sdm_ui import state


def to_step_5(at):
    for _ in range(3):
        w.next_step(at)
    w.fill_values(
        at, {0: ({"quick": 3, "no-pills": 2}, "pills"), 1: ({"quick": 0, "no-pills": 4}, "not_sure")}
    )
    w.next_step(at)
    assert w.step(at) == 5
    return at


def resume(code: str, locale: str = "nl-NL"):
    at = w.new_app(locale)
    at.text_input(key="start.code").set_value(code)
    at.button(key="start.resume").click()
    return w.no_exception(at.run())


def test_resume_by_code_restores_every_answer_and_the_step(app_env) -> None:
    first = to_step_5(w.begin(w.new_app()))
    code = first.session_state["sdm.code"]
    assert code and code in w.texts(first)  # shown on every step, never in a URL
    assert not first.query_params

    again = resume(code)
    assert w.step(again) == 5
    assert "Stap 5 van 9" in w.texts(again)
    w.back(again)
    w.set_turn(again, 1)
    assert w.by_key(again.radio, ".leaning.parent-1").value == "not_sure"
    assert w.by_key(again.radio, ".importance.parent-1.no-pills").value == 4
    w.set_turn(again, 0)
    assert w.by_key(again.radio, ".leaning.youth").value == "pills"


def test_a_wrong_code_gets_one_plain_message(app_env) -> None:
    at = resume("ABCD-EFGH")
    assert "Deze code werkt niet." in w.texts(at)
    assert "sdm.draft" not in at.session_state


def test_language_is_per_session(app_env) -> None:
    dutch = w.new_app("nl-NL")
    english = w.new_app("nl-NL")
    english.radio(key="start.language").set_value("en").run()
    dutch.run()
    assert "Wie zijn er?" in w.texts(dutch) and "Who is here?" not in w.texts(dutch)
    assert "Who is here?" in w.texts(english)
    w.begin(english)
    w.begin(dutch)
    assert "Step 1 of 9" in w.texts(english)
    assert "Stap 1 van 9" in w.texts(dutch)
    assert english.button(key=w.by_key(english.button, ".next").key).label == "Next"
    assert w.by_key(dutch.button, ".next").label == "Volgende"


def test_browser_locale_sets_the_first_language(app_env) -> None:
    assert "Who is here?" in w.texts(w.new_app("en-GB"))


def _two_screens_in_conflict():
    """Sam's four answers given on two screens at once, differently: a real conflict."""
    first = w.begin(w.new_app())
    code = first.session_state["sdm.code"]
    second = resume(code)
    w.take_turn(second, "youth")  # Sam's questions are open on the second screen (version 1)
    w.fill_sure(first, 1, moment="before", value=True)  # first saves Sam's answers (version 2)
    w.next_step(first)  # and moves on (version 3)
    assert w.step(first) == 2
    w.fill_sure(second, 1, moment="before", value=False)  # Sam's answers again, on version 1
    return first, second


def _sure_before(session) -> bool | None:
    result = session.sure.get("youth")
    return None if result is None or result.before is None else result.before.sure_of_best_choice


def test_two_screens_changing_different_things_are_both_saved(app_env) -> None:
    first = w.begin(w.new_app())
    second = resume(first.session_state["sdm.code"])
    w.take_turn(second, "youth")
    w.next_step(first)  # the tablet moves on (version 2)
    w.fill_sure(second, 1, moment="before")  # the other screen answers Sam's questions on version 1
    assert "Niet opgeslagen" not in w.texts(second)  # made on top of version 2: nothing to choose
    stored = w.stored_session(second)
    assert stored.current_step == "present_options" and _sure_before(stored) is True


def test_the_same_session_open_twice_never_overwrites(app_env) -> None:
    _first, second = _two_screens_in_conflict()
    shown = w.texts(second)
    assert "Niet opgeslagen" in shown and "niets overschreven" in shown
    assert _sure_before(second.session_state["sdm.draft"]) is False  # the answers stay on this screen
    stored = w.stored_session(second)
    assert _sure_before(stored) is True  # and nothing was overwritten
    labels = [r.label.replace("\\", "") for r in second.radio]
    assert any("Vier korte vragen" in label for label in labels)  # each difference, both versions


def test_a_conflict_can_keep_the_answers_on_this_screen(app_env) -> None:
    _first, second = _two_screens_in_conflict()
    second.button(key="sdm.conflict.mine").click()
    w.no_exception(second.run())
    assert "Niet opgeslagen" not in w.texts(second)
    stored = w.stored_session(second)
    # This screen's answers are kept; where the family is (moved on elsewhere) is kept too.
    assert _sure_before(stored) is False and stored.current_step == "present_options"


def test_a_conflict_can_take_the_other_version(app_env) -> None:
    _first, second = _two_screens_in_conflict()
    second.button(key="sdm.conflict.theirs").click()
    w.no_exception(second.run())
    assert w.step(second) == 2
    assert _sure_before(second.session_state["sdm.draft"]) is True  # the saved version, not this one


def test_a_conflict_can_be_resolved_per_difference(app_env) -> None:
    _first, second = _two_screens_in_conflict()
    choices = [r for r in second.radio if r.key and r.key.startswith("sdm.conflict.choice")]
    assert choices and all(r.value == "mine" for r in choices)  # what this screen has, unless chosen
    for radio in choices:
        # Sam's answers from this screen; where the family is (step 2) from the other version.
        radio.set_value("mine" if "Vier korte vragen" in radio.label else "theirs")
    second.button(key="sdm.conflict.save").click()
    w.no_exception(second.run())
    stored = w.stored_session(second)
    assert _sure_before(stored) is False and stored.current_step == "present_options"


def test_a_database_outage_keeps_the_typed_answers(app_env, monkeypatch: pytest.MonkeyPatch) -> None:
    at = w.begin(w.new_app())
    for _ in range(3):
        w.next_step(at)
    w.fill_values(at, {0: ({"quick": 2, "no-pills": 2}, "talking"), 1: ({"quick": 2, "no-pills": 2}, "wait")})

    def broken(self, session, **_kwargs):
        raise DatabaseUnavailableError("down")

    with monkeypatch.context() as patch:
        patch.setattr(SessionService, "save", broken)
        w.next_step(at)
        assert w.step(at) == 4
        assert "Opslaan lukt nu niet" in w.texts(at)
        assert "Niet opgeslagen" in w.texts(at)  # the save line tells the truth
        w.set_turn(at, 0)
        assert w.by_key(at.radio, ".leaning.youth").value == "talking"
    w.next_step(at)
    assert w.step(at) == 5


HOSTILE = "![x](http://127.0.0.1:9/x.png) [klik](http://evil.example) <b>vet</b> :smile:"


def test_typed_text_is_never_markdown(app_env) -> None:
    at = w.begin(w.new_app(), youth="![x](http://x/y.png)")
    for _ in range(3):
        w.next_step(at)
    take = w.by_key(at.button, ".take.youth").label.replace("\u200b", "")
    assert "![" not in take and "](" not in take  # 'I am ...': escaped, never an image or a link
    assert r"\!\[x\]\(http\:\/\/x\/y\.png\)" in take
    w.set_turn(at, 0)
    heading = [h for h in at.get("html") if "aan de beurt" in str(h.proto.body)]
    assert heading and "![x](http://x/y.png)" in str(heading[0].proto.body)


def test_app_state_pickles(app_env) -> None:
    at = to_step_5(w.begin(w.new_app()))
    keys = [state.DRAFT, state.CODE, state.SAVED_AT, state.LANG, state.GENERATION, state.LAST_ACTIVITY]
    for key in keys:
        assert key in at.session_state
        pickle.dumps(at.session_state[key])
    # Widget values too (Enums, ints, strings, lists; never objects with behaviour).
    w.take_turn(at, "youth")
    pickle.dumps(w.by_key(at.button_group, ".barriers.youth.pills").value)


def test_switching_language_renames_untouched_name_fields_only(app_env) -> None:
    at = w.new_app()
    at.text_input(key="start.parent.1").set_value("Mama")
    at.run()
    at.radio(key="start.language").set_value("en").run()
    assert at.text_input(key="start.youth").value == "Young person"
    assert at.text_input(key="start.parent.1").value == "Mama"


def test_a_phone_number_as_name_gets_a_message_and_no_session(app_env) -> None:
    at = w.begin(w.new_app(), youth="06 12345678")
    assert "geen telefoonnummer of e-mailadres" in w.texts(at)
    assert "sdm.draft" not in at.session_state
    assert at.text_input(key="start.youth").value == "06 12345678"


def test_a_changed_grid_file_is_never_shown_for_an_older_session(app_env) -> None:
    at = w.begin(w.new_app())
    grid_file = app_env / "grids" / "grid_minimal.json"
    grid_file.write_text(grid_file.read_text().replace('"version": "1.0"', '"version": "1.1"'))
    at.run()
    assert "De keuzehulp van dit gesprek is nu niet beschikbaar." in w.texts(at)
    assert not [b for b in at.button if b.key and b.key.endswith(".next")]


def test_finish_and_clear_leaves_nothing(app_env) -> None:
    at = w.begin(w.new_app(), peer=True)
    # With a peer worker the waiting-room path starts: the peer worker's prompt is folded.
    assert "Tip voor de ervaringsdeskundige" in [e.label for e in at.expander]
    at.switch_page("pages/finish.py").run()
    w.no_exception(at)
    code = at.session_state["sdm.code"]
    assert code in w.texts(at)
    at.text_area(key=w.by_key(at.text_area, "finish.note").key).set_value("Sam wil eerst met school praten.")
    at.button[[b.label for b in at.button].index("Notitie opslaan")].click().run()
    assert w.stored_session(at).handoff_note == "Sam wil eerst met school praten."
    at.button[[b.label for b in at.button].index("Afronden en wissen")].click().run()
    w.no_exception(at)
    assert "sdm.draft" not in at.session_state and "sdm.code" not in at.session_state
    assert "Wie zijn er?" in w.texts(at)  # the empty start screen
    assert code not in w.texts(at)
