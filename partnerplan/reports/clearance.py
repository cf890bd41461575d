"""Report clearance before publication: a report goes on a published agenda only with its
contact officer, the wards or partners it affects, every implications section the partnership's
report template requires, and the sign-off of the named finance officer (Section 151 equivalent)
and legal officer (Monitoring Officer equivalent), each recorded.

`clearance_problems` is the one rule; governance's agenda publication runs it through the check
this app registers (`agenda_check`, in `ReportsConfig.ready()`), so `meeting_publish_agenda` and
`supplementary_agenda_publish` refuse with what is missing and who can give it. `report_sign_off`
records a sign-off; `sign_offs_withdraw` withdraws the sign-offs when the report's details or
implications change (`reports.services.report_update`) or when a section or block is added,
changed, moved or deleted (the section and block services).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerplan.core import clock
from partnerplan.core.access import require, viewer_for
from partnerplan.core.types import Actor
from partnerplan.governance.models import OfficerRole, StatutoryOfficer
from partnerplan.reports.models import (
    IMPLICATIONS,
    Report,
    ReportSignOff,
    ReportTemplate,
    SignOffRole,
)

#: The fields whose change withdraws the sign-offs.
CLEARED_FIELDS = (
    "title",
    "purpose",
    "contact_officer",
    "wards_affected",
    *(name for name, _w in IMPLICATIONS),
    "conclusions",
)

ROLE_WORDS = {
    SignOffRole.FINANCE: "the finance officer (Section 151 equivalent)",
    SignOffRole.LEGAL: "the legal officer (Monitoring Officer equivalent)",
}
ROLE_SECTION = {SignOffRole.FINANCE: "financial", SignOffRole.LEGAL: "legal"}


def required_sections() -> list[str]:
    template = ReportTemplate.objects.order_by("pk").first()
    if template is None:
        return [name for name, _w in IMPLICATIONS]
    return [name for name, _w in IMPLICATIONS if name in set(template.required_sections)]


def _officers() -> dict[str, StatutoryOfficer]:
    return {o.role: o for o in StatutoryOfficer.objects.select_related("person")}


def statutory_officers() -> dict[str, StatutoryOfficer]:
    """The named finance and legal officers, by role."""
    return _officers()


def _who(role: str, officers: dict[str, StatutoryOfficer]) -> str:
    officer = officers.get(role)
    if officer is None:
        return (
            f"{ROLE_WORDS[SignOffRole(role)]}, but no {role} officer is named: a partnership "
            "administrator names one under Governance, Statutory officers"
        )
    return f"{officer.person.full_name}, {ROLE_WORDS[SignOffRole(role)]}"


def clearance_problems(report: Report) -> list[str]:
    """What the report still needs before it may go on a published agenda, and who can give
    it, in plain English (empty when it is cleared)."""
    problems: list[str] = []
    if report.contact_officer_id is None:
        problems.append("name its contact officer (the author or an administrator can)")
    if not report.wards_affected.strip() and not report.partners_affected.exists():
        problems.append(
            "say which wards or partners it affects ('None' or 'All wards' will do; the author can)"
        )
    words = dict(IMPLICATIONS)
    missing = [words[name] for name in required_sections() if not getattr(report, name).strip()]
    if missing:
        problems.append(
            f"write the {', '.join(missing)} implications the partnership's report template "
            "requires (the author can)"
        )
    officers = _officers()
    signed = {s.role for s in report.sign_offs.all()}
    for role in (SignOffRole.FINANCE, SignOffRole.LEGAL):
        if role not in signed:
            problems.append(f"the sign-off of {_who(role, officers)}")
    return problems


def clearance_sentence(report: Report) -> str:
    problems = clearance_problems(report)
    if not problems:
        return ""
    return f"The report '{report.title}' (item {report.item.number}) is not cleared: it needs " + (
        "; ".join(problems) + "."
    )


def agenda_check(items: Iterable[Any]) -> list[str]:
    """Governance's agenda check: every report on the items about to be published is cleared."""
    reports = Report.objects.filter(item__in=list(items)).select_related("item")
    return [s for s in (clearance_sentence(r) for r in reports.order_by("item__number")) if s]


@transaction.atomic
def report_sign_off(*, actor: Actor, report: Report, role: str, comment: str = "") -> ReportSignOff:
    """The named finance or legal officer clears the report for their role; their own
    implications section must be written first."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if role not in SignOffRole.values:
        raise ValidationError({"role": ["Choose finance or legal"]})
    officer = _officers().get(OfficerRole(role))
    require(viewer_for(actor), "reports.sign_off", officer)
    assert officer is not None  # the rule refuses None
    section = ROLE_SECTION[SignOffRole(role)]
    if not getattr(report, section).strip():
        raise ValidationError(
            {"role": [f"Write the {section} implications before signing them off"]}
        )
    if report.sign_offs.filter(role=role).exists():
        raise ValidationError(
            {"role": [f"{ROLE_WORDS[SignOffRole(role)].capitalize()} has signed it off already"]}
        )
    return ReportSignOff.objects.create(
        report=report,
        role=role,
        person=officer.person,
        signed_at=clock.now(),
        comment=comment.strip()[:2000],
    )


def sign_offs_withdraw(report: Report, before: dict[str, Any] | None = None) -> int:
    """A sign-off stands only for the report as it was signed off. After `report_update`
    (``before``: the cleared fields' values before the change) the sign-offs are withdrawn if a
    cleared field changed; after a change to a section or a block (``before=None``: every
    section and block service calls this when it changes something) they are withdrawn. Returns
    how many were withdrawn."""
    if before is not None:
        changed = any(getattr(report, f if f != "contact_officer" else "contact_officer_id") != v
                      for f, v in before.items())  # fmt: skip
        if not changed:
            return 0
    deleted, _ = ReportSignOff.objects.filter(report=report).delete()
    return deleted


def signed_off_words(report: Report) -> str:
    """'the finance officer's and the legal officer's sign-offs' (those given), or ''."""
    roles = [s.role for s in report.sign_offs.all()]
    names = [SIGN_OFF_NAMES[SignOffRole(r)] for r in (SignOffRole.FINANCE, SignOffRole.LEGAL)
             if r in roles]  # fmt: skip
    if not names:
        return ""
    return " and ".join(names) + (" sign-offs" if len(names) > 1 else " sign-off")


SIGN_OFF_NAMES = {
    SignOffRole.FINANCE: "the finance officer's",
    SignOffRole.LEGAL: "the legal officer's",
}

WITHDRAW_WARNING = (
    "The report has {what}. Saving a change to a section or a block withdraws {them}: the "
    "officers will need to sign the report off again."
)
WITHDRAWN_NOTICE = " {what} {verb} withdrawn: the officers need to sign the report off again."


def withdraw_warning(report: Report, what: str | None = None) -> str:
    """Said on a section or block form before the change (empty when nothing is signed off);
    ``what``: signed_off_words(report), when the caller has it."""
    what = signed_off_words(report) if what is None else what
    if not what:
        return ""
    return WITHDRAW_WARNING.format(what=what, them="them" if what.endswith("offs") else "it")


def withdrawn_notice(what: str) -> str:
    """Added to the success message after a change withdrew ``what`` (signed_off_words)."""
    if not what:
        return ""
    verb = "were" if what.endswith("sign-offs") else "was"
    return WITHDRAWN_NOTICE.format(what=what[0].upper() + what[1:], verb=verb)


def cleared_values(report: Report) -> dict[str, Any]:
    return {
        f: getattr(report, f if f != "contact_officer" else "contact_officer_id")
        for f in CLEARED_FIELDS
    }
