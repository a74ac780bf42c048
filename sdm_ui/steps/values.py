"""Step 4: what matters, each person in turn; then where you agree and where you differ."""

from __future__ import annotations

from html import escape

import streamlit as st

from sdm_aid.sessions import agreement, labels
from sdm_aid.sessions.models import NOT_SURE, Participant
from sdm_aid.wizard import fields, privacy
from sdm_ui.fields import bind
from sdm_ui.steps import StepView
from sdm_ui.text import html_text, md_escape

RATINGS = [0, 1, 2, 3, 4]
TABLE_CSS = (
    "<style>.sdm-table{border-collapse:collapse;width:100%}"
    ".sdm-table th,.sdm-table td{border-bottom:1px solid #cfd8dc;padding:.45rem .5rem;text-align:left}"
    ".sdm-differ{background:#fff4e5}.sdm-private{font-style:italic;color:#455a64}</style>"
)


def own_answers(view: StepView, person: Participant) -> None:
    st.caption(view.t("How important is this to you? 0 = not important, 4 = very important."))
    for consideration in view.grid.considerations:
        bind(
            view,
            fields.importance(person.id, consideration.id),
            st.radio,
            md_escape(consideration.text.get(view.language)),
            options=RATINGS,
            # The short path: the numbers only (the line above says what 0 and 4 mean).
            format_func=(lambda r: str(r))
            if view.brevity.words
            else (lambda r: md_escape(f"{r} · {labels.importance_label(r, view.lt)}")),
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


def together(view: StepView) -> None:
    """Every pair compared alike (young person and parent, parent and parent); a private
    answer shows as 'private', never as 'not answered'."""
    session = view.session
    comparison = agreement.compare_values(
        session, view.grid, hidden=privacy.hidden_parts(session, view.viewer)
    )
    answered = [pid for pid, leaning in comparison.leanings.items() if leaning or pid in comparison.private]
    if len(answered) < 2:
        return
    st.divider()
    html_text(view.t("Where you agree and where you differ"), tag="p", css_class="sdm-h")
    names = {p.id: p.label for p in session.participants}
    private = escape(labels.private_label(view.lt))
    head = "".join(f"<th scope='col'>{escape(names[pid])}</th>" for pid in comparison.member_ids)
    rows = []
    for item in comparison.considerations:
        text = view.grid.considerations[[c.id for c in view.grid.considerations].index(item.consideration_id)]
        cells = "".join(
            f"<td class='sdm-private'>{private}</td>"
            if pid in item.private
            else f"<td>{'–' if rating is None else rating}</td>"
            for pid, rating in item.ratings.items()
        )
        rated = sum(r is not None for r in item.ratings.values()) >= 2
        verdict = labels.consideration_agreement_label(item, names, view.lt) if rated else ""
        style = ' class="sdm-differ"' if item.differs else ""
        rows.append(
            f"<tr{style}><th scope='row'>{escape(text.text.get(view.language))}</th>{cells}"
            f"<td>{escape(verdict)}</td></tr>"
        )
    option_labels = {o.id: o.label.get(view.language) for o in view.grid.options}
    leanings = "".join(
        f"<td class='sdm-private'>{private}</td>"
        if pid in comparison.private
        else f"<td>{escape(labels.leaning_label(comparison.leanings.get(pid), option_labels, view.lt))}</td>"
        for pid in comparison.member_ids
    )
    apart = labels.leanings_apart_label(comparison, names, view.lt)
    style = ' class="sdm-differ"' if apart else ""
    rows.append(
        f"<tr{style}><th scope='row'>{escape(view.t('Leans to'))}</th>{leanings}<td>{escape(apart)}</td></tr>"
    )
    what, differ = escape(view.t("What matters")), escape(view.t("Where you differ"))
    st.html(
        f"{TABLE_CSS}<table class='sdm-table'><thead><tr><th scope='col'>{what}</th>"
        f"{head}<th scope='col'>{differ}</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    st.caption(md_escape(labels.leaning_agreement_label(comparison.leaning_agreement, view.lt)))
    st.caption(view.t("Orange rows: two of you see this differently (2 points or more apart)."))
