"""The partnership's report template: its Word house style and the sections every report needs."""

from __future__ import annotations

import zipfile
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document as open_docx

from partnerplan.reports import house_style
from partnerplan.reports.builders import prepare_document
from partnerplan.reports.builders.docx_builder import build_docx
from partnerplan.reports.builders.docx_template import partnership_template
from partnerplan.reports.clearance import required_sections
from partnerplan.reports.documents import build_document
from partnerplan.reports.tests.factories import ReportFactory

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _png() -> bytes:
    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (120, 40), (0, 48, 120)).save(out, format="PNG")
    return out.getvalue()


def _header_text(data: bytes) -> str:
    return "\n".join(p.text for p in open_docx(BytesIO(data)).sections[0].header.paragraphs)


def test_it_puts_the_partnership_name_and_logo_in_the_built_in_template():
    data = partnership_template("Staffordshire Connects", _png())
    assert "Staffordshire Connects" in _header_text(data)
    with zipfile.ZipFile(BytesIO(data)) as archive:
        assert any(name.startswith("word/media/") for name in archive.namelist())


def test_it_saves_the_sections_and_name_and_uses_them_for_every_report(world):
    house_style.house_style_update(
        actor=world.users["admin"], required_sections=["financial", "legal"],
        partnership_name="  Staffordshire   Connects ", logo=_png(),
    )  # fmt: skip
    assert required_sections() == ["financial", "legal"]
    report = ReportFactory.create()
    doc = build_document(report).document
    assert doc.word_template is not None
    word = build_docx(prepare_document(doc, require_recommendations=False))
    assert "Staffordshire Connects" in _header_text(word)


def test_it_lets_a_report_template_override_the_partnerships(world):
    house_style.house_style_update(
        actor=world.users["admin"], required_sections=[], partnership_name="Staffordshire Connects"
    )
    report = ReportFactory.create(docx_template=partnership_template("Own template"))
    assert build_document(report).document.word_template is None


def test_it_uses_the_councils_own_template_in_place_of_the_built_in_one(world):
    council = partnership_template("Tamworth Borough Council")
    house_style.house_style_update(
        actor=world.users["admin"], required_sections=[], template=council, template_name="tbc.docx"
    )
    assert house_style.house_template() == council


def test_it_refuses_a_hostile_template_and_saves_nothing(world):
    bomb = BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", b"<x>" + b" " * 60_000_000 + b"</x>")
    with pytest.raises(ValidationError, match="unpack|bytes|MB|zip"):
        house_style.house_style_update(
            actor=world.users["admin"], required_sections=["legal"], template=bomb.getvalue()
        )
    assert house_style.house_style() is None


def test_it_refuses_a_logo_that_is_not_a_png(world):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
    with pytest.raises(ValidationError, match="PNG"):
        house_style.house_style_update(actor=world.users["admin"], required_sections=[], logo=svg)


def test_it_refuses_a_section_that_does_not_exist(world):
    with pytest.raises(ValidationError, match="no implications section called morale"):
        house_style.house_style_update(actor=world.users["admin"], required_sections=["morale"])


def test_it_saves_the_page_for_an_administrator(world):
    client = world.client("admin")
    url = reverse("reports:house-style")
    page = client.get(url)
    assert page.status_code == 200
    assert "Report template" in page.content.decode()
    response = client.post(
        url,
        {
            "required_sections": ["financial", "risks"],
            "partnership_name": "Staffordshire Connects",
            "logo": SimpleUploadedFile("logo.png", _png(), content_type="image/png"),
        },
    )
    assert response.status_code == 302
    assert required_sections() == ["financial", "risks"]
    download = client.get(reverse("reports:house-style-docx"))
    assert download["Content-Type"] == DOCX
    assert "Staffordshire Connects" in _header_text(download.content)


def test_it_shows_the_page_error_for_a_bad_template(world):
    response = world.client("admin").post(
        reverse("reports:house-style"),
        {"template": SimpleUploadedFile("t.docx", b"not a zip", content_type=DOCX)},
    )
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()


def test_it_shows_the_report_template_page_in_a_fixed_number_of_queries(world, assert_queries):
    client = world.client("admin")
    url = reverse("reports:house-style")
    client.get(url)
    # The session, the user, the viewer's roles and memberships (4), the template row for the
    # page and the one for the required sections (clearance.required_sections).
    with assert_queries(6, "reports:house-style: the template row"):
        response = client.get(url)
    assert response.status_code == 200
