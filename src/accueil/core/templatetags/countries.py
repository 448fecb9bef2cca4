"""`{{ candidate.nationalities|countries }}`: ["IN", "MA"] as "India, Morocco" in the
reader's language (never the codes); `{{ code|country }}` for one."""

from collections.abc import Iterable

from django import template

from accueil.core import countries as core_countries

register = template.Library()


@register.filter
def countries(codes: Iterable[str] | None) -> str:
    return core_countries.names(codes)


@register.filter
def country(code: str | None) -> str:
    return core_countries.name(code) if code else ""
