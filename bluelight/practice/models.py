"""The national practice library: entries (from the overview, or published from a programme's
closure report), the facets they are found by, and the programmes that adopted them.

An entry's full text (background, implementations by area, benefits, figures with their
sentences, flags) is kept as the catalogue writes it, in `content`; what search and the facets
need is kept in columns and in EntryFacet rows.
"""

from django.conf import settings
from django.db import models

from bluelight.programmes.models import Programme, Workstream


class Entry(models.Model):
    class Status(models.TextChoices):
        LIVE = "live", "Live"
        PILOT = "pilot", "Pilot"
        FUTURE = "future", "Future"
        CLOSED = "closed", "Closed"

    class Origin(models.TextChoices):
        OVERVIEW = "overview", "National overview (2016)"
        PROGRAMME = "programme", "A programme's closure report"

    class State(models.TextChoices):
        PUBLISHED = "published", "Published"
        AWAITING_APPROVAL = "awaiting_approval", "Awaiting the programme office's approval"

    key = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=300)
    section = models.CharField(max_length=200)
    section_number = models.PositiveSmallIntegerField(default=0)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.LIVE)
    content = models.JSONField(default=dict, help_text="The entry as the catalogue writes it.")
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.OVERVIEW)
    state = models.CharField(max_length=20, choices=State.choices, default=State.PUBLISHED)
    workstream = models.ForeignKey(
        Workstream, null=True, blank=True, on_delete=models.SET_NULL, related_name="library_entries",
        help_text="For an entry published from a programme: the workstream whose closure report it is.",
    )  # fmt: skip
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["section_number", "id"]
        verbose_name_plural = "entries"
        indexes = [models.Index(fields=["state", "section_number"])]

    def __str__(self):
        return self.title

    # What the catalogue says of the entry, read from its content (searched through EntryFacet).
    @property
    def lines(self) -> list[int]:
        return self.content.get("lines", [])

    @property
    def areas(self) -> list[str]:
        return self.content.get("areas", [])

    @property
    def services(self) -> list[str]:
        return self.content.get("services", [])

    @property
    def summary(self) -> str:
        return self.content.get("summary", "")

    @property
    def started(self) -> str:
        """YYYY or YYYY-MM: the first date written."""
        return self.content.get("started", "")

    @property
    def figure_count(self) -> int:
        return len(self.content.get("figures", []))

    @property
    def status_tag(self) -> str:
        """The GOV.UK tag colour for the status (the tag's text says the status too)."""
        return {"pilot": "yellow", "future": "grey", "closed": "purple"}.get(self.status, "green")


class EntryFacet(models.Model):
    """One value an entry is found by: facet 'section', 'area', 'service', 'status', 'category' or
    'quantified' (yes/no)."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=200)

    class Meta:
        indexes = [models.Index(fields=["facet", "value", "entry"])]
        constraints = [models.UniqueConstraint(fields=["entry", "facet", "value"], name="facet_value_once")]


class Adoption(models.Model):
    """A programme took an entry up as a draft workstream."""

    entry = models.ForeignKey(Entry, on_delete=models.PROTECT, related_name="adoptions")
    workstream = models.OneToOneField(Workstream, on_delete=models.CASCADE, related_name="adopted_from")
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="adoptions")
    adopted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    adopted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-adopted_at"]
