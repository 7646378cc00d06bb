"""What every service shares: model validation that raises errors keyed by field name."""

from django.core.exceptions import ValidationError


def refuse(errors: dict[str, str]) -> None:
    """Raise a rule's reasons, keyed by field, as a ValidationError; nothing when there are none."""
    if errors:
        raise ValidationError(errors)


def validate(obj, exclude=None) -> None:
    """Run the model's own checks; raise ValidationError keyed by field, so forms put each error by its field."""
    try:
        obj.full_clean(exclude=exclude)
    except ValidationError as error:
        raise ValidationError(error.message_dict) from None
