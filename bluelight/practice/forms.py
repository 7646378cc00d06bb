from django import forms
from django.core.exceptions import ValidationError

from bluelight.core.forms import GovukForm
from bluelight.practice.adoption import benefit_lines


class AdoptForm(GovukForm):
    title = forms.CharField(max_length=300, label="Workstream title")
    key = forms.SlugField(
        max_length=80, label="Short name",
        help_text="Lower-case letters, numbers and hyphens, unique in the programme. Used in addresses and imports.",
    )  # fmt: skip
    section = forms.ModelChoiceField(queryset=None, label="Section", empty_label="Choose a section")
    lead_organisation = forms.ModelChoiceField(queryset=None, label="Lead organisation", empty_label="Choose")
    partner_organisations = forms.ModelMultipleChoiceField(
        queryset=None, widget=forms.CheckboxSelectMultiple, required=False, label="Partner organisations",
        help_text="Ticked: the programme's partners of the kinds of service the library entry involves.",
    )  # fmt: skip
    description = forms.CharField(widget=forms.Textarea, required=False, label="Description")
    benefits = forms.MultipleChoiceField(
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Benefit lines to start from",
        help_text="Each becomes an identified benefit at the weakest confidence grade (6), citing the library's "
        "evidence as its source, with no profile yet.",
    )

    def __init__(self, *args, programme, entry, **kwargs):
        self.programme = programme
        super().__init__(*args, **kwargs)
        partners = programme.partners.all()
        self.fields["section"].queryset = programme.sections.all()
        self.fields["lead_organisation"].queryset = partners
        self.fields["partner_organisations"].queryset = partners
        self.lines = benefit_lines(entry)
        self.fields["benefits"].choices = [
            (str(line["number"]), f"{line['title']} ({line['figures']} figure{'s' if line['figures'] != 1 else ''})")
            for line in self.lines
        ]

    def clean_key(self):
        key = self.cleaned_data["key"]
        if self.programme.workstreams.filter(key=key).exists():
            raise ValidationError(f"The programme already has a workstream with the short name {key}. Choose another.")
        return key


class PublishForm(GovukForm):
    area = forms.CharField(max_length=200, label="Area", help_text="As the library names areas, for example Essex.")
    section = forms.ChoiceField(label="Library section")

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", "Choose a section")] + [(s, s) for s in sections]
