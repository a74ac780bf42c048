"""An Option Grid as HTML for the screen: the option cards, and one real table per question.

The wizard (steps 2 and 3) and the Compare page draw each of these as a single element
instead of one element per cell and per popover (step 3 was ~280 messages and 150 KB a run).
Every text comes from the grid or the interface catalogue and is autoescaped by jinja2:
plain text, no markup. Tables have a caption (the question) and column headers with
scope="col" (the options), so a screen reader announces the option with each answer.
Likelihoods are natural frequencies with an icon array; the sources sit in a <details>
disclosure labelled with its option ("Bronnen bij <optie>"), so every label is unique.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from sdm_aid.content.likelihood_words import likelihood_words, no_number_words
from sdm_aid.content.models import Answer, Likelihood, OptionGrid, Question
from sdm_aid.content.provenance import eligibility_words
from sdm_aid.i18n import Language
from sdm_aid.render.html import environment
from sdm_aid.wizard.frequencies import frequency_view, icon_array_img


@dataclass(frozen=True)
class GridTexts:
    """Interface texts, already translated; {placeholders} are filled here."""

    rescaled: str
    """'The picture shows the same as {shown} out of {figures}.'"""
    sources_for: str
    """'Sources for {option}'"""
    in_practice: str
    wait_option: str


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
    option: str
    text: str
    likelihood: LikelihoodView | None
    no_number: str | None
    """Why the answer has no number, when the grid says so."""
    sources: tuple[SourceView, ...]
    sources_label: str


@dataclass(frozen=True)
class QuestionView:
    text: str
    cells: tuple[CellView, ...]


@dataclass(frozen=True)
class CardView:
    label: str
    wait_note: str | None
    description: str
    in_practice_heading: str
    in_practice: str
    standing: str | None = None
    """Where the option stands: tried first, an option when ..., only if ... (None: equal)."""


def likelihood_view(likelihood: Likelihood, texts: GridTexts, language: Language) -> LikelihoodView:
    """The words come from the one rule (`likelihood_words`) the summary uses too; the icon
    array draws the first time point."""
    words = likelihood_words(likelihood, language)
    view = frequency_view(likelihood.points[0])
    headline = words.headline
    sentence = " ".join((words.sentence, *words.details))
    picture = None
    if view.figures_total is not None and view.figures_affected is not None:
        # icon_array_img escapes the label itself and builds the tag from numbers only.
        picture = Markup(icon_array_img(view.figures_affected, view.figures_total, f"{headline}. {sentence}"))
    rescaled = (
        texts.rescaled.format(shown=view.figures_affected, figures=view.figures_total)
        if view.rescaled
        else None
    )
    return LikelihoodView(headline, sentence, picture, rescaled, words.certainty)


def _cell(
    grid: OptionGrid, answer: Answer | None, option: str, texts: GridTexts, language: Language
) -> CellView:
    label = texts.sources_for.format(option=option)
    if answer is None:
        return CellView(option, "", None, None, (), label)
    sources = tuple(
        SourceView(grid.source(source_id).citation, grid.source(source_id).url)
        for source_id in answer.sources
    )
    likelihood = likelihood_view(answer.likelihood, texts, language) if answer.likelihood else None
    reason = answer.no_number_reason
    no_number = no_number_words(reason, language) if reason is not None else None
    return CellView(option, answer.text.get(language), likelihood, no_number, sources, label)


def question_view(grid: OptionGrid, question: Question, texts: GridTexts, language: Language) -> QuestionView:
    cells = tuple(
        _cell(grid, question.answers.get(option.id), option.label.get(language), texts, language)
        for option in grid.options
    )
    return QuestionView(question.text.get(language), cells)


def question_html(grid: OptionGrid, question: Question, texts: GridTexts, language: Language) -> str:
    """One question as a table: a caption, the options as column headers, one row of answers."""
    view = question_view(grid, question, texts, language)
    return environment().get_template("grid_question.html").render(question=view)


def option_cards_html(grid: OptionGrid, texts: GridTexts, language: Language) -> str:
    cards = [
        CardView(
            label=option.label.get(language),
            wait_note=texts.wait_option if option.is_wait_option else None,
            description=option.description.get(language),
            in_practice_heading=texts.in_practice,
            in_practice=option.in_practice.get(language),
            standing=eligibility_words(option, language),
        )
        for option in grid.options
    ]
    return environment().get_template("grid_options.html").render(cards=cards)
