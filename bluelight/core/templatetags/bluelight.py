from django import template

from bluelight.core.scales import TAG_CLASSES, THREE_POINT

register = template.Library()


@register.filter
def rag_class(rating: str | None) -> str:
    return TAG_CLASSES.get(rating or "", "govuk-tag--grey")


@register.filter
def rag_label(rating: str | None, scale=None) -> str:
    return (scale or THREE_POINT).label(rating)


@register.filter
def pounds(value) -> str:
    """£14,266,000 — pence shown only when there are any; negatives as −£1,200."""
    if value is None or value == "":
        return ""
    from decimal import Decimal

    amount = Decimal(str(value)).quantize(Decimal("0.01"))
    sign = "−" if amount < 0 else ""
    amount = abs(amount)
    text = f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.2f}"
    return f"{sign}£{text}"


@register.filter
def percentage(value, places: int = 1) -> str:
    return f"{float(value) * 100:.{int(places)}f}%"


@register.filter
def fy(start_year) -> str:
    """2023 -> 2023/24: a financial year, April to March."""
    from bluelight.core.years import label

    return label(int(start_year))


@register.filter
def thousands(value) -> str:
    """18234 -> 18,234: a count, with commas."""
    if value is None or value == "":
        return ""
    return f"{int(value):,}"


@register.filter
def get(mapping, key):
    """{{ counts|get:name }}: a dictionary's value by a key held in a variable."""
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def in_words(entry) -> list[tuple[str, str, str]]:
    """A history entry's changes with field labels and readable values (core.history.in_words)."""
    from bluelight.core.history import in_words as words

    return words(entry)
