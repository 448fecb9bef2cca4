"""`{{ codes|language_names }}`: ["fr", "pt"] as "French, Portuguese" in the reader's language."""

from collections.abc import Iterable

from django import template

from accueil.core.languages import language_name

register = template.Library()


@register.filter
def language_names(codes: Iterable[str] | None) -> str:
    return ", ".join(language_name(code) for code in codes or ())
