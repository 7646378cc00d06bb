"""Writing an OpenDocument spreadsheet (.ods) as a stream of XML, row by row, straight into the zip.

A programme's workbook runs to tens of thousands of rows; building it as a tree of objects first (as
odfpy does) took seconds a thousand rows. The package is what ODF 1.3 asks for: `mimetype` first and
stored, a manifest, `content.xml` with the sheets, and `styles.xml`/`meta.xml`. Text keeps its spaces,
tabs and line breaks as ODF spells them (text:s, text:tab, one text:p a line), so an office suite shows
and saves it as it was.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from bluelight.core.workbooks.base import Table, neutralise

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" '
    'office:version="1.3"'
)
_DATE = ('<number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/>'
         '<number:text>-</number:text><number:day number:style="long"/>')  # fmt: skip
_TIME = ('<number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text>'
         '<number:minutes number:style="long"/><number:text>:</number:text><number:seconds number:style="long"/>')  # fmt: skip
# A date cell needs a date format, or an office suite that saves the file keeps only its serial number.
STYLES = (
    "<office:automatic-styles>"
    f'<number:date-style style:name="IsoDateData">{_DATE}</number:date-style>'
    f'<number:date-style style:name="IsoDateTimeData">{_DATE}{_TIME}</number:date-style>'
    '<style:style style:name="Heading" style:family="table-cell"><style:text-properties fo:font-weight="bold"/>'
    "</style:style>"
    '<style:style style:name="IsoDate" style:family="table-cell" style:data-style-name="IsoDateData"/>'
    '<style:style style:name="IsoDateTime" style:family="table-cell" style:data-style-name="IsoDateTimeData"/>'
    "</office:automatic-styles>"
)
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
    '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)
# Characters XML 1.0 cannot hold at all (a control character pasted into a field): written as U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPACES = re.compile(r"(?<= ) +|^ +| $")  # runs, and a space at either end, which XML would lose


def _spaces(match: re.Match) -> str:
    n = len(match.group())
    return "<text:s/>" if n == 1 else f'<text:s text:c="{n}"/>'


def _paragraph(line: str) -> str:
    text = escape(_NOT_XML.sub("\ufffd", line)).replace("\r", "&#13;")
    return "<text:p>" + _SPACES.sub(_spaces, text).replace("\t", "<text:tab/>") + "</text:p>"


def cell(value, style: str = "") -> str:
    value = neutralise(value)
    styled = f' table:style-name="{style}"' if style else ""
    if value is None:
        return f"<table:table-cell{styled}/>"
    if isinstance(value, bool):
        word = "true" if value else "false"
        return (f'<table:table-cell{styled} office:value-type="boolean" office:boolean-value="{word}">'
                f"<text:p>{word.upper()}</text:p></table:table-cell>")  # fmt: skip
    if isinstance(value, (int, Decimal)):
        return (f'<table:table-cell{styled} office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")  # fmt: skip
    if isinstance(value, datetime.datetime):
        text = value.replace(tzinfo=None).isoformat(timespec="seconds")
        return (f'<table:table-cell table:style-name="{style or "IsoDateTime"}" office:value-type="date" '
                f'office:date-value="{text}"><text:p>{text.replace("T", " ")}</text:p></table:table-cell>')  # fmt: skip
    if isinstance(value, datetime.date):
        text = value.isoformat()
        return (f'<table:table-cell table:style-name="{style or "IsoDate"}" office:value-type="date" '
                f'office:date-value="{text}"><text:p>{text}</text:p></table:table-cell>')  # fmt: skip
    paragraphs = "".join(_paragraph(line) for line in str(value).split("\n"))
    return f'<table:table-cell{styled} office:value-type="string">{paragraphs}</table:table-cell>'


BLANK_ROWS = 500


def _lists(tables: list[Table]) -> dict[tuple[str, str], tuple[str, str]]:
    """(sheet, header) -> (the validation's name, its XML): a drop-down list of the column's choices."""
    found = {}
    for table in tables:
        for header, options in table.choices.items():
            if header not in table.headers:
                continue
            name = f"list{len(found) + 1}"
            items = ";".join('"' + o.replace('"', '""') + '"' for o in options)
            message = _paragraph(f"Choose one of: {', '.join(options)}")
            found[(table.name, header)] = (name, (
                f'<table:content-validation table:name="{name}" '
                f"table:condition={quoteattr(f'of:cell-content-is-in-list({items})')} "
                'table:allow-empty-cell="true" table:display-list="unsorted">'
                f'<table:error-message table:display="true" table:message-type="stop" table:title={quoteattr(header)}>'
                f"{message}</table:error-message></table:content-validation>"))  # fmt: skip
    return found


def _listed(xml: str, name: str) -> str:
    if not name:
        return xml
    return xml.replace("<table:table-cell", f'<table:table-cell table:content-validation-name="{name}"', 1)


def write(path: Path, tables: list[Table], progress) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)  # fmt: skip
        package.writestr("META-INF/manifest.xml", MANIFEST)
        package.writestr("styles.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {NAMESPACES}>'
                                       "<office:styles/></office:document-styles>")  # fmt: skip
        package.writestr("meta.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta {NAMESPACES}>'
                                     "<office:meta><meta:generator>Bluelight</meta:generator></office:meta>"
                                     "</office:document-meta>")  # fmt: skip
        with package.open("content.xml", "w") as raw, io.TextIOWrapper(raw, encoding="utf-8") as out:
            out.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {NAMESPACES}>{STYLES}'
                      "<office:body><office:spreadsheet>")  # fmt: skip
            lists = _lists(tables)
            if lists:
                out.write("<table:content-validations>" + "".join(xml for _, xml in lists.values())
                          + "</table:content-validations>")  # fmt: skip
            for number, table in enumerate(tables):
                out.write(f"<table:table table:name={quoteattr(table.name)}><table:table-row>")
                out.write("".join(cell(h, "Heading") for h in table.headers))
                out.write("</table:table-row>")
                listed = [lists[(table.name, h)][0] if (table.name, h) in lists else "" for h in table.headers]
                if not any(listed):
                    for row in table.rows:
                        out.write("<table:table-row>" + "".join(map(cell, row)) + "</table:table-row>")
                else:
                    for row in table.rows:
                        out.write("<table:table-row>" + "".join(_listed(cell(v), n) for v, n in zip(row, listed, strict=True))
                                  + "</table:table-row>")  # fmt: skip
                    # rows to come, so a new row has its lists too (blank rows are not data to the import)
                    out.write(f'<table:table-row table:number-rows-repeated="{BLANK_ROWS}">'
                              + "".join(_listed("<table:table-cell/>", n) for n in listed) + "</table:table-row>")  # fmt: skip
                out.write("</table:table>")
                progress(number + 1, len(tables), table.name)
            out.write("</office:spreadsheet></office:body></office:document-content>")
