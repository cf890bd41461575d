"""Addresses for the partnership's document settings (the house style and report template).

Kept apart from ``reports.urls`` so the document settings and the editor grow without
touching each other; included from there."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
