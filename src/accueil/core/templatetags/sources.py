"""`{{ source|section_name }}`: the section a quoted passage comes from, named in the
reader's language (rules.sections)."""

from collections.abc import Mapping

from django import template
from django.utils.translation import get_language

from accueil.rules.sections import section_name as named

register = template.Library()


@register.filter
def section_name(source) -> str:
    """`source.section` (a `rules.base.Source`, or its dict as the guide's pages hold it)
    in the active language."""
    if not source:
        return ""
    section = source["section"] if isinstance(source, Mapping) else source.section
    return named(section, get_language() or "en")
