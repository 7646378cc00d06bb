from django import template

from bluelight.status.rag import TAG_CLASSES, THREE_POINT

register = template.Library()


@register.filter
def rag_class(rating: str | None) -> str:
    return TAG_CLASSES.get(rating or "", "govuk-tag--grey")


@register.filter
def rag_label(rating: str | None, scale=None) -> str:
    return (scale or THREE_POINT).label(rating)
