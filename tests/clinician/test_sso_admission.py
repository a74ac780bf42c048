"""Single sign-on admits only listed addresses or domains with a verified e-mail."""

import pytest

from sdm_aid.clinician.sso import admitted_username

CLAIMS = {"is_logged_in": True, "email": "A.deVries@GGZ-Example.nl", "email_verified": True}


def test_a_listed_domain_or_address_is_admitted_in_lower_case() -> None:
    assert admitted_username(CLAIMS, domains=["ggz-example.nl"]) == "a.devries@ggz-example.nl"
    assert admitted_username(CLAIMS, domains=["@GGZ-example.nl"]) == "a.devries@ggz-example.nl"
    assert admitted_username(CLAIMS, emails=["a.devries@ggz-example.nl"]) == "a.devries@ggz-example.nl"


@pytest.mark.parametrize(
    "claims",
    [
        {**CLAIMS, "is_logged_in": False},
        {**CLAIMS, "email_verified": False},
        {**CLAIMS, "email": None},
        {**CLAIMS, "email": "no-at-sign"},
        {**CLAIMS, "email": "a@b@ggz-example.nl"},
        {**CLAIMS, "email": "x" * 60 + "@ggz-example.nl"},
        {**CLAIMS, "email": "a.devries@evil-ggz-example.nl"},
    ],
)
def test_everyone_else_is_refused(claims) -> None:
    assert admitted_username(claims, domains=["ggz-example.nl"]) is None


def test_nothing_listed_admits_nobody() -> None:
    assert admitted_username(CLAIMS) is None
