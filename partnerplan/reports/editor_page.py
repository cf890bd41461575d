"""What the report editor shows, worked out from the report once: the task list of the report's
parts in document order with a status for each, the clearance rows, the one publish state, live
blocks in words, the places that quote a £ figure, and the preview.

Statuses (docs/reports.md, "The editor"):

- **Completed**: the part has its text (a section: at least one paragraph, live block or image;
  a sign-off: given).
- **Incomplete**: a part the report needs is empty (the purpose, a section or appendix with no
  text, the recommendations a report that must make them has not got, an implications section
  the partnership's report template requires, a sign-off not given yet).
- **Cannot start yet**: a sign-off whose implications section is not written (the officer signs
  off their own section).
- **Optional**: a part the report may leave out (an implications section the template does not
  require, the conclusions, background papers); it is shown so that the list is the whole
  document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils import timezone

from partnerplan.core.access import Viewer, can
from partnerplan.finance.selectors.figure_checks import figures_in
from partnerplan.reports import clearance
from partnerplan.reports.builders import DocumentError, build_html, prepare_document
from partnerplan.reports.documents import FIXED_SECTIONS, build_document
from partnerplan.reports.models import (
    IMPLICATIONS,
    BlockKind,
    Report,
    ReportBlock,
    ReportSection,
    ReportVersion,
    SectionKind,
    SignOffRole,
)
from partnerplan.reports.serialise import to_json

COMPLETED, INCOMPLETE, CANNOT, OPTIONAL = "Completed", "Incomplete", "Cannot start yet", "Optional"


def quotes_pounds(text: str) -> bool:
    """Does ``text`` quote a £ figure ('£129,700', '£85k', '£1.2m')? Only such a paragraph or
    recommendation is offered a figure check."""
    return bool(figures_in(text or ""))


# --- Live blocks in words ------------------------------------------------------------------

ON_PUBLICATION = "on the day the report is published"


def live_block_words(block: ReportBlock) -> str:
    """What a live block will show, in words ('Table: the forecast balance of the Partnership
    reserve ...'), from its kind and the names of the records it was given."""
    params = block.live_params or {}
    names = params.get("names") or {}

    def name(key: str, fallback: str) -> str:
        return str(names.get(key) or fallback)

    def date(key: str) -> str:
        value = params.get(key)
        if not value:
            return "(no date)"
        day = dt.date.fromisoformat(str(value))
        return f"{day.day} {day:%B %Y}"

    kind = block.live_kind
    if kind == "governance_diagram":
        return (
            "Diagram: the partnership's governance bodies and who reports to whom, as they are "
            f"recorded {ON_PUBLICATION}, with a description in words"
        )
    if kind == "overlap":
        return (
            f"Table: where the projects of {name('programme', 'a programme')} and "
            f"{name('other', 'another programme')} overlap, {ON_PUBLICATION}"
        )
    if kind == "workstreams":
        return (
            f"Table: each workstream of {name('programme', 'a programme')} with its projects, "
            f"{ON_PUBLICATION}"
        )
    if kind == "pipeline":
        return (
            "Table: the pipeline of projects ranked by priority under "
            f"{name('method', 'a prioritisation method')}, {ON_PUBLICATION}"
        )
    if kind == "fund_forecast":
        scenario = names.get("scenario")
        assuming = f", assuming the requests of {scenario} are approved" if scenario else ""
        return (
            f"Table: the forecast balance of {name('fund', 'a fund')} and the movements behind "
            f"it from {date('start')} to {date('end')}{assuming}, as the ledger stands "
            f"{ON_PUBLICATION}"
        )
    if kind == "highlight":
        return (
            f"Table: the latest highlight report of {name('project', 'a project')} {ON_PUBLICATION}"
        )
    if kind == "scenario_result":
        plan = names.get("plan_scenario")
        which = f"the plan of its scenario {plan}" if plan else "the plan as it stands"
        return f"Table: the planner run {name('run', 'chosen')}'s answer ({which})"
    return f"A live block of a kind partnerplan no longer knows ('{kind}'): change or delete it"


def block_words(block: ReportBlock) -> str:
    """One line saying what a block is, for the editor's list of blocks."""
    if block.kind == BlockKind.LIVE:
        return live_block_words(block)
    if block.kind == BlockKind.IMAGE:
        return "Image: " + (block.caption or block.alt or "without alt text")
    if block.kind == BlockKind.SUBHEADING:
        return "Subheading: " + block.text.strip()
    text = " ".join(block.text.replace("**", "").split())
    return text if len(text) <= 240 else text[:237].rsplit(" ", 1)[0] + " ..."


def _has_text(block: ReportBlock) -> bool:
    if block.kind == BlockKind.PARAGRAPH:
        return bool(block.text.strip())
    return block.kind in (BlockKind.LIVE, BlockKind.IMAGE)


# --- The task list ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Task:
    title: str
    status: str
    href: str = ""
    hint: str = ""

    @property
    def link(self) -> str:
        return "" if self.status == CANNOT else self.href


def _count(blocks: list[ReportBlock]) -> str:
    kinds: dict[str, int] = {}
    for b in blocks:
        kinds[b.get_kind_display().split(" (")[0].lower()] = (
            kinds.get(b.get_kind_display().split(" (")[0].lower(), 0) + 1
        )
    return ", ".join(f"{n} {k}{'' if n == 1 else 's'}" for k, n in kinds.items())


def _section_task(section: ReportSection) -> Task:
    blocks = list(section.blocks.all())
    prefix = "Appendix: " if section.kind == SectionKind.APPENDIX else ""
    href = f"#section-{section.pk}"
    if not any(_has_text(b) for b in blocks):
        hint = "No text yet: add a paragraph, live block or image"
        return Task(prefix + section.heading, INCOMPLETE, href, hint)
    return Task(prefix + section.heading, COMPLETED, href, _count(blocks))


def _text_task(report: Report, name: str, title: str, required: set[str], edit: str) -> Task:
    href = f"{edit}#id_{name}"
    if getattr(report, name).strip():
        return Task(title, COMPLETED, href)
    if name in required:
        return Task(title, INCOMPLETE, href, "The partnership's report template requires it")
    return Task(title, OPTIONAL, href, "Not written: the report may leave it out")


def document_tasks(report: Report, recommendations: list[Any]) -> list[Task]:
    """The report's parts in the order the document prints them."""
    edit = reverse("reports:report-edit", args=[report.pk])
    required = set(clearance.required_sections())
    sections = list(report.sections.all())
    details_missing = []
    if report.contact_officer_id is None:
        details_missing.append("the contact officer")
    if not report.wards_affected.strip() and not report.partners_affected.all():
        details_missing.append("the wards or partners affected")
    tasks = [
        Task(
            "Title, author and contact officer",
            INCOMPLETE if details_missing else COMPLETED,
            edit,
            ("Still to give: " + " and ".join(details_missing)) if details_missing else "",
        ),
        Task(
            "Purpose of the report",
            COMPLETED if report.purpose.strip() else INCOMPLETE,
            f"{edit}#id_purpose",
            "" if report.purpose.strip() else "Say what the committee is asked to do and why",
        ),
    ]
    item_url = reverse("governance:item-detail", args=[report.item_id])
    if recommendations:
        n = len(recommendations)
        tasks.append(
            Task("Recommendations", COMPLETED, item_url, f"{n} on the agenda item")
        )  # fmt: skip
    elif report.recommendations_required:
        hint = "None yet: they are written on the agenda item"
        tasks.append(Task("Recommendations", INCOMPLETE, item_url, hint))
    else:
        tasks.append(Task("Recommendations", OPTIONAL, item_url, "A report for information"))
    tasks += [_section_task(s) for s in sections if s.kind == SectionKind.BODY]
    for name, heading in FIXED_SECTIONS:
        tasks.append(_text_task(report, name, heading, required, edit))
    papers = [line for line in report.background_papers.splitlines() if line.strip()]
    papers_url = f"{edit}#id_background_papers"
    tasks.append(
        Task("Background papers", COMPLETED, papers_url, f"{len(papers)} listed")
        if papers
        else Task("Background papers", OPTIONAL, papers_url, "None listed")
    )
    tasks += [_section_task(s) for s in sections if s.kind == SectionKind.APPENDIX]
    return tasks


def clearance_tasks(report: Report, viewer: Viewer) -> list[Task]:
    """The clearance items (reports.clearance) as task rows: the implications the template
    requires, and the finance and legal sign-offs."""
    edit = reverse("reports:report-edit", args=[report.pk])
    words = dict(IMPLICATIONS)
    missing = [words[n] for n in clearance.required_sections() if not getattr(report, n).strip()]
    tasks = [
        Task(
            "Implications the report template requires",
            INCOMPLETE if missing else COMPLETED,
            edit,
            ("Still to write: " + ", ".join(missing)) if missing else "",
        )
    ]
    signed = {s.role: s for s in report.sign_offs.all()}
    officers = clearance.statutory_officers()
    for role, url_name in (
        (SignOffRole.FINANCE, "reports:report-sign-off-finance"),
        (SignOffRole.LEGAL, "reports:report-sign-off-legal"),
    ):
        title = f"{role.label.split()[0]} sign-off"
        officer = officers.get(role)
        may_sign = officer is not None and can(viewer, "reports.sign_off", officer)
        href = reverse(url_name, args=[report.pk]) if may_sign else ""
        section = clearance.ROLE_SECTION[role]
        if role in signed:
            s = signed[role]
            day = timezone.localtime(s.signed_at)
            hint = f"Signed off by {s.person.full_name} on {day.day} {day:%B %Y}"
            tasks.append(Task(title, COMPLETED, "", hint))
        elif not getattr(report, section).strip():
            hint = f"The {section} implications must be written first"
            tasks.append(Task(title, CANNOT, "", hint))
        else:
            who = officer.person.full_name if officer else f"no {role.value} officer is named yet"
            tasks.append(Task(title, INCOMPLETE, href, f"Waiting for {who}"))
    return tasks


# --- Figures ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FigurePlace:
    where: str
    text: str
    checked: bool
    href: str


def figure_places(report: Report, recommendations: list[Any]) -> list[FigurePlace]:
    """The recommendations and paragraphs that quote a £ figure, each with its check."""
    ties = report.recommendation_figures or {}
    places = [
        FigurePlace(
            f"Recommendation {r.number}",
            r.text,
            bool((ties.get(str(r.pk)) or {}).get("fund")),
            reverse("reports:recommendation-figure", args=[r.pk]),
        )
        for r in recommendations
        if quotes_pounds(r.text)
    ]
    for section in report.sections.all():
        for i, block in enumerate(section.blocks.all(), 1):
            if block.kind == BlockKind.PARAGRAPH and quotes_pounds(block.text):
                places.append(
                    FigurePlace(
                        f"{section.heading}, block {i}",
                        block_words(block),
                        bool((block.figure or {}).get("fund")),
                        reverse("reports:block-edit", args=[block.pk]) + "?figure=1#figure",
                    )
                )
    return places


# --- The publish state and the preview ---------------------------------------------------------


def authored(value: Any) -> Any:
    """A stored document without what the data supplies (live blocks' contents and the time
    they were read, figure checks' computed values), to tell whether the words changed."""
    if isinstance(value, list):
        return [authored(v) for v in value]
    if isinstance(value, dict):
        kind = value.get("_t")
        if kind == "LiveBlock":
            return {"_t": kind, "source": value.get("source")}
        if kind == "LiveBlockMissing":
            return {"_t": kind}
        return {k: authored(v) for k, v in value.items() if k != "figures"}
    return value


@dataclass
class PublishState:
    label: str
    tag: str
    sentence: str
    to_publish: list[str] = field(default_factory=list)
    to_clear: list[str] = field(default_factory=list)


def _day(version: ReportVersion) -> str:
    day = timezone.localtime(version.published_at)
    return f"{day.day} {day:%B %Y}"


def publish_state(
    report: Report,
    latest: ReportVersion | None,
    *,
    to_publish: list[str],
    to_clear: list[str],
    changed: bool,
) -> PublishState:
    """One state: Draft, Ready to publish, Published version N on <date>, or Changed since
    version N; with what is missing before it can be published and go on an agenda."""
    ready = not to_publish and not to_clear
    if latest is not None and not changed:
        sentence = (
            "The published version is the one on the agenda. Nothing has changed since."
            if ready
            else "Nothing has changed since it was published."
        )
        return PublishState(
            f"Published: version {latest.number} on {_day(latest)}",
            "govuk-tag--green",
            sentence,
            to_publish,
            to_clear,
        )
    if latest is not None:
        sentence = (
            f"The words have changed since version {latest.number} was published on "
            f"{_day(latest)}; readers see version {latest.number} until you publish again."
        )
        label, tag = f"Changed since version {latest.number}", "govuk-tag--orange"
    else:
        sentence = "Not published yet: only those who may change it can read it."
        label, tag = "Draft", "govuk-tag--grey"
    if ready:
        label, tag = "Ready to publish", "govuk-tag--blue"
        if latest is not None:
            label = f"Ready to publish version {latest.number + 1}"
    return PublishState(label, tag, sentence, to_publish, to_clear)


@dataclass
class Editor:
    tasks: list[Task]
    clearance_tasks: list[Task]
    figures: list[FigurePlace]
    state: PublishState
    preview: str | None
    withdraw_warning: str
    # The sections, then the appendices, each in its order (a block's ``words`` set).
    section_groups: list[list[ReportSection]]


def editor(report: Report, viewer: Viewer, *, latest_document: Any = None) -> Editor:
    """Everything the editor page shows beyond the report's own rows. ``latest_document`` is
    the latest published version's stored document (JSON), if there is one."""
    recommendations = list(report.item.recommendations.all())
    versions = list(report.versions.all())
    latest = versions[0] if versions else None
    built = build_document(report)
    try:
        # A figure the ledger disagrees with is listed, and the preview still shown.
        prepared = prepare_document(built.document, accept={"figure_mismatch"})
        validation = list(prepared.accepted)
    except DocumentError as error:
        prepared, validation = None, list(error.problems)
    problems = [str(p) for p in [*built.problems, *validation]]
    preview = build_html(prepared) if prepared is not None else None
    changed = latest is not None and authored(to_json(built.document)) != authored(latest_document)
    state = publish_state(
        report,
        latest,
        to_publish=problems,
        to_clear=clearance.clearance_problems(report),
        changed=changed,
    )
    sections = list(report.sections.all())
    for section in sections:
        for block in section.blocks.all():
            block.words = block_words(block)  # type: ignore[attr-defined]
    groups = [
        [s for s in sections if s.kind == SectionKind.BODY],
        [s for s in sections if s.kind == SectionKind.APPENDIX],
    ]
    return Editor(
        section_groups=groups,
        tasks=document_tasks(report, recommendations),
        clearance_tasks=clearance_tasks(report, viewer),
        figures=figure_places(report, recommendations),
        state=state,
        preview=preview,
        withdraw_warning=clearance.withdraw_warning(report),
    )
