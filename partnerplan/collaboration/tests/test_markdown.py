"""The one render function: Markdown in, safe HTML out, whatever is typed."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from partnerplan.collaboration.markdown import LINK_REL, TAGS, render

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD4=)",
    '<a href="javascript:alert(1)" onclick="x()">a</a>',
    "<iframe src=https://evil.example></iframe>",
    '<div style="position:fixed">x</div>',
    "<svg onload=alert(1)>",
    "![x](https://evil.example/x.png)",
    "<!-- comment --><style>body{}</style>",
    "`<script>`",
    "> <script>alert(2)</script>",
]
PIECES = st.sampled_from(
    HOSTILE + ["**bold**", "*em*", "# Heading", "- item", "\n\n", "[ok](https://a.example)",
               "|a|b|\n|-|-|\n|1|2|", "<", ">", '"', "'", "&", "=", "on", "script", ":"]
)  # fmt: skip

ALLOWED_TAGS = TAGS
UNSAFE_SCHEMES = ("javascript:", "data:", "vbscript:", "file:")


class _Tags(HTMLParser):
    """The real tags and attributes of the HTML (escaped text is only text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, {k: v or "" for k, v in attrs}))


def _assert_safe(html: str) -> None:
    parser = _Tags()
    parser.feed(html)
    for tag, attrs in parser.found:
        assert tag in ALLOWED_TAGS, html
        assert not any(name.startswith("on") for name in attrs), html
        assert not {"style", "src", "srcdoc", "formaction"} & set(attrs), html
        href = re.sub(r"[\x00-\x20]", "", attrs.get("href", "")).lower()
        assert not href.startswith(UNSAFE_SCHEMES), html
        if tag == "a":
            assert attrs.get("rel") == LINK_REL, html


@settings(max_examples=300)
@given(st.lists(st.one_of(PIECES, st.text(max_size=30)), max_size=12).map("".join))
def test_no_script_or_unsafe_attribute_survives_any_text(text):
    _assert_safe(render(text))


def test_it_neutralises_each_hostile_example():
    for text in HOSTILE:
        _assert_safe(render(text))
    assert "&lt;script&gt;" in render("<script>alert(1)</script>")


def test_it_keeps_markdown_and_marks_links_external():
    html = render("# Title\n\n**bold** and [a link](https://example.org)\n\n> quoted")
    assert "<h2>Title</h2>" in html  # under the page's own h1
    assert "<strong>bold</strong>" in html
    assert f'<a href="https://example.org" rel="{LINK_REL}">a link</a>' in html
    assert "<blockquote>" in html
