"""Every text of the Summary page and the clinician pages has Dutch with the same placeholders."""

import re

import clinician_messages

from sdm_aid.i18n import catalogue

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def test_every_clinician_text_has_dutch_with_the_same_placeholders() -> None:
    dutch = catalogue("clinician", "nl")
    ids = clinician_messages.message_ids()
    assert len(ids) > 100
    assert sorted(ids - set(dutch)) == []
    for message in ids:
        assert set(PLACEHOLDER.findall(message)) == set(PLACEHOLDER.findall(dutch[message])), message


def test_the_catalogue_holds_no_leftovers() -> None:
    assert sorted(set(catalogue("clinician", "nl")) - clinician_messages.message_ids()) == []
