"""Synthetic sessions for demos, training and benchmarks. Plainly fake; never real people.

Every block of twenty sessions holds the same mix (in a shuffled order), so even a small demo
shows every case:

- 7 in progress, stopped at steps 1 to 8;
- 3 decided with everyone agreeing, 2 decided with someone disagreeing;
- 1 decided at a follow-up after an earlier deferral (the deferral is in the history);
- deferred: 2 with a follow-up coming up, 2 due this week, 1 overdue, 1 missed (not yet
  re-planned), 1 missed and re-planned.

That first block shows every follow-up state. After it, planned follow-ups are spread over
the next three months (and half the decided sessions get one within four months), as in a
clinic that plans a few weeks ahead: "due this week" is then about 3 % of all sessions at any
size, not the 11 % a repeated first block would give (which made scale figures meaningless).

Follow-up times are office hours (08:00-17:00 Amsterdam) on whole days away from `now`, so
their state (due, upcoming, overdue) holds whatever the time of day. Past follow-ups are built
directly: the 'not in the past' rule is for planning, not for history. Output depends only on
the arguments (ids come from the seeded generator), and is fast: sessions are validated once,
from plain dicts.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar

from sdm_aid.content.models import OptionGrid
from sdm_aid.elements import ELEMENT_ORDER, SdmElement
from sdm_aid.sessions.models import (
    NOT_SURE,
    SESSION_TIMEZONE,
    Barrier,
    DecisionSession,
    DeferralReason,
    FollowUpMode,
    GridRef,
)
from sdm_aid.sessions.rules import local_to_utc

Document = dict[str, Any]
"""A session (or part of one) as plain JSON data."""
T = TypeVar("T")

SPREAD_DAYS = 91
"""After the first block, planned follow-ups fall on the next 1..90 days."""
PATTERN: tuple[str, ...] = (
    *["in_progress"] * 7,
    *["decided_agree"] * 3,
    *["decided_disagree"] * 2,
    "revisited",
    *["deferred_upcoming"] * 2,
    *["deferred_due"] * 2,
    "deferred_overdue",
    "deferred_missed",
    "deferred_replanned",
)

_QUESTIONS = {
    "nl": (
        "Hoe lang duurt het voordat ik iets merk?",
        "Kan ik stoppen als het niet helpt?",
        "Moet ik hiervoor school missen?",
        "Wat doen we als het slechter gaat?",
        "Mag mijn ouder bij de gesprekken zijn?",
        "Hoe vaak moet ik komen?",
    ),
    "en": (
        "How long before I notice anything?",
        "Can I stop if it does not help?",
        "Will I have to miss school for this?",
        "What do we do if things get worse?",
        "Can my parent join the sessions?",
        "How often do I have to come?",
    ),
}
_NOTES = {
    "nl": ("Demo: wil eerst met een vriend praten.", "Demo: maakt zich zorgen over school.", ""),
    "en": ("Demo: wants to talk to a friend first.", "Demo: worried about school.", ""),
}
_HELP = {"nl": "Demo: reiskosten vergoed krijgen.", "en": "Demo: travel costs paid back."}
_SKIP_REASONS = {
    "nl": ("Demo: geen tijd meer vandaag.", "Demo: jongere wilde deze stap niet doen."),
    "en": ("Demo: no time left today.", "Demo: the young person did not want this step."),
}
_LABELS = {
    "nl": {"youth": "Jongere", "parent": "Ouder", "peer": "Ervaringsdeskundige", "clinician": "Behandelaar"},
    "en": {"youth": "Young person", "parent": "Parent", "peer": "Peer worker", "clinician": "Clinician"},
}
_WITH_WHOM = {
    "nl": ("Behandelaar", "Behandelaar en ervaringsdeskundige", "Praktijkondersteuner"),
    "en": ("Clinician", "Clinician and peer worker", "Practice nurse"),
}
_PURPOSE = {
    "nl": ("Demo: de keuze opnieuw bespreken.", "Demo: kijken hoe het gaat."),
    "en": ("Demo: talk about the choice again.", "Demo: see how things are going."),
}
_DETAILS = {
    "nl": "Demo: eerst thuis rustig overleggen.",
    "en": "Demo: talk it over calmly at home first.",
}
_STILL_NEEDED = {
    "nl": "Demo: meer weten over bijwerkingen.",
    "en": "Demo: know more about side effects.",
}
_BARRIERS = tuple(b.value for b in Barrier)
_MODES = tuple(m.value for m in FollowUpMode)
_DEFERRAL_REASONS = tuple(r.value for r in DeferralReason)
_SURE_FIELDS = (
    "sure_of_best_choice",
    "know_benefits_and_risks",
    "clear_what_matters",
    "enough_support_and_advice",
)
_STEP_VALUES = SdmElement.VALUES.number
_STEP_ABILITY = SdmElement.ABILITY.number
_STEP_RECOMMENDATION = SdmElement.RECOMMENDATION.number
_STEP_UNDERSTANDING = SdmElement.UNDERSTANDING.number
_NUMBERED = tuple((element, element.number, element.value) for element in ELEMENT_ORDER)
_REASONS = {
    "nl": "Demo: past het best bij wat jullie belangrijk vinden.",
    "en": "Demo: fits what matters to you.",
}


@dataclass(frozen=True)
class _GridFacts:
    ref: Document
    options: tuple[str, ...]
    leanings: tuple[str, ...]
    considerations: tuple[str, ...]
    checks: tuple[str, ...]


def _facts(grid: OptionGrid, ref: GridRef) -> _GridFacts:
    if ref.id != grid.id or ref.version != grid.version:
        raise ValueError(f"grid ref {ref.id} {ref.version} does not match grid {grid.id} {grid.version}")
    return _GridFacts(
        ref=ref.model_dump(mode="json"),
        options=tuple(o.id for o in grid.options),
        leanings=(*(o.id for o in grid.options), NOT_SURE),
        considerations=tuple(c.id for c in grid.considerations),
        checks=tuple(c.id for c in grid.understanding_checks),
    )


class _Builder:
    """Builds one session as a plain dict. Hot path for the benchmark: `random()` arithmetic
    instead of randrange/choice/sample (several times faster, equally deterministic)."""

    def __init__(
        self, rng: random.Random, facts: _GridFacts, now: datetime, today: date, *, spread: bool = False
    ) -> None:
        self.spread = spread
        """Planned follow-ups anywhere in the next months instead of the first block's fixed mix."""
        self.random = rng.random
        self.getrandbits = rng.getrandbits
        self.facts = facts
        self.now = now
        self.today = today
        self.language = "nl" if self.random() < 0.8 else "en"

    def below(self, n: int) -> int:
        return int(self.random() * n)

    def between(self, low: int, high: int) -> int:
        """low <= result < high."""
        return low + int(self.random() * (high - low))

    def pick(self, items: Sequence[T]) -> T:
        return items[int(self.random() * len(items))]

    def some(self, items: Sequence[T], most: int) -> list[T]:
        """0..most distinct items."""
        chosen: list[T] = []
        for _ in range(self.below(most + 1)):
            item = self.pick(items)
            if item not in chosen:
                chosen.append(item)
        return chosen

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.getrandbits(128), version=4))

    def office_moment(self, day: date) -> datetime:
        return local_to_utc(day, time(self.between(8, 17), self.pick((0, 15, 30, 45))))

    # --- parts ---

    def participants(self) -> list[Document]:
        labels = _LABELS[self.language]
        people = [{"id": "youth", "role": "youth", "label": labels["youth"]}]
        parents = 2 if self.random() < 0.3 else 1
        people += [
            {"id": f"parent-{n}", "role": "parent", "label": f"{labels['parent']} {n}"}
            for n in range(1, parents + 1)
        ]
        if self.random() < 0.4:
            people.append({"id": "peer", "role": "peer_worker", "label": labels["peer"]})
        if self.random() < 0.5:
            people.append({"id": "clinician", "role": "clinician", "label": labels["clinician"]})
        return people

    def answers(self, family: list[str], reached_step: int, leanings: dict[str, str]) -> Document:
        facts, lang, random_ = self.facts, self.language, self.random
        answers = {}
        for pid in family:
            entry: Document = {}
            leaning = None
            if reached_step > _STEP_VALUES:
                entry["importance"] = {cid: int(random_() * 5) for cid in facts.considerations}
                leaning = leanings.get(pid) or self.pick(facts.leanings)
                entry["leaning"] = leaning
            if reached_step > _STEP_ABILITY and leaning not in (None, NOT_SURE):
                barriers = self.some(_BARRIERS, 2)
                entry["ability"] = {
                    leaning: {
                        "confidence": self.below(11),
                        "barriers": barriers,
                        "what_would_help": _HELP[lang] if barriers else "",
                    }
                }
            if reached_step > _STEP_UNDERSTANDING:
                entry["understanding"] = {cid: random_() < 0.8 for cid in facts.checks}
            if reached_step > _STEP_RECOMMENDATION and random_() < 0.6:
                entry["questions"] = self.some(_QUESTIONS[lang], 2) or [self.pick(_QUESTIONS[lang])]
            entry["notes"] = self.pick(_NOTES[lang])
            if pid == "youth" and random_() < 0.2:
                entry["private_steps"] = ["values", "understanding"]
            answers[pid] = entry
        return answers

    def sure(self, family: list[str], finished: bool) -> Document:
        random_ = self.random
        result = {}
        for pid in family:
            if random_() < 0.2:
                continue
            before = [random_() < 0.55 for _ in _SURE_FIELDS]
            moments = {"before": dict(zip(_SURE_FIELDS, before, strict=True))}
            if finished:
                after = [b or random_() < 0.6 for b in before]
                moments["after"] = dict(zip(_SURE_FIELDS, after, strict=True))
            result[pid] = moments
        return result

    def skipped(self, value: str) -> Document:
        return {"element": value, "status": "skipped", "skip_reason": self.pick(_SKIP_REASONS[self.language])}

    def elements(self, reached_step: int, decide: str | None, follow_up: str | None) -> list[Document]:
        elements = []
        for element, number, value in _NUMBERED:
            if element == SdmElement.DECIDE:
                elements.append({"element": value, "status": decide or "not_started"})
            elif element == SdmElement.FOLLOW_UP:
                if follow_up == "skipped":
                    elements.append(self.skipped(value))
                else:
                    elements.append({"element": value, "status": follow_up or "not_started"})
            elif number < reached_step:
                elements.append(
                    self.skipped(value) if self.random() < 0.08 else {"element": value, "status": "done"}
                )
            else:
                elements.append({"element": value})
        return elements

    def follow_up(self, starts_at: datetime, status: str, *, note: bool = False) -> Document:
        lang = self.language
        return {
            "id": self.uuid(),
            "starts_at": starts_at,
            "duration_minutes": self.pick((15, 30, 45, 60)),
            "with_whom": self.pick(_WITH_WHOM[lang]),
            "mode": self.pick(_MODES),
            "purpose": self.pick(_PURPOSE[lang]),
            "status": status,
            "outcome_note": ("Demo: besproken." if lang == "nl" else "Demo: discussed.") if note else "",
        }

    def deferred(self, at: datetime) -> Document:
        return {
            "kind": "deferred",
            "reason": self.pick(_DEFERRAL_REASONS),
            "details": _DETAILS[self.language],
            "still_needed": _STILL_NEEDED[self.language],
            "recorded_at": at,
        }

    def decided(self, family: list[str], option: str, at: datetime, *, disagree: bool) -> Document:
        dissenters = [self.pick(family)] if disagree else []
        return {
            "kind": "decided",
            "option_id": option,
            "agree": [pid for pid in family if pid not in dissenters],
            "disagree": dissenters,
            "unsure": [],
            "recorded_at": at,
        }

    # --- one session ---

    def build(self, kind: str) -> Document:
        facts, now, today = self.facts, self.now, self.today
        people = self.participants()
        family = [p["id"] for p in people if p["role"] in ("youth", "parent")]
        has_peer = any(p["role"] == "peer_worker" for p in people)
        session: Document = {
            "id": self.uuid(),
            "version": self.between(1, 30),
            "grid": facts.ref,
            "language": self.language,
            "participants": people,
            "peer_worker_guides": has_peer,
        }
        history: list[Document] = []
        follow_up: Document | None = None
        follow_up_history: list[Document] = []
        outcome: Document | None = None
        decide_status = follow_up_status = None
        leanings: dict[str, str] = {}
        chosen = self.pick(facts.options)

        if kind == "in_progress":
            reached = self.between(1, 9)
            created = now - timedelta(minutes=self.between(5, 60 * 24 * 30))
            updated = created + (now - created) * self.random()
        else:
            reached = 10
            if kind.startswith("decided"):
                created = now - timedelta(minutes=self.between(30, 60 * 24 * 120))
                decided_at = created + timedelta(minutes=self.between(20, 90))
                leanings = dict.fromkeys(family, chosen)
                outcome = self.decided(family, chosen, decided_at, disagree=kind == "decided_disagree")
                decide_status = "done"
                if self.random() < 0.5:
                    day = today + timedelta(days=self.between(1 if self.spread else 8, 120))
                    follow_up = self.follow_up(self.office_moment(day), "planned")
                    follow_up_status = "done"
                else:
                    follow_up_status = "skipped"
                updated = decided_at
            else:
                # Deferred first; where the follow-up lies decides when the session began.
                if self.spread and kind in ("deferred_upcoming", "deferred_due"):
                    day = today + timedelta(days=self.between(1, SPREAD_DAYS))
                elif kind == "deferred_upcoming":
                    day = today + timedelta(days=self.between(8, 180))
                elif kind == "deferred_due":
                    day = today + timedelta(days=self.between(1, 7))
                else:  # overdue, missed, replanned, revisited: the follow-up is in the past
                    day = today - timedelta(days=self.between(1, 45))
                starts_at = self.office_moment(day)
                created = min(starts_at, now) - timedelta(days=self.between(2, 40), minutes=self.below(600))
                deferred_at = created + timedelta(minutes=self.between(20, 90))
                deferral = self.deferred(deferred_at)
                decide_status, follow_up_status = "deferred", "done"
                updated = deferred_at
                if kind in ("deferred_upcoming", "deferred_due", "deferred_overdue"):
                    outcome, follow_up = deferral, self.follow_up(starts_at, "planned")
                elif kind == "deferred_missed":
                    outcome, follow_up = deferral, self.follow_up(starts_at, "missed")
                    follow_up_status = "not_started"  # a new follow-up still has to be planned
                    updated = min(starts_at + timedelta(hours=2), now)
                elif kind == "deferred_replanned":
                    outcome = deferral
                    follow_up_history.append(self.follow_up(starts_at, "missed"))
                    later = today + timedelta(days=self.between(1, SPREAD_DAYS if self.spread else 30))
                    follow_up = self.follow_up(self.office_moment(later), "planned")
                    updated = min(starts_at + timedelta(hours=3), now)
                else:  # revisited: decided at the follow-up
                    history.append(deferral)
                    follow_up = self.follow_up(starts_at, "done", note=True)
                    decided_at = min(starts_at + timedelta(minutes=30), now)
                    leanings = dict.fromkeys(family, chosen)
                    outcome = self.decided(family, chosen, decided_at, disagree=False)
                    decide_status = "done"
                    updated = decided_at

        finished = outcome is not None
        session |= {
            "elements": self.elements(reached, decide_status, follow_up_status),
            "current_step": ELEMENT_ORDER[(9 if finished else reached) - 1].value,
            "answers": self.answers(family, reached, leanings),
            "sure": self.sure(family, finished),
            "outcome": outcome,
            "outcome_history": history,
            "follow_up": follow_up,
            "follow_up_history": follow_up_history,
            "handoff_note": (
                ("Demo: overdrachtsnotitie." if self.language == "nl" else "Demo: hand-off note.")
                if has_peer
                else ""
            ),
            "created_at": created,
            "updated_at": max(updated, created),
        }
        if reached > _STEP_RECOMMENDATION:
            session["recommendation"] = {
                "option_id": self.pick((*facts.options, None)),
                "reasons": _REASONS[self.language],
                "by_role": "clinician",
                "recorded_at": max(updated, created),
                "recorded_by": "demo",
            }
        return session


def generate_demo_sessions(
    grids: Sequence[tuple[OptionGrid, GridRef]],
    count: int,
    *,
    now: datetime,
    seed: int = 0,
) -> Iterator[DecisionSession]:
    """`count` synthetic sessions spread over `grids`, the same for the same arguments."""
    if now.tzinfo is None:
        raise TypeError("now must be timezone-aware")
    if not grids:
        raise ValueError("at least one grid is needed")
    if count < 0:
        raise ValueError("count must be zero or more")
    facts = [_facts(grid, ref) for grid, ref in grids]
    today = now.astimezone(SESSION_TIMEZONE).date()
    rng = random.Random(seed)
    block: list[str] = []
    for number in range(count):
        if not block:
            block = list(PATTERN)
            rng.shuffle(block)
        kind = block.pop()
        grid_facts = facts[int(rng.random() * len(facts))]
        data = _Builder(rng, grid_facts, now, today, spread=number >= len(PATTERN)).build(kind)
        yield DecisionSession.model_validate(data)
