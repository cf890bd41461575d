"""The December 2010 report, produced again from the demo partnership's data.

``produce_december_report`` is the one action: it writes the report on the Joint Committee's
agenda item "Review of Partnership Work Plan" (governance demo) and publishes it. What comes
from data:
- the seven recommendations: the agenda item's governance recommendations;
- paragraph 4.9 (funding): its £129,700 is tied to the ledger's forecast of the Staffordshire
  Connects reserve at 31 March 2011 with the contingency call and the CRM request approved
  (finance demo). The ledger gives £129,790, so the report is published with the figure check
  overridden and the reason recorded (the seed tabled £129,700);
- a live block after 4.9: the reserve's forecast and the movements behind it;
- Appendix A: the overlap table between the work plan and the One Place workstreams, from the
  programme links (portfolio demo);
- Appendix B: a summary of each One Place workstream (portfolio demo);
- Appendix C: the governance structure diagram (governance demo).
The authored text of sections 1, 3, 4 and 5 is the seed's own, without its paragraph numbers
(the builders number them); it is shared with the bench and the builders' tests
(``reports/seed_report``). Nothing but the demo loader imports this module.
"""

from __future__ import annotations

import contextlib
from typing import Any

from partnerplan.core.demo import PAPERS_PUBLISHED
from partnerplan.core.services import demo_clock_recording
from partnerplan.core.types import Actor
from partnerplan.governance.models import AgendaItem
from partnerplan.reports import services
from partnerplan.reports.models import BlockKind, Report, SectionKind
from partnerplan.reports.seed_report import OVERRIDE, SEED_SECTIONS
from partnerplan.reports.selectors import DECEMBER_TITLE as TITLE


def _item(context: dict[str, Any]) -> AgendaItem | None:
    meeting = context.get("meetings", {}).get("JC 2010-12-17")
    if meeting is None:
        return None
    return AgendaItem.objects.filter(meeting=meeting, title=TITLE).first()


def _paragraphs(heading: str) -> list[tuple[str, str]]:
    return dict(SEED_SECTIONS)[heading]


def _write(report: Report, context: dict[str, Any], actor: Actor) -> None:
    programmes = context.get("programmes", {})
    funds = context.get("funds", {})
    from partnerplan.finance.models import Scenario

    both = Scenario.objects.filter(name__startswith="Contingency call and CRM").first()
    for heading in ("Background", "Detail"):
        section = services.section_add(actor=actor, report=report, heading=heading)
        for kind, text in _paragraphs(heading):
            figure: dict[str, Any] = {}
            if kind == "p" and text.startswith("Not all Leaders") and "reserve" in funds:
                figure = {
                    "label": "the March 2011 forecast balance",
                    "fund": funds["reserve"].pk,
                    "on": "2011-03-31",
                    "scenario": both.pk if both else None,
                }
            if kind == "h":
                services.block_add(
                    actor=actor, section=section, kind=BlockKind.SUBHEADING, text=text
                )
            else:
                services.block_add(
                    actor=actor,
                    section=section,
                    kind=BlockKind.PARAGRAPH,
                    text=text if kind == "p" else f"**{text}**",
                    numbered=kind == "p",
                    figure=figure,
                )
            if figure:
                reserve = funds["reserve"]
                services.block_add(
                    actor=actor,
                    section=section,
                    kind=BlockKind.LIVE,
                    live_kind="fund_forecast",
                    live_params={
                        "fund": reserve.pk,
                        "start": "2010-04-01",
                        "end": "2011-03-31",
                        "scenario": both.pk if both else None,
                        "names": {"fund": reserve.name},
                    },
                )
    appendices: list[tuple[str, str, dict[str, Any]]] = [
        (
            "Overlap between Staffordshire Connects Work Plan and Staffordshire One Place",
            "overlap",
            {"programme": "one_place", "other": "plan"},
        ),
        (
            "Summary of Staffordshire One Place Scoping Papers",
            "workstreams",
            {"programme": "one_place"},
        ),
        ("Governance of a multi-partner transformation programme", "governance_diagram", {}),
    ]
    for heading, kind, keys in appendices:
        section = services.section_add(
            actor=actor, report=report, heading=heading, kind=SectionKind.APPENDIX
        )
        params: dict[str, Any] = {k: programmes[v].pk for k, v in keys.items() if v in programmes}
        params["names"] = {k: programmes[v].name for k, v in keys.items() if v in programmes}
        services.block_add(
            actor=actor, section=section, kind=BlockKind.LIVE, live_kind=kind, live_params=params
        )


def produce_december_report(context: dict[str, Any]) -> Report | None:
    """Write and publish the December 2010 report from the demo data. Running it again adds
    nothing: an existing report is left as it is."""
    item = _item(context)
    if item is None:
        return None
    actor = context.get("actor")
    report = Report.objects.filter(item=item).first()
    if report is None:
        report = services.report_create(
            actor=actor,
            item=item,
            author=context.get("people", {}).get("Andrew Street", item.author),
            author_role="Partnership Director",
            purpose="\n\n".join(text for _kind, text in _paragraphs("Purpose of report")),
            conclusions="\n\n".join(text for _kind, text in _paragraphs("Conclusions")),
            background_papers="Report to the Joint Committee on the Partnership Work Plan, "
            "previous meeting\nScoping papers of the Leaders and Chief Executives Group "
            "workstreams, October and November 2010",
        )
        _write(report, context, actor)
    if not report.versions.exists():
        services.report_publish(actor=actor, report=report, override_reason=OVERRIDE)
    _clearance(report, context)
    return report


def _clearance(report: Report, context: dict[str, Any]) -> None:
    """The report's clearance. DEMO DATA: the seed report has no implications sections, contact
    officer or sign-offs; these say what its papers imply, signed off by the demo's named
    finance officer (the partner officer) and legal officer (the Partnership Director)."""
    from django.core.exceptions import PermissionDenied, ValidationError

    from partnerplan.reports import clearance

    if report.sign_offs.exists() or report.contact_officer_id is not None:
        return
    accounts = context.get("accounts", {})
    services.report_update(
        actor=context.get("actor"),
        report=report,
        contact_officer=report.author,
        wards_affected="All wards of the partner councils (DEMO DATA)",
        financial="A further call of £85,000 on the partnership reserve (2.4, 4.9). (DEMO DATA)",
        legal="Within the joint committee's terms of reference (DEMO DATA).",
        equalities="No direct effect (DEMO DATA).",
        risks="As set out in section 4 (DEMO DATA).",
        data_protection="No personal data is shared (DEMO DATA).",
        climate="No direct effect (DEMO DATA).",
    )
    for role, username in (("finance", "officer"), ("legal", "director")):
        user = accounts.get(username)
        if user is not None:
            with contextlib.suppress(PermissionDenied, ValidationError):  # no named officer
                clearance.report_sign_off(actor=user, report=report, role=role)


def load(context: dict[str, Any]) -> None:
    # Published with the agenda (with a demonstration clock, dated on that day).
    with demo_clock_recording(on=PAPERS_PUBLISHED):
        report = produce_december_report(context)
    context["reports"] = {"December 2010": report} if report else {}
