"""The partnership's report template, for administrators: the Word house style (name, logo, or
the council's own template) and the implications sections every report needs."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core.access import require, viewer_for
from partnerplan.core.pages import bound, bound_files, form_page
from partnerplan.reports import house_style
from partnerplan.reports.clearance import required_sections
from partnerplan.reports.forms_settings import HouseStyleForm
from partnerplan.reports.models import ReportTemplate

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
RULE = "reports.change_house_style"


def _initial(style: ReportTemplate | None) -> dict[str, Any]:
    return {
        "required_sections": required_sections(),
        "partnership_name": style.partnership_name if style else "",
    }


@login_required
@require_http_methods(["GET", "POST"])
def house_style_edit(request: HttpRequest) -> HttpResponse:
    require(viewer_for(request.user), RULE)
    style = house_style.house_style()

    def act(data: dict[str, Any]) -> ReportTemplate:
        logo, template = data.get("logo"), data.get("template")
        return house_style.house_style_update(
            actor=request.user, required_sections=list(data.get("required_sections") or []),
            partnership_name=data.get("partnership_name") or "",
            logo=logo.read() if logo else None, remove_logo=bool(data.get("remove_logo")),
            template=template.read() if template else None,
            template_name=template.name if template else "",
            remove_template=bool(data.get("remove_template")),
        )  # fmt: skip

    here = reverse("reports:house-style")
    return form_page(
        request, HouseStyleForm(bound(request), bound_files(request), initial=_initial(style)),
        act=act, success="The report template has been saved.", done=here,
        title="Report template", cancel=reverse("reports:report-list"),
        template="reports/house_style.html",
        context={"style": style, "nav_reports": True},
    )  # fmt: skip


@login_required
@require_GET
def house_style_docx(request: HttpRequest) -> HttpResponse:
    """The built-in Word template with the partnership's name and logo, to start from."""
    require(viewer_for(request.user), RULE)
    response = HttpResponse(house_style.house_template_download(), content_type=DOCX)
    response["Content-Disposition"] = 'attachment; filename="report-template.docx"'
    return response
