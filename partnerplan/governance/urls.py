from django.urls import path

from partnerplan.governance import views
from partnerplan.governance.views import alerts as alert_views
from partnerplan.governance.views import interests as interest_views

app_name = "governance"

urlpatterns = [
    path("", views.body_list, name="body-list"),
    path("structure/", views.structure, name="structure"),
    path("bodies/new/", views.body_create, name="body-create"),
    path("bodies/<int:pk>/", views.body_detail, name="body-detail"),
    path("bodies/<int:pk>/edit/", views.body_edit, name="body-edit"),
    path(
        "bodies/<int:pk>/reporting-lines/new/",
        views.reporting_line_create,
        name="reporting-line-create",
    ),
    path("reporting-lines/<int:pk>/end/", views.reporting_line_end, name="reporting-line-end"),
    path("memberships/<int:pk>/end/", views.membership_end, name="membership-end"),
    path("delegations/<int:pk>/", views.delegation_detail, name="delegation-detail"),
    path("delegations/<int:pk>/revoke/", views.delegation_revoke, name="delegation-revoke"),
    path("bodies/<int:pk>/meetings/series/", views.meeting_series, name="meeting-series"),
    path("bodies/<int:pk>/calendar.ics", views.body_calendar, name="body-calendar"),
    path("bodies/<int:pk>/meetings/new/", views.meeting_create, name="meeting-create"),
    path("bodies/<int:pk>/members/new/", views.membership_create, name="membership-create"),
    path("bodies/<int:pk>/powers/new/", views.power_create, name="power-create"),
    path("bodies/<int:pk>/delegations/new/", views.delegation_create, name="delegation-create"),
    path("delegations/<int:pk>/in-force/", views.delegation_in_force, name="delegation-in-force"),
    path("people/<int:pk>/calendar.ics", views.person_calendar, name="person-calendar"),
    path("calendar/", views.my_calendar, name="my-calendar"),
    # The secret address of a person's calendar: the key of their CalendarFeed is the token.
    path("calendar/<str:pk>.ics", views.private_calendar, name="private-calendar"),
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
    path("items/<int:pk>/change/", views.item_change, name="item-change"),
    path("items/<int:pk>/withdraw/", views.item_withdraw, name="item-withdraw"),
    path(
        "recommendations/<int:pk>/change/",
        views.recommendation_change,
        name="recommendation-change",
    ),
    path(
        "recommendations/<int:pk>/withdraw/",
        views.recommendation_withdraw,
        name="recommendation-withdraw",
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
    path("prior-decisions/", views.prior_decision_register, name="prior-decision-register"),
    path("prior-decisions/new/", views.prior_decision_create, name="prior-decision-create"),
    path("forward-plan/", views.forward_plan, name="forward-plan"),
    path("forward-plan/new/", views.forward_plan_create, name="forward-plan-create"),
    # The statutory cycle (issue 15, part A): key decisions, call-in, private meetings.
    path("forward-plan/<int:pk>/", views.forward_plan_entry, name="forward-plan-entry"),
    path("forward-plan/<int:pk>/edit/", views.forward_plan_edit, name="forward-plan-edit"),
    path(
        "forward-plan/<int:pk>/exceptions/new/",
        views.key_decision_exception_create,
        name="key-decision-exception-create",
    ),
    path("forward-plan/special-urgency/", views.special_urgency_list, name="special-urgency-list"),
    path(
        "forward-plan/special-urgency/csv/", views.special_urgency_csv, name="special-urgency-csv"
    ),
    path("exempt-reviews/", views.exempt_reviews, name="exempt-reviews"),
    path(
        "recommendations/<int:pk>/key-decision/",
        views.recommendation_key_decision,
        name="recommendation-key-decision",
    ),
    path("decisions/<int:pk>/", views.decision_detail, name="decision-detail"),
    path("decisions/<int:pk>/publish/", views.decision_publish, name="decision-publish"),
    path("decisions/<int:pk>/implement/", views.decision_implement, name="decision-implement"),
    path("decisions/<int:pk>/call-in/", views.call_in_create, name="call-in-create"),
    path("call-ins/<int:pk>/outcome/", views.call_in_outcome, name="call-in-outcome"),
    path("call-ins/<int:pk>/reconsider/", views.call_in_reconsider, name="call-in-reconsider"),
    path(
        "meetings/<int:pk>/private-notice/",
        views.private_notice_create,
        name="private-notice-create",
    ),
    path(
        "private-notices/<int:pk>/final/", views.private_notice_final, name="private-notice-final"
    ),
    path(
        "private-notices/<int:pk>/urgency/",
        views.private_notice_urgency,
        name="private-notice-urgency",
    ),
    path("meetings/<int:pk>/substitutes/new/", views.substitute_create, name="substitute-create"),
    path("matters/", views.matter_list, name="matter-list"),
    path("matters/new/", views.matter_create, name="matter-create"),
    path("matters/<int:pk>/", views.matter_detail, name="matter-detail"),
    path("matters/<int:pk>/track/", views.matter_track, name="matter-track"),
    path("matters/<int:pk>/resolve/", views.matter_resolve, name="matter-resolve"),
    # Interests, exempt information, urgent items, supplements, alerts (issue 15, part B).
    path("people/<int:pk>/interests/", interest_views.person_interests, name="person-interests"),
    path("people/<int:pk>/interests/new/", interest_views.interest_create, name="interest-create"),
    path("interests/<int:pk>/end/", interest_views.interest_end, name="interest-end"),
    path(
        "interests/<int:pk>/sensitive/",
        interest_views.interest_sensitive,
        name="interest-sensitive",
    ),
    path(
        "people/<int:pk>/dispensations/new/",
        interest_views.dispensation_create,
        name="dispensation-create",
    ),
    path(
        "items/<int:pk>/declarations/new/",
        interest_views.declaration_create,
        name="declaration-create",
    ),
    path("items/<int:pk>/urgent/", interest_views.item_urgent, name="item-urgent"),
    path("items/<int:pk>/openings/", interest_views.exempt_log, name="exempt-log"),
    path(
        "meetings/<int:pk>/supplement/",
        interest_views.supplement_publish,
        name="supplement-publish",
    ),
    path(
        "meetings/<int:pk>/decisions/publish/",
        interest_views.decisions_publish,
        name="decisions-publish",
    ),
    path("statutory-officers/", interest_views.statutory_officers, name="statutory-officers"),
    path("bodies/<int:pk>/alerts/", alert_views.alert_subscribe, name="alert-subscribe"),
    path("alerts/confirm/<str:pk>/", alert_views.alert_confirm, name="alert-confirm"),
    path("alerts/unsubscribe/<str:pk>/", alert_views.alert_unsubscribe, name="alert-unsubscribe"),
    path("actions/mine/", views.my_actions, name="my-actions"),
    path("actions/<int:pk>/update/", views.action_update, name="action-update"),
]
