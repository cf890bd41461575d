"""Reading a PDF for the accessibility checks, with pypdf (a well-kept pure-Python PDF library).

``scan_pdf(data)`` gives what the checks need: the document information (title, author), the
catalogue (language, whether the PDF is marked as tagged and has a structure tree), the
structure elements of a tagged PDF (role, kids, alt text), the page sizes, the outline
(bookmarks) and the fonts with whether each is embedded. An encrypted or unreadable file
raises ``PdfUnreadable``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PdfReadError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

__all__ = ["FontUse", "PdfScan", "PdfUnreadable", "StructElement", "scan_pdf"]


class PdfUnreadable(ValueError):
    pass


@dataclass(frozen=True)
class StructElement:
    number: int
    role: str
    kids: tuple[int, ...]
    alt: str | None


@dataclass(frozen=True)
class FontUse:
    """A font the pages use: its name (without the subset prefix) and whether it is embedded."""

    name: str
    embedded: bool


@dataclass
class PdfScan:
    reader: PdfReader
    _elements: dict[int, StructElement] | None = field(default=None, repr=False)

    def info_string(self, key: str) -> str | None:
        info = self.reader.metadata
        value = info.get(f"/{key}") if info is not None else None
        return str(value) if value is not None else None

    def catalog(self) -> DictionaryObject:
        root = self.reader.trailer["/Root"].get_object()
        if not isinstance(root, DictionaryObject):
            raise PdfUnreadable("the file has no catalogue")
        return root

    def catalog_string(self, key: str) -> str | None:
        value = self.catalog().get(f"/{key}")
        return str(value) if value is not None else None

    @property
    def tagged(self) -> bool:
        catalog = self.catalog()
        mark = catalog.get("/MarkInfo")
        marked = bool(mark is not None and mark.get_object().get("/Marked"))
        return marked and "/StructTreeRoot" in catalog

    def struct_elements(self) -> dict[int, StructElement]:
        """The structure elements by object number (those written as indirect objects)."""
        if self._elements is not None:
            return self._elements
        elements: dict[int, StructElement] = {}
        root = self.catalog().get("/StructTreeRoot")
        pending: list[Any] = [root] if root is not None else []
        seen: set[int] = set()
        while pending:
            ref = pending.pop()
            number = ref.idnum if isinstance(ref, IndirectObject) else -len(seen) - 1
            if number in seen:
                continue
            seen.add(number)
            node = ref.get_object()
            if not isinstance(node, DictionaryObject):
                continue
            kids = node.get("/K")
            kids = kids.get_object() if kids is not None else None
            items = list(kids) if isinstance(kids, ArrayObject) else [kids] if kids else []
            refs = [kid for kid in items if isinstance(kid, IndirectObject)]
            if node.get("/Type") == "/StructElem" or "/S" in node:
                role = str(node.get("/S", "")).lstrip("/")
                alt = node.get("/Alt") or node.get("/ActualText")
                elements[number] = StructElement(
                    number,
                    role,
                    tuple(kid.idnum for kid in refs),
                    str(alt) if alt is not None else None,
                )
            pending.extend(refs)
        self._elements = elements
        return elements

    def page_sizes(self) -> list[tuple[float, float]]:
        """Each page's width and height in points (its media box, turned as it is shown)."""
        sizes = []
        for page in self.reader.pages:
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            if int(page.get("/Rotate", 0) or 0) % 180:
                width, height = height, width
            sizes.append((round(width, 2), round(height, 2)))
        return sizes

    def outline_titles(self) -> set[str]:
        titles: set[str] = set()
        pending: list[Any] = list(self.reader.outline)
        while pending:
            item = pending.pop()
            if isinstance(item, list):
                pending.extend(item)
            else:
                titles.add(str(item.title))
        return titles

    def fonts(self) -> set[FontUse]:
        used: set[FontUse] = set()
        for page in self.reader.pages:
            resources = page.get("/Resources")
            fonts = resources.get_object().get("/Font") if resources is not None else None
            for ref in fonts.get_object().values() if fonts is not None else ():
                used.add(_font_use(ref.get_object()))
        return used


def _font_use(font: DictionaryObject) -> FontUse:
    name = str(font.get("/BaseFont", "")).lstrip("/")
    name = name.split("+", 1)[1] if "+" in name[:7] else name
    descriptor = font.get("/FontDescriptor")
    if descriptor is None and "/DescendantFonts" in font:
        descendants = font["/DescendantFonts"].get_object()
        if isinstance(descendants, ArrayObject) and descendants:
            descriptor = descendants[0].get_object().get("/FontDescriptor")
    if descriptor is None:  # a Type 3 font is drawn in the file itself
        return FontUse(name, str(font.get("/Subtype")) == "/Type3")
    descriptor = descriptor.get_object()
    embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    return FontUse(name, embedded)


def scan_pdf(data: bytes) -> PdfScan:
    if not data.startswith(b"%PDF-"):
        raise PdfUnreadable("the file is not a PDF")
    try:
        reader = PdfReader(BytesIO(data), strict=False)
    except (PdfReadError, ValueError, KeyError) as error:
        raise PdfUnreadable(f"the file could not be read ({type(error).__name__})") from error
    if reader.is_encrypted:
        raise PdfUnreadable("the file is encrypted")
    return PdfScan(reader)
