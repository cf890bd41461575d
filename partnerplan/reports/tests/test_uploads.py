"""Hostile uploads are refused with a sentence, and nothing is kept: zip bombs and XML entities
in Word templates, junk or huge PNGs, huge SVGs and SVGs with entities, files that are not
what the browser said (reports.builders.uploads)."""

from __future__ import annotations

import io
import zipfile

import pytest
from PIL import Image

from partnerplan.reports.builders.uploads import docx_problems, image_kind, image_problems

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"'


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"'


def _zip(parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, "PNG")
    return out.getvalue()


def test_it_refuses_a_zip_bomb_as_a_word_template():
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b" " * 60_000_000})
    assert len(bomb) < 1_000_000
    (problem,) = docx_problems(bomb)
    assert "would unpack to more than 50 MB" in problem


def test_it_refuses_a_part_packed_far_smaller_than_it_unpacks():
    (problem,) = docx_problems(_zip({"word/media/a.bin": b"\0" * 5_000_000}))
    assert "times smaller than it unpacks" in problem


def test_it_refuses_xml_entities_in_a_word_template():
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;">]><Types>&lol2;</Types>'
    )
    (problem,) = docx_problems(_zip({"[Content_Types].xml": laughs}))
    assert "declares a document type or entities" in problem


def test_it_refuses_a_file_that_is_not_a_word_document():
    assert docx_problems(b"just text") == [
        "The file is not a Word document: save it from Word as a .docx or .dotx file"
    ]


def test_it_accepts_an_ordinary_png_and_svg_by_their_bytes():
    assert image_problems(_png(400, 300)) == ("image/png", [])
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"></svg>'
    assert image_problems(svg) == ("image/svg+xml", [])


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"\x89PNG\r\n\x1a\nrubbish", "not a readable PNG image"),
        (b"GIF89a....", "not a PNG or SVG image"),
        (SVG + b' width="20000" height="10"/>', "the most is 4000"),
        (SVG + b' viewBox="0 0 8000 8000"/>', "the most is 4000"),
        (SVG + b' width="1500mm" height="10mm"/>', "the most is 4000"),
        (
            b'<!DOCTYPE svg [<!ENTITY x "x">]><svg xmlns="http://www.w3.org/2000/svg" '
            b'width="10" height="10">&x;</svg>',
            "declares a document type or entities",
        ),
        (b'<svg xmlns="http://www.w3.org/2000/svg"/>', "does not say how big it is"),
    ],
)
def test_it_refuses_junk_huge_or_hostile_images_with_a_sentence(data, said):
    _kind, problems = image_problems(data)
    assert len(problems) == 1 and said in problems[0]


def test_it_refuses_a_png_with_too_many_pixels_without_decoding_it():
    _kind, (problem,) = image_problems(_png(6000, 10))
    assert "6000 × 10 pixels" in problem


def test_it_goes_by_the_bytes_not_the_name():
    assert image_kind(_png(1, 1)) == "image/png"
    assert image_kind(b"<html><body>not an svg</body></html>") is None
