"""The portfolio's reference lists (choices) and the constants built from them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:
    pass


class ConfidenceScale(models.TextChoices):
    FIVE = "five", "Five-point (green, amber/green, amber, amber/red, red)"
    THREE = "three", "Three-point (green, amber, red)"


class Confidence(models.TextChoices):
    """Delivery confidence (IPA five-point scale; the three-point scale uses three of them)."""

    GREEN = "green", "Green"
    AMBER_GREEN = "amber_green", "Amber/green"
    AMBER = "amber", "Amber"
    AMBER_RED = "amber_red", "Amber/red"
    RED = "red", "Red"


SCALE_VALUES: dict[str, list[str]] = {
    ConfidenceScale.FIVE: [c.value for c in Confidence],
    ConfidenceScale.THREE: [Confidence.GREEN, Confidence.AMBER, Confidence.RED],
}
# Confidence ratings that need commentary and an action (the issue: amber/red or red).
NEEDS_ACTION = {Confidence.AMBER_RED, Confidence.RED}


class ReviewOutcomeKind(models.TextChoices):
    """The review outcomes the seed report uses (sections 4.1 to 4.6 and 4.13)."""

    RETAINED = "retained", "Retained"
    WATCHING_BRIEF = "watching_brief", "Watching brief (kept by the lead partner)"
    PROPOSED_DISCONTINUATION = "proposed_discontinuation", "Proposed for discontinuation"
    DISCONTINUED = "discontinued", "Discontinued"
    WITHDRAWN = "withdrawn", "Withdrawn"
    REDESIGN = "redesign", "Redesign"


# A project with one of these outcomes (decided, not only proposed) is stopped.
STOPPED_OUTCOMES = {ReviewOutcomeKind.DISCONTINUED, ReviewOutcomeKind.WITHDRAWN}


class BusinessCaseStage(models.TextChoices):
    """Green Book business case stages; a small scheme has a single-stage case."""

    SOC = "soc", "Strategic outline case"
    OBC = "obc", "Outline business case"
    FBC = "fbc", "Full business case"
    BJC = "bjc", "Business justification case (single-stage, small scheme)"


# A case of a later stage satisfies a gate that asks for an earlier one; the single-stage
# case satisfies any.
BUSINESS_CASE_RANK = {
    BusinessCaseStage.SOC: 1,
    BusinessCaseStage.OBC: 2,
    BusinessCaseStage.FBC: 3,
    BusinessCaseStage.BJC: 3,
}
FIVE_CASES = ["strategic", "economic", "commercial", "financial", "management"]
# The cases a version of each stage must fill in before it can be approved.
REQUIRED_CASES: dict[str, list[str]] = {
    BusinessCaseStage.SOC: ["strategic", "economic"],
    BusinessCaseStage.OBC: FIVE_CASES,
    BusinessCaseStage.FBC: FIVE_CASES,
    BusinessCaseStage.BJC: FIVE_CASES,
}


class LinkKind(models.TextChoices):
    SUPPORTS = "supports", "Supports"
    OVERLAPS = "overlaps", "Overlaps"
    DELIVERS_PART_OF = "delivers_part_of", "Delivers part of"
    SUPPLIER_TO = "supplier_to", "Supplier to"
    CONTRIBUTES_TO = "contributes_to", "Contributes to"


class BoardRole(models.TextChoices):
    SENIOR_USER = "senior_user", "Senior user"
    SENIOR_SUPPLIER = "senior_supplier", "Senior supplier"
    ASSURANCE = "assurance", "Project assurance"
    CHAIR = "chair", "Chair of the project board"
    MEMBER = "member", "Board member"


class RaidKind(models.TextChoices):
    RISK = "risk", "Risk"
    ISSUE = "issue", "Issue"
    ASSUMPTION = "assumption", "Assumption"
    DEPENDENCY = "dependency", "Dependency"
    LESSON = "lesson", "Lesson"


class RaidStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class Weighting(models.TextChoices):
    DIRECT = "direct", "Set directly"
    PAIRWISE = "pairwise", "Derived from pairwise comparison"


class ControlState(models.TextChoices):
    """Where a project stands against its tolerances (kept on the project by the services)."""

    NONE = "", "Within tolerance"
    REPORT_DUE = "report_due", "Forecast to exceed tolerance: Exception Report needed"
    AWAITING = "awaiting", "Exception Report with the board"
    REFERRED = "referred", "Exception referred to the Committee"
    EXCEPTION_PLAN = "exception_plan", "Working to an exception plan"
    CONTINUING = "continuing", "Continuing in exception, as the board decided"
    CLOSING = "closing", "Closed early by the board"


class ExceptionOutcome(models.TextChoices):
    EXCEPTION_PLAN = "exception_plan", "Approve an exception plan"
    CONTINUE = "continue", "Continue as planned"
    CLOSE = "close", "Close the project"
    REFER = "refer", "Refer to the Committee"


# What each point of the delivery confidence scale means (the IPA's definitions, shortened),
# shown on the assessment page beside the scale.
CONFIDENCE_DEFINITIONS: dict[str, str] = {
    Confidence.GREEN: "Successful delivery on time, on budget and of the quality wanted appears "
    "highly likely; there are no major outstanding issues that appear to threaten delivery.",
    Confidence.AMBER_GREEN: "Successful delivery appears probable, but constant attention is "
    "needed so that risks do not become major issues threatening delivery.",
    Confidence.AMBER: "Successful delivery appears feasible, but significant issues already "
    "exist and need management attention; they appear resolvable now, and if addressed "
    "promptly should not cause delay or overspend.",
    Confidence.AMBER_RED: "Successful delivery is in doubt, with major risks or issues in a "
    "number of key areas. Urgent action is needed to address them and to find out whether "
    "resolution is feasible.",
    Confidence.RED: "Successful delivery appears unachievable. There are major issues which, "
    "at this stage, do not appear to be manageable or resolvable. The project may need "
    "re-baselining and/or its overall viability re-assessed.",
}
# On the three-point scale amber covers amber/green to amber/red.
THREE_POINT_DEFINITIONS: dict[str, str] = {
    Confidence.GREEN: CONFIDENCE_DEFINITIONS[Confidence.GREEN],
    Confidence.AMBER: "Successful delivery is feasible but significant issues exist and need "
    "management attention.",
    Confidence.RED: CONFIDENCE_DEFINITIONS[Confidence.RED],
}


class RiskProximity(models.TextChoices):
    """When the risk would strike (PRINCE2's proximity)."""

    IMMINENT = "imminent", "Imminent (within a month)"
    THIS_STAGE = "this_stage", "Within this stage"
    LATER_STAGE = "later_stage", "In a later stage"
    AFTER_PROJECT = "after_project", "After the project (in operation)"


class RiskCategory(models.TextChoices):
    STRATEGIC = "strategic", "Strategic"
    FINANCIAL = "financial", "Financial"
    OPERATIONAL = "operational", "Operational"
    TECHNICAL = "technical", "Technical"
    PEOPLE = "people", "People and resources"
    LEGAL = "legal", "Legal and regulatory"
    REPUTATIONAL = "reputational", "Reputational"
    PARTNERSHIP = "partnership", "Partnership"


class RiskResponse(models.TextChoices):
    """The response types of PRINCE2 and the Orange Book."""

    AVOID = "avoid", "Avoid"
    REDUCE = "reduce", "Reduce"
    FALLBACK = "fallback", "Fallback"
    TRANSFER = "transfer", "Transfer"
    SHARE = "share", "Share"
    ACCEPT = "accept", "Accept"


class BenefitKind(models.TextChoices):
    BENEFIT = "benefit", "Benefit"
    DIS_BENEFIT = "dis_benefit", "Dis-benefit"
