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
def _library(directory: str, today: date, stamp: tuple[tuple[str, int, int], ...]) -> GridLibrary:
    return load_library(Path(directory), today=today)


def _stamp(directory: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, change time and size of every grid file: an edited file is read again."""
    try:
        stats = [(path.name, path.stat()) for path in directory.glob("*.json")]
    except OSError:
        return ()
    return tuple(sorted((name, stat.st_mtime_ns, stat.st_size) for name, stat in stats))


def library() -> GridLibrary:
    """The grids in the grid folder; re-read when a file changes or a day passes (expiry)."""
    directory = default_grid_dir()
    return _library(str(directory), date.today(), _stamp(directory))


def grid(grid_id: str) -> LoadedGrid | None:
    return library().grids.get(grid_id)


@st.cache_resource(show_spinner=False, max_entries=4)
def _service(database_url: str) -> SessionService:
    # Keyed by the URL so tests with different temporary databases get their own service.
    return SessionService.from_settings(load_settings())


def session_service() -> SessionService:
    return _service(load_settings().database_url)
