"""The log of requests between services, the sources it is loaded from, the protocols it measures, the
issues log, and the benefits a measure feeds."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models

from bluelight.benefits.models import Benefit, UnitCost
from bluelight.core.models import Organisation
from bluelight.demand.engine.sources import TYPES
from bluelight.programmes.models import Programme


class RequestType(models.TextChoices):
    GAIN_ENTRY = "gain_entry", TYPES["gain_entry"]
    MISSING_PERSON = "missing_person", TYPES["missing_person"]
    CONCERN_FOR_WELFARE = "concern_for_welfare", TYPES["concern_for_welfare"]
    TRANSPORT = "transport", TYPES["transport"]
    CLINICAL_ADVICE = "clinical_advice", TYPES["clinical_advice"]
    OTHER = "other", TYPES["other"]


class Source(models.Model):
    """A control-room system requests come from, with the mapping of its extract's columns."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="demand_sources")
    name = models.CharField(max_length=100, help_text="Such as “ECFRS control room (Vision)” or “api”.")
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    mapping = models.JSONField(default=dict, blank=True, help_text="Our field → the extract's column header.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["programme", "name"], name="demand_source_name_unique")]
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ServiceRequest(models.Model):
    """One request from one service to another. The requesting service's side (its reference, the type,
    when it asked, who would have gone before the protocol) is its to write; the receiving service's
    side (its reference, the times it accepted, arrived and closed, the outcome) is the receiver's."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="service_requests")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="requests")
    requesting = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    requesting_reference = models.CharField(max_length=100)
    receiving = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    receiving_reference = models.CharField(max_length=100, blank=True)
    type = models.CharField(max_length=20, choices=RequestType.choices)
    requested_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    on_scene_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    instead_of = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                   help_text="The service that would have attended before the protocol.")  # fmt: skip
    outcome = models.CharField(max_length=300, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["programme", "requesting", "requesting_reference"],
                                               name="demand_request_reference_unique")]  # fmt: skip
        indexes = [models.Index(fields=["programme", "requested_at"])]
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.requesting.short_code} {self.requesting_reference}"


REQUESTING_SIDE = ("requesting_reference", "type", "requested_at", "instead_of")
RECEIVING_SIDE = ("receiving_reference", "accepted_at", "on_scene_at", "closed_at", "outcome")


class Protocol(models.Model):
    """An agreement that changed who answers a type of request, from a date: what the before-and-after
    measures compare, and the hours of the displaced service each request saves."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="demand_protocols")
    name = models.CharField(max_length=200)
    type = models.CharField(max_length=20, choices=RequestType.choices)
    starts_on = models.DateField()
    displaced = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+",
                                  help_text="The service that attended before, whose time is saved.")  # fmt: skip
    hours_per_request = models.DecimalField(max_digits=8, decimal_places=2, validators=[MinValueValidator(0)],
                                            help_text="Hours of the displaced service saved by each request.")  # fmt: skip
    basis = models.TextField(help_text="Where the hours per request come from.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["programme", "type"], name="demand_protocol_type_unique")]

    def __str__(self) -> str:
        return self.name


class Issue(models.Model):
    """The issues log between services: a category, a single point of contact and a status."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_HAND = "in_hand", "In hand"
        RESOLVED = "resolved", "Resolved"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="demand_issues")
    category = models.CharField(max_length=100)
    raised_by = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    contact = models.CharField(max_length=200, help_text="The single point of contact.")
    description = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    raised_on = models.DateField()
    resolved_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["status", "-raised_on"]


class Feed(models.Model):
    """A benefit fed by a measure: requests of a type × a unit value, or the hours they save × a cost
    per hour, each from the unit-cost library. Its figures are the benefit's measured actuals."""

    class Measure(models.TextChoices):
        COUNT = "count", "Requests × a unit value"
        HOURS = "hours", "Hours of the displaced service saved × a cost per hour"

    benefit = models.OneToOneField(Benefit, on_delete=models.CASCADE, related_name="demand_feed")
    type = models.CharField(max_length=20, choices=RequestType.choices)
    measure = models.CharField(max_length=10, choices=Measure.choices)
    unit_cost = models.ForeignKey(UnitCost, on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"{self.benefit}: {self.get_measure_display()}"

