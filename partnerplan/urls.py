from django.conf import settings
from django.urls import include, path

from partnerplan import home
from partnerplan.core import urls as core_urls

# The home page draws on every app, so it is project-level; it keeps its name, core:home.
core_patterns = [path("", home.home, name="home"), *core_urls.urlpatterns]

urlpatterns = [
    path("", include((core_patterns, core_urls.app_name))),
    path("partners/", include("partnerplan.partners.urls")),
    path("portfolio/", include("partnerplan.portfolio.urls")),
    path("governance/", include("partnerplan.governance.urls")),
    path("finance/", include("partnerplan.finance.urls")),
    path("resources/", include("partnerplan.resources.urls")),
    path("reports/", include("partnerplan.reports.urls")),
    path("collaboration/", include("partnerplan.collaboration.urls")),
]

if settings.OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))

handler400 = "partnerplan.core.views.bad_request"
handler403 = "partnerplan.core.views.permission_denied"
handler404 = "partnerplan.core.views.page_not_found"
handler500 = "partnerplan.core.views.server_error"
