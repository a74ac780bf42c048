from datetime import UTC, date, datetime

from sdm_aid.wizard.clock import local_date_text, local_moment_text, local_time_text, month_names


def test_times_are_amsterdam_in_the_session_language() -> None:
    summer = datetime(2026, 7, 1, 12, 5, tzinfo=UTC)
    assert local_time_text(summer, "nl") == "14:05"
    assert local_time_text(summer, "en") == "14:05"
    assert local_date_text(date(2026, 3, 30), "nl") == "maandag 30 maart 2026"
    assert "Monday" in local_date_text(date(2026, 3, 30), "en")
    assert (
        local_moment_text(datetime(2026, 1, 5, 13, 30, tzinfo=UTC), "nl") == "maandag 5 januari 2026, 14:30"
    )


def test_month_names_follow_the_language() -> None:
    assert month_names("nl")[2] == "maart"
    assert month_names("en")[2] == "March"
    assert len(month_names("nl")) == 12
