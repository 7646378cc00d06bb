"""Writing a report `Document` as ODT (OpenDocument text) with odfpy. Pure Python: no Django."""

from __future__ import annotations

import io

from odf import dc, draw, svg
from odf.opendocument import OpenDocumentText
from odf.style import (
    Footer,
    Header,
    ListLevelProperties,
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    ParagraphProperties,
    Style,
    TableCellProperties,
    TextProperties,
)
from odf.table import Table as OdfTable
from odf.table import TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import (
    H,
    List,
    ListItem,
    ListLevelStyleBullet,
    ListLevelStyleNumber,
    ListStyle,
    P,
    PageCount,
    PageNumber,
    Span,
)

from bluelight.reports.document import Bullets, Document, Figure, Heading, Paragraph, Table, introduces

HEADING_SIZES = {1: "16pt", 2: "14pt", 3: "12pt", 4: "11pt"}


class _Styles:
    def __init__(self, doc: OpenDocumentText):
        def add(style, *properties, automatic=False):
            for p in properties:
                style.addElement(p)
            (doc.automaticstyles if automatic else doc.styles).addElement(style)
            return style

        self.body = add(Style(name="Text body", family="paragraph"),
                        TextProperties(fontname="Arial", fontfamily="Arial", fontsize="11pt"),
                        ParagraphProperties(marginbottom="0.2cm"))  # fmt: skip
        self.title = add(Style(name="Title", family="paragraph"),
                         TextProperties(fontfamily="Arial", fontsize="22pt", fontweight="bold"),
                         ParagraphProperties(marginbottom="0.4cm"))  # fmt: skip
        self.headings = {
            level: add(Style(name=f"Heading {level}", family="paragraph", defaultoutlinelevel=str(level)),
                       TextProperties(fontfamily="Arial", fontsize=size, fontweight="bold"),
                       ParagraphProperties(margintop="0.4cm", marginbottom="0.2cm", keepwithnext="always"))
            for level, size in HEADING_SIZES.items()
        }  # fmt: skip
        self.caption = add(Style(name="Caption", family="paragraph"),
                           TextProperties(fontfamily="Arial", fontsize="10pt", fontstyle="italic"),
                           ParagraphProperties(keepwithnext="always", marginbottom="0.1cm"))  # fmt: skip
        self.small = add(Style(name="Small", family="paragraph"), TextProperties(fontfamily="Arial", fontsize="9pt"))
        self.kept = add(Style(name="Body kept with next", family="paragraph", parentstylename="Text body"),
                        ParagraphProperties(keepwithnext="always"))  # fmt: skip
        self.marking = add(Style(name="Marking", family="paragraph"),
                           TextProperties(fontfamily="Arial", fontsize="10pt", fontweight="bold"),
                           ParagraphProperties(textalign="center"))  # fmt: skip
        self.bold = add(Style(name="Strong", family="text"), TextProperties(fontweight="bold"))
        self.cell = add(Style(name="Cell", family="table-cell"),
                        TableCellProperties(border="0.5pt solid #000000", padding="0.1cm"), automatic=True)  # fmt: skip
        self.right = add(Style(name="Numeric", family="paragraph", parentstylename="Text body"),
                         ParagraphProperties(textalign="end"), automatic=True)  # fmt: skip
        bullets = ListStyle(name="Bullets")
        level = ListLevelStyleBullet(level=1, bulletchar="•")
        level.addElement(ListLevelProperties(spacebefore="0.4cm", minlabelwidth="0.5cm"))
        bullets.addElement(level)
        doc.styles.addElement(bullets)
        numbers = ListStyle(name="Numbers")
        level = ListLevelStyleNumber(level=1, numformat="1", numsuffix=".")
        level.addElement(ListLevelProperties(spacebefore="0.4cm", minlabelwidth="0.6cm"))
        numbers.addElement(level)
        doc.styles.addElement(numbers)
        self.bullets, self.numbers = bullets, numbers


def _page(doc: OpenDocumentText, styles: _Styles, marking: str) -> None:
    layout = PageLayout(name="A4")
    layout.addElement(PageLayoutProperties(pagewidth="21cm", pageheight="29.7cm", margin="2cm",
                                           printorientation="portrait"))  # fmt: skip
    doc.automaticstyles.addElement(layout)
    master = MasterPage(name="Standard", pagelayoutname=layout)
    header = Header()
    header.addElement(P(stylename=styles.marking, text=marking))
    footer = Footer()
    line = P(stylename=styles.marking, text=f"{marking}    Page ")
    line.addElement(PageNumber(selectpage="current"))
    line.addText(" of ")
    line.addElement(PageCount())
    footer.addElement(line)
    master.addElement(header)
    master.addElement(footer)
    doc.masterstyles.addElement(master)


def _table(doc, styles: _Styles, block: Table, number: int) -> None:
    doc.text.addElement(P(stylename=styles.caption, text=block.caption))
    table = OdfTable(name=f"Table{number}")
    table.addElement(TableColumn(numbercolumnsrepeated=len(block.headers)))
    head = TableHeaderRows()
    row = TableRow()
    for text in block.headers:
        cell = TableCell(stylename=styles.cell, valuetype="string")
        paragraph = P(stylename=styles.body)
        paragraph.addElement(Span(stylename=styles.bold, text=text))
        cell.addElement(paragraph)
        row.addElement(cell)
    head.addElement(row)
    table.addElement(head)
    for index, values in enumerate(block.rows):
        row = TableRow()
        if index in block.group_rows:
            cell = TableCell(stylename=styles.cell, valuetype="string", numbercolumnsspanned=len(block.headers))
            paragraph = P(stylename=styles.body)
            paragraph.addElement(Span(stylename=styles.bold, text=values[0]))
            cell.addElement(paragraph)
            row.addElement(cell)
        else:
            for i, text in enumerate(values):
                cell = TableCell(stylename=styles.cell, valuetype="string")
                cell.addElement(P(stylename=styles.right if i in block.numeric else styles.body, text=text))
                row.addElement(cell)
        table.addElement(row)
    doc.text.addElement(table)


def _figure(doc, styles: _Styles, block: Figure, number: int) -> None:
    href = doc.addPictureFromString(block.png, "image/png")
    frame = draw.Frame(name=f"Figure{number}", anchortype="as-char", width=f"{block.width_cm}cm",
                       height=f"{block.height_cm}cm")  # fmt: skip
    frame.addElement(draw.Image(href=href))
    frame.addElement(svg.Title(text=block.caption))
    frame.addElement(svg.Desc(text=block.alt))
    holder = P(stylename=styles.body)
    holder.addElement(frame)
    doc.text.addElement(holder)
    doc.text.addElement(P(stylename=styles.caption, text=block.caption))


def render_odt(document: Document) -> bytes:
    doc = OpenDocumentText()
    doc.meta.addElement(dc.Title(text=document.title))
    doc.meta.addElement(dc.Subject(text=document.subject or document.title))
    styles = _Styles(doc)
    _page(doc, styles, document.marking)
    doc.text.addElement(P(stylename=styles.title, text=document.title))
    tables = figures = 0
    blocks = document.blocks
    for number, block in enumerate(blocks):
        if isinstance(block, Heading):
            level = min(block.level, max(HEADING_SIZES))
            doc.text.addElement(H(outlinelevel=level, stylename=styles.headings[level], text=block.text))
        elif isinstance(block, Paragraph):
            kept = introduces(blocks, number)
            paragraph = P(stylename=styles.kept if kept else styles.small if block.small else styles.body)
            if block.lead:
                paragraph.addElement(Span(stylename=styles.bold, text=block.lead + " "))
            paragraph.addText(block.text)
            doc.text.addElement(paragraph)
        elif isinstance(block, Bullets):
            items = List(stylename=styles.numbers if block.numbered else styles.bullets)
            for text in block.items:
                item = ListItem()
                item.addElement(P(stylename=styles.body, text=text))
                items.addElement(item)
            doc.text.addElement(items)
        elif isinstance(block, Table):
            tables += 1
            _table(doc, styles, block, tables)
        elif isinstance(block, Figure):
            figures += 1
            _figure(doc, styles, block, figures)
    out = io.BytesIO()
    doc.write(out)
    return out.getvalue()
