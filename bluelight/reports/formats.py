"""One report in the format asked for: HTML, tagged PDF, DOCX or ODT, each carrying the marking."""

from __future__ import annotations

from collections.abc import Callable

REPORT_FORMATS = ("html", "pdf", "docx", "odt")
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
}


def render_report(fmt: str, *, html: Callable[[], str], document: Callable[[], object], marking: str) -> bytes:
    """The report's bytes: `html` builds the standalone page (HTML, PDF), `document` the blocks (DOCX, ODT)."""
    if fmt == "html":
        return html().encode("utf-8")
    if fmt == "pdf":
        from bluelight.reports.pdf import html_to_pdf

        return html_to_pdf(html(), marking)
    if fmt == "docx":
        from bluelight.reports.docx_writer import render_docx

        return render_docx(document())
    if fmt == "odt":
        from bluelight.reports.odt_writer import render_odt

        return render_odt(document())
    raise ValueError(f"Choose a format from: {', '.join(REPORT_FORMATS)}.")
