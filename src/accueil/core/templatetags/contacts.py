"""`{% integration_department as contact %}`, `{% immigration_directorate as contact %}`:
a body's details in the active language, from the one source of contacts (core.contacts)."""

from django import template

from accueil.core import contacts

register = template.Library()


@register.simple_tag
def integration_department() -> contacts.ContactDetails:
    return contacts.integration_department()


@register.simple_tag
def immigration_directorate() -> contacts.ContactDetails:
    return contacts.immigration_directorate()
