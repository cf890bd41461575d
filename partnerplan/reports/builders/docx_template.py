"""Word templates: the partnership's default one, and the merge of a template's fields (docxtpl).

A template is a Word file (.docx or .dotx) whose styles, page set-up, headers and footers every
report built from it keeps. It may also hold the report's *front matter*, laid out as the
partnership wants it, with fields in double braces that partnerplan fills in (docxtpl, which
uses Jinja's syntax): ``{{ title }}``, ``{{ meeting }}`` ... (``FIELDS`` lists them). The
report's numbered sections, appendices and background papers follow the front matter.

A template without fields is used for its styles only: its sample text is dropped and
partnerplan writes the front matter itself, as before.

``default_template()`` is the built-in template: A4, the house style (``docx_style``) and the
front matter in fields. Download it, change it in Word (put the partnership's name and logo in
the header, change the styles) and upload it as a report's template.

Templates are uploaded by people, so the merge runs in Jinja's sandbox (no access to Python
internals), escapes every value for XML, and fields partnerplan does not fill are refused
before the template is used (``template_problems``).
"""

from __future__ import annotations

import re
import zipfile
from functools import cache
from io import BytesIO
from typing import Any

from docx import Document as open_docx
from docx.shared import Pt
from jinja2 import TemplateError, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from .docx_style import apply_house_style
from .html_builder import exempt_notice, format_date
from .model import Document
from .problems import Problem
from .text import clean

__all__ = [
    "FIELDS",
    "default_template",
    "has_fields",
    "merge_fields",
    "partnership_template",
    "template_fields",
    "template_problems",
]

# The fields a template may use, and what each holds (for the docs and the refusal message).
FIELDS: dict[str, str] = {
    "title": "the report's title",
    "meeting": "the meeting, e.g. 'Staffordshire Connects Joint Committee'",
    "date": "the meeting's date, e.g. '17 December 2010'",
    "meeting_and_date": "the meeting and its date, joined by a dash",
    "agenda_item": "the agenda item, e.g. 'Agenda item 5'",
    "kind": "the kind of document, e.g. 'Report'",
    "author": "the author's name",
    "author_role": "the author's role",
    "report_of": "the author and role, e.g. 'Andrew Street, Partnership Director'",
    "exempt_notice": "the Schedule 12A notice of an exempt report; empty for an open report",
    "details": "the lines under the title, as (label, value) pairs: "
    "{%p for label, value in details %}{{ label }}: {{ value }}{%p endfor %}",
}
_MARKUP = re.compile(rb"\{\{|\{%")
_PARTS = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")


def _environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(autoescape=True)


def _template_xml(data: bytes) -> list[bytes]:
    with zipfile.ZipFile(BytesIO(data)) as archive:
        return [archive.read(name) for name in archive.namelist() if _PARTS.match(name)]


def has_fields(data: bytes) -> bool:
    """Whether the template (a .docx) holds any ``{{ field }}`` or ``{% ... %}``."""
    return any(_MARKUP.search(part) for part in _template_xml(data))


def _text_of(xml: bytes) -> str:
    """The text of the Word XML, runs joined (Word may split a field over several runs)."""
    text = re.sub(rb"</w:p>", b"\n", xml)
    text = re.sub(rb"<[^>]+>", b"", text)
    return text.decode("utf-8", "replace")


def template_fields(data: bytes) -> set[str]:
    """The names a template's fields use (raises ``TemplateSyntaxError`` on a broken one)."""
    from docxtpl import DocxTemplate

    template = DocxTemplate(BytesIO(data))
    found = template.get_undeclared_template_variables(jinja_env=_environment())
    return {str(name) for name in found}


def template_problems(data: bytes) -> list[Problem]:
    """Why the fields of template ``data`` (a .docx) cannot be merged; empty when they can."""
    if not has_fields(data):
        return []
    try:
        used = template_fields(data)
    except TemplateSyntaxError as error:
        return [
            Problem(
                "template_bad_field",
                "Template",
                f"A field in the template is not written correctly ({error.message}). Fields "
                "are written in double braces, e.g. {{ title }}.",
            )
        ]
    except Exception as error:  # docxtpl parses the XML itself and raises several kinds
        return [
            Problem(
                "template_bad_field",
                "Template",
                f"The template's fields could not be read ({type(error).__name__}).",
            )
        ]
    problems: list[Problem] = []
    unknown = sorted(used - set(FIELDS))
    if unknown:
        problems.append(
            Problem(
                "template_unknown_field",
                "Template",
                "The template uses "
                + ", ".join("{{ " + name + " }}" for name in unknown)
                + ", which partnerplan does not fill. The fields it fills are "
                + ", ".join(FIELDS)
                + ".",
            )
        )
    if not problems:
        try:
            merge_fields(data, _SAMPLE)
        except TemplateError as error:
            problems.append(
                Problem(
                    "template_bad_field",
                    "Template",
                    f"A field in the template cannot be filled ({error.message or 'error'}). "
                    "Use only the fields partnerplan fills, e.g. {{ title }}.",
                )
            )
    if "title" not in used:
        problems.append(
            Problem(
                "template_without_title",
                "Template",
                "The template has fields but not the report's title: put {{ title }} in it, "
                "in the Title style.",
            )
        )
    return problems


# A document to try a template's fields on before it is accepted.
_SAMPLE = Document(
    title="Sample report",
    meeting="Joint Committee",
    author="An Author",
    author_role="Director",
    agenda_item="Agenda item 1",
    exempt_paragraph=3,
    details=(("Project", "Sample project"),),
)


def _context(doc: Document) -> dict[str, Any]:
    date = format_date(doc.date) if doc.date else ""
    who = ", ".join(part for part in (doc.author, doc.author_role) if part)
    details = list(doc.details)
    if who:
        details.insert(0, ("Report of" if doc.kind == "Report" else "Author", who))
    notice = exempt_notice(doc.exempt_paragraph) if doc.exempt_paragraph is not None else ""
    context: dict[str, Any] = {
        "title": doc.title,
        "meeting": doc.meeting,
        "date": date,
        "meeting_and_date": " — ".join(part for part in (doc.meeting, date) if part),
        "agenda_item": doc.agenda_item,
        "kind": doc.kind,
        "author": doc.author,
        "author_role": doc.author_role,
        "report_of": who,
        "exempt_notice": notice,
    }
    cleaned: dict[str, Any] = {key: clean(value) for key, value in context.items()}
    cleaned["details"] = [(clean(key), clean(value)) for key, value in details]
    return cleaned


def merge_fields(data: bytes, doc: Document) -> Any:
    """The template with its fields filled from ``doc``: a docxtpl template whose ``docx`` is
    the python-docx document to write the rest of the report into, and whose ``save`` writes
    the file. ``data`` must have passed ``template_problems``."""
    from docxtpl import DocxTemplate

    template = DocxTemplate(BytesIO(data))
    template.render(_context(doc), jinja_env=_environment(), autoescape=True)
    return template


@cache
def default_template() -> bytes:
    """The built-in template: the house style, A4, and the front matter in fields."""
    return partnership_template()


# The logo's height in the page header.
LOGO_HEIGHT_CM = 1.4


def partnership_template(name: str = "", logo: bytes | None = None) -> bytes:
    """The built-in template with the partnership's ``name`` and ``logo`` (a PNG) at the top
    of every page: the logo on the left, the name beside it in grey. Without either, the page
    header is left empty (the logo slot the council fills in Word)."""
    word = open_docx()
    apply_house_style(word)
    body = word.element.body
    for child in list(body):
        if child.tag.endswith("}p"):
            body.remove(child)

    def field(text: str, style: str | None = None, *, bold: bool = False) -> Any:
        para = word.add_paragraph(style=style)
        run = para.add_run(text)
        if bold:
            run.bold = True
        return para

    field("{%p if exempt_notice %}")
    banner = field("{{ exempt_notice }}", bold=True)
    banner.paragraph_format.space_after = Pt(12)
    field("{%p endif %}")
    field("{%p if meeting_and_date %}")
    field("{{ meeting_and_date }}", "Subtitle")
    field("{%p endif %}")
    field("{%p if agenda_item %}")
    field("{{ agenda_item }}", "Subtitle")
    field("{%p endif %}")
    field("{{ title }}", "Title")
    field("{%p for label, value in details %}")
    line = word.add_paragraph()
    line.add_run("{{ label }}: ").bold = True
    line.add_run("{{ value }}")
    line.paragraph_format.space_after = Pt(2)
    field("{%p endfor %}")
    if name or logo:
        _header(word, name, logo)
    properties = word.core_properties
    properties.title = f"Report template: {name}" if name else "Report template"
    properties.author = "partnerplan"
    properties.comments = (
        "Fields in double braces are filled in by partnerplan: " + ", ".join(FIELDS) + "."
    )
    out = BytesIO()
    word.save(out)
    return out.getvalue()


def _header(word: Any, name: str, logo: bytes | None) -> None:
    from docx.shared import Cm, RGBColor

    from .styles import SECONDARY

    header = word.sections[0].header
    para = header.paragraphs[0]
    if logo:
        para.add_run().add_picture(BytesIO(logo), height=Cm(LOGO_HEIGHT_CM))
        if name:
            para.add_run("\t")
    if name:
        run = para.add_run(clean(name))
        run.bold = True
        run.font.color.rgb = RGBColor.from_string(SECONDARY.upper())
