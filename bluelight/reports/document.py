"""A report as plain blocks (headings, paragraphs, lists, tables, figures), for the DOCX and ODT writers.

Pure Python: no Django. The annual report and the board pack are built into a `Document` once;
each writer turns it into its format with real headings, tables with header rows, figures with
alternative text, page numbers, and the protective marking in every page's header and footer.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str
    lead: str = ""  # bold words before the text, such as "Overall RAG:"
    small: bool = False


@dataclass(frozen=True)
class Bullets:
    items: list[str]
    numbered: bool = False


@dataclass(frozen=True)
class Table:
    caption: str
    headers: list[str]
    rows: list[list[str]]
    numeric: tuple[int, ...] = ()  # columns to right-align
    group_rows: tuple[int, ...] = ()  # rows that head a group (a section), shown bold across the table


@dataclass(frozen=True)
class Figure:
    png: bytes
    alt: str  # what the image shows, for people who cannot see it; its numbers are in the table after it
    caption: str
    width_cm: float = 15.0
    height_cm: float = 7.5


@dataclass
class Document:
    title: str
    marking: str
    blocks: list = field(default_factory=list)
    subject: str = ""

    def add(self, *blocks) -> Document:
        self.blocks.extend(blocks)
        return self

    def text(self) -> str:
        """Every word of the document, for tests and search."""
        out = [self.title]
        for block in self.blocks:
            if isinstance(block, (Heading, Paragraph)):
                out.append(f"{getattr(block, 'lead', '')} {block.text}".strip())
            elif isinstance(block, Bullets):
                out.extend(block.items)
            elif isinstance(block, Table):
                out.append(block.caption)
                out.extend(" ".join(row) for row in [block.headers, *block.rows])
            elif isinstance(block, Figure):
                out.append(block.caption)
        return "\n".join(out)


def introduces(blocks: list, number: int) -> bool:
    """Whether the paragraph at `number` leads into a table or figure, and so is kept on its page."""
    return number + 1 < len(blocks) and isinstance(blocks[number + 1], (Table, Figure))
