"""Text helpers shared by the renderers: the inline markup and cleaning of unsafe characters."""

from __future__ import annotations

import re

from .model import Inline, Run

__all__ = ["clean", "plain_text", "runs_of"]

# Characters XML 1.0 forbids (Word refuses a file holding them) and the two non-characters.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# ***bold italic***, **bold** and *italic*; the marked text must not start or end with a
# space, so "2 * 3 * 4" stays as typed.
_EMPHASIS = re.compile(
    r"\*\*\*(?=\S)(.+?)(?<=\S)\*\*\*|\*\*(?=\S)(.+?)(?<=\S)\*\*|\*(?=\S)(.+?)(?<=\S)\*",
    re.DOTALL,
)
# A backslash before an asterisk keeps it literal: "\*" -> "*".
_ESCAPED_STAR = "\\*"
_PLACEHOLDER = "\ue000"


def clean(text: str) -> str:
    """Drop the control characters that no document format can carry."""
    return _FORBIDDEN.sub("", text)


def runs_of(text: Inline) -> tuple[Run, ...]:
    """The runs of an inline text: markup parsed for a string, cleaned either way."""
    if isinstance(text, tuple):
        return tuple(Run(clean(r.text), r.bold, r.italic) for r in text if r.text)
    protected = clean(text).replace(_ESCAPED_STAR, _PLACEHOLDER)
    runs = _parse(protected, bold=False, italic=False)
    return tuple(Run(r.text.replace(_PLACEHOLDER, "*"), r.bold, r.italic) for r in runs if r.text)


def plain_text(text: Inline) -> str:
    """The text without markup, e.g. for a document's metadata or a message."""
    return "".join(run.text for run in runs_of(text))


def _parse(text: str, *, bold: bool, italic: bool) -> list[Run]:
    runs: list[Run] = []
    position = 0
    for match in _EMPHASIS.finditer(text):
        if match.start() > position:
            runs.append(Run(text[position : match.start()], bold, italic))
        both, strong, emphasised = match.group(1), match.group(2), match.group(3)
        if both is not None:
            runs.extend(_parse(both, bold=True, italic=True))
        elif strong is not None:
            runs.extend(_parse(strong, bold=True, italic=italic))
        else:
            runs.extend(_parse(emphasised, bold=bold, italic=True))
        position = match.end()
    if position < len(text):
        runs.append(Run(text[position:], bold, italic))
    return runs
