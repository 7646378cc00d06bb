from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from bluelight.core.models import Organisation, marking_field
from bluelight.programmes.models import Programme, Workstream

MONEY = {"max_digits": 16, "decimal_places": 2}
SHARE = {"max_digits": 7, "decimal_places": 6, "validators": [MinValueValidator(0), MaxValueValidator(1)]}


class DeflatorRelease(models.Model):
    """A GDP deflator series as published (e.g. HM Treasury's, one release of it), shared by programmes.

    A release is never changed once loaded: a new release is loaded beside it, and each programme
    chooses which it values with, so a figure can always be traced to the release behind it.
    """

    name = models.CharField(max_length=200, help_text="The series, e.g. HM Treasury GDP deflators at market prices.")
    release = models.CharField(max_length=200, help_text="The release, e.g. September 2024 (Quarterly National Accounts).")
    source = models.CharField(max_length=300, help_text="The file it was loaded from.")
    reference_year = models.PositiveIntegerField(null=True, blank=True, help_text="The year whose index is 100.")
    loaded_at = models.DateTimeField(auto_now_add=True)
    loaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["name", "-loaded_at"]
        constraints = [models.UniqueConstraint(fields=["name", "release"], name="one_release_per_name")]

    def __str__(self):
        return f"{self.name}, {self.release}"


class DeflatorReleaseYear(models.Model):
    release = models.ForeignKey(DeflatorRelease, on_delete=models.CASCADE, related_name="years")
    year = models.PositiveIntegerField(help_text="Financial year (start), e.g. 2015 for 2015/16.")
    index = models.DecimalField(max_digits=14, decimal_places=6, validators=[MinValueValidator(Decimal("0.000001"))])

    class Meta:
        ordering = ["release", "year"]
        constraints = [models.UniqueConstraint(fields=["release", "year"], name="one_index_per_release_year")]


class BenefitSettings(models.Model):
    """A programme's benefits target, price base and RAG thresholds."""

    programme = models.OneToOneField(Programme, on_delete=models.CASCADE, related_name="benefit_settings")
    target = models.DecimalField(
        **MONEY, help_text="The minimum benefits the programme must deliver over its cycle, £."
    )
    price_base_year = models.PositiveIntegerField(help_text="Financial year (start) whose prices all values are in.")
    green_at = models.DecimalField(max_digits=5, decimal_places=3, default=Decimal("1.000"))
    amber_at = models.DecimalField(max_digits=5, decimal_places=3, default=Decimal("0.900"))
    deflators = models.ForeignKey(
        DeflatorRelease, null=True, blank=True, on_delete=models.PROTECT, related_name="programmes",
        help_text="The published GDP deflator series values are restated by; none: the programme's own series.",
    )
    version = models.PositiveIntegerField(default=1)

    def __str__(self):
        return f"Benefit settings for {self.programme}"


class ConfidenceGrade(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="confidence_grades")
    grade = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(6)])
    optimism_bias = models.DecimalField(**SHARE)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["programme", "grade"]
        constraints = [models.UniqueConstraint(fields=["programme", "grade"], name="one_bias_per_grade")]

    def __str__(self):
        return f"Grade {self.grade}"


class DeflatorIndex(models.Model):
    """One year of the GDP deflator series a programme uses, with where it comes from."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="deflators")
    year = models.PositiveIntegerField(help_text="Financial year (start), e.g. 2015 for 2015/16.")
    index = models.DecimalField(max_digits=10, decimal_places=4, validators=[MinValueValidator(Decimal("0.0001"))])
    source = models.CharField(max_length=300)

    class Meta:
        ordering = ["programme", "year"]
        constraints = [models.UniqueConstraint(fields=["programme", "year"], name="one_index_per_year")]


class UnitCost(models.Model):
    class Category(models.TextChoices):
        CRIME = "crime", "Crime"
        FIRE = "fire", "Fire"
        HEALTH = "health", "Health"
        STAFF_TIME = "staff_time", "Staff time"
        OTHER = "other", "Other"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="unit_costs")
    name = models.CharField(max_length=200)
    category = models.CharField(max_length=20, choices=Category.choices)
    unit = models.CharField(max_length=100, help_text="What one unit is, e.g. 'per offence'.")
    value = models.DecimalField(**MONEY, validators=[MinValueValidator(0)])
    price_year = models.PositiveIntegerField(help_text="Financial year (start) the value is priced in.")
    source = models.CharField(
        max_length=500, help_text="Where the figure comes from: publisher, title, edition, table."
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["programme", "category", "name"]
        constraints = [models.UniqueConstraint(fields=["programme", "name"], name="unit_cost_name_unique")]

    def __str__(self):
        return self.name


class Benefit(models.Model):
    class Kind(models.TextChoices):
        CASHABLE = "cashable", "Cashable saving"
        NON_CASHABLE = "non_cashable", "Non-cashable efficiency or capacity released"
        COST_AVOIDANCE = "cost_avoidance", "Cost avoidance"
        INCOME = "income", "Income or capital receipt"
        SOCIAL = "social", "Wider social or economic value"
        DISBENEFIT = "disbenefit", "Dis-benefit"

    class Status(models.TextChoices):
        IDENTIFIED = "identified", "Identified"
        PROFILED = "profiled", "Profiled"
        VALIDATED = "validated", "Validated"
        SIGNED_OFF = "signed_off", "Signed off"
        REALISED = "realised", "Realised"

    class Method(models.TextChoices):
        AMOUNT = "amount", "A stated amount per financial year"
        VOLUME = "volume", "Volume x unit cost, with adjustments"

    workstream = models.ForeignKey(Workstream, on_delete=models.CASCADE, related_name="benefits")
    key = models.SlugField(max_length=80, help_text="Stable short name, unique in the programme.")
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    owner = models.CharField(max_length=200, blank=True)
    measure = models.CharField(max_length=300, blank=True)
    baseline = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.IDENTIFIED)
    confidence_grade = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(6)])
    method = models.CharField(max_length=10, choices=Method.choices, default=Method.AMOUNT)
    unit_cost = models.ForeignKey(UnitCost, null=True, blank=True, on_delete=models.PROTECT, related_name="benefits")
    price_year = models.PositiveIntegerField(help_text="Financial year (start) the stated amounts are priced in.")
    deadweight = models.DecimalField(**SHARE, default=Decimal(0))
    attribution = models.DecimalField(**SHARE, default=Decimal(1))
    adjustments_justification = models.TextField(blank=True)
    evidence = models.TextField(
        blank=True, help_text="Where the case for this benefit comes from: a study, an evaluation, another area's results."
    )
    health = models.BooleanField(default=False, help_text="Discount at the Green Book health rate (1.5%).")
    payers = models.ManyToManyField(Organisation, related_name="benefits_paid", blank=True)
    marking = marking_field()
    illustrative = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["workstream__section__position", "workstream__position", "title"]

    def __str__(self):
        return self.title

    @property
    def programme(self):
        return self.workstream.programme


class BenefitGain(models.Model):
    """An organisation that gains from a benefit, and its share (shares add up to 100%)."""

    benefit = models.ForeignKey(Benefit, on_delete=models.CASCADE, related_name="gains")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="benefit_gains")
    share = models.DecimalField(**SHARE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["benefit", "organisation"], name="one_share_per_gainer")]


class BenefitYear(models.Model):
    """Low, central and high for one financial year: pounds (amount method) or volumes (volume method)."""

    benefit = models.ForeignKey(Benefit, on_delete=models.CASCADE, related_name="years")
    year = models.PositiveIntegerField()
    low = models.DecimalField(max_digits=16, decimal_places=4)
    central = models.DecimalField(max_digits=16, decimal_places=4)
    high = models.DecimalField(max_digits=16, decimal_places=4)

    class Meta:
        ordering = ["benefit", "year"]
        constraints = [models.UniqueConstraint(fields=["benefit", "year"], name="one_profile_per_year")]


class BenefitActual(models.Model):
    """The actual for a year, entered at the annual benefit review; counts once signed off."""

    benefit = models.ForeignKey(Benefit, on_delete=models.CASCADE, related_name="actuals")
    year = models.PositiveIntegerField()
    amount = models.DecimalField(**MONEY, help_text="£, in price-base-year prices.")
    note = models.TextField(blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["benefit", "year"]
        constraints = [models.UniqueConstraint(fields=["benefit", "year"], name="one_actual_per_year")]


class WorkstreamCost(models.Model):
    """What a workstream costs in a financial year (for NPV and the benefit-cost ratio)."""

    workstream = models.ForeignKey(Workstream, on_delete=models.CASCADE, related_name="costs")
    year = models.PositiveIntegerField()
    amount = models.DecimalField(**MONEY, validators=[MinValueValidator(0)])
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["workstream", "year"]
