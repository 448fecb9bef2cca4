"""`{{ course.fee|euros }}`: "€120.00", "120,00 €", "120,00 €" in the reader's language;
`{{ course.fee|euros_or_free }}`: the same, or "Free" for 0 (`accueil.core.money`)."""

from django import template

from accueil.core import money

register = template.Library()


@register.filter
def euros(amount) -> str:
    return "" if amount is None else money.euros(amount)


@register.filter
def euros_or_free(amount) -> str:
    return "" if amount is None else money.euros_or_free(amount)
