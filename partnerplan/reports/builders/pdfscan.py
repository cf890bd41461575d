"""Just enough PDF reading for the accessibility checks, with no PDF library.

It reads the objects of an unencrypted PDF, including those packed in compressed object streams
(as WeasyPrint writes them), and gives the document information, the catalogue and the structure
elements of a tagged PDF. It is not a general PDF parser: filters other than Flate, and
encrypted files, are reported as unreadable rather than guessed at.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field

__all__ = ["PdfScan", "PdfUnreadable", "StructElement", "scan_pdf"]

_OBJECT = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")
_STREAM_START = re.compile(rb"stream\r?\n")
_REF = re.compile(rb"(\d+)\s+\d+\s+R")


class PdfUnreadable(ValueError):
    pass


@dataclass(frozen=True)
class StructElement:
    number: int
    role: str
    kids: tuple[int, ...]
    alt: str | None


@dataclass
class PdfScan:
    objects: dict[int, bytes] = field(default_factory=dict)
    root: int | None = None
    info: int | None = None

    def info_string(self, key: str) -> str | None:
        return _string_value(self.objects.get(self.info or -1, b""), key)

    def catalog(self) -> bytes:
        return self.objects.get(self.root or -1, b"")

    def catalog_string(self, key: str) -> str | None:
        return _string_value(self.catalog(), key)

    def struct_elements(self) -> dict[int, StructElement]:
        elements: dict[int, StructElement] = {}
        for number, body in self.objects.items():
            if b"/StructElem" not in body:
                continue
            role = re.search(rb"/S\s*/([A-Za-z0-9]+)", body)
            kids = re.search(rb"/K\s*(\[[^\]]*\]|\d+\s+\d+\s+R)", body)
            refs = tuple(int(m.group(1)) for m in _REF.finditer(kids.group(1))) if kids else ()
            elements[number] = StructElement(
                number,
                role.group(1).decode("ascii") if role else "",
                refs,
                _string_value(body, "Alt") or _string_value(body, "ActualText"),
            )
        return elements


def scan_pdf(data: bytes) -> PdfScan:
    if not data.startswith(b"%PDF-"):
        raise PdfUnreadable("the file is not a PDF")
    scan = PdfScan()
    position = 0
    while match := _OBJECT.search(data, position):
        number = int(match.group(1))
        body_start = match.end()
        end = data.find(b"endobj", body_start)
        if end < 0:
            break
        stream = _STREAM_START.search(data, body_start, end)
        if stream is not None:
            header = data[body_start : stream.start()]
            length = re.search(rb"/Length\s+(\d+)(?!\s+\d+\s+R)", header)
            if length is None:
                raise PdfUnreadable("a stream has an indirect length")
            content_end = stream.end() + int(length.group(1))
            end = data.find(b"endobj", content_end)
            scan.objects[number] = header
            if b"/ObjStm" in header:
                _unpack_object_stream(scan, header, data[stream.end() : content_end])
            if b"/XRef" in header:
                _read_trailer(scan, header)
        else:
            scan.objects[number] = data[body_start:end]
        position = end + len(b"endobj")
    trailer = data.rfind(b"trailer")
    if trailer >= 0:
        _read_trailer(scan, data[trailer:])
    if b"/Encrypt" in data[trailer if trailer >= 0 else 0 :][:2000] and scan.root is None:
        raise PdfUnreadable("the PDF is encrypted")
    if scan.root is None:
        raise PdfUnreadable("the PDF has no catalogue that could be found")
    return scan


def _unpack_object_stream(scan: PdfScan, header: bytes, raw: bytes) -> None:
    if b"/FlateDecode" not in header:
        raise PdfUnreadable("an object stream uses a filter other than Flate")
    count = re.search(rb"/N\s+(\d+)", header)
    first = re.search(rb"/First\s+(\d+)", header)
    if count is None or first is None:
        raise PdfUnreadable("an object stream lacks /N or /First")
    try:
        content = zlib.decompress(raw)
    except zlib.error as error:
        raise PdfUnreadable(f"an object stream could not be decompressed: {error}") from error
    offset_base = int(first.group(1))
    numbers = content[:offset_base].split()
    pairs = [(int(numbers[i]), int(numbers[i + 1])) for i in range(0, 2 * int(count.group(1)), 2)]
    for index, (number, offset) in enumerate(pairs):
        start = offset_base + offset
        stop = offset_base + pairs[index + 1][1] if index + 1 < len(pairs) else len(content)
        scan.objects[number] = content[start:stop]


def _read_trailer(scan: PdfScan, text: bytes) -> None:
    root = re.search(rb"/Root\s+(\d+)\s+\d+\s+R", text)
    info = re.search(rb"/Info\s+(\d+)\s+\d+\s+R", text)
    if root:
        scan.root = int(root.group(1))
    if info:
        scan.info = int(info.group(1))


def _string_value(body: bytes, key: str) -> str | None:
    match = re.search(rb"/" + key.encode("ascii") + rb"\s*([(<])", body)
    if match is None or body[match.start(1) : match.start(1) + 2] == b"<<":
        return None
    start = match.start(1)
    raw = _hex_string(body, start) if body[start : start + 1] == b"<" else _literal(body, start)
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", errors="replace")
    return raw.decode("latin-1")


def _hex_string(body: bytes, start: int) -> bytes:
    end = body.find(b">", start)
    digits = re.sub(rb"\s", b"", body[start + 1 : end])
    if len(digits) % 2:
        digits += b"0"
    return bytes.fromhex(digits.decode("ascii"))


_ESCAPES = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b", ord("f"): b"\f"}


def _literal(body: bytes, start: int) -> bytes:
    out = bytearray()
    depth = 0
    index = start
    while index < len(body):
        char = body[index]
        if char == ord("\\"):
            index += 1
            escaped = body[index]
            if escaped in _ESCAPES:
                out += _ESCAPES[escaped]
            elif ord("0") <= escaped <= ord("7"):
                digits = re.match(rb"[0-7]{1,3}", body[index : index + 3])
                assert digits is not None
                out.append(int(digits.group(0), 8) & 0xFF)
                index += len(digits.group(0)) - 1
            elif escaped not in (ord("\n"), ord("\r")):
                out.append(escaped)
        elif char == ord("("):
            depth += 1
            if depth > 1:
                out.append(char)
        elif char == ord(")"):
            depth -= 1
            if depth == 0:
                break
            out.append(char)
        else:
            out.append(char)
        index += 1
    return bytes(out)
