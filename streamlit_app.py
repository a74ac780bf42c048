"""SDM Aid: the entry point, in two roles.

`streamlit run streamlit_app.py` imports this file to serve it: it then finds `app`, an
`st.App` with the project's security middleware and start-up changes (sdm_ui/server), and
runs it on uvicorn. For every browser session Streamlit runs this same file as the page
script (`__name__ == "__main__"`): then only navigation lives here; each page sets itself up
through `sdm_ui.frame.page(...)`, because after a server start Streamlit may run a
deep-linked page file without this script (legacy `pages/` mode).
"""

import streamlit as st

if __name__ == "__main__":
    from sdm_ui import navigation, state

    navigation.run(state.language())
else:
    from sdm_ui import server

    app = st.App("streamlit_app.py", middleware=server.prepare())
