"""Which clinician actions write an access-log row, and which row."""

from sdm_aid.clinician.actions import ACCESS_LOG, WRITTEN_BY_SERVICE, ClinicianAction, access_action
from sdm_aid.services.clinicians import AccessAction


def test_every_action_has_a_decision() -> None:
    assert set(ACCESS_LOG) == set(ClinicianAction)


def test_reading_and_taking_copies_out_is_logged() -> None:
    assert access_action(ClinicianAction.OPEN) == AccessAction.OPENED
    assert access_action(ClinicianAction.DOWNLOAD_PDF) == AccessAction.PRINTED
    assert access_action(ClinicianAction.DOWNLOAD_CALENDAR) == AccessAction.PRINTED
    assert access_action(ClinicianAction.EXPORT_JSON) == AccessAction.EXPORTED
    assert access_action(ClinicianAction.RECORD_FOLLOW_UP) == AccessAction.FOLLOW_UP_RECORDED
    assert access_action(ClinicianAction.REVISIT_DECISION) == AccessAction.DECISION_REVISITED
    assert access_action(ClinicianAction.PLAN_FOLLOW_UP) == AccessAction.FOLLOW_UP_PLANNED
    assert access_action(ClinicianAction.LOG_IN) == AccessAction.LOGGED_IN
    assert access_action(ClinicianAction.LOG_OUT) == AccessAction.LOGGED_OUT


def test_erasure_is_logged_by_the_service_not_twice() -> None:
    assert {ClinicianAction.ERASE} == WRITTEN_BY_SERVICE
    assert access_action(ClinicianAction.ERASE) is None
