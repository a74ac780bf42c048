"""Typed text shown as typed, where renderers would change it.

HTML, Markdown and reportlab paragraphs all collapse a run of spaces into one space, and
reportlab cuts a word that is too long for its line at any character, without a hyphen
(its `splitLongWords`). So:

- `keep_spaces`: a run of spaces becomes no-break spaces followed by one normal space (the
  line can still wrap there); spaces at the start of a line become no-break spaces.
- `breakable`: long words get soft hyphens at the language's hyphenation points (pyphen's
  dictionaries) and, where a word has none (a code, an address, 'aaaa…'), every few
  characters. reportlab then breaks such a word only there, and shows a hyphen where it
  does; where it does not break, nothing shows.
- `for_print`: both, over every text of a summary that the PDF lays out as a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache

import pyphen

from sdm_aid.i18n import languages
from sdm_aid.render.model import Block, Bullets, Fields, Para, Section, Summary, Table

NO_BREAK_SPACE = "\u00a0"
SOFT_HYPHEN = "\u00ad"
HYPHENATE_FROM = 12
"""Words this long get hyphenation points: shorter ones fit even a narrow table column."""
LONGEST_PIECE = 8
"""No piece between break points is longer: it fits the narrowest column in any letters."""

_SPACE_RUN = re.compile(r"(?m)^ +| {2,}")
_LONG_WORD = re.compile(rf"\S{{{HYPHENATE_FROM},}}")  # \S excludes no-break spaces too
_LETTERS = re.compile(r"[^\W\d_]+")


def keep_spaces(text: str) -> str:
    def replacement(match: re.Match[str]) -> str:
        run = match.group(0)
        at_line_start = match.start() == 0 or text[match.start() - 1] == "\n"
        return NO_BREAK_SPACE * len(run) if at_line_start else NO_BREAK_SPACE * (len(run) - 1) + " "

    return _SPACE_RUN.sub(replacement, text)


@cache
def _hyphenator(language: str) -> pyphen.Pyphen:
    # pyphen names its dictionaries by locale, as Babel does: the registry's locale.
    code = language if languages.is_language(language) else languages.SOURCE
    return pyphen.Pyphen(lang=languages.info(code).locale)


def _pieces(word: str) -> str:
    """Soft hyphens so that no piece is longer than LONGEST_PIECE."""
    parts: list[str] = []
    for part in word.split(SOFT_HYPHEN):
        parts.extend(part[i : i + LONGEST_PIECE] for i in range(0, len(part), LONGEST_PIECE))
    return SOFT_HYPHEN.join(parts)


@lru_cache(maxsize=8192)  # the same grid texts come back in every summary
def _breakable_word(word: str, language: str) -> str:
    hyphenator = _hyphenator(language)
    hyphenated = _LETTERS.sub(
        lambda run: (
            hyphenator.inserted(run.group(0), hyphen=SOFT_HYPHEN)
            if len(run.group(0)) >= HYPHENATE_FROM
            else run.group(0)
        ),
        word,
    )
    return _pieces(hyphenated)


def breakable(text: str, language: str) -> str:
    return _LONG_WORD.sub(lambda match: _breakable_word(match.group(0), language), text)


def for_print(summary: Summary) -> Summary:
    language = summary.language

    def text(value: str) -> str:
        return breakable(keep_spaces(value), language)

    def block(item: Block) -> Block:
        match item:
            case Para():
                return replace(item, text=text(item.text))
            case Fields():
                return replace(item, rows=tuple((text(label), text(value)) for label, value in item.rows))
            case Bullets():
                return replace(item, items=tuple(map(text, item.items)))
            case Table():
                return replace(
                    item,
                    header=tuple(map(text, item.header)),
                    rows=tuple(replace(row, cells=tuple(map(text, row.cells))) for row in item.rows),
                    legend=text(item.legend) if item.legend else item.legend,
                )
        raise TypeError(f"unknown block {type(item).__name__}")

    def section(part: Section) -> Section:
        return replace(part, heading=text(part.heading), blocks=tuple(map(block, part.blocks)))

    return replace(
        summary,
        title=text(summary.title),
        subtitle=text(summary.subtitle),
        generated_text=text(summary.generated_text),
        sections=tuple(map(section, summary.sections)),
        appendix_heading=text(summary.appendix_heading),
    )
