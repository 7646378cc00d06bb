"""Forms for the registers: actions, risks (scored 1 to 5 for likelihood and impact), papers and milestones."""

from django import forms

from bluelight.core.forms import GovukDateField, VersionedForm, marking_choice
from bluelight.core.models import Organisation
from bluelight.governance import risk as risk_engine
from bluelight.governance.forms import text_field
from bluelight.governance.models import Action, Document, Risk

LIKELIHOOD = [(n, f"{n} {name}") for n, name in risk_engine.LIKELIHOOD.items()]


IMPACT = [(n, f"{n} {name}") for n, name in risk_engine.IMPACT.items()]


class ActionForm(VersionedForm):
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))
    owner = forms.CharField(max_length=200)
    owner_organisation = forms.ModelChoiceField(queryset=None, required=False, label="Owner's organisation")
    due_on = GovukDateField(label="Due date", help_text="For example, 30 6 2025")
    workstream = forms.ModelChoiceField(queryset=None, required=False)
    meeting = forms.ModelChoiceField(queryset=None, required=False, help_text="The meeting that set it, if any.")
    status = forms.ChoiceField(choices=Action.Status.choices, widget=forms.RadioSelect, initial=Action.Status.OPEN)
    update = text_field(label="Latest progress")

    def __init__(self, *args, programme, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_organisation"].queryset = programme.partners.all()
        self.fields["workstream"].queryset = programme.workstreams.all()
        self.fields["meeting"].queryset = programme.meetings.select_related("board")
        if editing:
            del self.fields["meeting"]


class RiskForm(VersionedForm):
    title = forms.CharField(max_length=300)
    kind = forms.ChoiceField(choices=Risk.Kind.choices, widget=forms.RadioSelect, label="Risk or issue")
    workstream = forms.ModelChoiceField(queryset=None, required=False, help_text="Leave blank for a programme risk.")
    cause = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), help_text="Because of …")
    event = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), help_text="… there is a risk that …")
    effect = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), help_text="… which would lead to …")
    owner = forms.CharField(max_length=200)
    inherent_likelihood = forms.TypedChoiceField(choices=LIKELIHOOD, coerce=int, widget=forms.RadioSelect,
                                                 label="Inherent likelihood (before mitigation)")  # fmt: skip
    inherent_impact = forms.TypedChoiceField(choices=IMPACT, coerce=int, widget=forms.RadioSelect,
                                             label="Inherent impact (before mitigation)")  # fmt: skip
    mitigation = text_field()
    residual_likelihood = forms.TypedChoiceField(choices=LIKELIHOOD, coerce=int, widget=forms.RadioSelect,
                                                 label="Residual likelihood (after mitigation)")  # fmt: skip
    residual_impact = forms.TypedChoiceField(choices=IMPACT, coerce=int, widget=forms.RadioSelect,
                                             label="Residual impact (after mitigation)")  # fmt: skip
    proximity = forms.ChoiceField(choices=Risk.Proximity.choices, widget=forms.RadioSelect)
    review_on = GovukDateField(label="Next review", required=False)
    status = forms.ChoiceField(choices=Risk.Status.choices, widget=forms.RadioSelect, initial=Risk.Status.OPEN)
    marking = marking_choice()

    def __init__(self, *args, workstreams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workstream"].queryset = workstreams


KIND_FIELDS = {
    Document.Kind.BUSINESS_CASE: ["case_stage", "appraisal_year", *Document.FIVE_CASES],
    Document.Kind.CLOSURE_REPORT: ["outcome", "benefits_delivered", "lessons_learned"],
    Document.Kind.AGREEMENT: ["agreement_type", "parties", "signed_on", "review_on"],
    Document.Kind.BENEFIT_REVIEW: [],
    Document.Kind.FILE: [],
}


class DocumentForm(VersionedForm):
    title = forms.CharField(max_length=300)
    workstream = forms.ModelChoiceField(queryset=None, required=False)
    author = forms.CharField(max_length=200, required=False)
    summary = text_field()
    case_stage = forms.ChoiceField(choices=Document.CaseStage.choices, widget=forms.RadioSelect, label="Stage")
    appraisal_year = forms.IntegerField(
        min_value=1990, max_value=2100, required=False, label="Appraisal year (year 0 of discounting)",
        help_text="The start of the financial year the case is appraised in, e.g. 2023 for 2023/24. Leave blank for "
        "the programme's appraisal year.",
    )  # fmt: skip
    strategic_case = text_field(label="Strategic case", help_text="The case for change.")
    economic_case = text_field(label="Economic case", help_text="Value for money: the options appraised.")
    commercial_case = text_field(label="Commercial case", help_text="How it will be procured or provided.")
    financial_case = text_field(label="Financial case", help_text="Affordability and funding.")
    management_case = text_field(label="Management case", help_text="How it will be delivered.")
    outcome = text_field(label="Outcome")
    benefits_delivered = text_field(label="Benefits delivered against the plan")
    lessons_learned = text_field(label="Lessons learned")
    agreement_type = forms.ChoiceField(choices=Document.AgreementType.choices, widget=forms.RadioSelect,
                                       label="Kind of agreement")  # fmt: skip
    parties = forms.ModelMultipleChoiceField(queryset=Organisation.objects.all(), widget=forms.CheckboxSelectMultiple)
    signed_on = GovukDateField(label="Signed on", required=False)
    review_on = GovukDateField(label="Review date", required=False)
    upload = forms.FileField(required=False, label="Attach a file",
                             help_text="PDF, Word, Excel, PowerPoint, OpenDocument, CSV, text, PNG or JPEG.")  # fmt: skip

    def __init__(self, *args, kind, workstreams, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        keep = {"title", "workstream", "author", "summary", "version", *KIND_FIELDS[kind]}
        if not editing:
            keep.add("upload")
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        self.fields["workstream"].queryset = workstreams
        if kind == Document.Kind.FILE and not editing:
            self.fields["upload"].required = True
            self.fields["upload"].label = "File"
            self.fields["upload"].error_messages["required"] = "Select a file to upload."


class MilestoneForm(VersionedForm):
    title = forms.CharField(max_length=300)
    due_on = GovukDateField(label="Due date", help_text="For example, 31 3 2025")
    forecast_on = GovukDateField(label="Forecast date", required=False, help_text="If it is expected late or early.")
    achieved_on = GovukDateField(label="Achieved on", required=False)
