
from django import forms

from bluelight.core.forms import GovukDateField, GovukForm, VersionedForm
from bluelight.core.models import Organisation, User
from bluelight.governance.models import AgendaItem, Attendance, Board, Decision, Document, Meeting, Risk


def text_field(**kwargs):
    return forms.CharField(widget=forms.Textarea, required=False, **kwargs)


class BoardForm(GovukForm):
    name = forms.CharField(max_length=200)
    key = forms.SlugField(max_length=80, label="Short name", help_text="Used in addresses, e.g. escp-sgb.")
    purpose = text_field()
    chair = forms.CharField(max_length=200, required=False, help_text="Who chairs it, or 'rotates between services'.")
    cadence = forms.ChoiceField(choices=Board.Cadence.choices, widget=forms.RadioSelect, label="How often it meets")
    terms_of_reference = text_field(label="Terms of reference")


class MemberForm(GovukForm):
    name = forms.CharField(max_length=200)
    role = forms.CharField(max_length=200, required=False, help_text="For example, Chief Fire Officer.")
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.all())
    user = forms.ModelChoiceField(
        queryset=User.objects.none(), required=False, label="Bluelight account",
        help_text="So they can record decisions in meetings they attend.",
    )  # fmt: skip

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = programme.partners.all()
        self.fields["user"].queryset = User.objects.filter(memberships__programme=programme).order_by("username")


class MeetingForm(GovukForm):
    board = forms.ModelChoiceField(queryset=Board.objects.none())
    held_on = GovukDateField(label="Date", help_text="For example, 16 5 2025")
    location = forms.CharField(max_length=200, required=False)
    chaired_by = forms.CharField(max_length=200, required=False, help_text="The board's chair if left blank.")

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["board"].queryset = programme.boards.all()


class MeetingEditForm(VersionedForm):
    status = forms.ChoiceField(choices=Meeting.Status.choices, widget=forms.RadioSelect)
    held_on = GovukDateField(label="Date")
    location = forms.CharField(max_length=200, required=False)
    chaired_by = forms.CharField(max_length=200, required=False)
    minutes = forms.CharField(widget=forms.Textarea(attrs={"rows": 12}), required=False)


class AttendanceForm(GovukForm):
    """One question per board member: present, apologies or absent."""

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = {f"member_{m.pk}": m for m in members}
        for name, member in self.members.items():
            self.fields[name] = forms.ChoiceField(
                choices=Attendance.Status.choices, widget=forms.RadioSelect,
                label=f"{member.name}, {member.organisation.short_code}",
            )  # fmt: skip
        self._decorate()

    def statuses(self) -> dict:
        return {member: self.cleaned_data[name] for name, member in self.members.items()}


class AgendaItemForm(GovukForm):
    title = forms.CharField(max_length=300, required=False, help_text="The paper's or risk's title if left blank.")
    kind = forms.ChoiceField(choices=AgendaItem.Kind.choices, widget=forms.RadioSelect, label="What it considers")
    purpose = forms.ChoiceField(choices=AgendaItem.Purpose.choices, widget=forms.RadioSelect)
    presenter = forms.CharField(max_length=200, required=False)
    workstream = forms.ModelChoiceField(queryset=None, required=False)
    document = forms.ModelChoiceField(queryset=None, required=False, label="Paper")
    risk = forms.ModelChoiceField(queryset=None, required=False)
    notes = text_field()

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workstream"].queryset = programme.workstreams.all()
        self.fields["document"].queryset = programme.documents.exclude(kind=Document.Kind.FILE)
        self.fields["risk"].queryset = programme.risks.filter(status=Risk.Status.OPEN)


class DecisionForm(GovukForm):
    outcome = forms.ChoiceField(choices=Decision.Outcome.choices, widget=forms.RadioSelect, label="Decision")
    summary = forms.CharField(widget=forms.Textarea, label="What was decided")
    conditions = text_field(help_text="Required when approved with conditions.")
    decided_by = forms.CharField(max_length=200, required=False, help_text="The board and its chair if left blank.")
