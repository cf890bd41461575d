"""Text in a diagram: control characters removed, XML-escaped, wrapped to a box width."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _CONTROL.sub("", text)


def _x(text: str) -> str:
    """Escape for XML text and attribute values."""
    return escape(_clean(text), {'"': "&quot;", "'": "&#39;"})


def _wrap(text: str, max_chars: int) -> list[str]:
    words = _clean(text).split()
    lines: list[str] = []
    current = ""
    for word in words:
        while len(word) > max_chars:  # break very long words
            if current:
                lines.append(current)
                current = ""
            lines.append(word[: max_chars - 1] + "-")
            word = word[max_chars - 1 :]
        candidate = f"{current} {word}".strip()
        if len(candidate) <= max_chars:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines
