"""Checks on uploaded files before anything opens them in earnest: Word templates and report
images. Framework-free; each check returns the problems in plain English (empty: fit to use).

- A Word template is a zip: refused when it is not one, holds too many parts, would unpack to
  more than `MAX_UNZIPPED` bytes or packs any part more than `MAX_RATIO` times (a zip bomb),
  or when any of its XML parts declares a document type or entities (XML entity expansion);
  the XML is read with defusedxml.
- An image is what its bytes say, not what the browser claimed: PNG by its signature and its
  header read by Pillow (no pixels decoded), SVG parsed with defusedxml. Refused over
  `MAX_SIDE` pixels a side or `MAX_PIXELS` in all, and when it cannot be read (a junk PNG).
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_PARTS = 2000
MAX_UNZIPPED = 50 * 1024 * 1024
MAX_RATIO = 100
MAX_SIDE = 5000
MAX_PIXELS = 25_000_000
SVG_MAX_SIDE = 4000  # CSS pixels: drawing is what costs for SVG (8,000 px took 21 s)

_UNITS = {"": 1.0, "px": 1.0, "pt": 4 / 3, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54,
          "in": 96.0, "em": 16.0, "ex": 8.0}  # fmt: skip
_LENGTH = re.compile(r"^\s*([0-9.]+(?:e[-+]?[0-9]+)?)\s*([a-z%]*)\s*$", re.IGNORECASE)


def _xml_problem(data: bytes) -> str | None:
    try:
        SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        return "declares a document type or entities, which partnerplan does not accept"
    except SafeET.ParseError:
        return "is not well-formed XML"
    return None


def docx_problems(data: bytes) -> list[str]:
    """Why `data` cannot be opened safely as a Word template."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        return ["The file is not a Word document: save it from Word as a .docx or .dotx file"]
    with archive:
        parts = archive.infolist()
        if len(parts) > MAX_PARTS:
            return [f"The file has {len(parts)} parts: a Word template has far fewer"]
        unpacked = sum(p.file_size for p in parts)
        if unpacked > MAX_UNZIPPED:
            return ["The file would unpack to more than 50 MB: it is not an ordinary template"]
        for part in parts:
            ratio = part.file_size // max(part.compress_size, 1)
            if ratio > MAX_RATIO and part.file_size > 1_000_000:
                return [
                    f"The part {part.filename} is packed {ratio} times smaller than it unpacks: "
                    "partnerplan does not open such files"
                ]
        for part in parts:
            if part.filename.endswith((".xml", ".rels")):
                problem = _xml_problem(archive.read(part))
                if problem:
                    return [f"The part {part.filename} {problem}"]
    return []


def image_kind(data: bytes) -> str | None:
    """The image's type from its bytes: "image/png", "image/svg+xml", or None."""
    if data.startswith(PNG_SIGNATURE):
        return "image/png"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<") and b"<svg" in data[:65536].lower():
        return "image/svg+xml"
    return None


def _png_problems(data: bytes) -> list[str]:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(BytesIO(data)) as image:
            width, height = image.size  # from the header: nothing decoded yet
            if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
                return [
                    f"The image is {width} × {height} pixels: the most is {MAX_SIDE} a side "
                    f"and {MAX_PIXELS // 1_000_000} million in all. Make it smaller"
                ]
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return ["The file is not a readable PNG image: export it again as PNG"]
    return []


def _svg_length(value: str | None) -> float | None:
    if not value:
        return None
    found = _LENGTH.match(value)
    if not found or found.group(2).lower() not in _UNITS:
        return None  # a percentage, or an unknown unit: the viewBox decides
    return float(found.group(1)) * _UNITS[found.group(2).lower()]


def _svg_problems(data: bytes) -> list[str]:
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        return ["The SVG declares a document type or entities, which partnerplan does not accept"]
    except SafeET.ParseError:
        return ["The file is not a readable SVG image: export it again as SVG"]
    if not root.tag.endswith("svg"):
        return ["The file is not an SVG image"]
    width, height = _svg_length(root.get("width")), _svg_length(root.get("height"))
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if (width is None or height is None) and len(box) == 4:
        try:
            width = width if width is not None else float(box[2])
            height = height if height is not None else float(box[3])
        except ValueError:
            pass
    if width is None or height is None:
        return ["The SVG does not say how big it is: give it a width and height or a viewBox"]
    if width > SVG_MAX_SIDE or height > SVG_MAX_SIDE:
        return [
            f"The SVG is {width:.0f} × {height:.0f} pixels: the most is {SVG_MAX_SIDE} a side. "
            "Make it smaller"
        ]
    return []


def image_problems(data: bytes) -> tuple[str | None, list[str]]:
    """The image's type from its bytes, and why it cannot be used (empty: fit to use)."""
    kind = image_kind(data)
    if kind is None:
        return None, ["The file is not a PNG or SVG image"]
    return kind, _png_problems(data) if kind == "image/png" else _svg_problems(data)
