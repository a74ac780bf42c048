"""The clinician review, without Streamlit: login-session policy, failed-login throttling,
the session-list model (filters, sorting, pages) and which actions go into the access log.

The Streamlit glue lives in `sdm_ui.auth` and `sdm_ui.clinician`.
"""
