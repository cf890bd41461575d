"""Overlap between projects."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerplan.core.forms import set_queryset
from partnerplan.portfolio.forms._common import _Form
from partnerplan.portfolio.models import (
    Programme,
)


class OverlapForm(_Form):
    side = forms.ModelChoiceField(
        label="Workstreams of", queryset=Programme.objects.none(), empty_label=None
    )
    other = forms.ModelChoiceField(
        label="Related projects of", queryset=Programme.objects.none(), empty_label=None
    )

    def __init__(self, *args: Any, programmes: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "side", programmes)
        set_queryset(self, "other", programmes)
