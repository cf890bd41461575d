"""A matplotlib figure to SVG that the page can inline under a strict CSP.

`style-src 'self'` blocks `style` attributes and `<style>` elements in inline SVG, so each
style declaration becomes a presentation attribute; ids get a per-chart prefix so that two
charts on a page never share a clip path or pattern; the fixed width and height go, leaving
the viewBox, so the chart scales to its column."""

from __future__ import annotations

import io
import re
from html import escape

from matplotlib.figure import Figure

_STYLE = re.compile(r'style="([^"]*)"')
_FONT = re.compile(r"^(?:(italic|oblique|normal)\s+)?(?:(\d{3}|bold|normal)\s+)?([\d.]+)px\s+(.+)$")
_ALLOWED = {
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap",
    "stroke-linejoin", "stroke-dasharray", "stroke-dashoffset", "stroke-opacity",
    "stroke-miterlimit", "opacity", "font-family", "font-size", "font-weight", "font-style",
    "text-anchor", "clip-path", "dominant-baseline",
}  # fmt: skip


def _attributes(style: str) -> str:
    out: dict[str, str] = {}
    for declaration in style.split(";"):
        if ":" not in declaration:
            continue
        name, value = (part.strip() for part in declaration.split(":", 1))
        if name == "font":
            match = _FONT.match(value)
            if match:
                italic, weight, size, family = match.groups()
                if italic:
                    out["font-style"] = italic
                if weight:
                    out["font-weight"] = weight
                out["font-size"] = size
                out["font-family"] = family.replace("'", "").replace('"', "")
            continue
        if name in _ALLOWED:
            out[name] = value.replace('"', "'")
    return " ".join(f'{k}="{escape(v)}"' for k, v in out.items())


def figure_svg(fig: Figure, *, key: str, title: str, desc: str) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    text = re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.S)
    text = re.sub(r"<style[^>]*>.*?</style>", "", text, flags=re.S)
    text = _STYLE.sub(lambda m: _attributes(m.group(1)), text)
    text = re.sub(r'\bid="([^"]+)"', rf'id="{key}-\1"', text)
    text = re.sub(r"url\(#([^)]+)\)", rf"url(#{key}-\1)", text)
    text = re.sub(r'xlink:href="#([^"]+)"', rf'xlink:href="#{key}-\1"', text)
    text = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r"<svg\1", text, count=1)
    head = (
        f'<svg role="img" aria-labelledby="{key}-title {key}-desc" focusable="false" '
        f'class="pp-chart__svg"'
    )
    text = text.replace("<svg", head, 1)
    close = text.index(">", text.index("<svg")) + 1
    text = (
        text[:close]
        + f'<title id="{key}-title">{escape(title)}</title>'
        + f'<desc id="{key}-desc">{escape(desc)}</desc>'
        + text[close:]
    )
    return re.sub(r">\s+<", "><", text).strip()
