from django import forms

from bluelight.core.forms import GovukDateField, GovukForm, VersionedForm, marking_choice
from bluelight.core.models import Organisation
from bluelight.programmes.models import Programme, Workstream


class WorkstreamForm(VersionedForm):
    title = forms.CharField(max_length=300)
    key = forms.SlugField(
        max_length=80, label="Short name",
        help_text="Lower-case letters, numbers and hyphens, e.g. mental-health. It cannot be changed later.",
    )  # fmt: skip
    section = forms.ModelChoiceField(queryset=None, empty_label="Choose a section")
    lead_organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.all(), empty_label="Choose an organisation"
    )
    partner_organisations = forms.ModelMultipleChoiceField(
        queryset=Organisation.objects.all(), widget=forms.CheckboxSelectMultiple, required=False
    )
    business_lead = forms.CharField(max_length=200, required=False)
    description = forms.CharField(widget=forms.Textarea, required=False)
    stage = forms.ChoiceField(choices=Workstream.Stage.choices, widget=forms.RadioSelect, label="Lifecycle stage")
    stage_changed_on = GovukDateField(
        required=False, label="Date paused or closed", help_text="Only if paused or closed. For example, 31 5 2023"
    )
    stage_reason = forms.CharField(widget=forms.Textarea, required=False, label="Why it was paused or closed")
    priorities = forms.ModelMultipleChoiceField(
        queryset=None, widget=forms.CheckboxSelectMultiple, required=False, label="Plan priorities it serves"
    )
    marking = marking_choice()
    illustrative = forms.BooleanField(
        required=False, label="Some details are illustrative",
        help_text="Tick if figures or dates are not from a published source; pages and reports then say so.",
    )  # fmt: skip

    def __init__(self, *args, programme: Programme, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = programme.sections.all()
        self.fields["priorities"].queryset = programme.priorities.all()
        if editing:
            del self.fields["key"]
        self._decorate()

    def clean_key(self):
        return self.cleaned_data["key"].lower()


class ProgrammeForm(VersionedForm):
    name = forms.CharField(max_length=200)
    slug = forms.SlugField(
        max_length=80,
        label="Short name",
        help_text="Used in addresses and commands, e.g. essex-escp. Cannot be changed.",
    )
    description = forms.CharField(widget=forms.Textarea, required=False)
    partners = forms.ModelMultipleChoiceField(
        queryset=Organisation.objects.all(), widget=forms.CheckboxSelectMultiple, required=False
    )
    cycle_start_year = forms.IntegerField(min_value=1990, max_value=2100, label="Cycle start year")
    cycle_end_year = forms.IntegerField(min_value=1990, max_value=2100, label="Cycle end year")
    rag_scale = forms.ChoiceField(choices=Programme.RagScale.choices, widget=forms.RadioSelect, label="RAG scale")
    illustrative_note = forms.CharField(
        widget=forms.Textarea, required=False, help_text="Say here which figures are illustrative, if any."
    )
    risk_threshold = forms.IntegerField(
        min_value=1, max_value=24, initial=12, required=False, label="Risk threshold",
        help_text="Risks whose residual score (likelihood × impact, 1 to 25) is above this go to the board. 12 if left blank.",
    )  # fmt: skip
    public_page = forms.BooleanField(
        required=False, label="Publish a public page",
        help_text="Anyone may then read the published annual reports at /public/<short name>/, built from "
        "OFFICIAL records only.",
    )  # fmt: skip

    two_person_sign_off = forms.BooleanField(
        required=False, initial=True, label="Two-person sign-off",
        help_text="The person who enters or changes a benefit's actual cannot also sign it off.",
    )  # fmt: skip

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["slug"]
            del self.fields["rag_scale"]  # changing scale would orphan recorded ratings

    def clean_risk_threshold(self):
        value = self.cleaned_data["risk_threshold"]
        return 12 if value is None else value

    def clean(self):
        data = super().clean()
        start, end = data.get("cycle_start_year"), data.get("cycle_end_year")
        if start and end and end < start:
            self.add_error("cycle_end_year", "The cycle must end in or after the year it starts.")
        return data


class SectionForm(GovukForm):
    name = forms.CharField(max_length=200, label="Section name", help_text="For example, Local collaborations")


class PriorityForm(GovukForm):
    title = forms.CharField(
        max_length=300, label="Priority", help_text="For example, Protecting rural and isolated areas"
    )
    plan_name = forms.CharField(
        max_length=200, required=False, label="Plan", help_text="For example, Police and Crime Plan 2021-24"
    )
