"""The programme office's forms for inter-service demand: a protocol, an issue, a benefit fed by a measure."""

from __future__ import annotations

from django.urls import reverse

from bluelight.benefits.models import Benefit, UnitCost
from bluelight.core.history import Actor
from bluelight.core.pages import form_page
from bluelight.core.templatetags.bluelight import pounds
from bluelight.demand import services
from bluelight.demand.forms import FeedForm, IssueForm, ProtocolForm
from bluelight.programmes.access import programme_for, require_admin


def _page(request, slug, form, save, heading, done, intro=""):
    access = programme_for(request, slug)
    require_admin(access)
    return form_page(
        request, form, lambda data: save(access, Actor(request.user), data), template="governance/form.html",
        context={"programme": access.programme, "heading": heading, "caption": access.programme.name,
                 "back": reverse("demand-home", args=[slug]), "intro": intro},
        done=done, next_url=reverse("demand-home", args=[slug]),
    )  # fmt: skip


def _organisations(request, slug):
    return [(o.pk, o.name) for o in programme_for(request, slug).programme.partners.all()]


def protocol_set(request, slug):
    def save(access, actor, data):
        displaced = access.programme.partners.get(pk=data["displaced"])
        fields = {k: v for k, v in data.items() if k not in ("type", "displaced")}
        return services.protocol_set(actor=actor, programme=access.programme, type=data["type"], displaced=displaced,
                                     **fields)  # fmt: skip

    form = ProtocolForm(request.POST or None, organisations=_organisations(request, slug))
    return _page(request, slug, form, save, "Set a protocol", lambda p: f"The protocol “{p.name}” is set",
                 "The date a type of request changed hands, the service that attended before, and the hours of its "
                 "time each request saves: what the before-and-after measures and hours saved use.")  # fmt: skip


def issue_create(request, slug):
    def save(access, actor, data):
        raised_by = access.programme.partners.get(pk=data.pop("raised_by"))
        return services.issue_create(actor=actor, programme=access.programme, raised_by=raised_by, **data)

    form = IssueForm(request.POST or None, organisations=_organisations(request, slug))
    return _page(request, slug, form, save, "Log an issue between services", "The issue is logged")


def feed_create(request, slug):
    access = programme_for(request, slug)
    benefits = Benefit.objects.filter(workstream__programme=access.programme).select_related("workstream")
    costs = UnitCost.objects.filter(programme=access.programme)

    def save(access, actor, data):
        feed = services.feed_create(actor=actor, benefit=benefits.get(pk=data["benefit"]), type=data["type"],
                                    measure=data["measure"], unit_cost=costs.get(pk=data["unit_cost"]))  # fmt: skip
        services.feed_refresh(actor=actor, feed=feed)
        return feed

    form = FeedForm(request.POST or None,
                    benefits=[(b.pk, f"{b.title} ({b.workstream.title})") for b in benefits],
                    unit_costs=[(c.pk, f"{c.name}: {pounds(c.value)} {c.unit}") for c in costs])  # fmt: skip
    return _page(request, slug, form, save, "Feed a benefit from the request log",
                 lambda f: f"“{f.benefit}” now has measured actuals from the request log",
                 "Each financial year's actual becomes requests of the type × a unit value, or the hours they save × a "
                 "cost per hour, with the working kept beside it. A signed-off actual is left as it was.")  # fmt: skip
