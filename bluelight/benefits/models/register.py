"""The benefits register: a benefit, the organisations that gain, its profile by year, its actuals, and
the costs of the workstream it belongs to.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from bluelight.benefits.models.method import MONEY, SHARE, UnitCost
from bluelight.core.models import Organisation, marking_field
from bluelight.programmes.models import Workstream


class Benefit(models.Model):
    class Kind(models.TextChoices):
        CASHABLE = "cashable", "Cashable saving"
        NON_CASHABLE = "non_cashable", "Non-cashable efficiency or capacity released"
        COST_AVOIDANCE = "cost_avoidance", "Cost avoidance"
        INCOME = "income", "Income or capital receipt"
        SOCIAL = "social", "Wider social or economic value"
        DISBENEFIT = "disbenefit", "Dis-benefit"

    class ValueKind(models.TextChoices):
        """The GMCA cost-benefit model's split of public value."""

        FISCAL_CASHABLE = "fiscal_cashable", "Fiscal: cashable"
        FISCAL_NON_CASHABLE = "fiscal_non_cashable", "Fiscal: non-cashable"
        ECONOMIC = "economic", "Economic"
        SOCIAL = "social", "Social"

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
    value_kind = models.CharField(
        max_length=20, choices=ValueKind.choices, blank=True,
        help_text="Fiscal (cashable or not), economic or social. Blank: follows from the type.",
    )  # fmt: skip
    transfer = models.BooleanField(
        default=False,
        help_text="A transfer, such as a one-off capital receipt: fiscal value to the body that receives it but "
        "none to the economy as a whole (the buyer pays what the seller gets), so left out of economic value.",
    )  # fmt: skip
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

    @property
    def kind_of_value(self) -> str:
        """The value kind entered, or the one its type implies."""
        return self.value_kind or VALUE_KIND_OF_TYPE[self.kind]


# The kind of value each type of benefit is unless the register says otherwise.
VALUE_KIND_OF_TYPE = {
    Benefit.Kind.CASHABLE: Benefit.ValueKind.FISCAL_CASHABLE,
    Benefit.Kind.NON_CASHABLE: Benefit.ValueKind.FISCAL_NON_CASHABLE,
    Benefit.Kind.COST_AVOIDANCE: Benefit.ValueKind.FISCAL_NON_CASHABLE,
    Benefit.Kind.INCOME: Benefit.ValueKind.FISCAL_CASHABLE,
    Benefit.Kind.SOCIAL: Benefit.ValueKind.SOCIAL,
    Benefit.Kind.DISBENEFIT: Benefit.ValueKind.SOCIAL,
}


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
    measured = models.BooleanField(
        default=False, help_text="Worked out from a measure of activity (its working in the note), not entered."
    )
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
