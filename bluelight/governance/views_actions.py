"""The action log's pages: the log, adding an action and updating one."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from bluelight.core.history import Actor, without_version
from bluelight.core.pages import form_page
from bluelight.governance import access as rights
from bluelight.governance import selectors, services
from bluelight.governance.forms_registers import ActionForm
from bluelight.governance.models import Action
from bluelight.governance.views import FORM
from bluelight.programmes.access import programme_for, require_admin, visible_or_404


def action_log(request, slug):
    access = programme_for(request, slug)
    today = timezone.localdate()
    actions = access.visible(selectors.actions_of(access.programme)).order_by("due_on", "number")
    show = request.GET.get("show", "open")
    if show == "open":
        actions = actions.exclude(status__in=Action.FINISHED)
    elif show == "overdue":
        actions = access.visible(selectors.overdue_actions([access.programme], today))
    return render(request, "governance/action_log.html", {
        "access": access, "programme": access.programme, "actions": actions, "today": today, "show": show,
    })  # fmt: skip


def action_create(request, slug):
    access = programme_for(request, slug)
    require_admin(access)
    meeting_id = request.GET.get("meeting")
    return form_page(
        request, ActionForm(request.POST or None, programme=access.programme, initial={"status": "open", "meeting": meeting_id}),
        lambda data: services.action_create(actor=Actor(request.user), programme=access.programme,
                                            **without_version(data)),
        template=FORM, context={"programme": access.programme, "heading": "Add an action", "caption": access.programme.name,
                                "back": reverse("action-log", args=[slug]), "button": "Add action"},
        done=lambda action: f"Action {action.reference} added", next_url=reverse("action-log", args=[slug]),
    )  # fmt: skip


def action_edit(request, slug, number):
    access = programme_for(request, slug)
    action = visible_or_404(access, selectors.actions_of(access.programme), number=number)
    rights.require_action_right(access, action)
    fields = ("description", "owner", "owner_organisation", "due_on", "workstream", "status", "update", "version")
    form = ActionForm(request.POST or None, programme=access.programme, editing=True,
                      initial={f: getattr(action, f) for f in fields})  # fmt: skip
    return form_page(
        request, form,
        lambda data: services.action_update(actor=Actor(request.user), action=action,
                                            expected_version=data["version"], **without_version(data)),
        template=FORM, context={"programme": access.programme, "heading": f"Update action {action.reference}",
                                "caption": access.programme.name, "back": reverse("action-log", args=[slug])},
        done=f"Action {action.reference} saved", next_url=reverse("action-log", args=[slug]),
    )  # fmt: skip
