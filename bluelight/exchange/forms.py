from django import forms

from bluelight.core.forms import GovukForm


class ImportForm(GovukForm):
    workbook = forms.FileField(
        label="Workbook",
        help_text="An .xlsx or .ods workbook, or a .zip of .csv files, in the Bluelight workbook format.",
        error_messages={"required": "Choose the workbook to import."},
    )


class ExportForm(GovukForm):
    format = forms.ChoiceField(
        label="Format",
        choices=[
            ("xlsx", "Excel workbook (.xlsx)"),
            ("ods", "OpenDocument spreadsheet (.ods)"),
            ("csv", "CSV files, one per sheet, in a .zip"),
        ],  # fmt: skip
        widget=forms.RadioSelect,
        initial="xlsx",
        error_messages={"required": "Choose a format."},
    )
    marking = forms.CharField(
        label="Protective marking (optional)", required=False, max_length=60,
        help_text="Leave blank for the usual marking, such as OFFICIAL.",
    )  # fmt: skip
