"""What needs each person, programme by programme: the first page after sign-in and the reminder
e-mail (`bluelight remind`) show the same lists.

For a lead (an organisation's editor): ratings due this period for the workstreams their organisation
leads, and the actions they own. For the programme office: ratings missing this period, ratings
recorded since they last looked, actuals awaiting their sign-off (not their own, under two-person
sign-off), papers still to come for the next meeting, and the actions they own. An action is "yours"
when its owner is your name, or (for a lead) your organisation.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from bluelight.benefits.models import BenefitActual
from bluelight.governance import selectors
from bluelight.governance.models import Action, AgendaItem, Document, LastLooked, Meeting
from bluelight.programmes import rules
from bluelight.programmes.access import access_for
from bluelight.programmes.models import Programme, Workstream
from bluelight.status.models import Assessment, ReportingPeriod


@dataclass
class Worklist:
    programme: Programme
    office: bool
    period: ReportingPeriod | None  # the open period ratings are due in
    ratings_due: list[Workstream] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    sign_off: list[BenefitActual] = field(default_factory=list)
    new_ratings: list[Assessment] = field(default_factory=list)
    next_meeting: Meeting | None = None
    papers_due: list[AgendaItem] = field(default_factory=list)
    last_looked: datetime.datetime | None = None

    @property
    def count(self) -> int:
        """How many things need the person."""
        return (len(self.ratings_due) + len(self.actions) + len(self.sign_off) + len(self.new_ratings)
                + len(self.papers_due))  # fmt: skip

    @property
    def empty(self) -> bool:
        return not self.count


def open_period(programme: Programme, today: datetime.date) -> ReportingPeriod | None:
    """The latest period that has begun and is not yet published: the one ratings are due in."""
    return (ReportingPeriod.objects.filter(programme=programme, starts_on__lte=today, published_at__isnull=True)
            .order_by("starts_on").last())  # fmt: skip


def worklist(user, programme: Programme, today: datetime.date | None = None) -> Worklist:
    today = today or timezone.localdate()
    access = access_for(user, programme)
    office = access.can_administer
    found = Worklist(programme, office, open_period(programme, today))
    if found.period:
        leading = access.editable_workstreams().exclude(stage__in=Workstream.STOPPED_STAGES)
        rated = Assessment.objects.filter(period=found.period, is_current=True).values("workstream_id")
        found.ratings_due = list(access.visible(leading.exclude(pk__in=rated)).order_by("title"))
    mine = Q(owner__iexact=user.display_name)
    if access.role == rules.ORGANISATION_EDITOR and user.organisation_id:
        mine |= Q(owner_organisation_id=user.organisation_id)
    found.actions = list(access.visible(Action.objects.filter(mine, programme=programme).exclude(
        status__in=Action.FINISHED)).order_by("due_on", "number"))  # fmt: skip
    if not office:
        return found
    actuals = BenefitActual.objects.filter(benefit__workstream__programme=programme, signed_off_at__isnull=True)
    if programme.two_person_sign_off:
        actuals = actuals.exclude(entered_by=user)
    found.sign_off = list(actuals.select_related("benefit").order_by("benefit__title", "year"))
    found.last_looked = LastLooked.objects.filter(user=user, programme=programme).values_list("at", flat=True).first()
    if found.last_looked:
        found.new_ratings = list(Assessment.objects.filter(
            workstream__programme=programme, is_current=True, recorded_at__gt=found.last_looked,
        ).select_related("workstream", "period").order_by("-recorded_at"))  # fmt: skip
    found.next_meeting = selectors.next_meeting(programme, today)
    if found.next_meeting:
        found.papers_due = [item for item in found.next_meeting.agenda.select_related("document").order_by("number")
                            if item.purpose == AgendaItem.Purpose.DECISION and (
                                item.document is None or item.document.status == Document.Status.DRAFT)]  # fmt: skip
    return found


def looked(user, programme: Programme) -> None:
    """The office has seen its worklist: ratings recorded from now on are new to it."""
    LastLooked.objects.update_or_create(user=user, programme=programme, defaults={"at": timezone.now()})

