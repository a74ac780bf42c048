"""The app's long-lived objects: the grid library and the session service.

One of each per process (st.cache_resource); both are safe to share between the threads
that serve different browser sessions (SQLAlchemy engine with a connection pool).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import streamlit as st

from sdm_aid.config import load_settings
from sdm_aid.content.loader import GridLibrary, LoadedGrid, default_grid_dir, load_library
from sdm_aid.services.sessions import SessionService


@st.cache_resource(show_spinner=False, max_entries=4)
def _library(directory: str, today: date) -> GridLibrary:
    return load_library(Path(directory), today=today)


def library() -> GridLibrary:
    """The grids in the grid folder, re-read once a day (so 'expired' is always current)."""
    return _library(str(default_grid_dir()), date.today())


def grid(grid_id: str) -> LoadedGrid | None:
    return library().grids.get(grid_id)


@st.cache_resource(show_spinner=False, max_entries=4)
def _service(database_url: str) -> SessionService:
    # Keyed by the URL so tests with different temporary databases get their own service.
    return SessionService.from_settings(load_settings())


def session_service() -> SessionService:
    return _service(load_settings().database_url)
