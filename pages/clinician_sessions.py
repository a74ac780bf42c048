"""Sessions (clinician): find sessions by status, follow-up, decision aid and date; open one."""

from sdm_aid.wizard import registry
from sdm_ui.clinician import session_list
from sdm_ui.clinician.frame import clinician_page

session_list.render(clinician_page(registry.CLINICIAN_SESSIONS))
