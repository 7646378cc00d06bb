from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify

from bluelight.programmes.access import programme_for
from bluelight.reports.annual import SECTION_NUMBER, build_annual_report, render_standalone_html
from bluelight.reports.formats import CONTENT_TYPES, REPORT_FORMATS, render_report


def report_download(fmt: str, name: str, *, html, document, marking: str) -> HttpResponse:
    """A report as an attachment in the format asked for (html, pdf, docx or odt)."""
    if fmt not in REPORT_FORMATS:
        raise Http404(f"Reports come as {', '.join(REPORT_FORMATS)}")
    response = HttpResponse(render_report(fmt, html=html, document=document, marking=marking),
                            content_type=CONTENT_TYPES[fmt])  # fmt: skip
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def annual_report(request, slug, label):
    access = programme_for(request, slug)
    period = get_object_or_404(access.programme.periods, label=label)
    report = build_annual_report(access.programme, period)
    return render(
        request, "reports/annual_page.html",
        {"report": report, "programme": access.programme, "section_number": SECTION_NUMBER},
    )  # fmt: skip


def annual_report_download(request, slug, label):
    from bluelight.reports.annual_document import annual_document

    access = programme_for(request, slug)
    period = get_object_or_404(access.programme.periods, label=label)
    report = build_annual_report(access.programme, period)
    return report_download(
        request.GET.get("format", "html"), f"{slugify(access.programme.slug)}-annual-report-{slugify(period.label)}",
        html=lambda: render_standalone_html(report), document=lambda: annual_document(report), marking=report.marking,
    )  # fmt: skip
