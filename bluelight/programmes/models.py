from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from bluelight.core.models import Organisation, marking_field
from bluelight.core.scales import SCALES


class Programme(models.Model):
    class RagScale(models.TextChoices):
        THREE_POINT = "three_point", "Red, Amber, Green (three-point)"
        FIVE_POINT = "five_point", "IPA delivery confidence (five-point)"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True)
    partners = models.ManyToManyField(Organisation, related_name="programmes", blank=True)
    cycle_start_year = models.PositiveIntegerField(validators=[MinValueValidator(1990), MaxValueValidator(2100)])
    cycle_end_year = models.PositiveIntegerField(validators=[MinValueValidator(1990), MaxValueValidator(2100)])
    rag_scale = models.CharField(max_length=20, choices=RagScale.choices, default=RagScale.THREE_POINT)
    illustrative_note = models.TextField(
        blank=True, help_text="Where figures are illustrative rather than published, say so here."
    )
    public_page = models.BooleanField(
        default=False,
        help_text="Show a plain public summary of published reports (OFFICIAL records only) at /public/<slug>/.",
    )
    risk_threshold = models.PositiveSmallIntegerField(
        default=12, validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text="Risks whose residual score (likelihood × impact) is above this go to the board.",
    )  # fmt: skip
    two_person_sign_off = models.BooleanField(
        default=True,
        help_text="The person who enters or changes a benefit's actual cannot also sign it off.",
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(cycle_end_year__gte=models.F("cycle_start_year")), name="programme_cycle_order"
            )
        ]

    def __str__(self):
        return self.name

    @property
    def scale(self):
        return SCALES[self.rag_scale]

    @property
    def cycle(self) -> str:
        return f"{self.cycle_start_year} to {self.cycle_end_year}"


class ProgrammeMembership(models.Model):
    """A person's role in one programme. Issue #6 widens the rules; the roles are named now."""

    class Role(models.TextChoices):
        PROGRAMME_ADMIN = "programme_admin", "Programme administrator"
        ORGANISATION_EDITOR = "organisation_editor", "Organisation editor"
        BOARD_MEMBER = "board_member", "Board member"
        VIEWER = "viewer", "Viewer"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=30, choices=Role.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["programme", "user"], name="one_role_per_programme")]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} in {self.programme}"


class Section(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="sections")
    name = models.CharField(max_length=200)
    position = models.PositiveIntegerField(help_text="Order in reports: 1 is first.")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["programme", "position"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "name"], name="section_name_unique"),
            models.UniqueConstraint(fields=["programme", "position"], name="section_position_unique"),
        ]

    def __str__(self):
        return self.name


class PlanPriority(models.Model):
    """A priority of the plan the programme serves, e.g. one of a Police and Crime Plan's twelve."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="priorities")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=300)
    plan_name = models.CharField(max_length=200, blank=True, help_text="e.g. Police and Crime Plan 2021-24")

    class Meta:
        ordering = ["programme", "number"]
        constraints = [models.UniqueConstraint(fields=["programme", "number"], name="priority_number_unique")]
        verbose_name_plural = "plan priorities"

    def __str__(self):
        return f"{self.number}. {self.title}"


class Workstream(models.Model):
    class Stage(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        BUSINESS_CASE = "business_case", "Business case"
        IN_DELIVERY = "in_delivery", "In delivery"
        BUSINESS_AS_USUAL = "business_as_usual", "Business as usual"
        PAUSED = "paused", "Paused"
        CLOSED = "closed", "Closed"

    STOPPED_STAGES = (Stage.PAUSED, Stage.CLOSED)

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="workstreams")
    key = models.SlugField(
        max_length=80, help_text="A stable short name, unique in the programme, used in addresses and imports."
    )
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="workstreams")
    position = models.PositiveIntegerField(default=0, help_text="Order within its section; 0 puts it last.")
    title = models.CharField(max_length=300)
    lead_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="led_workstreams")
    partner_organisations = models.ManyToManyField(Organisation, related_name="partner_workstreams", blank=True)
    business_lead = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    stage = models.CharField(max_length=30, choices=Stage.choices, default=Stage.PROPOSED)
    stage_changed_on = models.DateField(null=True, blank=True)
    stage_reason = models.TextField(blank=True, help_text="Why it was paused or closed.")
    priorities = models.ManyToManyField(PlanPriority, related_name="workstreams", blank=True)
    marking = marking_field()
    illustrative = models.BooleanField(
        default=False, help_text="Some of this record's details are illustrative, not taken from a published source."
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["programme", "section__position", "position", "title"]
        constraints = [models.UniqueConstraint(fields=["programme", "key"], name="workstream_key_unique")]
        indexes = [models.Index(fields=["programme", "section", "position"])]

    def __str__(self):
        return self.title
