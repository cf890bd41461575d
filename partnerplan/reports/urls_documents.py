"""Addresses for the partnership's document settings (the house style and report template).

Kept apart from ``reports.urls`` so the document settings and the editor grow without
touching each other; included from there."""

from django.urls import URLPattern, path

from partnerplan.reports.views import settings

urlpatterns: list[URLPattern] = [
    path("template/", settings.house_style_edit, name="house-style"),
    path("template/report-template.docx", settings.house_style_docx, name="house-style-docx"),
]
