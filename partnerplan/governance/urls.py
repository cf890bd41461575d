from django.urls import path

from partnerplan.governance import views

app_name = "governance"

urlpatterns = [
    path("", views.body_list, name="body-list"),
    path("structure/", views.structure, name="structure"),
    path("bodies/<int:pk>/", views.body_detail, name="body-detail"),
    path("bodies/<int:pk>/calendar.ics", views.body_calendar, name="body-calendar"),
    path("bodies/<int:pk>/meetings/new/", views.meeting_create, name="meeting-create"),
    path("bodies/<int:pk>/members/new/", views.membership_create, name="membership-create"),
    path("bodies/<int:pk>/powers/new/", views.power_create, name="power-create"),
    path("bodies/<int:pk>/delegations/new/", views.delegation_create, name="delegation-create"),
    path("delegations/<int:pk>/in-force/", views.delegation_in_force, name="delegation-in-force"),
    path("people/<int:pk>/calendar.ics", views.person_calendar, name="person-calendar"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting-detail"),
    path("meetings/<int:pk>/items/new/", views.item_create, name="item-create"),
    path("meetings/<int:pk>/publish/", views.meeting_publish, name="meeting-publish"),
    path("meetings/<int:pk>/cancel/", views.meeting_cancel, name="meeting-cancel"),
    path("meetings/<int:pk>/reschedule/", views.meeting_reschedule, name="meeting-reschedule"),
    path("meetings/<int:pk>/attendance/", views.meeting_attendance, name="meeting-attendance"),
    path("meetings/<int:pk>/held/", views.meeting_held, name="meeting-held"),
    path("meetings/<int:pk>/minutes/", views.minutes_edit, name="minutes-edit"),
    path("meetings/<int:pk>/minutes/approve/", views.minutes_approve, name="minutes-approve"),
    path("meetings/<int:pk>/minutes/correct/", views.minutes_correct, name="minutes-correct"),
    path("meetings/<int:pk>/actions/new/", views.action_create, name="action-create"),
    path("items/<int:pk>/", views.item_detail, name="item-detail"),
    path(
        "items/<int:pk>/recommendations/new/",
        views.recommendation_create,
        name="recommendation-create",
    ),
    path("recommendations/<int:pk>/decide/", views.decision_create, name="decision-create"),
    path("decisions/", views.decision_register, name="decision-register"),
    path(
        "delegated-decisions/",
        views.officer_decision_register,
        name="officer-decision-register",
    ),
    path(
        "delegations/<int:pk>/decide/",
        views.officer_decision_create,
        name="officer-decision-create",
    ),
    path("forward-plan/", views.forward_plan, name="forward-plan"),
    path("forward-plan/new/", views.forward_plan_create, name="forward-plan-create"),
    path("matters/", views.matter_list, name="matter-list"),
    path("matters/new/", views.matter_create, name="matter-create"),
    path("matters/<int:pk>/", views.matter_detail, name="matter-detail"),
    path("matters/<int:pk>/track/", views.matter_track, name="matter-track"),
    path("matters/<int:pk>/resolve/", views.matter_resolve, name="matter-resolve"),
    path("actions/mine/", views.my_actions, name="my-actions"),
    path("actions/<int:pk>/update/", views.action_update, name="action-update"),
]
