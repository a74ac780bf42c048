"""Login for the clinician pages: local accounts (argon2, via ClinicianAccounts) and, when the
site configures it, single sign-on through Streamlit's OIDC login (st.login).

`require_login(ct)` is the first thing every clinician page does after its page config. Without
a valid login it shows the login form and stops the page, so a deep link shows nothing else.
The login lives in this browser session only (st.session_state); it ends after 15 minutes
without activity or 8 hours after logging in (sdm_aid.clinician.login_policy), and with the
logout button on every clinician page.
"""

from __future__ import annotations

import contextlib
from typing import Any

import streamlit as st

from sdm_aid.clinician import login_policy, texts
from sdm_aid.clinician.actions import ClinicianAction, access_action
from sdm_aid.clinician.login_policy import LoginSession, LoginState
from sdm_aid.clinician.sso import admitted_username
from sdm_aid.i18n import Translator
from sdm_aid.i18n.durations import wait_text
from sdm_aid.services.clinicians import MAX_PASSWORD_LENGTH, normalise_username
from sdm_aid.storage import StorageError
from sdm_ui import attempts
from sdm_ui.clinician import clock
from sdm_ui.clinician import services as clinician_services
from sdm_ui.text import html_text

PREFIX = "clin."
LOGIN = "clin.login"
NOTICE = "clin.notice"
SSO_LOGOUT = "clin.sso_logout"
FORM = "clin.login_form"
USERNAME_KEY = "clin.form.username"
PASSWORD_KEY = "clin.form.password"
SUBMIT_KEY = "clin.form.submit"
MAX_USERNAME_INPUT = 64
IDLE_CHECK_SECONDS = 30

FAILED_LOGIN = "Logging in did not work. Check your username and password and try again."
FAILED_LOGIN_WAIT = "Logging in did not work. Check your username and password. You can try again in {wait}."
REFUSED_LOGIN = "Too many failed logins. Wait {wait}, then try again."


def current_login() -> LoginSession | None:
    value = st.session_state.get(LOGIN)
    return value if isinstance(value, LoginSession) else None


def active_login() -> LoginSession | None:
    """This browser session's login if it still holds now (without counting as activity).

    Widget callbacks run before the page, so before `require_login`: every callback that
    changes something asks this first, and a click after the login ran out does nothing.
    """
    login = current_login()
    if login is None or login_policy.state(login, clock.now()) != LoginState.ACTIVE:
        return None
    return login


def still_active(login: LoginSession) -> bool:
    """For work done outside a script run (a download made on click): does the login as it
    was when the page was drawn still hold?"""
    return login_policy.state(login, clock.now()) == LoginState.ACTIVE


def clear_clinician_state() -> None:
    """Forget everything the clinician pages keep in this browser session."""
    for key in [k for k in st.session_state if str(k).startswith(PREFIX)]:
        del st.session_state[key]


def record(login: LoginSession, session_id: Any, action: ClinicianAction) -> None:
    """Write the access-log row for `action` (if it has one). Raises StorageError on failure."""
    logged = access_action(action)
    if logged is not None:
        clinician_services.access_log().record(login.username, session_id, logged)


def _record_quietly(login: LoginSession, action: ClinicianAction) -> None:
    # Logging in or out must not fail because the log is briefly unavailable.
    with contextlib.suppress(StorageError):
        record(login, None, action)


# -- single sign-on (optional) ---------------------------------------------------------------


def sso_settings() -> tuple[bool, list[str], list[str]]:
    """(configured, allowed e-mails, allowed domains) from secrets.toml; off without [auth]."""
    try:
        if "auth" not in st.secrets:
            return False, [], []
        section = st.secrets.get("sdm_aid_clinician", {})
        return True, list(section.get("allowed_emails", [])), list(section.get("allowed_domains", []))
    except Exception:  # no secrets file at all, or one that does not parse
        return False, [], []


def _sso_claims() -> dict[str, Any]:
    try:
        return dict(st.user.to_dict())
    except Exception:
        return {}


def _sso_login(now) -> LoginSession | None:
    configured, emails, domains = sso_settings()
    if not configured:
        return None
    if st.session_state.pop(SSO_LOGOUT, False):
        st.logout()  # ends the identity cookie too; otherwise the next run logs straight back in
        return None
    claims = _sso_claims()
    if not claims.get("is_logged_in"):
        return None
    name = admitted_username(claims, emails=emails, domains=domains)
    if name is None:
        st.session_state[NOTICE] = "sso_refused"
        return None
    login = login_policy.start(name, "oidc", now)
    _record_quietly(login, ClinicianAction.LOG_IN)
    return login


# -- the guard -----------------------------------------------------------------------------------


def end_login(notice: str) -> None:
    login = current_login()
    if login is not None:
        _record_quietly(login, ClinicianAction.LOG_OUT)
    clear_clinician_state()
    st.session_state[NOTICE] = notice
    if login is not None and login.method == "oidc":
        st.session_state[SSO_LOGOUT] = True


def require_login(ct: Translator) -> LoginSession:
    """The valid login of this browser session, or the login form and a stopped page."""
    now = clock.now()
    login = current_login()
    if login is not None:
        match login_policy.state(login, now):
            case LoginState.ACTIVE:
                login = login_policy.touch(login, now)
                st.session_state[LOGIN] = login
                return login
            case LoginState.IDLE_EXPIRED:
                end_login("idle")
            case LoginState.ABSOLUTE_EXPIRED:
                end_login("absolute")
    login = _sso_login(now)
    if login is not None:
        st.session_state[LOGIN] = login
        return login
    login_form(ct)
    st.stop()
    raise AssertionError("unreachable")  # st.stop() ends the script run


def _show_notice(ct: Translator) -> None:
    notice = st.session_state.pop(NOTICE, None)
    if notice in texts.NOTICES:
        text, kind = texts.NOTICES[notice]
        getattr(st, kind)(ct(text))


def login_form(ct: Translator) -> None:
    html_text(ct("Log in for clinicians"), tag="h1", css_class="sdm-title")
    _show_notice(ct)
    with st.form(FORM, clear_on_submit=True, enter_to_submit=True):
        username = st.text_input(
            ct("Username"), max_chars=MAX_USERNAME_INPUT, key=USERNAME_KEY, autocomplete="username"
        )
        password = st.text_input(
            ct("Password"),
            type="password",
            max_chars=MAX_PASSWORD_LENGTH,
            key=PASSWORD_KEY,
            autocomplete="current-password",
        )
        submitted = st.form_submit_button(
            ct("Log in"), type="primary", icon=":material/login:", key=SUBMIT_KEY
        )
    if submitted:
        _try_local_login(ct, username, password)
    configured, _, _ = sso_settings()
    if configured:
        st.button(
            ct("Log in with your organisation account"),
            key="clin.sso_login",
            icon=":material/badge:",
            on_click=st.login,
        )
    st.caption(ct("Never log in on the tablet that families use in the waiting room."))


def _try_local_login(ct: Translator, username: str, password: str) -> None:
    name = normalise_username(username or "")
    if not name or not password:
        st.error(ct("Please fill in your username and your password."))
        return
    try:
        attempt = clinician_services.login().attempt(name, password, attempts.source())
    except StorageError:
        st.error(ct("Logging in is not possible right now: the database cannot be reached. Try again later."))
        return
    if not attempt.ok:
        wait = wait_text(attempt.wait, ct.language)
        if not attempt.checked:
            st.error(ct(REFUSED_LOGIN, wait=wait))
        elif attempt.wait:
            st.error(ct(FAILED_LOGIN_WAIT, wait=wait))
        else:
            st.error(ct(FAILED_LOGIN))
        return
    login = login_policy.start(name, "local", clock.now())  # logged in the attempt's transaction
    st.session_state[LOGIN] = login
    st.rerun()


def logout() -> None:
    """Button callback: log out now."""
    end_login("logged_out")


def watch_idle() -> None:
    """Clears the screen once the login has run out, also when nobody touches it."""

    @st.fragment(run_every=IDLE_CHECK_SECONDS)
    def clinician_idle_watch() -> None:
        login = current_login()
        if login is None or login_policy.state(login, clock.now()) != LoginState.ACTIVE:
            st.rerun()

    clinician_idle_watch()
