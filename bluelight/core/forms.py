"""Form plumbing shared by every page: GOV.UK classes on widgets, a day/month/year date input,
the version a form started from, and service validation errors shown against their fields."""

from __future__ import annotations

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError

from bluelight.core.history import Conflict, StaleEdit
from bluelight.core.models import Marking

WIDGET_CLASSES = {
    "text": "govuk-input",
    "number": "govuk-input govuk-input--width-5",
    "email": "govuk-input",
    "password": "govuk-input",
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "file": "govuk-file-upload",
}
ERROR_CLASSES = {
    "govuk-input": "govuk-input--error",
    "govuk-textarea": "govuk-textarea--error",
    "govuk-select": "govuk-select--error",
    "govuk-file-upload": "govuk-file-upload--error",
}


class MarkingField(forms.ChoiceField):
    """Left unanswered, a record is OFFICIAL (the default marking of government information)."""

    def clean(self, value):
        return super().clean(value) or Marking.OFFICIAL


def marking_choice() -> forms.ChoiceField:
    return MarkingField(
        required=False,
        choices=Marking.choices,
        initial=Marking.OFFICIAL,
        widget=forms.RadioSelect,
        label="Protective marking",
        help_text="OFFICIAL-SENSITIVE records are seen only by the programme office, board members and the "
        "lead organisation's editors; everyone else's pages, totals and exports leave them out.",
    )


class GovukDateWidget(forms.MultiWidget):
    """The GOV.UK date input: three boxes for day, month and year."""

    template_name = "django/forms/widgets/multiwidget.html"

    def __init__(self, attrs=None):
        parts = [
            forms.TextInput(attrs={"label": "Day"}),
            forms.TextInput(attrs={"label": "Month"}),
            forms.TextInput(attrs={"label": "Year"}),
        ]
        super().__init__(parts, attrs)
        self.widgets_names = ["-day", "-month", "-year"]

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for sub, suffix in zip(context["widget"]["subwidgets"], ("day", "month", "year"), strict=True):
            sub["attrs"]["id"] = f"{attrs.get('id', 'id_' + name)}-{suffix}"
        return context


FIRST_YEAR, LAST_YEAR = 1900, 2100
_DAY_OR_MONTH = re.compile(r"\d{1,2}")
_YEAR = re.compile(r"\d{4}")


class GovukDateField(forms.MultiValueField):
    widget = GovukDateWidget

    def __init__(self, **kwargs):
        fields = (forms.CharField(), forms.CharField(), forms.CharField())
        super().__init__(fields=fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        day, month, year = (part.strip() if part else "" for part in data_list)
        missing = [name for name, part in (("day", day), ("month", month), ("year", year)) if not part]
        if missing:
            raise ValidationError(f"{self.label} must include a {' and '.join(missing)}")
        # Digits of any script are digits (a full-width ２０２５ is 2025); anything else, or a year
        # outside 1900 to 2100, is not a date a programme records.
        if not (_DAY_OR_MONTH.fullmatch(day) and _DAY_OR_MONTH.fullmatch(month) and _YEAR.fullmatch(year)):
            raise ValidationError(f"{self.label} must be a real date, for example 31 3 2024")
        if not FIRST_YEAR <= int(year) <= LAST_YEAR:
            raise ValidationError(f"{self.label} must be a year from {FIRST_YEAR} to {LAST_YEAR}")
        try:
            return datetime.date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(f"{self.label} must be a real date, for example 31 3 2024") from None


def _beyond_any_key(value) -> bool:
    """A choice that cannot be a record's id: a whole number no database column holds."""
    for part in value if isinstance(value, (list, tuple)) else [value]:
        digits = str(part).strip().removeprefix("-")
        # isdecimal, not isdigit: int() takes every decimal digit but refuses "²"; a very long number is
        # refused by length, before int() (which also refuses more than 4,300 digits) is asked.
        if digits.isdecimal() and (len(digits) > 19 or int(digits) >= 2**63):
            return True
    return False


def _guard_choices(field: forms.Field) -> None:
    """A chosen record's id past any database integer is an invalid choice, not a database error."""
    clean = field.clean

    def guarded(value):
        if _beyond_any_key(value):
            raise ValidationError("Select a valid choice. That choice is not one of the available choices.",
                                  code="invalid_choice")  # fmt: skip
        return clean(value)

    guarded.guarded = True
    field.clean = guarded


def required_message(name: str, field: forms.Field) -> str:
    """GOV.UK's words for an empty required field, naming it: "Enter a title", "Choose a section"."""
    label = str(field.label or name.replace("_", " ")).rstrip(" ,£").lower()
    verb = "Choose" if isinstance(field, (forms.ChoiceField, forms.ModelChoiceField)) else "Enter"
    if isinstance(field, forms.BooleanField):
        return f"Confirm {label}"
    if label.endswith("s") and not label.endswith("ss") or isinstance(field, forms.MultipleChoiceField):
        return f"{verb} {label}"
    return f"{verb} {'an' if label[:1] in 'aeiou' else 'a'} {label}"


class GovukFormMixin:
    """Adds the GOV.UK classes and aria-describedby to each control, errors included."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._decorate()

    def full_clean(self):
        for name, field in self.fields.items():  # here, so fields a form adds in its own __init__ are guarded too
            if isinstance(field, forms.ModelChoiceField) and not hasattr(field.clean, "guarded"):
                _guard_choices(field)
            if field.error_messages.get("required") == forms.Field.default_error_messages["required"]:
                field.error_messages = {**field.error_messages, "required": required_message(name, field)}
        super().full_clean()
        self._decorate()

    def _decorate(self):
        for name, field in self.fields.items():
            widget = field.widget
            kind = getattr(widget, "input_type", None) or ("textarea" if isinstance(widget, forms.Textarea) else None)
            if isinstance(widget, forms.Select) and not isinstance(
                widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)
            ):
                kind = "select"
            base = WIDGET_CLASSES.get(kind)
            if base is None:
                continue
            classes = [base, *widget.attrs.get("extra_class", "").split()]
            described = []
            if field.help_text:
                described.append(f"id_{name}-hint")
            if self.is_bound and hasattr(self, "_errors") and self._errors and name in self._errors:
                classes.append(ERROR_CLASSES[base.split()[0]])
                described.append(f"id_{name}-error")
            widget.attrs["class"] = " ".join(c for c in classes if c)
            if described:
                widget.attrs["aria-describedby"] = " ".join(described)
            else:
                widget.attrs.pop("aria-describedby", None)
            if isinstance(widget, forms.Textarea):
                widget.attrs.setdefault("rows", 5)

    def apply_service_errors(self, error: ValidationError) -> None:
        """Put a service's ValidationError on the form: against its field where the form has one."""
        if hasattr(error, "error_dict"):
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        else:
            self.add_error(None, error.messages)
        self._decorate()


class GovukForm(GovukFormMixin, forms.Form):
    pass


class VersionedForm(GovukForm):
    """Carries the version of the record the form was opened on, so a stale save is refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


def _shown(value) -> str:
    if value is None or value == "" or value == []:
        return "(empty)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, (list, tuple, set)) or hasattr(value, "all"):
        items = value.all() if hasattr(value, "all") else value
        return ", ".join(sorted(str(v) for v in items)) or "(empty)"
    return str(value)


def compare_versions(form: forms.Form, stored) -> list[tuple[str, str, str]]:
    """(field label, your version, the saved version) for each field where the two differ."""
    rows = []
    for name, field in form.fields.items():
        if name == "version" or name not in form.cleaned_data or not hasattr(stored, name):
            continue
        try:
            theirs = getattr(stored, name)
        except ValueError:  # a many-to-many of an unsaved record
            continue
        yours, saved = _shown(form.cleaned_data[name]), _shown(theirs)
        if yours != saved:
            rows.append((str(field.label or name.replace("_", " ").capitalize()), yours, saved))
    return rows


def run_service(form: GovukForm, call) -> int | None:
    """Call a service for a valid form. None when it saved; otherwise the HTTP status of the refusal,
    with the reason on the form: 400 for bad input (against its field), 409 for a conflict.

    A stale edit shows both versions side by side and takes the saved version's number, so
    saving again (after reading theirs) is a deliberate choice to keep yours."""
    try:
        call()
    except StaleEdit as error:
        form.add_error(None, f"{error} Compare the two versions below: to keep yours, save again.")
        form.conflict = compare_versions(form, error.obj)
        if "version" in form.fields:
            form.data = form.data.copy()
            form.data[form.add_prefix("version")] = error.obj.version
        return 409
    except Conflict as error:
        form.add_error(None, str(error))
        return 409
    except ValidationError as error:
        form.apply_service_errors(error)
        return 400
    return None


def form_status(form: forms.Form, refused: int | None) -> int:
    return refused or (400 if form.errors else 200)
