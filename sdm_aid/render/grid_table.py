"""An Option Grid as HTML for the screen: the option cards, and the grid as one real table.

The table is what Option Grids are: the options as column headers (sticky, so they stay in
view while the questions scroll by), one block of rows per question. Each question is a
`<tbody>` with the question as a row-group header, then a row of short answers (about 25
words; the rest behind "Meer lezen", a <details> disclosure that needs no script), then a row
of likelihoods, so the pictographs of one question sit side by side, then a row of sources
("Bronnen bij <optie>"). Every cell names its headers (`headers=`), so a screen reader
announces the option and the question with each answer. A pictograph is decoration to a
screen reader (empty alt, aria-hidden): the number beside it is read once.

On a narrow screen (a phone) four columns do not fit: there the reader picks two options and
a second table with just those two is shown instead of the full one (CSS media queries
switch between them; both are cached, the pair per pair picked). A question's header spans
its table's columns, so hiding columns of one table would leave empty ones behind.
A brief table (the waiting-room path) keeps only the headline and pictograph of each
likelihood on view; its sentence and certainty wait behind "Meer lezen" with the sources.
Every text comes from the grid or the 'grid' catalogue and is autoescaped by jinja2.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from markupsafe import Markup

from sdm_aid.content.likelihood_words import no_number_words
from sdm_aid.content.models import Answer, Option, OptionGrid, Question
from sdm_aid.content.provenance import eligibility_words
from sdm_aid.content.short_text import CELL_WORDS, shorten
from sdm_aid.i18n import Language, Translator
from sdm_aid.render.html import environment
from sdm_aid.render.likelihood import DOMAIN, likelihood_text
from sdm_aid.wizard.frequencies import icon_array_img

NARROW_MAX_REM = 40
"""Up to this width (640 px) the grid shows the two options picked (Streamlit stacks columns there too)."""


@dataclass(frozen=True)
class LikelihoodView:
    headline: str
    sentence: str
    picture: Markup | None
    rescaled: str | None
    certainty: str


@dataclass(frozen=True)
class SourceView:
    citation: str
    url: str | None


@dataclass(frozen=True)
class CellView:
    column: int
    option: str
    lead: str
    rest: str
    likelihood: LikelihoodView | None
    no_number: str | None
    """Why the answer has no number, when the grid says so."""
    sources: tuple[SourceView, ...]
    sources_label: str


@dataclass(frozen=True)
class QuestionView:
    number: int
    text: str
    cells: tuple[CellView, ...]

    @property
    def has_likelihood(self) -> bool:
        return any(cell.likelihood for cell in self.cells)

    @property
    def has_sources(self) -> bool:
        return any(cell.sources for cell in self.cells)

    @property
    def has_no_number(self) -> bool:
        return any(cell.no_number for cell in self.cells)


@dataclass(frozen=True)
class CardView:
    label: str
    wait_note: str | None
    description: str
    in_practice_heading: str
    in_practice: str
    standing: str | None = None
    """Where the option stands: tried first, an option when ..., only if ... (None: equal)."""
    more: str = ""
    """Shortened card: the rest of the description; 'in practice' then follows it there."""
    read_more: str = ""


def likelihood_view(answer: Answer, language: Language) -> LikelihoodView | None:
    if answer.likelihood is None:
        return None
    words = likelihood_text(answer.likelihood, language)
    view = words.view
    picture = None
    if view.figures_total is not None and view.figures_affected is not None:
        # Built from numbers only; decoration to a screen reader, the headline says it.
        picture = Markup(icon_array_img(view.figures_affected, view.figures_total, None))
    return LikelihoodView(words.headline, words.sentence, picture, words.rescaled, words.certainty)


def _cell(grid: OptionGrid, answer: Answer | None, column: int, option: str, t: Translator) -> CellView:
    label = t("Sources for {option}", option=option)
    if answer is None:
        return CellView(column, option, "", "", None, None, (), label)
    short = shorten(answer.text.get(t.language), CELL_WORDS)
    sources = tuple(
        SourceView(grid.source(source_id).citation, grid.source(source_id).url)
        for source_id in answer.sources
    )
    reason = answer.no_number_reason
    no_number = no_number_words(reason, t.language) if reason is not None else None
    return CellView(
        column,
        option,
        short.short,
        short.rest,
        likelihood_view(answer, t.language),
        no_number,
        sources,
        label,
    )


def question_view(grid: OptionGrid, question: Question, number: int, language: Language) -> QuestionView:
    t = Translator(DOMAIN, language)
    cells = tuple(
        _cell(grid, question.answers.get(option.id), column, option.label.get(language), t)
        for column, option in enumerate(grid.options)
    )
    return QuestionView(number, question.text.get(language), cells)


def table_id(grid: OptionGrid) -> str:
    """A prefix for the table's element ids (unique on a page that shows one grid)."""
    return "og-" + re.sub(r"[^a-z0-9-]", "-", grid.id.lower())


def grid_html(
    grid: OptionGrid, language: Language, columns: Sequence[int] | None = None, *, brief: bool = False
) -> str:
    """The grid as one table (see the module text): every option, or only the `columns` picked
    (a phone's two; that table is shown on narrow screens only); `brief` for the waiting room."""
    t = Translator(DOMAIN, language)
    shown = (
        list(range(len(grid.options))) if columns is None else [c for c in columns if c < len(grid.options)]
    )
    questions = []
    for number, question in enumerate(grid.questions, start=1):
        view = question_view(grid, question, number, language)
        questions.append(QuestionView(view.number, view.text, tuple(view.cells[c] for c in shown)))
    prefix = table_id(grid) + ("" if columns is None else "-" + "-".join(map(str, shown)))
    return (
        environment()
        .get_template("grid_table.html")
        .render(
            prefix=prefix,
            css_class="sdm-og-all" if columns is None else "sdm-og-pair",
            caption=t("{grid}: the options side by side", grid=grid.title.get(language)),
            options=[(c, grid.options[c].label.get(language)) for c in shown],
            questions=questions,
            read_more=t("Read more"),
            brief=brief,
        )
    )


def two_picked(before: Sequence[int], now: Sequence[int]) -> tuple[int, ...]:
    """The options to show after a tap on the phone's pick: at most two, the newest kept.

    `before` is what was shown, `now` what the pills hold after the tap (a third option
    added, or one taken away). Adding a third drops the older of the two shown."""
    added = [index for index in now if index not in before]
    kept = [index for index in before if index in now]
    return tuple([*kept, *added][-2:])


def _card(option: Option, t: Translator, words: int | None) -> CardView:
    language = t.language
    description = option.description.get(language)
    card = CardView(
        label=option.label.get(language),
        wait_note=t("This option means: no treatment for now, and look again later.")
        if option.is_wait_option
        else None,
        description=description,
        in_practice_heading=t("In practice"),
        in_practice=option.in_practice.get(language),
        standing=eligibility_words(option, language),
    )
    if words is None:
        return card
    cut = shorten(description, words)
    return replace(card, description=cut.short, more=cut.rest, read_more=t("Read more"))


def option_cards_html(grid: OptionGrid, language: Language, words: int | None = None) -> str:
    """The options as cards (with `words`: each description cut short, the rest and what the
    option means in practice behind 'Read more')."""
    t = Translator(DOMAIN, language)
    cards = [_card(option, t, words) for option in grid.options]
    return environment().get_template("grid_options.html").render(cards=cards, short=words is not None)
