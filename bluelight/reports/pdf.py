"""PDF from a standalone HTML report, with WeasyPrint: tagged (PDF/UA) so screen readers can follow
its headings and tables, the protective marking at the top and bottom of every page, and page numbers."""

from __future__ import annotations


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_css(marking: str) -> str:
    mark = _css_string(marking)
    return f"""
@page {{
  size: A4; margin: 2.2cm 1.8cm;
  @top-center {{ content: {mark}; font: bold 10pt Arial, sans-serif; letter-spacing: .1em; }}
  @bottom-center {{ content: {mark}; font: bold 10pt Arial, sans-serif; letter-spacing: .1em; }}
  @bottom-right {{ content: "Page " counter(page) " of " counter(pages); font: 9pt Arial, sans-serif; }}
}}
body {{ margin: 0; max-width: none; font-size: 10.5pt; }}
h1, h2, h3 {{ break-after: avoid; }}
tr, figure {{ break-inside: avoid; }}
.pack-cover {{ break-after: page; }}
"""


def html_to_pdf(html: str, marking: str) -> bytes:
    """The title comes from the HTML's <title>; the language from its lang attribute."""
    from weasyprint import CSS, HTML

    document = HTML(string=html, base_url=None)
    return document.write_pdf(
        stylesheets=[CSS(string=page_css(marking))],
        pdf_variant="pdf/ua-1",
        custom_metadata=True,
    )
