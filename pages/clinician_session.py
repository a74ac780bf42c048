"""Session (clinician): one session's summary, downloads, follow-up, decision, erasure, access log."""

from sdm_aid.wizard import registry
from sdm_ui.clinician import session_detail
from sdm_ui.clinician.frame import clinician_page

session_detail.render(clinician_page(registry.CLINICIAN_SESSION))
