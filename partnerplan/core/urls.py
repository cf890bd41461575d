from django.contrib.auth import views as auth_views
from django.urls import path

from partnerplan.core import views

app_name = "core"

# The home page (core:home) is project-level (partnerplan/home.py): partnerplan/urls.py adds it
# to this namespace.

urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="sign-in"),
    path("sign-in/refused/", views.sign_in_refused, name="sign-in-refused"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="sign-out"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("cookies/", views.cookies, name="cookies"),
    path("demo-clock/", views.demo_clock, name="demo-clock"),
]
