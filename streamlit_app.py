"""SDM Aid: the entry point. Only navigation lives here; each page sets itself up through
`sdm_ui.frame.page(...)`, because after a server start Streamlit may run a deep-linked page
file without this script (legacy `pages/` mode)."""

from sdm_ui import navigation, state

navigation.run(state.language())
