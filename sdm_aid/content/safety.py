"""What to do in a crisis: the grid's own safety section, or the product's default.

The default (default_safety.json, in the grid format's own 'safety' shape, Dutch and English)
names 113 Zelfmoordpreventie (0800-0113, 113.nl), 112, the GP and Veilig Thuis (0800-2000)
for when a child's safety is at stake. It is data, not code, so a content editor can read and
correct it like any grid text; a test checks it against the format.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from sdm_aid.content.models import OptionGrid, Safety, SafetyContact
from sdm_aid.i18n import Language

DEFAULT_SAFETY_FILE = Path(__file__).with_name("default_safety.json")


@cache
def default_safety() -> Safety:
    return Safety.model_validate_json(DEFAULT_SAFETY_FILE.read_bytes(), strict=True)


def safety_for(grid: OptionGrid) -> Safety:
    """The grid's safety section when it has one, otherwise the product's default."""
    return grid.safety if grid.safety is not None else default_safety()


def when_sentence(contact: SafetyContact, language: Language, *, hours: bool = True) -> str:
    """'Als je aan zelfdoding denkt (dag en nacht, gratis en anoniem).': when to call, as a
    sentence, with the hours unless `hours` is False."""
    when = contact.when.get(language).rstrip().rstrip(".")
    open_hours = (
        f" ({contact.hours.get(language).rstrip('.')})" if hours and contact.hours is not None else ""
    )
    return f"{when[:1].upper()}{when[1:]}{open_hours}."


def short_contact_line(contact: SafetyContact, language: Language) -> str:
    """'113 Zelfmoordpreventie: 0800-0113. Als je aan zelfdoding denkt.' For where space is
    short (page 1 of the summary): the name, the number and when, without web address or hours."""
    name, when = contact.name.get(language), when_sentence(contact, language, hours=False)
    return f"{name}: {contact.phone}. {when}" if contact.phone else f"{name}. {when}"


def help_now(grid: OptionGrid | None) -> Safety:
    """What 'Help now' shows (on every family page and page 1 of the summary): the grid's
    safety section in its own words, completed with the default's contacts it does not name,
    so that 113, 112, the GP and Veilig Thuis are always there. Without a grid: the default."""
    default = default_safety()
    if grid is None or grid.safety is None:
        return default
    own = grid.safety
    phones = {contact.phone for contact in own.contacts if contact.phone}
    has_gp = any(contact.phone is None for contact in own.contacts)
    missing = [
        contact
        for contact in default.contacts
        if (contact.phone not in phones if contact.phone else not has_gp)
    ]
    return own.model_copy(update={"contacts": [*own.contacts, *missing]})


def contact_line(contact: SafetyContact, language: Language) -> str:
    """'113 Zelfmoordpreventie: 0800-0113, https://www.113.nl. Als je aan zelfdoding denkt
    (dag en nacht, gratis en anoniem).' One line per contact, in the grid's own words."""
    reach = ", ".join(part for part in (contact.phone, contact.url) if part)
    name, when = contact.name.get(language), when_sentence(contact, language)
    return f"{name}: {reach}. {when}" if reach else f"{name}. {when}"
