"""Downloads of a family's conversation that stop working the moment it is erased.

A download button keeps its file (or the function that makes it) on the server for as long
as the page is open. Each of ours is a function that first asks the database whether the
conversation still exists, so an erased conversation can no longer be downloaded from a
screen that was left open; the button's rerun then shows that it was erased.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sdm_aid.storage import SessionNotFoundError
from sdm_ui import services


def while_stored(session_id: uuid.UUID, make: Callable[[], bytes]) -> Callable[[], bytes]:
    """`make`, but only while the session is stored (runs in a worker thread when clicked)."""
    service = services.session_service()  # resolved here: the worker thread has no script context

    def checked() -> bytes:
        if service.stored_version(session_id) is None:
            raise SessionNotFoundError("the conversation was erased; nothing to download")
        return make()

    return checked
