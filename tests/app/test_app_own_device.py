"""A participant on their own device (AppTest): invited with a personal code, they see the grid
and their own questions only; a parent never sees the young person's private answers, on any
page or summary; the 'after' questions come once the clinician marked the conversation done."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import wizard_driver as w
from streamlit.testing.v1 import AppTest

from sdm_aid.sessions.models import ParticipantAnswers
from sdm_aid.usecases import clinician
from sdm_aid.wizard import step_registry
from sdm_ui import services

SECRET = "GEHEIM-Sam-7Q"
OWN_STEPS = [spec.id for spec in step_registry.own_device_steps()]


def with_private_youth(at: AppTest) -> None:
    """Sam has answered everything, and keeps every step private."""
    service = services.session_service()
    session = service.load(at.session_state["sdm.draft"].id)
    session.answers = {
        "youth": ParticipantAnswers(
            importance={"quick": 3, "no-pills": 0},
            leaning="wait",
            ability={},
            understanding={"choice": True},
            questions=[f"Vraag {SECRET}"],
            notes=f"Notitie {SECRET}",
            private_steps=[spec.id for spec in step_registry.per_person_steps()],
        )
    }
    service.save(session)


def invite(at: AppTest, pid: str) -> str:
    w.click(at, f"sdm.people.invite.{pid}")
    return at.session_state["sdm.people.code"]["code"]


def join(code: str) -> AppTest:
    at = w.new_app()
    at.text_input(key="start.code").set_value(code)
    at.button(key="start.resume").click()
    return w.no_exception(at.run())


def nothing_of_sam(at: AppTest) -> None:
    text = w.texts(at)
    assert SECRET not in text
    widgets = [*at.radio, *at.text_area, *at.button_group, *at.checkbox, *at.text_input]
    assert not [x.key for x in widgets if x.key and ".youth" in x.key]  # no widget of Sam's
    for html in at.get("html"):
        body = str(html.proto.body)
        if "sdm-table" in body:  # the comparison: Sam's cells say 'private', never a rating
            sam = re.findall(r"<tr[^>]*><th scope='row'>[^<]*</th><td([^>]*)>([^<]*)</td>", body)
            assert sam and all("sdm-private" in attrs and value == "privé" for attrs, value in sam)


def test_a_parent_walks_every_page_and_summary_without_seeing_private_answers(app_env) -> None:
    tablet = w.begin(w.new_app())
    with_private_youth(tablet)
    code = invite(tablet, "parent-1")
    assert code in w.texts(tablet)  # shown large on the tablet, with a QR code to the start page
    assert any("data:image/svg+xml" in str(h.proto.body) for h in tablet.get("html"))
    assert not tablet.query_params

    mama = join(code)
    assert mama.session_state["sdm.participant"] == "parent-1"
    assert "Hoi Ouder 1" in w.texts(mama)
    for index, step_id in enumerate(OWN_STEPS, start=1):
        assert f"Deel {index} van {len(OWN_STEPS)}" in w.texts(mama)
        nothing_of_sam(mama)
        if step_id == "values":
            w.by_key(mama.radio, ".importance.parent-1.quick").set_value(4)
            w.by_key(mama.radio, ".importance.parent-1.no-pills").set_value(1)
            w.by_key(mama.radio, ".leaning.parent-1").set_value("pills")
            w.no_exception(mama.run())
            nothing_of_sam(mama)  # the comparison shows up now: Sam as 'private'
            assert "privé" in w.texts(mama)
        w.click(mama, ".own-next")
    assert "Dank je wel, Ouder 1." in w.texts(mama)
    nothing_of_sam(mama)
    mama.switch_page("pages/summary.py")
    w.no_exception(mama.run())
    assert "Samenvatting van onze keuze" in w.texts(mama) and "privé" in w.texts(mama)
    nothing_of_sam(mama)
    stored = w.stored_session(mama)
    assert stored.answers["parent-1"].leaning == "pills" and stored.answers["youth"].leaning == "wait"


def test_the_tablet_hides_private_answers_from_a_parent_whose_turn_it_is(app_env) -> None:
    tablet = w.begin(w.new_app())
    with_private_youth(tablet)
    for _ in range(3):
        w.next_step(tablet)
    w.take_turn(tablet, "parent-1")
    nothing_of_sam(tablet)
    w.take_turn(tablet, "youth")  # Sam has the tablet: his own answers are back, for him
    assert w.by_key(tablet.radio, ".importance.youth.quick").value == 3


def test_an_own_device_saves_only_its_own_answers_and_sees_others_join(app_env) -> None:
    tablet = w.begin(w.new_app())
    mama = join(invite(tablet, "parent-1"))
    # The tablet adds Papa later; Mama's page carries on undisturbed.
    tablet.text_input(key="sdm.people.new_label").set_value("Papa")
    w.click(tablet, "sdm.people.add")
    assert [p.label for p in w.stored_session(tablet).family] == ["Sam", "Ouder 1", "Papa"]
    w.click(mama, ".own-next")
    w.click(mama, ".own-next")
    w.click(mama, ".own-next")
    w.by_key(mama.radio, ".leaning.parent-1").set_value("talking")
    w.no_exception(mama.run())
    stored = w.stored_session(mama)
    assert stored.answers["parent-1"].leaning == "talking" and stored.participant("parent-2").label == "Papa"
    assert "Opgeslagen om" in w.texts(mama)


def test_a_revoked_code_no_longer_opens_and_gets_the_generic_message(app_env) -> None:
    tablet = w.begin(w.new_app())
    code = invite(tablet, "parent-1")
    w.click(tablet, "sdm.people.revoke.parent-1")
    assert not w.stored_session(tablet).participant("parent-1").own_device
    again = join(code)
    assert "Deze code werkt niet." in w.texts(again) and "sdm.draft" not in again.session_state


def test_the_after_questions_come_once_the_clinician_marks_the_conversation_done(app_env) -> None:
    tablet = w.begin(w.new_app())
    mama = join(invite(tablet, "parent-1"))
    for _ in OWN_STEPS:
        w.click(mama, ".own-next")
    assert "komen hier nog vier korte vragen" in w.texts(mama)
    assert not [r for r in mama.radio if r.key and ".sure.after." in r.key]
    service = services.session_service()
    seen = service.load(tablet.session_state["sdm.draft"].id)
    done = clinician.mark_conversation_done(service, seen, by="dr.jansen", now=datetime.now(UTC))
    assert done.saved is not None
    w.click(mama, ".own-again")  # 'Look again'
    assert "Na het gesprek: vier korte vragen" in w.texts(mama)
    for radio in mama.radio:
        if radio.key and ".sure.after.parent-1." in radio.key:
            radio.set_value(True)
    w.no_exception(mama.run())
    assert w.stored_session(mama).sure["parent-1"].after.score == 4
