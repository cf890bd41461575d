from django.urls import URLPattern

app_name = "collaboration"

urlpatterns: list[URLPattern] = []
