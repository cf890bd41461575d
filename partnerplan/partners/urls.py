from django.urls import path

from partnerplan.partners import views

app_name = "partners"

urlpatterns = [
    path("", views.partner_list, name="partner-list"),
    path("new/", views.partner_create, name="partner-create"),
    path("<int:pk>/", views.partner_detail, name="partner-detail"),
    path("<int:pk>/edit/", views.partner_edit, name="partner-edit"),
    path("<int:pk>/archive/", views.partner_archive, name="partner-archive"),
    path("<int:pk>/delete/", views.partner_delete, name="partner-delete"),
    path("people/", views.person_list, name="person-list"),
    path("people/new/", views.person_create, name="person-create"),
    path("people/<int:pk>/", views.person_detail, name="person-detail"),
    path("people/<int:pk>/edit/", views.person_edit, name="person-edit"),
    path(
        "people/<int:pk>/change-partner/", views.person_change_partner, name="person-change-partner"
    ),
    path("people/<int:pk>/archive/", views.person_archive, name="person-archive"),
    path("people/<int:pk>/delete/", views.person_delete, name="person-delete"),
]
