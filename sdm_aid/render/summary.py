"""Build the decision summary from a session and the grid it was made with.

`build_summary` is a pure function: the same session, grid, copy and time give the same
summary. It decides WHAT is shown (and, for the family copy, what is left out); the HTML and
PDF renderers only decide how it looks. Texts a user typed or a grid holds stay raw here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime

from sdm_aid.content.likelihood_words import no_number_words
from sdm_aid.content.likelihood_words import translator as content_t
from sdm_aid.content.models import Answer, OptionGrid
from sdm_aid.content.provenance import eligibility_words, provenance
from sdm_aid.content.safety import contact_line, help_now, short_contact_line
from sdm_aid.content.short_text import shorten
from sdm_aid.i18n import Translator, languages
from sdm_aid.render.likelihood import likelihood_text
from sdm_aid.render.model import (
    Block,
    Bullets,
    CopyKind,
    Fields,
    Para,
    Pictograph,
    Section,
    Summary,
    Table,
    TableRow,
)
from sdm_aid.sessions import labels
from sdm_aid.sessions.agreement import ValuesComparison, compare_values
from sdm_aid.sessions.models import (
    NOT_SURE,
    SURE_CITATION,
    AnswerPart,
    Decided,
    DecisionSession,
    Deferred,
    ElementStatus,
    FollowUp,
    Outcome,
    Participant,
    ParticipantAnswers,
    Role,
)
from sdm_aid.sessions.status import session_status
from sdm_aid.sessions.sure import SURE_MAX_SCORE, interpret_sure
from sdm_aid.wizard import privacy

__all__ = ["Summary", "build_summary"]

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
AUTHOR = "SDM Aid"
HASH_SHOWN = 12
"""Characters of the grid's content hash shown: enough to tell versions apart by eye."""
DASH = "–"
PRIVATE_PARTS_NOTE = "{name} keeps these answers private: {what}. They are only in the clinician's copy."
PAGE_ONE_WORDS = 25
"""Free text on page 1 is cut after about this many words (the appendix has it all)."""
PAGE_ONE_QUESTIONS = 2
PAGE_ONE_QUESTION_WORDS = 10
MOST_IMPORTANT_SHOWN = 3
"""Page 1 names at most this many of what each person rated most important."""
IMPORTANT_FROM = 3
"""'Important' and 'Very important' (0-4): what page 1 calls mattering most."""
_AUTHORS = re.compile(r"^(.{3,400}?)\.\s+(?=[A-Z0-9\"'(])")
"""A citation's first part up to '. ' (Vancouver style: the authors or the organisation)."""


def build_summary(
    session: DecisionSession,
    grid: OptionGrid,
    *,
    copy: CopyKind,
    generated_at: datetime,
) -> Summary:
    """The summary of `session` for the family or for the clinician, in the session's language."""
    return _Builder(session, grid, copy, generated_at).build()


class _Builder:
    def __init__(self, session: DecisionSession, grid: OptionGrid, copy: CopyKind, generated_at: datetime):
        if copy not in ("family", "clinician"):
            raise ValueError(f"unknown copy {copy!r}")
        self.session = session
        self.grid = grid
        self.copy: CopyKind = copy
        self.lang = session.language
        self.t = Translator("summary", self.lang)
        self.tl = labels.translator(self.lang)
        """Names of session values (roles, steps, reasons ...), shared with the wizard."""
        self.locale = self.t.locale
        self.generated_at = generated_at
        self.source_numbers = {source.id: number for number, source in enumerate(grid.sources, start=1)}

    # -- who may see what -------------------------------------------------------------
    # The family copy leaves out the young person's private answers (and says 'private'
    # where they would be); the clinician copy shows them, marked as private.

    @property
    def clinician(self) -> bool:
        return self.copy == "clinician"

    @property
    def viewer(self) -> privacy.Viewer:
        return privacy.CLINICIAN if self.clinician else privacy.EVERYBODY

    def private(self, participant_id: str, part: AnswerPart) -> bool:
        """The answer part is private (hidden in the family copy, marked in the clinician's)."""
        return part in privacy.private_parts(self.session, participant_id)

    def hidden(self, participant_id: str, part: AnswerPart) -> bool:
        return not self.clinician and self.private(participant_id, part)

    @property
    def hidden_any(self) -> bool:
        return bool(privacy.hidden_parts(self.session, self.viewer))

    def answering(self, *parts: AnswerPart) -> list[tuple[Participant, ParticipantAnswers]]:
        """Participants who gave answers (of `parts`), in the session's order; the answers as
        this copy may show them (hidden parts empty: say 'private' with `hidden`)."""
        hidden = privacy.hidden_parts(self.session, self.viewer)
        shown = []
        for participant in self.session.participants:
            answers = self.session.answers.get(participant.id)
            if answers is None:
                continue
            if parts and not any(
                self._given(answers, part) or self.hidden(participant.id, part) for part in parts
            ):
                continue
            shown.append(
                (participant, privacy.visible_answers(answers, hidden.get(participant.id, frozenset())))
            )
        return shown

    @staticmethod
    def _given(answers: ParticipantAnswers, part: AnswerPart) -> bool:
        values = {
            AnswerPart.IMPORTANCE: answers.importance,
            AnswerPart.LEANING: answers.leaning,
            AnswerPart.ABILITY: answers.ability,
            AnswerPart.QUESTIONS: answers.questions,
            AnswerPart.UNDERSTANDING: answers.understanding,
            AnswerPart.NOTES: answers.notes.strip(),
        }
        return bool(values.get(part))

    def column(self, participant: Participant, part: AnswerPart) -> str:
        """A person's name as a column or row head; in the clinician copy marked when private."""
        if self.clinician and self.private(participant.id, part):
            return f"{participant.label} ({labels.private_label(self.tl)})"
        return participant.label

    def nothing_yet(self) -> Para:
        if self.hidden_any:
            return Para(self.t("There are no answers to show in this copy."))
        return Para(self.t("Nobody has answered this yet."))

    def private_notes(self, *parts: AnswerPart) -> list[Block]:
        """'Sam keeps these answers private. Only the clinician sees them.' for each person
        whose answers of `parts` are private (both copies say so)."""
        return [
            Para(labels.private_answers_note(p.label, self.tl), tone="note")
            for p in self.session.participants
            if any(self.private(p.id, part) for part in parts)
        ]

    # -- small formatters ---------------------------------------------------------------

    def when(self, moment: datetime) -> str:
        return format_datetime(moment, "EEEE d MMMM y, HH:mm", tzinfo=AMSTERDAM, locale=self.locale)

    def day(self, day: date) -> str:
        return format_date(day, "long", locale=self.locale)

    def who(self, participant: Participant) -> str:
        return f"{participant.label} ({labels.role_label(participant.role, self.tl)})"

    def who_took_part(self, participant: Participant) -> str:
        text = self.who(participant)
        if participant.joined_at is not None:
            text += " · " + self.t("joined later, {moment}", moment=self.when(participant.joined_at))
        if participant.removed_at is not None:
            text += " · " + self.t("stopped taking part, {moment}", moment=self.when(participant.removed_at))
        return text

    def names_of(self, participant_ids: Iterable[str]) -> str:
        """The names of family members among `participant_ids` (a peer worker or clinician is
        never a party to the family's decision, also not in a decision recorded earlier)."""
        known = {p.id: p for p in self.session.participants if p.role in (Role.YOUTH, Role.PARENT)}
        return ", ".join(known[pid].label for pid in participant_ids if pid in known) or DASH

    def option_label(self, option_id: str | None) -> str:
        if option_id is None:
            return DASH
        if option_id == NOT_SURE:
            return labels.not_sure_label(self.tl)
        option = next((o for o in self.grid.options if o.id == option_id), None)
        return option.label.get(self.lang) if option else option_id

    def out_of(self, value: int, maximum: int) -> str:
        return self.t("{value} of {maximum}", value=value, maximum=maximum)

    # -- sections -----------------------------------------------------------------------

    def build(self) -> Summary:
        t = self.t
        every_part = [
            self.decision(),
            self.participants(),
            *([self.session_facts()] if self.clinician else []),
            self.elements(),
            self.options(),
            self.option_grid(),
            self.values(),
            self.leanings(),
            self.ability(),
            self.recommendation(),
            self.questions(),
            self.understanding(),
            self.outcome(),
            self.follow_up(),
            self.sure(),
            *self.notes(),
            self.safety(),
            self.provenance(),
        ]
        if self.clinician:
            sections = every_part
        else:
            # Page 1 is what a family takes home: the choice (or why it waits), who agrees,
            # the next appointment, what matters to each, their questions, and help now.
            # Everything else follows as an appendix.
            first_page = [
                self.choice(),
                self.next_appointment(),
                self.what_matters(),
                self.help_now(),
                self.your_questions(),
            ]
            sections = [*first_page, *(replace(section, appendix=True) for section in every_part)]
        subtitle = t("For the clinician") if self.clinician else t("For the family")
        grid_title = self.grid.title.get(self.lang)
        return Summary(
            language=self.lang,
            lang_tag=languages.info(self.lang).tag,
            copy=self.copy,
            title=t("Summary of our choice"),
            subtitle=subtitle,
            author=AUTHOR,
            subject=t("Decision summary: {grid}", grid=grid_title),
            generated_at=self.generated_at,
            generated_text=t("Made on {moment}", moment=self.when(self.generated_at)),
            footer_text=t(
                "{day} · {grid} version {version}",
                day=format_date(self.generated_at.astimezone(AMSTERDAM), "short", locale=self.locale),
                grid=self.grid.id,
                version=self.grid.version,
            ),
            page_label=t("Page {page} of {pages}"),
            grid_id=self.grid.id,
            grid_version=self.grid.version,
            sections=tuple(section for section in sections if section is not None),
            appendix_heading="" if self.clinician else t("Appendix: everything we went through"),
        )

    def decision(self) -> Section:
        grid, lang = self.grid, self.lang
        return Section(
            "decision",
            self.t("What the choice is about"),
            (
                Para(grid.title.get(lang), tone="strong"),
                Para(grid.decision.get(lang)),
                Para(grid.problem.get(lang)),
            ),
        )

    def participants(self) -> Section:
        blocks: list[Block] = [Bullets(tuple(self.who_took_part(p) for p in self.session.participants))]
        if self.session.peer_worker_guides:
            blocks.append(
                Para(self.t("A peer worker guided the young person through the steps."), tone="note")
            )
        for participant in self.session.participants:
            parts = privacy.private_parts(self.session, participant.id) - {AnswerPart.NOTES}
            if parts:
                what = ", ".join(labels.answer_part_label(p, self.tl) for p in AnswerPart if p in parts)
                blocks.append(
                    Para(
                        self.t(PRIVATE_PARTS_NOTE, name=participant.label, what=what),
                        tone="note",
                    )
                )
        return Section("participants", self.t("Who took part"), tuple(blocks))

    def session_facts(self) -> Section:
        s = self.session
        return Section(
            "session",
            self.t("Session"),
            (
                Fields(
                    (
                        (self.t("Session id"), str(s.id)),
                        (self.t("Started"), self.when(s.created_at)),
                        (self.t("Last change"), self.when(s.updated_at)),
                        (self.t("Status"), labels.session_status_label(session_status(s), self.tl)),
                        (self.t("Language"), self.t(languages.info(s.language).english_name)),
                    )
                ),
            ),
        )

    def elements(self) -> Section:
        rows = []
        for progress in self.session.elements:
            status = labels.element_status_label(progress.status, self.tl)
            if progress.status == ElementStatus.SKIPPED and progress.skip_reason:
                status = self.t("{status}, because: {reason}", status=status, reason=progress.skip_reason)
            rows.append(
                TableRow(
                    (
                        str(progress.element.number),
                        labels.element_name(progress.element, self.tl),
                        status,
                    )
                )
            )
        return Section(
            "elements",
            self.t("The nine steps"),
            (
                Table(
                    (self.t("Step"), self.t("What"), self.t("What happened")), tuple(rows), widths=(1, 5, 6)
                ),
            ),
        )

    def chosen_option(self) -> str | None:
        outcome = self.session.outcome
        return outcome.option_id if isinstance(outcome, Decided) else None

    def options(self) -> Section:
        lang = self.lang
        recommended = self.session.recommendation.option_id if self.session.recommendation else None
        rows = []
        for option in self.grid.options:
            name = option.label.get(lang)
            marks = []
            if option.id == self.chosen_option():
                marks.append(self.t("chosen"))
            if option.id == recommended:
                marks.append(self.t("recommended"))
            if marks:
                name = f"{name}\n({', '.join(marks)})"
            what = option.description.get(lang)
            standing = eligibility_words(option, lang)
            if standing:
                what = f"{what}\n{standing}"
            rows.append(TableRow((name, what, option.in_practice.get(lang))))
        return Section(
            "options",
            self.t("The options"),
            (
                Table(
                    (self.t("Option"), self.t("What it is"), self.t("In practice")),
                    tuple(rows),
                    widths=(3, 5, 5),
                ),
            ),
        )

    def cell(self, answer: Answer | None) -> tuple[str, tuple[Pictograph, ...]]:
        """A grid cell's text (answer, likelihood, source numbers) and its pictograph."""
        if answer is None:
            return DASH, ()
        lines = [answer.text.get(self.lang)]
        pictures: tuple[Pictograph, ...] = ()
        if answer.likelihood:  # the same rule as on screen (`likelihood_words`)
            words = likelihood_text(answer.likelihood, self.lang)
            lines.append(words.sentence)
            if words.rescaled:
                lines.append(words.rescaled)
            lines.append(words.certainty)
            view = words.view
            if view.figures_affected is not None and view.figures_total is not None:
                pictures = (Pictograph(view.figures_affected, view.figures_total),)
        elif answer.no_number_reason is not None:
            lines.append(no_number_words(answer.no_number_reason, self.lang))
        numbers = [f"[{self.source_numbers[s]}]" for s in answer.sources if s in self.source_numbers]
        if numbers:
            lines.append(self.t("Sources: {numbers}", numbers=" ".join(numbers)))
        return "\n".join(lines), pictures

    def option_grid(self) -> Section:
        lang = self.lang
        options = self.grid.options
        chosen = self.chosen_option()
        header = [self.t("Question")]
        highlight = None
        for index, option in enumerate(options, start=1):
            header.append(option.label.get(lang))
            if option.id == chosen:
                highlight = index
        rows = []
        for question in self.grid.questions:
            cells = [self.cell(question.answers.get(o.id)) for o in options]
            rows.append(
                TableRow(
                    (question.text.get(lang), *(text for text, _ in cells)),
                    pictures=((), *(pictures for _, pictures in cells)),
                )
            )
        legend = self.t("The chosen option has a green column.") if highlight is not None else None
        return Section(
            "grid",
            self.t("The options side by side"),
            (
                Table(
                    tuple(header),
                    tuple(rows),
                    widths=(3, *(4,) * len(options)),
                    highlight_column=highlight,
                    legend=legend,
                ),
            ),
            keep_together=False,
        )

    def comparison(self) -> ValuesComparison:
        return compare_values(self.session, self.grid, hidden=privacy.hidden_parts(self.session, self.viewer))

    @property
    def names(self) -> dict[str, str]:
        return {p.id: p.label for p in self.session.participants}

    # -- page 1 of the family copy: short, so that it stays one page; the full text of
    # -- anything cut short is in the appendix.

    def brief(self, text: str, words: int = PAGE_ONE_WORDS) -> str:
        short = shorten(text, words)
        return f"{short.short} {self.t('(more in the appendix)')}" if short.shortened else short.short

    def choice(self) -> Section:
        """Page 1: what was chosen and who agrees, or why the choice waits and what it needs."""
        t = self.t
        outcome = self.session.outcome
        blocks: list[Block]
        if outcome is None:
            blocks = [Para(t("No decision has been made yet."), tone="strong")]
        elif isinstance(outcome, Decided):
            blocks = [
                Para(t("We chose: {option}", option=self.option_label(outcome.option_id)), tone="strong"),
                Fields(
                    (
                        (t("Agree"), self.names_of(outcome.agree)),
                        (t("Not sure"), self.names_of(outcome.unsure)),
                        (t("Do not agree"), self.names_of(outcome.disagree)),
                    )
                ),
            ]
        else:
            blocks = [
                Para(t("We decided to wait with the decision."), tone="strong"),
                Fields(
                    (
                        (t("Reason"), labels.deferral_reason_label(outcome.reason, self.tl)),
                        (
                            t("What is still needed"),
                            self.brief(outcome.still_needed) if outcome.still_needed else DASH,
                        ),
                    )
                ),
            ]
        return Section("choice", t("Our choice"), tuple(blocks))

    def next_appointment(self) -> Section:
        t = self.t
        follow_up = self.session.follow_up
        if follow_up is None:
            blocks: tuple[Block, ...] = (
                Para(t("No follow-up appointment has been planned."), tone="strong"),
            )
        else:
            rows = [
                (t("When"), self.when(follow_up.starts_at)),
                (t("With whom"), follow_up.with_whom or DASH),
                (t("How"), labels.follow_up_mode_label(follow_up.mode, self.tl)),
            ]
            if follow_up.purpose:
                rows.append((t("What for"), self.brief(follow_up.purpose)))
            blocks = (Fields(tuple(rows)),)
        return Section("next_appointment", t("Our next appointment"), blocks)

    def your_questions(self) -> Section:
        """Page 1: each person's first questions for the clinician (all of them in the appendix)."""
        t = self.t
        part = AnswerPart.QUESTIONS
        items = []
        for participant, answers in self.answering(part):
            if self.hidden(participant.id, part):
                items.append(f"{participant.label}: {labels.private_label(self.tl)}")
                continue
            for question in answers.questions[:PAGE_ONE_QUESTIONS]:
                items.append(f"{participant.label}: {self.brief(question, PAGE_ONE_QUESTION_WORDS)}")
            more = len(answers.questions) - PAGE_ONE_QUESTIONS
            if more > 0:
                items.append(
                    t("{name}: {count} more questions in the appendix", name=participant.label, count=more)
                )
        if not items:
            items = [q.text.get(self.lang) for q in self.grid.clinician_questions[:PAGE_ONE_QUESTIONS]]
            return Section(
                "your_questions",
                t("Questions for the clinician"),
                (Para(t("Questions you could ask:"), tone="strong"), Bullets(tuple(items))),
            )
        return Section(
            "your_questions", t("Questions for the clinician"), (Bullets(tuple(items)),), keep_together=False
        )

    def what_matters(self) -> Section:
        """Page 1: per person, what they rated most important (at most three things)."""
        t = self.t
        part = AnswerPart.IMPORTANCE
        texts = {c.id: c.text.get(self.lang) for c in self.grid.considerations}
        items = []
        for participant, answers in self.answering(part):
            if self.hidden(participant.id, part):
                items.append(f"{participant.label}: {labels.private_label(self.tl)}")
                continue
            rated = sorted(
                ((rating, index, cid) for index, (cid, rating) in enumerate(answers.importance.items())),
                key=lambda found: (-found[0], found[1]),
            )
            top = [texts[cid] for rating, _, cid in rated if rating >= IMPORTANT_FROM and cid in texts]
            shown = "; ".join(top[:MOST_IMPORTANT_SHOWN]) or t("nothing rated as important")
            items.append(f"{self.column(participant, part)}: {shown}")
        blocks: list[Block] = [Bullets(tuple(items)) if items else self.nothing_yet()]
        return Section("what_matters", t("What matters most to each person"), tuple(blocks))

    def help_now(self) -> Section:
        """Page 1: whom to call when it cannot wait, one short line each (the same contacts as
        'Help now' on screen); what to look out for follows in full in `safety`."""
        lines = tuple(short_contact_line(contact, self.lang) for contact in help_now(self.grid).contacts)
        return Section("help_now", self.t("Help now"), (Bullets(lines),))

    def safety(self) -> Section:
        """When to seek help now, in the grid's own words, with every contact in full."""
        safety, lang = help_now(self.grid), self.lang
        contacts = tuple(contact_line(contact, lang) for contact in safety.contacts)
        heading = content_t(lang)("If things get worse")
        return Section("safety", heading, (Para(safety.seek_help_now.get(lang)), Bullets(contacts)))

    def values(self) -> Section:
        t = self.t
        part = AnswerPart.IMPORTANCE
        raters = self.answering(part)
        blocks: list[Block] = [*self.private_notes(part)]
        if not raters:
            blocks.append(self.nothing_yet())
            return Section("values", t("What matters most to each of you"), tuple(blocks))
        comparison = self.comparison()
        # Every pair of family members is compared alike (young person and parent, parent and
        # parent); only when at least two can be compared, so no verdict hints at a private answer.
        compare = len(comparison.every_pair) >= 1 and len([p for p, _ in raters if p.active]) >= 2
        header = [t("What you weigh"), *(self.column(p, part) for p, _ in raters)]
        if compare:
            header.append(t("Where you differ"))
        by_id = {c.consideration_id: c for c in comparison.considerations}
        rows = []
        for consideration in self.grid.considerations:
            found = by_id[consideration.id]
            cells = [consideration.text.get(self.lang)]
            for participant, answers in raters:
                rating = answers.importance.get(consideration.id)
                if self.hidden(participant.id, part):
                    cells.append(labels.private_label(self.tl))
                else:
                    cells.append(DASH if rating is None else labels.importance_label(rating, self.tl))
            if compare:
                rated = sum(r is not None for r in found.ratings.values()) >= 2
                cells.append(
                    labels.consideration_agreement_label(found, self.names, self.tl) if rated else DASH
                )
            rows.append(TableRow(tuple(cells), flagged=compare and found.differs))
        blocks.append(
            Table(
                tuple(header),
                tuple(rows),
                widths=(4, *(2.2,) * len(raters), *((3,) if compare else ())),
                legend=t("Orange rows: two of you see this differently (far apart: 2 points or more).")
                if compare
                else None,
            )
        )
        return Section("values", t("What matters most to each of you"), tuple(blocks))

    def leanings(self) -> Section:
        part = AnswerPart.LEANING
        items = []
        for participant, answers in self.answering(AnswerPart.IMPORTANCE, part):
            if self.hidden(participant.id, part):
                leaning = labels.private_label(self.tl)
            elif answers.leaning:
                leaning = self.option_label(answers.leaning)
            else:
                leaning = labels.leaning_label(None, {}, self.tl)  # 'not answered'
            items.append(f"{self.column(participant, part)}: {leaning}")
        blocks: list[Block] = [Bullets(tuple(items)) if items else self.nothing_yet()]
        comparison = self.comparison()
        if items and len(comparison.compared_ids) >= 2:
            blocks.append(
                Para(labels.leaning_agreement_label(comparison.leaning_agreement, self.tl), tone="strong")
            )
        apart = labels.leanings_apart_label(comparison, self.names, self.tl)
        if apart:
            blocks.append(Para(apart, tone="strong"))
        return Section("leanings", self.t("Which option each of you leans towards"), tuple(blocks))

    def ability(self) -> Section:
        t = self.t
        rows = []
        part = AnswerPart.ABILITY
        for participant, answers in self.answering(part):
            if self.hidden(participant.id, part):
                private = labels.private_label(self.tl)
                rows.append(TableRow((participant.label, private, DASH, DASH, DASH)))
                continue
            for option_id, ability in answers.ability.items():
                confidence = DASH if ability.confidence is None else self.out_of(ability.confidence, 10)
                barriers = ", ".join(labels.barrier_label(b, self.tl) for b in ability.barriers) or DASH
                rows.append(
                    TableRow(
                        (
                            self.column(participant, part),
                            self.option_label(option_id),
                            confidence,
                            barriers,
                            ability.what_would_help or DASH,
                        )
                    )
                )
        blocks: list[Block] = []
        if rows:
            blocks.append(
                Table(
                    (t("Who"), t("Option"), t("Confidence"), t("What makes it hard"), t("What would help")),
                    tuple(rows),
                    widths=(2.2, 2.6, 1.8, 3, 4.4),
                    legend=t(
                        "Confidence: 0 of 10 = not at all sure we can do it, 10 of 10 = completely sure."
                    ),
                )
            )
        else:
            blocks.append(self.nothing_yet())
        return Section("ability", t("Can we do this? Confidence and what makes it hard"), tuple(blocks))

    def recommendation(self) -> Section:
        t = self.t
        advice = self.session.recommendation
        blocks: list[Block] = []
        if advice is None:
            blocks.append(
                Para(t("The professional's advice follows in the conversation with the clinician."))
            )
        else:
            option = (
                self.option_label(advice.option_id)
                if advice.option_id
                else t("No single option: to be discussed together")
            )
            rows = [(t("Advice"), option), (t("Given by"), labels.role_label(advice.by_role, self.tl))]
            if advice.reasons:
                rows.append((t("Why"), advice.reasons))
            if advice.recorded_at is not None:
                rows.append((t("Recorded on"), self.when(advice.recorded_at)))
            blocks.append(Fields(tuple(rows)))
        tip = self.session.peer_worker_tip
        if tip is not None:
            option = (
                self.option_label(tip.option_id)
                if tip.option_id
                else t("No single option: to be discussed together")
            )
            blocks.append(Para(t("Tip from the peer worker (not the professional's advice)"), tone="strong"))
            rows = [(t("Tip"), option)]
            if tip.reasons:
                rows.append((t("Why"), tip.reasons))
            blocks.append(Fields(tuple(rows)))
        return Section("recommendation", t("The professional's recommendation"), tuple(blocks))

    def questions(self) -> Section:
        t = self.t
        blocks: list[Block] = []
        part = AnswerPart.QUESTIONS
        asked = self.answering(part)
        for participant, answers in asked:
            blocks.append(Para(self.column(participant, part), tone="strong"))
            if self.hidden(participant.id, part):
                blocks.append(Para(labels.private_answers_note(participant.label, self.tl), tone="note"))
            else:
                blocks.append(Bullets(tuple(answers.questions)))
        if not asked:
            blocks.append(Para(t("Questions you could ask:"), tone="strong"))
            blocks.append(Bullets(tuple(q.text.get(self.lang) for q in self.grid.clinician_questions)))
        return Section("questions", t("Questions to ask the clinician"), tuple(blocks))

    def understanding(self) -> Section:
        t = self.t
        part = AnswerPart.UNDERSTANDING
        answered = self.answering(part)
        blocks: list[Block] = [*self.private_notes(part)]
        if not answered:
            blocks.append(self.nothing_yet())
            return Section("understanding", t("Checking what we understood"), tuple(blocks))
        rows = []
        for item in self.grid.understanding_checks:
            cells = [item.statement.get(self.lang), t("true") if item.correct_answer else t("not true")]
            for participant, answers in answered:
                given = answers.understanding.get(item.id)
                if self.hidden(participant.id, part):
                    cells.append(labels.private_label(self.tl))
                elif given is None:
                    cells.append(DASH)
                else:
                    cells.append(t("right") if given == item.correct_answer else t("not right yet"))
            rows.append(TableRow(tuple(cells)))
        blocks.append(
            Table(
                (t("Statement"), t("Correct answer"), *(self.column(p, part) for p, _ in answered)),
                tuple(rows),
                widths=(6, 2, *(2,) * len(answered)),
            )
        )
        return Section("understanding", t("Checking what we understood"), tuple(blocks))

    def outcome_blocks(self, outcome: Outcome | None) -> list[Block]:
        t = self.t
        if outcome is None:
            return [Para(t("No decision has been made yet."), tone="strong")]
        if isinstance(outcome, Decided):
            return [
                Para(t("We chose: {option}", option=self.option_label(outcome.option_id)), tone="strong"),
                Fields(
                    (
                        (t("Agree"), self.names_of(outcome.agree)),
                        (t("Do not agree"), self.names_of(outcome.disagree)),
                        (t("Not sure"), self.names_of(outcome.unsure)),
                        (t("Recorded on"), self.when(outcome.recorded_at)),
                    )
                ),
            ]
        assert isinstance(outcome, Deferred)
        rows = [(t("Reason"), labels.deferral_reason_label(outcome.reason, self.tl))]
        if outcome.details:
            rows.append((t("More about the reason"), outcome.details))
        rows.append((t("What is still needed"), outcome.still_needed or DASH))
        rows.append((t("Recorded on"), self.when(outcome.recorded_at)))
        return [Para(t("We decided to wait with the decision."), tone="strong"), Fields(tuple(rows))]

    def outcome(self) -> Section:
        t = self.t
        blocks = self.outcome_blocks(self.session.outcome)
        if self.clinician and self.session.outcome_history:
            blocks.append(Para(t("Earlier decisions"), tone="strong"))
            for earlier in self.session.outcome_history:
                blocks.extend(self.outcome_blocks(earlier))
        return Section("outcome", t("The decision"), tuple(blocks))

    def follow_up_fields(self, follow_up: FollowUp) -> Fields:
        t = self.t
        rows = [
            (t("When"), self.when(follow_up.starts_at)),
            (t("How long"), t("{minutes} minutes", minutes=follow_up.duration_minutes)),
            (t("With whom"), follow_up.with_whom or DASH),
            (t("How"), labels.follow_up_mode_label(follow_up.mode, self.tl)),
        ]
        if follow_up.purpose:
            rows.append((t("What for"), follow_up.purpose))
        if self.clinician:
            rows.append((t("Status"), labels.follow_up_status_label(follow_up.status, self.tl)))
            if follow_up.outcome_note:
                rows.append((t("What came out of it"), follow_up.outcome_note))
        return Fields(tuple(rows))

    def follow_up(self) -> Section:
        t = self.t
        blocks: list[Block] = []
        if self.session.follow_up is None:
            blocks.append(Para(t("No follow-up appointment has been planned."), tone="strong"))
        else:
            blocks.append(self.follow_up_fields(self.session.follow_up))
            blocks.append(Para(t("Times are Dutch time (Europe/Amsterdam)."), tone="note"))
        if self.clinician and self.session.follow_up_history:
            blocks.append(Para(t("Earlier follow-ups"), tone="strong"))
            blocks.extend(self.follow_up_fields(earlier) for earlier in self.session.follow_up_history)
        return Section("follow_up", t("Follow-up appointment"), tuple(blocks))

    def sure(self) -> Section:
        t = self.t
        rows = []
        part = AnswerPart.SURE
        for participant in self.session.participants:
            result = self.session.sure.get(participant.id)
            if result is None:
                continue
            if self.hidden(participant.id, part):
                private = labels.private_label(self.tl)
                rows.append(TableRow((participant.label, private, private, DASH)))
                continue
            before = DASH if result.before is None else self.out_of(result.before.score, SURE_MAX_SCORE)
            after = DASH if result.after is None else self.out_of(result.after.score, SURE_MAX_SCORE)
            latest = result.after or result.before
            meaning = (
                DASH
                if latest is None
                else labels.sure_interpretation_label(interpret_sure(latest.score), self.tl)
            )
            rows.append(TableRow((self.column(participant, part), before, after, meaning)))
        blocks: list[Block] = []
        if rows:
            header = (
                t("Who"),
                labels.sure_moment_label("before", self.tl),
                labels.sure_moment_label("after", self.tl),
                t("What this means"),
            )
            blocks.append(Table(header, tuple(rows), widths=(3, 1.6, 1.6, 6.5)))
        else:
            blocks.append(self.nothing_yet())
        citation = (
            SURE_CITATION
            if self.clinician
            else t("The SURE test is by O'Connor and Légaré (2008); Légaré and others tested it (2010).")
        )
        blocks.append(Para(citation, tone="note"))
        return Section("sure", t("How sure do you feel? (SURE test)"), tuple(blocks))

    def notes(self) -> list[Section]:
        t = self.t
        sections = []
        written = [(p, a.notes) for p, a in self.answering(AnswerPart.NOTES) if a.notes.strip()]
        if written:
            blocks: list[Block] = []
            for participant, note in written:
                blocks.append(Para(participant.label, tone="strong"))
                blocks.append(Para(note))
            sections.append(Section("notes", t("Notes"), tuple(blocks)))
        if self.clinician and (self.session.peer_worker_guides or self.session.handoff_note.strip()):
            note = self.session.handoff_note.strip() and self.session.handoff_note
            sections.append(
                Section(
                    "handoff",
                    t("Hand-off note from the peer worker"),
                    (Para(note) if note else Para(t("The peer worker wrote no hand-off note.")),),
                )
            )
        return sections

    def provenance(self) -> Section:
        t = self.t
        grid, lang = self.grid, self.lang
        # The same facts as on screen (status, dates, writers, reviewers, funding, interests):
        # a draft never says "last checked".
        about = provenance(grid, lang, today=self.generated_at.date())
        fields = Fields(
            (
                (t("Decision aid"), grid.title.get(lang)),
                *(
                    ((t("Check code"), self.session.grid.content_hash[:HASH_SHOWN]),)
                    if self.clinician
                    else ()
                ),
                *((fact.label, fact.value) for fact in about.facts),
                (content_t(lang)("How this decision aid is kept up to date"), about.update_policy),
            )
        )
        blocks: list[Block] = [fields, Para(t("Sources"), tone="strong")]
        if self.clinician:
            sources = tuple(
                f"[{self.source_numbers[s.id]}] {s.citation}" + (f"\n{s.url}" if s.url else "")
                for s in grid.sources
            )
        else:
            # Who wrote it and when, not the (mostly English) titles: those are in the
            # clinician's copy and behind 'Sources' in the decision aid.
            sources = tuple(
                f"[{self.source_numbers[s.id]}] {source_authors(s.citation)}"
                + (f", {s.year}" if s.year else "")
                + (f"\n{s.url}" if s.url else "")
                for s in grid.sources
            )
            blocks.append(Para(t("The full titles of the sources are in the clinician's copy."), tone="note"))
        blocks.insert(2, Bullets(sources))
        return Section("provenance", t("Where this information comes from"), tuple(blocks))


def source_authors(citation: str) -> str:
    """Who wrote a source: a citation's first part (the authors or the organisation)."""
    found = _AUTHORS.match(citation.strip())
    return found.group(1) if found else citation.strip()
