"""Template comments: Django's `{# #}` is one line only; a multi-line one is printed on the
page (the recommendation form once showed its own comment to every user)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "partnerplan"


def test_no_template_has_a_multi_line_hash_comment():
    offenders = []
    for path in ROOT.rglob("templates/**/*.html"):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if re.search(r"\{#(?!.*#\})", line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}")
    assert offenders == [], "use {% comment %} for comments over several lines"
