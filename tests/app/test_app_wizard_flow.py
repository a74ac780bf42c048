"""AppTest flows through the whole wizard, against a temporary SQLite database."""

from __future__ import annotations

import wizard_driver as w

from sdm_aid.elements import SdmElement
from sdm_aid.sessions.models import Decided, Deferred, ElementStatus
from sdm_ui import services


def walk_to_step_4(at):
    assert w.step(at) == 1
    for expected in (2, 3, 4):
        w.next_step(at)
        assert w.step(at) == expected
    return at


def values_and_ability(at, *, youth_leaning="talking", parent_leaning="talking"):
    w.fill_values(
        at,
        {0: ({"quick": 4, "no-pills": 1}, youth_leaning), 1: ({"quick": 1, "no-pills": 4}, parent_leaning)},
    )
    w.next_step(at)
    assert w.step(at) == 5
    w.fill_ability(at, 0, youth_leaning, 7)
    if parent_leaning != youth_leaning:
        w.fill_ability(at, 1, parent_leaning, 4)
    w.next_step(at)
    assert w.step(at) == 6
    assert not [r for r in at.radio if r.key and r.key.endswith(".advice")]  # the advice follows later
    w.next_step(at)
    assert w.step(at) == 7
    w.fill_understanding(at, 2)
    w.next_step(at)
    assert w.step(at) == 8
    return at


def stored(at):
    draft = at.session_state["sdm.draft"]
    return services.session_service().load(draft.id)


def test_youth_and_parent_reach_a_decision(app_env) -> None:
    at = w.begin(w.new_app())
    walk_to_step_4(at)
    assert "Stap 4 van 9" in w.texts(at)
    values_and_ability(at, parent_leaning="pills")
    # The comparison view was shown: ratings 4 vs 1 are far apart.
    w.by_key(at.radio, ".mode").set_value("decide")
    at.run()
    w.by_key(at.radio, ".option").set_value("talking")
    draft = at.session_state["sdm.draft"]
    w.by_key(at.radio, f".agree.{draft.participants[0].id}").set_value("agree")
    w.by_key(at.radio, f".agree.{draft.participants[1].id}").set_value("disagree")
    at.run()
    w.next_step(at)
    assert w.step(at) == 9
    w.plan_follow_up(at)
    assert "Gepland:" in w.texts(at)
    w.next_step(at)
    w.no_exception(at)
    assert "Alle stappen zijn klaar" in w.texts(at)

    session = stored(at)
    assert isinstance(session.outcome, Decided)
    assert session.outcome.option_id == "talking"
    assert session.outcome.agree == ["youth"] and session.outcome.disagree == ["parent-1"]
    assert session.answers["youth"].importance == {"quick": 4, "no-pills": 1}
    assert session.answers["parent-1"].leaning == "pills"
    assert session.answers["youth"].ability["talking"].confidence == 7
    assert "parent-1" not in session.sure  # 'after' is asked after the conversation
    assert session.follow_up is not None and session.follow_up.with_whom == "Dr. Jansen"
    assert all(p.status == ElementStatus.DONE for p in session.elements)


def test_a_deferral_forces_a_follow_up(app_env) -> None:
    at = w.begin(w.new_app())
    walk_to_step_4(at)
    values_and_ability(at)
    w.by_key(at.radio, ".mode").set_value("defer")
    at.run()
    w.by_key(at.selectbox, ".reason").set_value("talk_at_home")
    w.by_key(at.text_area, ".needed").set_value("Meer weten over bijwerkingen")
    at.run()
    w.next_step(at)
    assert w.step(at) == 9
    assert "plan daarom wanneer" in w.texts(at).lower()
    # Finishing without a follow-up is refused, and the step cannot be skipped.
    w.next_step(at)
    assert w.step(at) == 9
    assert "Plan eerst de volgende afspraak." in w.texts(at)
    assert not [b for b in at.button if b.key and b.key.endswith(".skip")]

    w.plan_follow_up(at)
    w.next_step(at)
    session = stored(at)
    assert isinstance(session.outcome, Deferred)
    assert session.outcome.still_needed == "Meer weten over bijwerkingen"
    assert session.progress(SdmElement.DECIDE).status == ElementStatus.DEFERRED
    assert session.follow_up is not None


def test_back_and_forth_through_all_steps_keeps_answers(app_env) -> None:
    at = w.begin(w.new_app())
    walk_to_step_4(at)
    values_and_ability(at, parent_leaning="wait")
    w.by_key(at.radio, ".mode").set_value("defer")
    at.run()
    w.by_key(at.selectbox, ".reason").set_value("not_ready")
    at.run()
    for expected in range(7, 0, -1):
        w.back(at)
        assert w.step(at) == expected
    for expected in range(2, 9):
        w.next_step(at)
        assert w.step(at) == expected, w.texts(at)
    # Step 8 shows what was typed before going back.
    assert w.by_key(at.radio, ".mode").value == "defer"
    assert w.by_key(at.selectbox, ".reason").value == "not_ready"
    w.back(at)
    w.back(at)
    w.back(at)
    w.back(at)
    assert w.step(at) == 4
    w.set_turn(at, 1)
    assert w.by_key(at.radio, ".leaning.parent-1").value == "wait"
    assert w.by_key(at.radio, ".importance.parent-1.no-pills").value == 4


def test_skip_needs_a_reason(app_env) -> None:
    at = w.begin(w.new_app())
    w.click(at, ".skip_open")
    w.click(at, ".skip")
    assert w.step(at) == 1
    assert "Zeg waarom je deze stap overslaat." in w.texts(at)
    w.by_key(at.text_input, ".skip-reason.explain_problem").set_value("Dat weten we al")
    at.run()
    w.click(at, ".skip")
    assert w.step(at) == 2
    assert stored(at).progress(SdmElement.EXPLAIN_PROBLEM).skip_reason == "Dat weten we al"


def test_missing_answers_are_named_and_nothing_moves(app_env) -> None:
    at = w.begin(w.new_app())
    walk_to_step_4(at)
    w.next_step(at)
    assert w.step(at) == 4
    shown = w.texts(at)
    # One message that names who has not answered yet (not one warning per missing answer).
    assert shown.count("Nog niet iedereen heeft alles ingevuld: Sam, Ouder 1.") == 1
    assert len(at.warning) == 1


def test_one_person_at_a_time_with_an_explicit_hand_over(app_env) -> None:
    at = w.begin(w.new_app(), parents=2)
    walk_to_step_4(at)
    # The step starts by saying who has the tablet first; no answers are shown before that.
    assert "Geef de tablet aan Sam" in w.texts(at)
    assert not [r for r in at.radio if r.key and ".importance." in r.key]
    w.click(at, ".take.youth")
    # Sam has the tablet: only Sam's questions, and no control that opens anyone else's.
    assert [r for r in at.radio if r.key and ".importance.youth." in r.key]
    assert not [r for r in at.radio if r.key and ".parent-" in r.key]
    assert not [r for r in at.radio if r.key and r.key.endswith(".turn")]
    assert "Sam, jij bent aan de beurt" in w.texts(at)
    w.by_key(at.radio, ".importance.youth.quick").set_value(4)
    at.run()
    done = w.by_key(at.button, ".done.youth")
    assert (
        done.label.replace("\\", "") == "Klaar. Geef de tablet aan Ouder 1" and done.proto.type == "primary"
    )
    assert w.by_key(at.button, ".next").proto.type == "secondary"  # the hand-over is the main button
    w.click(at, ".done.youth")
    # Between turns nothing of Sam's is on screen: only whose turn it is.
    assert "Geef de tablet aan Ouder 1" in w.texts(at)
    assert not [r for r in at.radio if r.key and ".importance." in r.key]
    w.click(at, ".take.parent-1")
    assert [r for r in at.radio if r.key and ".importance.parent-1." in r.key]
    assert not [r for r in at.radio if r.key and ".youth." in r.key]
    w.click(at, ".done.parent-1")
    w.click(at, ".take.parent-2")
    w.click(at, ".done.parent-2")
    assert "Iedereen op deze tablet is aan de beurt geweest." in w.texts(at)
    assert w.by_key(at.button, ".next").proto.type == "primary"
    stored_answers = stored(at).answers
    assert stored_answers["youth"].importance == {"quick": 4}
