"""The app's long-lived objects: the settings, the grid library and the session service.

One of each per process (st.cache_resource); all are safe to share between the threads
that serve different browser sessions (SQLAlchemy engine with a connection pool). A script
run only pays for a dictionary look-up and a stat() of the grid files, not for reading them.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import streamlit as st

from sdm_aid.config import Settings, load_settings
from sdm_aid.content.archive import ARCHIVE_FOLDER, archive_dir
from sdm_aid.content.loader import GridLibrary, LoadedGrid, default_grid_dir, load_library
from sdm_aid.services.sessions import SessionService


@st.cache_resource(show_spinner=False, max_entries=4)
def _library(directory: str, today: date, stamp: tuple[tuple[str, int, int], ...]) -> GridLibrary:
    return load_library(Path(directory), today=today)


def _stamp(directory: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, change time and size of every grid file, and the change time of the archive
    folder (archived files are never edited, only added or removed): an edited file is read
    again, and a run pays one stat() for the archive however many versions it holds."""
    try:
        stats = [(path.name, path.stat()) for path in directory.glob("*.json")]
    except OSError:
        return ()
    try:
        archive = archive_dir(directory).stat()
        stats.append((ARCHIVE_FOLDER, archive))
    except OSError:
        pass  # no archive folder: no earlier versions
    return tuple(sorted((name, stat.st_mtime_ns, stat.st_size) for name, stat in stats))


def library() -> GridLibrary:
    """The grids in the grid folder; re-read when a file changes or a day passes (expiry)."""
    directory = default_grid_dir()
    return _library(str(directory), date.today(), _stamp(directory))


def grid(grid_id: str) -> LoadedGrid | None:
    return library().grids.get(grid_id)


@st.cache_resource(show_spinner=False, max_entries=4)
def _settings(environment: tuple[tuple[str, str], ...]) -> Settings:
    return load_settings(dict(environment))


def settings() -> Settings:
    """The settings, read once per set of SDM_AID_* variables (reading them checks folders and
    reads the key file). Keyed by the variables so a test that changes them gets new ones."""
    return _settings(tuple(sorted((k, v) for k, v in os.environ.items() if k.startswith("SDM_AID_"))))


@st.cache_resource(show_spinner=False, max_entries=4)
def _service(database_url: str) -> SessionService:
    # Keyed by the URL so tests with different temporary databases get their own service.
    return SessionService.from_settings(settings())


def session_service() -> SessionService:
    return _service(settings().database_url)
