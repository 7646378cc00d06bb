from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from bluelight.core import history, versions
from bluelight.core.history import Actor
from bluelight.core.pages import form_page
from bluelight.governance import plan, worklist
from bluelight.governance.headline import headline
from bluelight.programmes import rules, selectors, services
from bluelight.programmes.access import programme_for, require_admin, require_edit, workstream_for
from bluelight.programmes.forms import WorkstreamForm
from bluelight.programmes.models import Workstream
from bluelight.reports.timeline import timeline_svg
from bluelight.status import selectors as status_selectors
from bluelight.status.models import Assessment


def programme_list(request):
    """The first page after sign-in: what needs this person in each programme, then the programmes."""
    programmes = list(selectors.visible_programmes(request.user).prefetch_related("partners"))
    lists = [worklist.worklist(request.user, programme) for programme in programmes]
    for found in lists:
        if found.office:
            worklist.looked(request.user, found.programme)  # what is recorded from now on is new next time
    return render(request, "programmes/programme_list.html", {"programmes": programmes, "worklists": lists,
                                                              "today": timezone.localdate()})  # fmt: skip


def _plan(programme, scope, today) -> dict:
    """The timeline of workstreams and milestones, as SVG and as the rows of the table beside it."""
    every = plan.lanes(programme, scope, today)
    lanes = plan.nearest(every)
    first, last = plan.cycle(programme)
    svg = timeline_svg(lanes, first, last, today, f"{programme.name}: workstreams and milestones over the cycle")
    return {"plan_svg": mark_safe(svg), "plan_lanes": lanes,  # noqa: S308 -- built by our code, every text escaped
            "plan_left_out": len(every) - len(lanes)}  # fmt: skip


def programme_dashboard(request, slug):
    access = programme_for(request, slug)
    programme = access.programme
    periods = list(status_selectors.periods_of(programme))
    label = request.GET.get("period")
    if label:
        period = next((p for p in periods if p.label == label), None)
        if period is None:
            raise Http404("No such reporting period")
    else:
        period = status_selectors.default_period(programme)
    today = timezone.localdate()  # in the key: what is overdue or due soon moves on at midnight
    summary = versions.cached(
        "dashboard", (programme.pk, period.pk if period else None, access.scope, today),
        lambda: render_to_string("programmes/_period_summary.html", {
            "access": access, "programme": programme, "period": period,
            "view": status_selectors.period_view(programme, period, access.scope) if period else None,
            "headline": headline(programme, access.scope, today),
            **_plan(programme, access.scope, today),
        }),
    )  # fmt: skip
    return render(
        request,
        "programmes/dashboard.html",
        {"access": access, "programme": programme, "periods": periods, "period": period, "summary": summary},
    )


def workstream_detail(request, slug, key):
    access, workstream = workstream_for(request, slug, key)
    lines = status_selectors.rating_history(workstream)
    assessment_ids = Assessment.objects.filter(workstream=workstream).values_list("id", flat=True)
    timeline = list(history.history_of(workstream)[:50])
    timeline += list(history.history_of_many(Assessment, assessment_ids)[:50])
    timeline.sort(key=lambda e: (e.at, e.id), reverse=True)
    today = timezone.localdate()
    can_edit = rules.can_edit_workstream(access.role, access.organisation_id, workstream.lead_organisation_id)
    adoption = getattr(workstream, "adopted_from", None)  # the library entry it was adopted from, if any
    library_entries = list(workstream.library_entries.all())
    return render(
        request,
        "programmes/workstream_detail.html",
        {
            "access": access,
            "programme": access.programme,
            "workstream": workstream,
            "history_lines": lines,
            "timeline": timeline[:50],
            "periods": list(status_selectors.periods_of(access.programme)),
            # A published period can be corrected only where it holds a rating to correct.
            "rated_periods": set(
                Assessment.objects.filter(workstream=workstream, is_current=True).values_list("period_id", flat=True)
            ),
            "can_edit": can_edit,
            "library_source": adoption.entry if adoption else None,
            "library_entries": library_entries,
            "can_publish": can_edit and workstream.stage == "closed" and not library_entries
            and workstream.documents.filter(kind="closure_report").exists(),
            "milestones": [(m, m.state(today)) for m in workstream.milestones.all()],
            "risks": access.visible(workstream.risks.filter(status="open")),
            "papers": access.visible(workstream.documents.all()),
        },
    )


def _workstream_fields(data):
    return {k: v for k, v in data.items() if k not in ("version", "key", "partner_organisations", "priorities")}


def workstream_create(request, slug):
    access = programme_for(request, slug)
    require_admin(access)
    form = WorkstreamForm(
        request.POST or None, programme=access.programme, initial={"stage": Workstream.Stage.PROPOSED}
    )
    return form_page(
        request,
        form,
        lambda data: services.workstream_create(
            actor=Actor(request.user),
            programme=access.programme,
            key=data["key"],
            partner_organisations=data["partner_organisations"],
            priorities=data["priorities"],
            **_workstream_fields(data),
        ),  # fmt: skip
        template="programmes/workstream_form.html",
        context={"programme": access.programme, "creating": True},
        done=lambda workstream: f"Workstream ‘{workstream.title}’ created",
        next_url=lambda workstream: reverse("workstream-detail", args=[slug, workstream.key]),
    )


def workstream_edit(request, slug, key):
    access, workstream = workstream_for(request, slug, key)
    require_edit(access, workstream)
    fields = (
        "title", "business_lead", "description", "stage", "stage_changed_on", "stage_reason", "illustrative", "marking",
    )  # fmt: skip
    initial = {
        **{f: getattr(workstream, f) for f in fields},
        "section": workstream.section_id,
        "lead_organisation": workstream.lead_organisation_id,
        "partner_organisations": list(workstream.partner_organisations.all()),
        "priorities": list(workstream.priorities.all()),
        "version": workstream.version,
    }
    form = WorkstreamForm(request.POST or None, programme=access.programme, editing=True, initial=initial)
    return form_page(
        request,
        form,
        lambda data: services.workstream_update(
            actor=Actor(request.user),
            workstream=workstream,
            expected_version=data["version"] or 0,
            partner_organisations=data["partner_organisations"],
            priorities=data["priorities"],
            **_workstream_fields(data),
        ),  # fmt: skip
        template="programmes/workstream_form.html",
        context={"programme": access.programme, "workstream": workstream},
        done="Workstream saved",
        next_url=reverse("workstream-detail", args=[slug, key]),
    )
