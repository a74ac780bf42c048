"""Step 4: what matters, each person in turn; then where young person and parents agree."""

from __future__ import annotations

from html import escape

import streamlit as st

from sdm_aid.sessions import agreement, labels
from sdm_aid.sessions.models import NOT_SURE, Participant, Role
from sdm_aid.wizard import fields
from sdm_ui.fields import bind
from sdm_ui.steps import StepView
from sdm_ui.text import html_text, md_escape
from sdm_ui.turns import next_person_button, whose_turn

RATINGS = [0, 1, 2, 3, 4]
TABLE_CSS = (
    "<style>.sdm-table{border-collapse:collapse;width:100%}"
    ".sdm-table th,.sdm-table td{border-bottom:1px solid #cfd8dc;padding:.45rem .5rem;text-align:left}"
    ".sdm-differ{background:#fff4e5}</style>"
)


def render(view: StepView) -> None:
    person = whose_turn(view)
    _own_answers(view, person)
    next_person_button(view, person)
    if all(
        view.session.answers.get(p.id) and view.session.answers[p.id].leaning for p in view.session.family
    ):
        st.divider()
        _comparison(view)


def _own_answers(view: StepView, person: Participant) -> None:
    st.caption(view.t("How important is this to you? 0 = not important, 4 = very important."))
    for consideration in view.grid.considerations:
        bind(
            view,
            fields.importance(person.id, consideration.id),
            st.radio,
            md_escape(consideration.text.get(view.language)),
            options=RATINGS,
            format_func=lambda r: md_escape(f"{r} · {labels.importance_label(r, view.lt)}"),
            horizontal=True,
        )
    bind(
        view,
        fields.leaning(person.id),
        st.radio,
        view.t("Which option do you lean to now?"),
        options=[o.id for o in view.grid.options] + [NOT_SURE],
        format_func=lambda oid: md_escape(
            labels.not_sure_label(view.lt) if oid == NOT_SURE else view.option_label(oid)
        ),
    )
    if person.role == Role.YOUTH:
        bind(
            view,
            fields.private(person.id),
            st.checkbox,
            view.t("Keep my answers private: leave them out of the copy for home"),
        )


def _comparison(view: StepView) -> None:
    html_text(view.t("Where you agree and where you differ"), tag="p", css_class="sdm-h")
    comparison = agreement.compare_values(view.session, view.grid, hide_private=True)
    people = {p.id: p.label for p in view.session.participants}
    if comparison.youth_hidden:
        st.caption(md_escape(labels.youth_private_label(view.lt)))
    if not comparison.parent_ids:
        st.caption(view.t("Only the young person answered, so there is nothing to compare."))
        return
    columns = [comparison.youth_id, *comparison.parent_ids]
    head = "".join(f"<th>{escape(people[pid])}</th>" for pid in columns)
    rows = []
    for item in comparison.considerations:
        text = view.grid.considerations[[c.id for c in view.grid.considerations].index(item.consideration_id)]
        ratings = [item.youth, *item.parents.values()]
        cells = "".join(f"<td>{'–' if r is None else r}</td>" for r in ratings)
        verdict = labels.consideration_agreement_label(item, view.lt) if item.complete else ""
        style = ' class="sdm-differ"' if item.differs else ""
        rows.append(
            f"<tr{style}><th scope='row'>{escape(text.text.get(view.language))}</th>{cells}"
            f"<td>{escape(verdict)}</td></tr>"
        )
    option_labels = _option_labels(view)
    leanings = "".join(
        f"<td>{escape(labels.leaning_label(comparison.leanings.get(pid), option_labels, view.lt))}</td>"
        for pid in columns
    )
    leans_to = view.t("Leans to")
    rows.append(f"<tr><th scope='row'>{escape(leans_to)}</th>{leanings}<td></td></tr>")
    what_matters = view.t("What matters")
    st.html(
        f"{TABLE_CSS}<table class='sdm-table'><thead><tr><th>{escape(what_matters)}</th>{head}"
        f"<th></th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    st.caption(md_escape(labels.leaning_agreement_label(comparison.leaning_agreement, view.lt)))
    if comparison.parents_split:
        st.caption(md_escape(labels.parents_split_label(view.lt)))


def _option_labels(view: StepView) -> dict[str, str]:
    return {o.id: o.label.get(view.language) for o in view.grid.options}
