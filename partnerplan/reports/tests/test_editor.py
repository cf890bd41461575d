"""The report editor (issue 16): sections and blocks reordered through one service each, the
task list of the report's parts with their statuses, live blocks in words, a figure check only
where a £ figure is quoted, one publish state; and (issue 15) a change to a section or block
after sign-off withdraws the sign-offs, said before and after."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from partnerplan.core.access import viewer_for
from partnerplan.governance.services import officers
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    HeldMeetingFactory,
    RecommendationFactory,
)
from partnerplan.reports import clearance, editor_page, services
from partnerplan.reports.models import ReportBlock, ReportSection, ReportSignOff
from partnerplan.reports.tests.factories import (
    AppendixFactory,
    LiveBlockFactory,
    ParagraphFactory,
    ReportFactory,
    SectionFactory,
    version_for,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(world):
    meeting = HeldMeetingFactory.create(body=world.body)
    return ReportFactory.create(item=AgendaItemFactory.create(meeting=meeting, number=3))


def _headings(report):
    return list(
        ReportSection.objects.filter(report=report, kind="body")
        .order_by("order", "pk")
        .values_list("heading", flat=True)
    )


@pytest.fixture
def signed(world, report):
    """The report with its financial and legal implications written and both sign-offs."""
    officers.statutory_officers_name(
        actor=None, finance=world.users["admin"].person, legal=world.users["officer"].person
    )
    services.report_update(
        actor=None, report=report, financial="Within the reserve.", legal="Within the agreement."
    )
    clearance.report_sign_off(actor=world.users["admin"], report=report, role="finance")
    clearance.report_sign_off(actor=world.users["officer"], report=report, role="legal")
    return report


# --- Moving sections and blocks ----------------------------------------------------------------


def test_it_moves_a_section_up_and_numbers_the_sections_again(report):
    a, b, c = (SectionFactory.create(report=report, heading=h, order=5) for h in "ABC")
    services.report_section_move(actor=None, section=c, direction="up")
    assert _headings(report) == ["A", "C", "B"]
    assert list(ReportSection.objects.filter(report=report).order_by("order").values_list(
        "order", flat=True)) == [1, 2, 3]  # fmt: skip
    services.report_section_move(actor=None, section=a, direction="down")
    assert _headings(report) == ["C", "A", "B"]


def test_it_refuses_to_move_the_first_section_up_or_the_last_section_down(report):
    first = SectionFactory.create(report=report, heading="First")
    last = SectionFactory.create(report=report, heading="Last")
    with pytest.raises(ValidationError, match="first section already: it cannot move further up"):
        services.report_section_move(actor=None, section=first, direction="up")
    with pytest.raises(ValidationError, match="last section already: it cannot move further down"):
        services.report_section_move(actor=None, section=last, direction="down")
    assert _headings(report) == ["First", "Last"]


def test_it_moves_an_appendix_only_among_the_appendices(report):
    SectionFactory.create(report=report, heading="Background")
    appendix = AppendixFactory.create(report=report, heading="Only appendix")
    with pytest.raises(ValidationError, match="first appendix already"):
        services.report_section_move(actor=None, section=appendix, direction="up")


def test_it_refuses_a_direction_other_than_up_or_down(report):
    section = SectionFactory.create(report=report)
    with pytest.raises(ValidationError, match="Choose to move it up or down"):
        services.report_section_move(actor=None, section=section, direction="sideways")


def test_it_moves_a_block_inside_its_section_and_refuses_at_the_end(report):
    section = SectionFactory.create(report=report)
    one = ParagraphFactory.create(section=section, text="One.")
    two = ParagraphFactory.create(section=section, text="Two.")
    services.report_block_move(actor=None, block=one, direction="down")
    texts = list(ReportBlock.objects.filter(section=section).order_by("order").values_list(
        "text", flat=True))  # fmt: skip
    assert texts == ["Two.", "One."]
    one.refresh_from_db()
    with pytest.raises(ValidationError, match="last block in its section already"):
        services.report_block_move(actor=None, block=one, direction="down")
    two.refresh_from_db()
    with pytest.raises(ValidationError, match="first block in its section already"):
        services.report_block_move(actor=None, block=two, direction="up")


def test_it_moves_sections_of_a_published_report_and_says_it_changed_since(world, report):
    """Published versions are frozen; the report itself may change and says so."""
    RecommendationFactory.create(item=report.item, number=1, text="To agree the plan.")
    a = SectionFactory.create(report=report, heading="A")
    ParagraphFactory.create(section=a, text="First.")
    b = SectionFactory.create(report=report, heading="B")
    ParagraphFactory.create(section=b, text="Second.")
    version_for(report)
    client = world.client("admin")
    url = reverse("reports:report-detail", args=[report.pk])
    assert "Published: version 1 on" in client.get(url).text
    services.report_section_move(actor=None, section=b, direction="up")
    assert "Changed since version 1" in client.get(url).text


# --- Sign-offs withdrawn by a change to a section or block (issue 15) --------------------------


def test_it_withdraws_the_sign_offs_when_a_section_or_block_changes(signed):
    services.section_add(actor=None, report=signed, heading="Background")
    assert not ReportSignOff.objects.filter(report=signed).exists()


@pytest.mark.parametrize("change", ["block_update", "block_delete", "block_move", "section_move",
                                    "section_update", "section_delete", "block_add"])  # fmt: skip
def test_it_withdraws_the_sign_offs_on_every_change_of_a_section_or_block(world, report, change):
    section = SectionFactory.create(report=report, heading="Background")
    other = SectionFactory.create(report=report, heading="Detail")
    block = ParagraphFactory.create(section=section, text="One.")
    ParagraphFactory.create(section=section, text="Two.")
    officers.statutory_officers_name(
        actor=None, finance=world.users["admin"].person, legal=world.users["officer"].person
    )
    services.report_update(actor=None, report=report, financial="Within the reserve.")
    clearance.report_sign_off(actor=world.users["admin"], report=report, role="finance")
    {
        "block_update": lambda: services.block_update(actor=None, block=block, text="Changed."),
        "block_delete": lambda: services.block_delete(actor=None, block=block),
        "block_move": lambda: services.report_block_move(actor=None, block=block, direction="down"),
        "block_add": lambda: services.block_add(actor=None, section=other, kind="paragraph",
                                                text="New."),
        "section_move": lambda: services.report_section_move(
            actor=None, section=other, direction="up"
        ),
        "section_update": lambda: services.section_update(actor=None, section=other, heading="X"),
        "section_delete": lambda: services.section_delete(actor=None, section=other),
    }[change]()  # fmt: skip
    assert not ReportSignOff.objects.filter(report=report).exists()


def test_it_keeps_the_sign_offs_when_a_block_is_saved_unchanged(signed):
    section = SectionFactory.create(report=signed)
    block = ParagraphFactory.create(section=section, text="One.")
    services.block_update(actor=None, block=block, text="One.")
    services.section_update(actor=None, section=section, heading=section.heading)
    assert ReportSignOff.objects.filter(report=signed).count() == 2


def test_the_pages_say_a_change_withdraws_the_sign_offs_before_and_after(world, signed):
    section = SectionFactory.create(report=signed, heading="Background")
    client = world.client("admin")
    form = client.get(reverse("reports:block-add", args=[section.pk])).text
    assert "Saving a change to a section or a block withdraws them" in form
    editor = client.get(reverse("reports:report-detail", args=[signed.pk])).text
    assert "withdraws them" in editor
    response = client.post(
        reverse("reports:block-add", args=[section.pk]),
        {"kind": "paragraph", "text": "New paragraph.", "numbered": "on"},
        follow=True,
    )
    assert "sign-offs were withdrawn: the officers need to sign the report off again" in (
        response.text
    )


# --- Words: figures and live blocks ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("The balance would be £129,700 in March 2011.", True),
        ("A call of £85k on reserves.", True),
        ("To agree the plan.", False),
        ("In 2011 the partnership spent 85,000 on it.", False),
        ("", False),
    ],
)
def test_it_finds_a_pound_figure_only_where_one_is_quoted(text, quotes):
    assert editor_page.quotes_pounds(text) is quotes


def test_it_words_a_live_block_for_what_it_shows(report):
    section = SectionFactory.create(report=report)
    forecast = LiveBlockFactory.create(
        section=section, live_kind="fund_forecast",
        live_params={"fund": 1, "start": "2010-04-01", "end": "2011-03-31",
                     "names": {"fund": "Partnership reserve"}},
    )  # fmt: skip
    words = editor_page.live_block_words(forecast)
    assert words.startswith("Table: the forecast balance of Partnership reserve")
    assert "from 1 April 2010 to 31 March 2011" in words
    assert "on the day the report is published" in words
    diagram = LiveBlockFactory.create(section=section)
    assert editor_page.live_block_words(diagram).startswith("Diagram: the partnership's")
    assert "fund_forecast" not in words


def test_it_offers_a_figure_check_only_where_a_pound_figure_is_quoted(world, report):
    quoting = RecommendationFactory.create(item=report.item, number=1, text="To call £85,000.")
    plain = RecommendationFactory.create(item=report.item, number=2, text="To note the plan.")
    section = SectionFactory.create(report=report)
    with_figure = ParagraphFactory.create(section=section, text="The reserve holds £129,700.")
    without = ParagraphFactory.create(section=section, text="The plan is sound.")
    client = world.client("admin")
    page = client.get(reverse("reports:report-detail", args=[report.pk])).text
    assert reverse("reports:recommendation-figure", args=[quoting.pk]) in page
    assert reverse("reports:recommendation-figure", args=[plain.pk]) not in page
    assert reverse("reports:block-edit", args=[with_figure.pk]) + "?figure=1" in page
    assert reverse("reports:block-edit", args=[without.pk]) + "?figure=1" not in page
    assert (
        "Check the £ figure"
        in client.get(reverse("reports:block-edit", args=[with_figure.pk])).text
    )
    assert (
        "Check the £ figure"
        not in client.get(reverse("reports:block-edit", args=[without.pk])).text
    )


# --- The task list and the publish state -------------------------------------------------------


def test_it_lists_the_parts_in_document_order_with_their_statuses(world, report):
    report.purpose = ""
    report.save()
    SectionFactory.create(report=report, heading="Empty section")
    full = SectionFactory.create(report=report, heading="Background")
    ParagraphFactory.create(section=full)
    AppendixFactory.create(report=report, heading="Governance")
    tasks = editor_page.document_tasks(report, [])
    titles = [t.title for t in tasks]
    assert titles[:3] == ["Title, author and contact officer", "Purpose of the report",
                          "Recommendations"]  # fmt: skip
    assert titles.index("Empty section") < titles.index("Background") < titles.index(
        "Financial implications") < titles.index("Appendix: Governance")  # fmt: skip
    status = {t.title: t.status for t in tasks}
    assert status["Purpose of the report"] == "Incomplete"
    assert status["Recommendations"] == "Incomplete"
    assert status["Empty section"] == "Incomplete"
    assert status["Background"] == "Completed"
    assert status["Financial implications"] == "Incomplete"  # the template requires all six
    assert status["Conclusions"] == "Optional"


def test_a_sign_off_cannot_start_before_its_implications_are_written(world, report):
    officers.statutory_officers_name(
        actor=None, finance=world.users["admin"].person, legal=world.users["officer"].person
    )
    viewer = viewer_for(world.users["admin"])
    status = {t.title: t for t in editor_page.clearance_tasks(report, viewer)}
    assert status["Finance sign-off"].status == "Cannot start yet"
    assert status["Finance sign-off"].link == ""
    report = services.report_update(actor=None, report=report, financial="Within the reserve.")
    status = {t.title: t for t in editor_page.clearance_tasks(report, viewer)}
    assert status["Finance sign-off"].status == "Incomplete"
    assert status["Finance sign-off"].link == reverse(
        "reports:report-sign-off-finance", args=[report.pk]
    )


def test_it_shows_one_publish_state(report):
    state = editor_page.publish_state(report, None, to_publish=[], to_clear=["x"], changed=False)
    assert state.label == "Draft"
    state = editor_page.publish_state(report, None, to_publish=[], to_clear=[], changed=False)
    assert state.label == "Ready to publish"
    version = version_for(report)
    version.published_at = dt.datetime(2010, 12, 9, 12, tzinfo=dt.UTC)
    state = editor_page.publish_state(report, version, to_publish=[], to_clear=[], changed=False)
    assert state.label == "Published: version 1 on 9 December 2010"
    state = editor_page.publish_state(report, version, to_publish=["y"], to_clear=[], changed=True)
    assert state.label == "Changed since version 1"


def test_the_editor_moves_a_section_with_a_plain_form(world, report):
    a = SectionFactory.create(report=report, heading="A")
    b = SectionFactory.create(report=report, heading="B")
    client = world.client("admin")
    page = client.get(reverse("reports:report-detail", args=[report.pk])).text
    assert 'class="govuk-task-list"' in page
    assert reverse("reports:section-up", args=[b.pk]) in page
    assert reverse("reports:section-up", args=[a.pk]) not in page  # first: no "Move up"
    response = client.post(reverse("reports:section-up", args=[b.pk]))
    assert response.status_code == 302
    assert response["Location"].endswith(f"#section-{b.pk}")
    assert _headings(report) == ["B", "A"]
    refused = client.post(reverse("reports:section-up", args=[b.pk]))
    assert refused.status_code == 400
    assert "first section already" in refused.text
