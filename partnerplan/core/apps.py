from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "partnerplan.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from partnerplan.core.middleware import start_session_clock
        from partnerplan.core.navigation import autodiscover

        # Session bookkeeping, not a rule: the lifetimes start at sign-in.
        user_logged_in.connect(start_session_clock, dispatch_uid="partnerplan-session-clock")
        # Each app's navigation.py registers its area (secondary navigation, breadcrumbs).
        autodiscover()
