from django.urls import path

from partnerplan.portfolio import views

app_name = "portfolio"

urlpatterns = [
    path("", views.workplan, name="workplan"),
    path("work-plan.csv", views.workplan_csv, name="workplan-csv"),
    path("work-plan.xlsx", views.workplan_xlsx, name="workplan-xlsx"),
    path("board/", views.board, name="board"),
    path("timeline/", views.timeline, name="timeline"),
    path("overlap/", views.overlap, name="overlap"),
    path("overlap.csv", views.overlap_csv, name="overlap-csv"),
    path("overlap.xlsx", views.overlap_xlsx, name="overlap-xlsx"),
    path("programmes/", views.programme_list, name="programme-list"),
    path("programmes/new/", views.programme_create, name="programme-create"),
    path("programmes/<int:pk>/", views.programme_detail, name="programme-detail"),
    path("programmes/<int:pk>/edit/", views.programme_edit, name="programme-edit"),
    path(
        "programmes/<int:pk>/workstreams/new/",
        views.workstream_create,
        name="workstream-create",
    ),
    path("workstreams/<int:pk>/edit/", views.workstream_edit, name="workstream-edit"),
    path("stages/<int:pk>/edit/", views.stage_edit, name="stage-edit"),
    path("projects/new/", views.project_create, name="project-create"),
    path("projects/<int:pk>/", views.project_detail, name="project-detail"),
    path("projects/<int:pk>/edit/", views.project_edit, name="project-edit"),
    path("projects/<int:pk>/gate/", views.project_gate, name="project-gate"),
    path("projects/<int:pk>/review/", views.project_review, name="project-review"),
    path("projects/<int:pk>/links/new/", views.project_link, name="project-link"),
    path(
        "projects/<int:pk>/dependencies/new/",
        views.project_dependency,
        name="project-dependency",
    ),
    path("projects/<int:pk>/board/new/", views.project_board_member, name="project-board-member"),
    path("projects/<int:pk>/documents/new/", views.project_document, name="project-document"),
    path(
        "projects/<int:pk>/business-cases/new/",
        views.business_case_create,
        name="business-case-create",
    ),
    path("business-cases/<int:pk>/new-version/", views.bc_new_version, name="bc-new-version"),
    path("business-case-versions/<int:pk>/edit/", views.bc_version_edit, name="bc-version-edit"),
    path(
        "business-case-versions/<int:pk>/approve/",
        views.bc_version_approve,
        name="bc-version-approve",
    ),
    path("projects/<int:pk>/benefits/new/", views.benefit_create, name="benefit-create"),
    path("benefits/<int:pk>/measurements/new/", views.benefit_actual, name="benefit-actual"),
    path(
        "projects/<int:pk>/highlight-reports/new/",
        views.highlight_create,
        name="highlight-create",
    ),
    path("projects/<int:pk>/raid/new/", views.raid_create, name="raid-create"),
    path("raid/<int:pk>/close/", views.raid_close, name="raid-close"),
    path("methods/", views.method_list, name="method-list"),
    path("methods/new/", views.method_create, name="method-create"),
    path("methods/compare/", views.method_compare, name="method-compare"),
    path("methods/<int:pk>/", views.method_detail, name="method-detail"),
    path("methods/<int:pk>/criteria/new/", views.criterion_add, name="criterion-add"),
    path("methods/<int:pk>/weights/", views.method_weights, name="method-weights"),
    path("methods/<int:pk>/pairwise/", views.method_pairwise, name="method-pairwise"),
    path("methods/<int:pk>/score/", views.method_score, name="method-score"),
]
