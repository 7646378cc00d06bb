from django import forms

from bluelight.core.forms import GovukForm


class AttachForm(GovukForm):
    target = forms.ChoiceField(label="Attach to", error_messages={"required": "Choose what the analysis is evidence for."})
    note = forms.CharField(label="What the analysis shows for it", widget=forms.Textarea(attrs={"rows": 3}),
                           error_messages={"required": "Say what the analysis shows for this record."})  # fmt: skip

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [("", "Choose…"), *targets]
