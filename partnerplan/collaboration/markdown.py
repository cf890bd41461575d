"""The one place forum text becomes HTML: Markdown through markdown-it-py, then nh3.

markdown-it-py parses CommonMark with raw HTML turned off (a `<script>` typed in a post stays
text); nh3 (Ammonia) then keeps only the tags and attributes below, only http, https and mailto
links, and marks every link external (`rel="external nofollow noopener noreferrer"`). What the
parser makes is sanitised as if it were hostile, so a bug in either library alone lets nothing
through. `collaboration/tests/test_markdown.py` checks with Hypothesis that no script, event
handler, style or javascript: address survives any input.
"""

from __future__ import annotations

import re

import nh3
from markdown_it import MarkdownIt

TAGS = {
    "p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li",
    "h2", "h3", "h4", "a", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "external nofollow noopener noreferrer"

_parser = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
# Headings in a post sit under the page's own h1 and the thread's h2.
_HEADING = re.compile(r"<(/?)h1>")


def render(text: str) -> str:
    """Safe HTML for the Markdown `text` of a post."""
    html = _parser.render(text)
    html = _HEADING.sub(r"<\1h2>", html)
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )
