"""What the hand-off page's buttons do, as callbacks."""

from __future__ import annotations

from sdm_aid.wizard import registry
from sdm_ui import fields, frame, guard

NOTE_SAVED = "finish.note"
"""Where a problem with saving the note is shown: next to its button."""


@guard.callback
def save_note() -> None:
    fields.record_on_screen(where=NOTE_SAVED)


@guard.callback
def back_to_steps() -> None:
    fields.record_on_screen(where=NOTE_SAVED)
    frame.go_later(registry.WIZARD)
