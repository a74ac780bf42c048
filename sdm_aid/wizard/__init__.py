"""The wizard's rules, free of Streamlit: which pages exist, how steps follow each other,
what a step needs before Next, how typed input is checked, and when a shared tablet is
cleared. The Streamlit glue in `sdm_ui/` and `pages/` only draws what these modules decide.
"""
