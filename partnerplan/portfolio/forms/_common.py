"""Pieces shared by the portfolio forms."""

from __future__ import annotations

from django import forms

from partnerplan.core.forms import GovUKFormMixin
from partnerplan.core.models import Visibility
from partnerplan.governance.models import Decision

VISIBILITY_CHOICES = [(v.value, v.label) for v in Visibility if v != Visibility.EXEMPT]


class _Form(GovUKFormMixin, forms.Form):
    pass


class _ModelForm(GovUKFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    def _post_clean(self) -> None:
        # Model validation is the service's job.
        pass


def decision_label(decision: Decision) -> str:
    """A decision in a picker: where and when, and what it decided."""
    return f"{decision}: {decision.decision_text[:120]}"


SCORE_1_TO_5 = [(str(n), str(n)) for n in range(1, 6)]
