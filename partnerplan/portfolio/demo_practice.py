"""DEMO DATA where the seed is silent: delivery confidence assessments of the active projects
(two each, so the history shows a trend), a scored risk of Adult Social Care and Health
escalated to the programme, and a lesson other projects can find. Called by `demo.load`;
running it twice changes nothing."""

from __future__ import annotations

import datetime as dt

from partnerplan.core.types import Actor
from partnerplan.partners.models import Person
from partnerplan.portfolio.models import ConfidenceAssessment, Project, RaidEntry
from partnerplan.portfolio.services import confidence, raid

NOTE = "DEMO DATA: the seed gives no delivery confidence assessment."
# (project, [(date, rating, commentary, action)]): commentary and action where Amber/Red or Red.
ASSESSMENTS: list[tuple[str, list[tuple[dt.date, str, str, str]]]] = [
    ("Adult Social Care and Health", [
        (dt.date(2010, 10, 29), "amber_green", "", ""),
        (dt.date(2010, 12, 3), "amber_red",
         "DEMO DATA: the pilot site is not agreed; the end is forecast three months late.",
         "DEMO DATA: an Exception Report to the Joint Committee; SCC to propose two sites."),
    ]),
    ("Life Events", [
        (dt.date(2010, 10, 29), "amber", "", ""),
        (dt.date(2010, 12, 3), "amber_green", "", ""),
    ]),
    ("Customer Knowledge", [(dt.date(2010, 12, 3), "amber", "", "")]),
    ("Telephony", [(dt.date(2010, 12, 3), "amber_green", "", "")]),
    ("Public Protection", [(dt.date(2010, 12, 3), "green", "", "")]),
]  # fmt: skip


def load(projects: dict[str, Project], people: dict[str, Person], actor: Actor) -> None:
    for title, rows in ASSESSMENTS:
        project = projects.get(title)
        if project is None or ConfidenceAssessment.objects.filter(project=project).exists():
            continue
        for on, rating, commentary, action in rows:
            confidence.dca_record(
                actor=actor, project=project, assessed_on=on, rating=rating, summary=NOTE,
                commentary=commentary, action=action,
            )  # fmt: skip
    owner = people.get("pm")
    asc, life = projects.get("Adult Social Care and Health"), projects.get("Life Events")
    if owner is None or asc is None or life is None:
        return
    if not RaidEntry.objects.filter(project=asc).exists():
        risk = raid.raid_create(
            actor=actor, project=asc, kind="risk", title="No agreed pilot site",
            description="DEMO DATA: without a site the care pathway pilot cannot start.",
            owner=owner, raised_on=dt.date(2010, 11, 15), likelihood=4, impact=4,
            residual_likelihood=3, residual_impact=4, proximity="imminent",
            category="partnership", response_type="reduce",
            response="DEMO DATA: SCC to propose two sites to the Project Board.",
        )  # fmt: skip
        raid.raid_escalate(
            actor=actor, entry=risk,
            note="DEMO DATA: the same sites are wanted by the Public Protection pilot.",
        )  # fmt: skip
    if not RaidEntry.objects.filter(project=life, kind="lesson").exists():
        raid.raid_create(
            actor=actor, project=life, kind="lesson", title="Agree pilot sites before bidding",
            description="DEMO DATA: a bid that names its pilot sites is decided sooner.",
            owner=owner, raised_on=dt.date(2010, 11, 30),
        )  # fmt: skip
