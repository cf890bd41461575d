"""The partnership's report template: the Word house style every report without a template of
its own is built in, and the implications sections every report needs.

One ``ReportTemplate`` row holds both. Its Word side is the partnership's name and logo in the
built-in template's page header (``builders.docx_template.partnership_template``) or, in their
place, the council's own uploaded .docx. A report's own template (``Report.docx_template``)
overrides it; ``house_template()`` is what ``documents.build_document`` puts on the document,
so publishing, minutes, decision notices and the project documents all use it.

Uploads are hostile until checked: the zip-bomb and XML checks (``builders.uploads``), the
styles and fields check (``check_template``), then a sample report built with the file within
the render limits (``builders.limits``), all before anything is saved.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.reports.builders import DocumentError, prepare_document
from partnerplan.reports.builders.docx_builder import build_docx, check_template
from partnerplan.reports.builders.docx_template import partnership_template
from partnerplan.reports.builders.limits import Limits, run_limited
from partnerplan.reports.builders.model import Document, Paragraph, Section
from partnerplan.reports.builders.uploads import docx_problems, image_problems
from partnerplan.reports.models import IMPLICATIONS, ReportTemplate

MAX_TEMPLATE = 10 * 1024 * 1024
MAX_LOGO = 2 * 1024 * 1024

_SAMPLE = Document(
    title="Sample report",
    meeting="Joint Committee",
    author="An Author",
    author_role="Director",
    purpose=(Paragraph("To try the partnership's template."),),
    recommendations=(Paragraph("That the template be used."),),
    sections=(Section("Background", (Paragraph("A paragraph."),)),),
)


def house_style() -> ReportTemplate | None:
    """The partnership's report template row, if one has been saved."""
    return ReportTemplate.objects.order_by("pk").first()


def house_template(style: ReportTemplate | None = None) -> bytes | None:
    """The partnership's Word template: the council's upload, else the built-in template with
    the partnership's name and logo, else None (the built-in template as it is)."""
    style = style if style is not None else house_style()
    if style is None:
        return None
    if style.docx_template:
        return bytes(style.docx_template)
    if style.partnership_name or style.logo:
        return partnership_template(style.partnership_name, bytes(style.logo or b"") or None)
    return None


def house_template_download() -> bytes:
    """The template to start the council's own from: the built-in one with the name and logo."""
    style = house_style()
    if style is None:
        return partnership_template()
    return partnership_template(style.partnership_name, bytes(style.logo or b"") or None)


def _limits() -> Limits:
    return Limits(
        seconds=settings.PARTNERPLAN_RENDER_SECONDS,
        memory_mb=settings.PARTNERPLAN_RENDER_MEMORY_MB,
    )


def _try(template: bytes, field: str) -> None:
    """Build the sample report with ``template`` within the render limits."""
    prepared = prepare_document(_SAMPLE)
    try:
        run_limited(
            lambda: build_docx(prepared, template=template),
            limits=_limits(),
            what="A sample report in the template",
        )
    except DocumentError as error:
        raise ValidationError({field: [p.message for p in error.problems]}) from error


def _template_problems(data: bytes) -> None:
    if len(data) > MAX_TEMPLATE:
        raise ValidationError({"template": ["The template must be smaller than 10 MB"]})
    unsafe = docx_problems(data)
    if unsafe:
        raise ValidationError({"template": unsafe})
    problems = check_template(data)
    if problems:
        raise ValidationError({"template": [p.message for p in problems]})
    _try(data, "template")


def _logo_problems(data: bytes) -> str:
    if len(data) > MAX_LOGO:
        raise ValidationError({"logo": ["The logo must be smaller than 2 MB"]})
    kind, problems = image_problems(data)
    if problems:
        raise ValidationError({"logo": problems})
    if kind != "image/png":
        raise ValidationError({"logo": ["The logo must be a PNG image (Word shows no SVG)"]})
    return kind


@transaction.atomic
def house_style_update(
    *,
    actor: Actor,
    required_sections: list[str],
    partnership_name: str = "",
    logo: bytes | None = None,
    remove_logo: bool = False,
    template: bytes | None = None,
    template_name: str = "",
    remove_template: bool = False,
) -> ReportTemplate:
    """Save the partnership's report template: the implications sections every report needs,
    the partnership's name and logo, and the council's own Word template (``None``: keep what
    is there; ``remove_*``: drop it). Refused, with nothing saved, on any bad file."""
    known = [name for name, _words in IMPLICATIONS]
    unknown = sorted(set(required_sections) - set(known))
    if unknown:
        raise ValidationError(
            {"required_sections": ["There is no implications section called " + unknown[0]]}
        )
    if logo is not None and remove_logo:
        raise ValidationError({"logo": ["Choose a logo or tick the box to remove it, not both"]})
    if template is not None and remove_template:
        raise ValidationError(
            {"template": ["Choose a template or tick the box to use the built-in one, not both"]}
        )
    style = ReportTemplate.objects.select_for_update().order_by("pk").first() or ReportTemplate()
    style.required_sections = [name for name in known if name in set(required_sections)]
    style.partnership_name = " ".join(partnership_name.split())
    changes: dict[str, Any] = {}
    if logo is not None:
        changes["logo_type"] = _logo_problems(logo)
        changes["logo"] = logo
    elif remove_logo:
        changes.update(logo=None, logo_type="")
    if template is not None:
        _template_problems(template)
        changes.update(docx_template=template, docx_template_name=template_name[:200])
    elif remove_template:
        changes.update(docx_template=None, docx_template_name="")
    for name, value in changes.items():
        setattr(style, name, value)
    if not style.docx_template and (logo is not None or partnership_name):
        # The built-in template with this name and logo is tried like an upload.
        _try(partnership_template(style.partnership_name, bytes(style.logo or b"") or None), "logo")
    save_with_actor(style, actor)
    return style
