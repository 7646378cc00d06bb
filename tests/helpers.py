"""Reading what a user sees: the rows of an HTML table, the text of an element."""

from __future__ import annotations

from html.parser import HTMLParser


class _TableReader(HTMLParser):
    def __init__(self, table_id: str):
        super().__init__()
        self.table_id = table_id
        self.depth = 0  # >0 while inside the wanted table
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and (self.depth or attrs.get("id") == self.table_id):
            self.depth += 1
        elif self.depth and tag == "tr":
            self.rows.append([])
        elif self.depth and tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag == "table" and self.depth:
            self.depth -= 1
        elif self.depth and tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def table_rows(html: str, table_id: str) -> list[list[str]]:
    """Every row of the table with this id, as lists of cell texts with white space folded."""
    reader = _TableReader(table_id)
    reader.feed(html)
    return [row for row in reader.rows if row]


class _TextReader(HTMLParser):
    def __init__(self, element_id: str):
        super().__init__()
        self.element_id = element_id
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += 1
        elif dict(attrs).get("id") == self.element_id:
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def text_of(html: str, element_id: str) -> str:
    """The text of the element with this id, as read: elements separated by a space, white space folded."""
    reader = _TextReader(element_id)
    reader.feed(html)
    return " ".join(" ".join(reader.parts).split())


def error_summary(html: str) -> str:
    """The text of the GOV.UK error summary, or '' if the page has none."""
    start = html.find('class="govuk-error-summary"')
    if start < 0:
        return ""
    end = html.find("</div>\n</div>", start)
    chunk = html[start:end]
    reader = HTMLParser()
    parts: list[str] = []
    reader.handle_data = parts.append
    reader.feed("<div " + chunk)
    return " ".join("".join(parts).split())


# What the benefits settings page posts besides the target and thresholds: year 0 of discounting, the rule
# for years before it, and the total the rating uses.
YEAR_0 = {"appraisal_year": "2017", "before_year_0": "exclude", "target_basis": "profiled"}
