"""Interim: translated names for session enums and the values comparison.

These belong to `sdm_aid.sessions.labels` and `sdm_aid.sessions.agreement`, which another
branch is writing. This module exists only so the summary can render until those land, and
is deleted when they do; it is deliberately the smallest thing that works.
"""

from __future__ import annotations

from sdm_aid.content.models import Certainty
from sdm_aid.elements import SdmElement
from sdm_aid.i18n import Translator
from sdm_aid.sessions.models import (
    Barrier,
    DeferralReason,
    ElementStatus,
    FollowUpMode,
    FollowUpStatus,
    Role,
)

DIFFERENCE = 2
"""Ratings (0-4) that are this far apart count as a difference of opinion."""


def role_label(t: Translator, role: Role) -> str:
    return {
        Role.YOUTH: t("young person"),
        Role.PARENT: t("parent or carer"),
        Role.PEER_WORKER: t("peer worker"),
        Role.CLINICIAN: t("clinician"),
    }[role]


def element_name(t: Translator, element: SdmElement) -> str:
    return {
        SdmElement.EXPLAIN_PROBLEM: t("The problem and the choice"),
        SdmElement.PRESENT_OPTIONS: t("The options"),
        SdmElement.PROS_AND_CONS: t("Pros and cons"),
        SdmElement.VALUES: t("What matters to you"),
        SdmElement.ABILITY: t("Can we do this?"),
        SdmElement.RECOMMENDATION: t("The professional's view"),
        SdmElement.UNDERSTANDING: t("Check understanding"),
        SdmElement.DECIDE: t("Decide or wait"),
        SdmElement.FOLLOW_UP: t("Follow-up"),
    }[element]


def element_status(t: Translator, status: ElementStatus) -> str:
    return {
        ElementStatus.NOT_STARTED: t("not done yet"),
        ElementStatus.DONE: t("done"),
        ElementStatus.SKIPPED: t("skipped"),
        ElementStatus.DEFERRED: t("decision put off"),
    }[status]


def barrier_label(t: Translator, barrier: Barrier) -> str:
    return {
        Barrier.TIME: t("time"),
        Barrier.TRAVEL: t("travel"),
        Barrier.SCHOOL_OR_WORK: t("school or work"),
        Barrier.MONEY: t("money"),
        Barrier.ENERGY: t("energy"),
        Barrier.SUPPORT: t("support"),
    }[barrier]


def deferral_reason(t: Translator, reason: DeferralReason) -> str:
    return {
        DeferralReason.NEED_MORE_INFORMATION: t("We need more information"),
        DeferralReason.TALK_AT_HOME: t("We want to talk it over at home"),
        DeferralReason.NOT_READY: t("We are not ready yet"),
        DeferralReason.FAMILY_DISAGREEMENT: t("We do not agree yet as a family"),
        DeferralReason.TRY_SOMETHING_FIRST: t("We want to try something else first"),
        DeferralReason.OTHER: t("Another reason"),
    }[reason]


def follow_up_mode(t: Translator, mode: FollowUpMode) -> str:
    return {
        FollowUpMode.IN_PERSON: t("in person"),
        FollowUpMode.PHONE: t("by phone"),
        FollowUpMode.VIDEO: t("by video call"),
    }[mode]


def follow_up_status(t: Translator, status: FollowUpStatus) -> str:
    labels = {
        FollowUpStatus.PLANNED: t("planned"),
        FollowUpStatus.DONE: t("took place"),
        FollowUpStatus.MISSED: t("missed"),
    }
    rescheduled = getattr(FollowUpStatus, "RESCHEDULED", None)
    if rescheduled is not None:
        labels[rescheduled] = t("moved to another time")
    return labels[status]


def certainty_label(t: Translator, certainty: Certainty) -> str:
    return {
        Certainty.HIGH: t("high"),
        Certainty.MODERATE: t("moderate"),
        Certainty.LOW: t("low"),
        Certainty.VERY_LOW: t("very low"),
    }[certainty]


def differs(first: int | None, second: int | None) -> bool:
    return first is not None and second is not None and abs(first - second) >= DIFFERENCE
