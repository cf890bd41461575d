"""The portfolio's acts that need authority, in governance's words
(`governance.services.authority.Act`): a gate passed, a business case approved, a review outcome
that stops or redesigns a project.

Each function builds the `Act` that one function, `governance.services.authority.authority_use`,
checks a grant against: the powers that cover it, what it is about (the project and the stage,
the business case's stage or the outcome), and the dates. The services cite them when they act;
the selectors use them to offer only the decisions that could cover the act.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from partnerplan.governance.models import ActKind, PowerKind
from partnerplan.governance.services.authority import Act, Subject
from partnerplan.portfolio.models import (
    BUSINESS_CASE_RANK,
    BusinessCaseStage,
    BusinessCaseVersion,
    Project,
    ReviewOutcomeKind,
    Stage,
)

# The powers (any one will do) a body needs to let a project into a stage, by stage code; any
# other stage needs one of GATE_POWERS_OTHERWISE.
GATE_POWERS: dict[str, tuple[str, ...]] = {
    "approved": (PowerKind.APPROVE_PIPELINE_ENTRY, PowerKind.APPROVE_GATE),
    "business-case-approved": (PowerKind.APPROVE_BUSINESS_CASE, PowerKind.APPROVE_GATE),
}
GATE_POWERS_OTHERWISE: tuple[str, ...] = (
    PowerKind.APPROVE_GATE,
    PowerKind.APPROVE_PIPELINE_ENTRY,
    PowerKind.PROGRAMME_MANAGEMENT,
)

#: The review outcomes that stop or redesign a project, when decided (not proposed): they need
#: the power to withdraw or redesign a project.
DECIDED_OUTCOMES: dict[str, str] = {
    ReviewOutcomeKind.WITHDRAWN: "withdraw {project}",
    ReviewOutcomeKind.DISCONTINUED: "discontinue {project}",
    ReviewOutcomeKind.REDESIGN: "send {project} back to be redesigned",
}


def gate_powers(stage: Stage) -> tuple[str, ...]:
    return GATE_POWERS.get(stage.code, GATE_POWERS_OTHERWISE)


def case_words(stage: str) -> str:
    """ "outline business case", "business justification case": a business case stage in a
    sentence."""
    return BusinessCaseStage(stage).label.split(" (")[0].lower()


def case_approved_on(project: Project, needed: str) -> dt.date | None:
    """When `project` first had an approved business case of stage `needed` (or a later one):
    a gate that needs it cannot be passed on a decision older than that."""
    dates = [
        v.approved_on
        for v in BusinessCaseVersion.objects.filter(
            business_case__project=project, approved_on__isnull=False
        ).select_related("business_case")
        if v.approved_on is not None
        and BUSINESS_CASE_RANK[BusinessCaseStage(v.business_case.stage)]
        >= BUSINESS_CASE_RANK[BusinessCaseStage(needed)]
    ]
    return min(dates) if dates else None


def _subject(project: Project) -> Subject:
    return Subject("project_id", project.pk, str(project))


def gate_act(project: Project, stage: Stage, *, on: dt.date) -> Act:
    """Moving `project` into `stage` on `on`: a decision with a power for that stage, about this
    project and stage, not older than the approval of the business case the stage needs."""
    needed = stage.requires_business_case
    return Act(
        kind=ActKind.GATE,
        powers=gate_powers(stage),
        subject=_subject(project),
        terms={"to_stage": stage.code},
        on=on,
        not_before=case_approved_on(project, needed) if needed else None,
        label=f"move {project} into '{stage}'",
    )


def business_case_act(
    version: BusinessCaseVersion, *, on: dt.date, recorded_from_papers: bool = False
) -> Act:
    """Approving `version`: a decision with the power to approve a business case, about this
    project and this stage of business case, not older than the version.

    A decision taken before partnerplan was used (`recorded_from_papers`) is older than any
    version entered in partnerplan by its nature, so the version's date does not bind it."""
    case = version.business_case
    project = case.project
    created = timezone.localdate(version.created_at) if version.created_at else None
    return Act(
        kind=ActKind.BUSINESS_CASE,
        powers=(PowerKind.APPROVE_BUSINESS_CASE,),
        subject=_subject(project),
        terms={"business_case_stage": case.stage},
        on=on,
        not_before=None if recorded_from_papers else created,
        label=f"approve {project}'s {case_words(case.stage)}",
    )


def review_act(project: Project, outcome: str, *, on: dt.date) -> Act:
    """Recording that `project` is withdrawn, discontinued or to be redesigned."""
    return Act(
        kind=ActKind.REVIEW,
        powers=(PowerKind.WITHDRAW_OR_REDESIGN,),
        subject=_subject(project),
        terms={"outcome": outcome},
        on=on,
        label=DECIDED_OUTCOMES[outcome].format(project=project),
    )


#: The board's decision on an Exception Report, by outcome: the powers that cover it. Closing a
#: project early needs the power to withdraw or redesign a project; the others a power to
#: manage the project's progress (a gate's). Referring to the Committee is the board's decision
#: too.
EXCEPTION_POWERS: dict[str, tuple[str, ...]] = {
    "exception_plan": GATE_POWERS_OTHERWISE,
    "continue": GATE_POWERS_OTHERWISE,
    "refer": GATE_POWERS_OTHERWISE,
    "close": (PowerKind.WITHDRAW_OR_REDESIGN,),
}
EXCEPTION_WORDS: dict[str, str] = {
    "exception_plan": "approve an exception plan for {project}",
    "continue": "let {project} continue in exception",
    "refer": "refer {project}'s exception to the Committee",
    "close": "close {project} early",
}


def exception_act(project: Project, outcome: str, *, on: dt.date, raised_on: dt.date) -> Act:
    """The board's decision on `project`'s Exception Report (raised on `raised_on`, which the
    decision may not be older than). Recorded as a review of the project (governance's
    ActKind.REVIEW, terms {"exception": outcome}): a decision is used once for it."""
    return Act(
        kind=ActKind.REVIEW,
        powers=EXCEPTION_POWERS[outcome],
        subject=_subject(project),
        terms={"exception": outcome},
        on=on,
        not_before=raised_on,
        label=EXCEPTION_WORDS[outcome].format(project=project),
    )
