"""How a programme values its benefits: its target and thresholds, confidence grades, deflator series and
unit costs."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from bluelight.programmes.models import Programme

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
    """A programme's benefits target, price base, appraisal year and RAG thresholds."""

    class Before(models.TextChoices):
        EXCLUDE = "exclude", "Left out of the present value (sunk, or already banked)"
        COMPOUND = "compound", "Brought forward to year 0 at the discount rate"

    class Basis(models.TextChoices):
        PROFILED = "profiled", "As profiled (the central values)"
        EXPECTED = "expected", "Expected (the mean of each range)"
        RISK_ADJUSTED = "risk_adjusted", "Risk-adjusted (corrected for optimism bias)"

    programme = models.OneToOneField(Programme, on_delete=models.CASCADE, related_name="benefit_settings")
    target = models.DecimalField(
        **MONEY, help_text="The minimum benefits the programme must deliver over its cycle, £."
    )
    price_base_year = models.PositiveIntegerField(help_text="Financial year (start) whose prices all values are in.")
    appraisal_year = models.PositiveIntegerField(
        null=True, blank=True,
        help_text="Year 0 of discounting: the financial year (start) the appraisal is made in. None: the price base year.",
    )  # fmt: skip
    before_year_0 = models.CharField(max_length=10, choices=Before.choices, default=Before.EXCLUDE)
    target_basis = models.CharField(
        max_length=15, choices=Basis.choices, default=Basis.PROFILED,
        help_text="The total the benefits rating compares with the target.",
    )  # fmt: skip
    green_at = models.DecimalField(max_digits=5, decimal_places=3, default=Decimal("1.000"))
    amber_at = models.DecimalField(max_digits=5, decimal_places=3, default=Decimal("0.900"))
    deflators = models.ForeignKey(
        DeflatorRelease, null=True, blank=True, on_delete=models.PROTECT, related_name="programmes",
        help_text="The published GDP deflator series values are restated by; none: the programme's own series.",
    )
    version = models.PositiveIntegerField(default=1)

    def __str__(self):
        return f"Benefit settings for {self.programme}"

    @property
    def year_0(self) -> int:
        return self.price_base_year if self.appraisal_year is None else self.appraisal_year


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
