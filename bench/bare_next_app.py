"""The floor for bench/bench_walk.py: a bare Streamlit app with a step heading and Next/Back
buttons, nothing else. A click on Next here costs what any Streamlit button costs."""

import streamlit as st

st.session_state.setdefault("step", 2)


def move(by: int) -> None:
    st.session_state.step += by


st.header(f"Stap {st.session_state.step} van 9")
st.button("Vorige", on_click=move, args=(-1,))
st.button("Volgende", on_click=move, args=(1,))
