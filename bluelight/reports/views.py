from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify

from bluelight.programmes.access import programme_for
from bluelight.reports.annual import SECTION_NUMBER, build_annual_report, render_standalone_html


def annual_report(request, slug, label):
    access = programme_for(request, slug)
    period = get_object_or_404(access.programme.periods, label=label)
    report = build_annual_report(access.programme, period)
    return render(
        request, "reports/annual_page.html",
        {"report": report, "programme": access.programme, "section_number": SECTION_NUMBER},
    )  # fmt: skip


def annual_report_download(request, slug, label):
    access = programme_for(request, slug)
    period = get_object_or_404(access.programme.periods, label=label)
    report = build_annual_report(access.programme, period)
    response = HttpResponse(render_standalone_html(report), content_type="text/html; charset=utf-8")
    filename = f"{slugify(access.programme.slug)}-annual-report-{slugify(period.label)}.html"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
