"""The Integration Department's contact details in the reader's language, from the one
source (`accueil.rules.contacts`), for pages, emails, PDFs and the API.

Templates read them with `{% load contacts %}{% integration_department as contact %}`
(`contact.name`, `full_name`, `formerly`, `address`, `phone`, `email`), so that no
template writes a telephone number, an address or an email address of its own.
"""

from dataclasses import dataclass

from django.utils.translation import get_language

from accueil.rules.contacts import IMMIGRATION_DIRECTORATE, INTEGRATION_DEPARTMENT, Body


@dataclass(frozen=True)
class ContactDetails:
    name: str
    full_name: str
    formerly: str
    address: str
    phone: str
    email: str


def details(body: Body, lang: str | None = None) -> ContactDetails:
    lang = lang or get_language() or "en"
    return ContactDetails(
        name=body.named(lang),
        full_name=body.named_in_full(lang),
        formerly=body.formerly_named(lang),
        address=body.address,
        phone=body.phone,
        email=body.email,
    )


def integration_department(lang: str | None = None) -> ContactDetails:
    return details(INTEGRATION_DEPARTMENT, lang)


def immigration_directorate(lang: str | None = None) -> ContactDetails:
    return details(IMMIGRATION_DIRECTORATE, lang)
