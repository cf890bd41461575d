"""The one browser set-up for every test that drives Chromium (a pytest plugin, see conftest.py).

Playwright drives Debian's Chromium (never a downloaded browser) against the live server, and
axe-core checks every page a test visits against WCAG 2.2 AA.
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "static" / "vendor" / "axe" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    missing = [p for p in (Path(CHROMIUM), AXE) if not p.exists()]
    if not missing:
        return
    if os.environ.get("REQUIRE_BROWSER"):
        raise pytest.UsageError(
            f"Browser tests need {', '.join(map(str, missing))}: run scripts/test"
        )
    skip = pytest.mark.skip(reason=f"missing {', '.join(map(str, missing))}")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    # The pages run under their real Content-Security-Policy, as a user's browser would.
    return {**browser_context_args, "locale": "en-GB"}


@functools.cache
def _axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


def check_axe(page: Any) -> None:
    """Run axe-core on the page and fail the test on any WCAG 2.2 AA violation."""
    # The page's script nonce proves the CSP lets our own scripts run.
    classes = page.evaluate("document.body.className")
    assert "govuk-frontend-supported" in classes, f"GOV.UK Frontend did not start on {page.url}"
    # Evaluated through the DevTools protocol, which the page's CSP does not govern (an injected
    # <script> tag would be refused, as it should be).
    page.evaluate(_axe_source())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    problems = [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(json.dumps(n["target"]) for n in v["nodes"][:3])
        for v in result["violations"]
    ]
    assert problems == [], f"axe-core found problems on {page.url}:\n" + "\n".join(problems)


class Axe:
    """The `axe` fixture: checks pages and remembers which it checked."""

    def __init__(self) -> None:
        self.checked: list[str] = []

    def check(self, page: Any) -> None:
        check_axe(page)
        self.checked.append(page.url)


@pytest.fixture
def axe() -> Axe:
    return Axe()
