"""What the resources pages share: the navigation flag, the form template, and the warnings a
service returns shown after its success message."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest

#: Every resources page lights up Resources in the service navigation.
NAV = {"nav_resources": True}

#: The resources form page: `core/form_page.html` with the page's own <title> (`page_title`)
#: and its introduction as a paragraph.
FORM = "resources/_form_page.html"

#: A page that asks "Remove this ...?": the form page with a warning button.
CONFIRM = "resources/confirm.html"


def page(**context: Any) -> dict[str, Any]:
    return {**NAV, **context}


def warn_then(request: HttpRequest, warnings: Iterable[str], url: str) -> str:
    """`url`, after adding the service's warnings (over-allocation) below its success message."""
    for warning in warnings:
        if warning:
            messages.warning(request, warning)
    return url
