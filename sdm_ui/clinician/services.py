"""Long-lived objects of the clinician review: accounts, access log, the throttled login.

One of each per process and database (st.cache_resource), sharing the session service's
database (one SQLAlchemy engine and pool). Keyed by the database URL so tests with different
temporary databases do not share them.
"""

from __future__ import annotations

import streamlit as st

from sdm_aid.services.clinicians import AccessLog, ClinicianAccounts, ClinicianLogin
from sdm_ui import services


@st.cache_resource(show_spinner=False, max_entries=4)
def _accounts(database_url: str) -> ClinicianAccounts:
    return ClinicianAccounts(services.session_service().database)


@st.cache_resource(show_spinner=False, max_entries=4)
def _access_log(database_url: str) -> AccessLog:
    return AccessLog(services.session_service().database)


@st.cache_resource(show_spinner=False, max_entries=4)
def _login(database_url: str) -> ClinicianLogin:
    return ClinicianLogin(_accounts(database_url), services.settings().secret_key)


def accounts() -> ClinicianAccounts:
    return _accounts(services.settings().database_url)


def access_log() -> AccessLog:
    return _access_log(services.settings().database_url)


def login() -> ClinicianLogin:
    return _login(services.settings().database_url)
