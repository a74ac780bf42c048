"""Streamlit glue for SDM Aid: the only package (besides `pages/` and `streamlit_app.py`)
that imports streamlit. Decisions live in `sdm_aid.wizard`; this package draws them."""
