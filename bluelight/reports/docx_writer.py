"""Writing a report `Document` as DOCX (Word) with python-docx. Pure Python: no Django."""

from __future__ import annotations

import io

from docx import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from bluelight.reports.document import Bullets, Document, Figure, Heading, Paragraph, Table, introduces


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that the word processor fills in on each page."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == instruction:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _marking(paragraph, marking: str) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(marking)
    run.bold = True


def _header_row(table) -> None:
    """Mark the first row as the table's header, repeated on each page and read as headers."""
    properties = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _table(doc, block: Table) -> None:
    caption = doc.add_paragraph(block.caption, style="Caption")
    caption.paragraph_format.keep_with_next = True
    table = doc.add_table(rows=1, cols=len(block.headers), style="Table Grid")
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for i, text in enumerate(block.headers):
        cell = table.rows[0].cells[i]
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    _header_row(table)
    for number, row in enumerate(block.rows):
        cells = table.add_row().cells
        if number in block.group_rows:
            merged = cells[0].merge(cells[-1])
            merged.text = ""
            merged.paragraphs[0].add_run(row[0]).bold = True
            continue
        for i, text in enumerate(row):
            cells[i].text = text
            if i in block.numeric:
                cells[i].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph()


def _figure(doc, block: Figure) -> None:
    doc.add_picture(io.BytesIO(block.png), width=Cm(block.width_cm))
    picture = doc.paragraphs[-1]
    for properties in picture._p.iter(qn("wp:docPr")):
        properties.set("descr", block.alt)
        properties.set("title", block.caption)
    doc.add_paragraph(block.caption, style="Caption")


def render_docx(document: Document) -> bytes:
    doc = WordDocument()
    doc.core_properties.title = document.title
    doc.core_properties.subject = document.subject or document.title
    doc.core_properties.category = document.marking
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(11)
    section = doc.sections[0]
    _marking(section.header.paragraphs[0], document.marking)
    footer = section.footer.paragraphs[0]
    _marking(footer, document.marking)
    footer.add_run("    Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    doc.add_heading(document.title, level=0)
    blocks = document.blocks
    for number, block in enumerate(blocks):
        if isinstance(block, Heading):
            doc.add_heading(block.text, level=min(block.level, 9)).paragraph_format.keep_with_next = True
        elif isinstance(block, Paragraph):
            paragraph = doc.add_paragraph()
            paragraph.paragraph_format.keep_with_next = introduces(blocks, number)
            if block.lead:
                paragraph.add_run(block.lead + " ").bold = True
            run = paragraph.add_run(block.text)
            if block.small:
                run.font.size = Pt(9)
        elif isinstance(block, Bullets):
            for item in block.items:
                doc.add_paragraph(item, style="List Number" if block.numbered else "List Bullet")
        elif isinstance(block, Table):
            _table(doc, block)
        elif isinstance(block, Figure):
            _figure(doc, block)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
