"""Streamlit glue for the clinician review and the family's Summary page."""
