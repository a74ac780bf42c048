"""The service layer: every action a person takes, as one function.

`family`: what a family does on its screen (start, continue, answer, move between steps,
skip, plan, settle a conflict, finish). `clinician`: what a clinician does to a session
(record how the follow-up went, revisit the decision, plan a new follow-up, erase). Each
runs in one transaction together with its access-log row; pages and `sdm_ui` only collect
input, call one of these and show the result.
"""
