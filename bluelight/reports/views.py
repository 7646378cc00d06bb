from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import slugify

from bluelight.core import security, versions
from bluelight.core.forms import run_service
from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry
from bluelight.programmes.access import programme_for, require_admin
from bluelight.programmes.models import Programme
from bluelight.programmes.scope import Scope
from bluelight.reports import services
from bluelight.reports.annual import (
    DEFAULT_RECOMMENDATION,
    SECTION_NUMBER,
    annual_document_key,
    build_annual_report,
    render_standalone_html,
    report_title,
)
from bluelight.reports.formats import CONTENT_TYPES, REPORT_FORMATS, render_report
from bluelight.reports.forms import ReportTextForm
from bluelight.reports.models import ReportText
from bluelight.reports.services import texts_of


def report_download(request, fmt: str, name: str, *, html, document, marking: str, rows: int) -> HttpResponse:
    """A report as an attachment in the format asked for (html, pdf, docx or odt); logged as an export."""
    if fmt not in REPORT_FORMATS:
        raise Http404(f"Reports come as {', '.join(REPORT_FORMATS)}")
    security.log(security.Kind.EXPORTED, request=request, rows=rows, detail=f"{name}.{fmt} marked {marking}")
    response = HttpResponse(render_report(fmt, html=html, document=document, marking=marking),
                            content_type=CONTENT_TYPES[fmt])  # fmt: skip
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def annual_report(request, slug, label):
    access = programme_for(request, slug)
    period = get_object_or_404(access.programme.periods, label=label)
    body = versions.cached("annual-report", (access.programme.pk, period.pk, access.scope), lambda: render_to_string(
        "reports/annual_body.html", {
            "report": build_annual_report(access.programme, period, scope=access.scope),
            "programme": access.programme, "section_number": SECTION_NUMBER,
        },
    ))  # fmt: skip
    return render(request, "reports/annual_page.html", {
        "body": body, "title": report_title(access.programme, period), "programme": access.programme, "period": period,
        "access": access,
    })  # fmt: skip


def text_page(request, access, *, document: str, computed: Callable[[], dict[str, str]], title: str, back: str):
    """The office writes a report's executive summary and recommendations, starting from the text
    Bluelight works out (`computed`, worked out once the office's right is checked); each version saved is
    listed under the form."""
    require_admin(access)
    computed = computed()
    kept = texts_of(access.programme, document)
    form = ReportTextForm(request.POST or None, initial={
        **{part: kept[part].text if part in kept else computed[part] for part in computed},
        **{f"{part}_version": kept[part].version if part in kept else None for part in computed},
    })  # fmt: skip
    status = 200
    if request.method == "POST" and form.is_valid():
        def save():
            for part in computed:
                text = form.cleaned_data[part]
                if part not in kept and " ".join(text.split()) == " ".join(computed[part].split()):
                    continue  # left as Bluelight wrote it: it goes on following the register
                services.report_text_save(actor=Actor(request.user), programme=access.programme, document=document,
                                          part=part, text=text, expected_version=form.cleaned_data[f"{part}_version"])  # fmt: skip

        refused = run_service(form, save)
        if refused is None:
            messages.success(request, "The executive summary and recommendations are saved")
            return redirect(back)
        status = refused
    earlier = HistoryEntry.objects.filter(content_type=ContentType.objects.get_for_model(ReportText),
                                          object_repr__endswith=f", {document}").order_by("-at", "-id")[:20]  # fmt: skip
    return render(request, "reports/text_form.html", {
        "programme": access.programme, "form": form, "earlier": earlier, "title": title, "back": back,
    }, status=status)  # fmt: skip


def annual_report_text(request, slug, label):
    access = programme_for(request, slug)
    period = get_object_or_404(access.programme.periods, label=label)

    def computed():
        report = build_annual_report(access.programme, period, scope=access.scope)
        return {"summary": report.computed_summary, "recommendations": DEFAULT_RECOMMENDATION}

    return text_page(request, access, document=annual_document_key(period), title=report_title(access.programme, period),
                     computed=computed, back=reverse("annual-report", args=[slug, label]))  # fmt: skip


def annual_report_download(request, slug, label):
    from bluelight.reports.annual_document import annual_document

    access = programme_for(request, slug)
    period = get_object_or_404(access.programme.periods, label=label)
    report = build_annual_report(access.programme, period, scope=access.scope)
    return report_download(
        request, request.GET.get("format", "html"), f"{slugify(access.programme.slug)}-annual-report-{slugify(period.label)}",
        html=lambda: render_standalone_html(report), document=lambda: annual_document(report), marking=report.marking,
        rows=len(report.view.rows),
    )  # fmt: skip


def _public_programme(slug):
    return get_object_or_404(Programme, slug=slug, public_page=True)


@login_not_required
def public_page(request, slug):
    """The public summary: published reports only, built from OFFICIAL records only."""
    programme = _public_programme(slug)
    periods = programme.periods.exclude(published_at=None).order_by("-starts_on")
    return render(request, "reports/public_page.html", {"programme": programme, "periods": periods})


@login_not_required
def public_report(request, slug, label):
    programme = _public_programme(slug)
    period = get_object_or_404(programme.periods.exclude(published_at=None), label=label)
    report = build_annual_report(programme, period, scope=Scope.public())
    return render(request, "reports/public_report.html", {
        "report": report, "programme": programme, "section_number": SECTION_NUMBER,
    })  # fmt: skip
