"""The one source of the contacts the site gives: name, address, telephone, email and
where to register online, each with the seed passage it comes from and the date it is
current from.

Every page, email, PDF and the guide's directory take the Integration Department's
details from here (`core.contacts` hands them to templates); a test checks that no
template or module writes its telephone number, address or email anywhere else.

The newcomer's guide (August 2016) names the body "OLAI"; the CAI seed, later, names it
the Integration Department of the Ministry of Family Affairs, Integration and the
Greater Region. Pages show the current name and say it was formerly called OLAI.
"""

from dataclasses import dataclass, field
from datetime import date

from accueil.rules.base import Source, cite
from accueil.rules.guide.headings import H_CONTACTS
from accueil.rules.guide.headings import cite as cite_guide


@dataclass(frozen=True)
class Body:
    """A body people contact. `name`, `formerly` and `full_name` are in en, fr, de."""

    code: str
    name: dict[str, str]
    full_name: dict[str, str]
    address: str
    phone: str
    email: str
    current_from: date  # the date of the newest seed the details come from
    sources: tuple[Source, ...]
    formerly: dict[str, str] = field(default_factory=dict)

    def named(self, lang: str) -> str:
        return self.name.get(lang[:2], self.name["en"])

    def named_in_full(self, lang: str) -> str:
        return self.full_name.get(lang[:2], self.full_name["en"])

    def formerly_named(self, lang: str) -> str:
        return self.formerly.get(lang[:2], self.formerly.get("en", ""))


INTEGRATION_DEPARTMENT = Body(
    code="integration_department",
    name={
        "en": "Integration Department",
        "fr": "Département de l’intégration",
        "de": "Integrationsabteilung",
    },
    full_name={
        "en": "Integration Department, Ministry of Family Affairs, Integration and the "
        "Greater Region",
        "fr": "Département de l’intégration, ministère de la Famille, de l’Intégration et à "
        "la Grande Région",
        "de": "Integrationsabteilung, Ministerium für Familie, Integration und die Großregion",
    },
    # The CAI seed gives the number; the guide gives the address and the only email
    # address a seed prints (under the body's former name).
    address="7-9, avenue Victor Hugo, L-1750 Luxembourg",
    phone="247-85785",
    email="cai@olai.public.lu",
    current_from=date(2016, 8, 1),
    sources=(
        cite(
            "How to proceed", "Appointments may be made online, by phone (247-85785) or by email."
        ),
        cite_guide(H_CONTACTS, "7-9, avenue Victor Hugo ■ L-1750 Luxembourg"),
        cite_guide(H_CONTACTS, "E-mail : cai@olai.public.lu ■ www.olai.public.lu"),
    ),
    formerly={
        "en": "OLAI – Luxembourg Reception and Integration Agency",
        "fr": "OLAI – Office luxembourgeois de l’accueil et de l’intégration",
        "de": "OLAI – Luxemburger Aufnahme- und Integrationsamt",
    },
)

IMMIGRATION_DIRECTORATE = Body(
    code="immigration_directorate",
    name={
        "en": "Immigration Directorate",
        "fr": "Direction de l’Immigration",
        "de": "Direktion der Immigration",
    },
    full_name={
        "en": "Immigration Directorate (Ministry of Foreign and European Affairs)",
        "fr": "Direction de l’Immigration (Ministère des Affaires étrangères et européennes)",
        "de": "Direktion der Immigration (Ministerium für auswärtige und europäische "
        "Angelegenheiten)",
    },
    address="26, route d’Arlon, L-1140 Luxembourg",
    phone="+352 2478-4040",
    email="",
    current_from=date(2016, 8, 1),
    sources=(
        cite_guide(H_CONTACTS, "26, route d’Arlon ■ L-1140 Luxembourg"),
        cite_guide(H_CONTACTS, "Tél : +352 2478-4040 ■ Fax: +352 22 16 08"),
    ),
)
