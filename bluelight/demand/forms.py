from django import forms

from bluelight.core.forms import GovukForm
from bluelight.demand.engine.sources import FIELDS
from bluelight.demand.models import Feed, Issue, RequestType

WHEN = {"widget": forms.DateTimeInput(attrs={"type": "datetime-local"}), "required": False}


class LoadForm(GovukForm):
    source = forms.CharField(label="Source", max_length=100, error_messages={"required": "Name the system it came from."},
                             help_text="The control-room system the extract came from, such as “ECFRS Vision”. Its "
                             "column names are kept with it for next time.")  # fmt: skip
    extract = forms.FileField(label="Extract (CSV)", error_messages={"required": "Choose the CSV extract."})

    def __init__(self, *args, mapping=None, **kwargs):
        super().__init__(*args, **kwargs)
        mapping = mapping or {}
        for name, header, required in FIELDS:
            self.fields[f"map_{name}"] = forms.CharField(
                label=f"Column for {name.replace('_', ' ')}" + ("" if required else " (optional)"), required=False,
                initial=mapping.get(name, header), max_length=100,
            )  # fmt: skip

    def mapping(self) -> dict[str, str]:
        return {name: self.cleaned_data[f"map_{name}"].strip() for name, _, _ in FIELDS}


class ReceivingSideForm(GovukForm):
    receiving_reference = forms.CharField(label="Your incident reference", max_length=100, required=False)
    accepted_at = forms.DateTimeField(label="Accepted", **WHEN)
    on_scene_at = forms.DateTimeField(label="On scene", **WHEN)
    closed_at = forms.DateTimeField(label="Closed", **WHEN)
    outcome = forms.CharField(label="Outcome", max_length=300, required=False)


class RequestingSideForm(GovukForm):
    type = forms.ChoiceField(label="Type", choices=RequestType.choices)
    requested_at = forms.DateTimeField(label="Requested", widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))


class ProtocolForm(GovukForm):
    name = forms.CharField(label="Protocol", max_length=200)
    type = forms.ChoiceField(label="Type of request", choices=RequestType.choices)
    starts_on = forms.DateField(label="Starts on", widget=forms.DateInput(attrs={"type": "date"}))
    displaced = forms.ChoiceField(label="Service that attended before")
    hours_per_request = forms.DecimalField(label="Hours of that service saved by each request", min_value=0,
                                           decimal_places=2, max_digits=8)  # fmt: skip
    basis = forms.CharField(label="Where the hours come from", widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["displaced"].choices = list(organisations)


class IssueForm(GovukForm):
    category = forms.CharField(label="Category", max_length=100)
    raised_by = forms.ChoiceField(label="Raised by")
    contact = forms.CharField(label="Single point of contact", max_length=200)
    description = forms.CharField(label="What the issue is", widget=forms.Textarea(attrs={"rows": 3}))
    status = forms.ChoiceField(label="Status", choices=Issue.Status.choices, initial=Issue.Status.OPEN)

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["raised_by"].choices = list(organisations)


class FeedForm(GovukForm):
    benefit = forms.ChoiceField(label="Benefit")
    type = forms.ChoiceField(label="Requests of the type", choices=RequestType.choices)
    measure = forms.ChoiceField(label="Measured as", choices=Feed.Measure.choices, widget=forms.RadioSelect)
    unit_cost = forms.ChoiceField(label="Unit value or cost per hour (unit-cost library)")

    def __init__(self, *args, benefits=(), unit_costs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["benefit"].choices = list(benefits)
        self.fields["unit_cost"].choices = list(unit_costs)
