"""The one browser set-up for every test that drives Chromium (a pytest plugin, see conftest.py).

Playwright drives Debian's Chromium (never a downloaded browser) against the live server, and
axe-core checks every page a test visits against WCAG 2.2 AA. Pages run under their real
Content-Security-Policy; every test that uses `page` fails on a console error, an uncaught
script error or a CSP violation (a `securitypolicyviolation` event), and `check_axe` also fails
on a body without `govuk-frontend-supported` (GOV.UK Frontend did not start).
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "static" / "vendor" / "axe" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}

# Runs in every document before its own scripts (through the DevTools protocol, which the CSP
# does not govern) and reports each violation as a console error the watcher below collects.
_VIOLATION_REPORTER = """
document.addEventListener('securitypolicyviolation', function (e) {
  console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')
    + ' at ' + e.sourceFile + ':' + e.lineNumber);
});
"""
# Problems seen on each page (keyed by id(page)) since the test started.
_PROBLEMS: dict[int, list[str]] = {}


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


def _watch(page: Any) -> list[str]:
    problems: list[str] = []

    def on_console(message: Any) -> None:
        if message.type != "error":
            return
        location = message.location or {}
        # A page answered 403 or 404 on purpose says so in the console; its own URL is no fault.
        if message.text.startswith("Failed to load resource") and location.get("url") == page.url:
            return
        problems.append(f"console error on {page.url}: {message.text} ({location.get('url')})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"script error on {page.url}: {error}"))
    page.add_init_script(_VIOLATION_REPORTER)
    return problems


@pytest.fixture(autouse=True)
def _browser_console(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every browser test fails on a console error, a script error or a CSP violation."""
    if "page" not in request.fixturenames or "browser" not in request.keywords:
        yield
        return
    page = request.getfixturevalue("page")
    if not hasattr(page, "add_init_script"):  # a test's own "page", not Playwright's
        yield
        return
    _PROBLEMS[id(page)] = _watch(page)
    try:
        yield
        check_console(page)
    finally:
        _PROBLEMS.pop(id(page), None)


def check_console(page: Any) -> None:
    """Fail on any console error, script error or CSP violation seen so far on this page."""
    problems = _PROBLEMS.get(id(page), [])
    found, problems[:] = list(problems), []
    assert found == [], "The browser reported problems:\n" + "\n".join(found)


def check_reflow(page: Any) -> None:
    """The page itself never scrolls sideways (WCAG 1.4.10); wide tables scroll in a region."""
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    if widths[0] <= widths[1]:
        return
    culprits = page.evaluate(
        """() => { const w = document.documentElement.clientWidth; const out = [];
        for (const el of document.querySelectorAll('body *')) {
          const r = el.getBoundingClientRect();
          if (r.right > w + 1 && !el.closest('.pp-table-scroll')) {
            const names = typeof el.className === 'string' ? el.className.trim() : '';
            out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
              + (names ? '.' + names.split(/\\s+/).join('.') : '')
              + ' right=' + Math.round(r.right));
          }
          if (out.length > 8) break;
        } return out; }"""
    )
    raise AssertionError(
        f"{page.url} scrolls sideways at {widths[1]} px (scrollWidth {widths[0]}): "
        + "; ".join(culprits)
    )


def check_both_widths(page: Any) -> None:
    """axe-core at 1280 px and at 390 px, and no sideways scroll at 390 px."""
    page.set_viewport_size(DESKTOP)
    check_axe(page)
    page.set_viewport_size(MOBILE)
    check_axe(page)
    check_reflow(page)
    page.set_viewport_size(DESKTOP)


def check_axe(page: Any) -> None:
    """Run axe-core on the page and fail the test on any WCAG 2.2 AA violation."""
    check_console(page)
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
        + ", ".join(json.dumps(n["target"]) for n in nodes[:3])
        for v in result["violations"]
        if (nodes := [n for n in v["nodes"] if not _conditional_reveal(v["id"], n)])
    ]
    assert problems == [], f"axe-core found problems on {page.url}:\n" + "\n".join(problems)


def _conditional_reveal(rule: str, node: dict[str, Any]) -> bool:
    """GOV.UK Frontend's conditional reveal puts aria-expanded on a radio or checkbox, which
    ARIA does not list for those roles; the Design System keeps it on purpose (screen readers
    announce the reveal) and excludes it from axe-core in its own tests, and so do we."""
    html = node.get("html", "")
    return (
        rule == "aria-allowed-attr"
        and "aria-expanded" in html
        and ("govuk-radios__input" in html or "govuk-checkboxes__input" in html)
    )


class Axe:
    """The `axe` fixture: checks pages and remembers which it checked."""

    def __init__(self) -> None:
        self.checked: list[str] = []

    def check(self, page: Any) -> None:
        check_axe(page)
        self.checked.append(page.url)

    def check_both(self, page: Any) -> None:
        check_both_widths(page)
        self.checked.append(page.url)


@pytest.fixture
def axe() -> Axe:
    return Axe()
