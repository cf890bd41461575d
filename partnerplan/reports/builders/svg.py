"""SVG handling: a safe parse for checking, and conversion to PNG for Word.

Word needs a bitmap; the PDF and HTML use the SVG itself. Conversion uses CairoSVG, imported only
here and only when a document holds an SVG, with its default safe mode (no XML entities, no
fetching of anything but data: URLs).
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, ParseError, fromstring

from .problems import DocumentError, Problem

__all__ = ["parse_svg", "svg_size_px", "svg_to_png"]

_SVG_TAG = "{http://www.w3.org/2000/svg}svg"
_LENGTH = re.compile(r"^\s*([0-9.]+)\s*(px|pt|cm|mm|in)?\s*$")
_PX_PER_UNIT = {"px": 1.0, "pt": 96 / 72, "cm": 96 / 2.54, "mm": 96 / 25.4, "in": 96.0}


def parse_svg(data: bytes) -> Element:
    """Parse ``data`` as an SVG document, refusing DTDs and entities outright."""
    head = data[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in data.lower():
        raise ValueError("SVG files with a DOCTYPE or entities are not accepted")
    try:
        # The DTD check above rules out entity expansion; nothing is fetched by ElementTree.
        root = fromstring(data)  # noqa: S314
    except ParseError as error:
        raise ValueError(f"not well-formed XML: {error}") from error
    if root.tag != _SVG_TAG:
        raise ValueError("the file is not an SVG image (its root element is not <svg>)")
    return root


def svg_size_px(data: bytes) -> tuple[float, float]:
    """The drawing's natural size in CSS pixels, from width/height or the viewBox."""
    root = parse_svg(data)
    width, height = _length(root.get("width")), _length(root.get("height"))
    if width and height:
        return width, height
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        try:
            return float(box[2]), float(box[3])
        except ValueError:
            pass
    return 600.0, 400.0


def svg_to_png(data: bytes, *, scale: float = 2.0) -> bytes:
    """Render an SVG to PNG at ``scale`` times its natural size (2 keeps it sharp in print)."""
    try:
        import cairosvg
    except ImportError as error:  # pragma: no cover - depends on the installation
        raise DocumentError(
            [
                Problem(
                    "svg_converter_missing",
                    "Images",
                    "This document has an SVG image, and Word files need it as a bitmap, but "
                    "the converter (CairoSVG) is not installed on this server.",
                )
            ]
        ) from error
    png = cairosvg.svg2png(bytestring=data, scale=scale)
    if not isinstance(png, bytes):  # pragma: no cover - svg2png returns bytes without a target
        raise TypeError("CairoSVG returned no PNG")
    return png


def _length(value: str | None) -> float | None:
    if value is None:
        return None
    match = _LENGTH.match(value)
    if not match:
        return None
    return float(match.group(1)) * _PX_PER_UNIT[match.group(2) or "px"]
