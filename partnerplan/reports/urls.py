from django.urls import include, path

from partnerplan.reports import views
from partnerplan.reports.views.editor import block_move, section_move

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="report-list"),
    path("new/", views.report_create, name="report-create"),
    path("december-2010/", views.december_report, name="december-report"),
    path("<int:pk>/", views.report_detail, name="report-detail"),
    path("<int:pk>/edit/", views.report_edit, name="report-edit"),
    path(
        "recommendations/<int:pk>/figure/",
        views.recommendation_figure,
        name="recommendation-figure",
    ),
    path("<int:pk>/template/", views.report_template, name="report-template"),
    path("<int:pk>/publish/", views.report_publish, name="report-publish"),
    path(
        "<int:pk>/sign-off/finance/",
        views.report_sign_off,
        {"role": "finance"},
        name="report-sign-off-finance",
    ),
    path(
        "<int:pk>/sign-off/legal/",
        views.report_sign_off,
        {"role": "legal"},
        name="report-sign-off-legal",
    ),
    path("<int:pk>/sections/new/", views.section_add, name="section-add"),
    path("sections/<int:pk>/edit/", views.section_edit, name="section-edit"),
    path("sections/<int:pk>/delete/", views.section_delete, name="section-delete"),
    path("sections/<int:pk>/up/", section_move, {"direction": "up"}, name="section-up"),
    path("sections/<int:pk>/down/", section_move, {"direction": "down"}, name="section-down"),
    path("sections/<int:pk>/blocks/new/", views.block_add, name="block-add"),
    path("blocks/<int:pk>/up/", block_move, {"direction": "up"}, name="block-up"),
    path("blocks/<int:pk>/down/", block_move, {"direction": "down"}, name="block-down"),
    path("blocks/<int:pk>/edit/", views.block_edit, name="block-edit"),
    path("blocks/<int:pk>/delete/", views.block_delete, name="block-delete"),
    path("versions/<int:pk>/", views.version_detail, name="version-detail"),
    path("versions/<int:pk>/report.docx", views.version_docx, name="version-docx"),
    path("versions/<int:pk>/report.pdf", views.version_pdf, name="version-pdf"),
    path("meetings/<int:pk>/agenda-pack.pdf", views.meeting_pack, name="meeting-pack"),
    path(
        "meetings/<int:pk>/restricted-pack.pdf",
        views.meeting_pack_restricted,
        name="meeting-pack-restricted",
    ),
    path("meetings/<int:pk>/minutes", views.minutes, name="minutes"),
    path("decisions/<int:pk>/notice", views.decision_notice, name="decision-notice"),
    path("projects/<int:pk>/highlight-report", views.highlight_report, name="highlight-report"),
    path("projects/<int:pk>/end-stage-report", views.end_stage_report, name="end-stage-report"),
    path("partners/<int:pk>/quarterly-report", views.quarterly_report, name="quarterly-report"),
    path("", include("partnerplan.reports.urls_documents")),
]
