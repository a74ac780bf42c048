"""The nine steps, one per screen."""

from sdm_aid.wizard import registry
from sdm_ui import frame, wizard_view

wizard_view.render(frame.page(registry.WIZARD))
