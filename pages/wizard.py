"""The nine steps, one per screen."""

from sdm_aid.wizard import registry
from sdm_ui import frame, guard, wizard_view

ctx = frame.page(registry.WIZARD)
with guard.page_body():
    wizard_view.render(ctx)
