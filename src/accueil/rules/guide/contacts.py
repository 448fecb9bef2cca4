"""`guide.contacts`: the directory of the seed's section "Adresses et liens utiles".

Addresses, telephone numbers, e-mails and web sites are those the seed prints
(August 2016), except the Integration Department's (formerly OLAI), which come from the
one source of contacts, `accueil.rules.contacts`. The commune and the embassy have no
single address: the entry
names them without one.
"""

from accueil.rules.contacts import IMMIGRATION_DIRECTORATE, INTEGRATION_DEPARTMENT
from accueil.rules.guide.result import Contact
from accueil.rules.guide.sources import H_CONTACTS, H_SELF, H_SHORT, H_WELCOME, cite
from accueil.rules.guide.text import t

FORMERLY = {"en": "formerly", "fr": "anciennement", "de": "früher"}

ASTI = Contact(
    "asti",
    t(
        "ASTI – Association for the Support of Immigrant Workers",
        "ASTI – Association de Soutien aux Travailleurs Immigrés",
        "ASTI – Verein zur Unterstützung eingewanderter Arbeitnehmer",
    ),
    "10-12, rue Auguste Laval, L-1922 Luxembourg",
    "+352 438 333-1",
    "guichet@asti.lu",
    "www.asti.lu",
    cite(H_CONTACTS, "10-12, rue Auguste Laval ■ L-1922 Luxembourg"),
)
ADEM = Contact(
    "adem",
    t(
        "ADEM – National Employment Agency",
        "ADEM – Agence pour le développement de l’emploi",
        "ADEM – Agentur für die Entwicklung der Beschäftigung",
    ),
    "10, rue Bender, L-1229 Luxembourg",
    "247 88888",
    "info@adem.public.lu",
    "www.adem.lu",
    cite(H_CONTACTS, "10, rue Bender ■ L-1229 Luxembourg"),
    fax="+352 40 61 40",
)
CASNA = Contact(
    "casna",
    t(
        "CASNA – Reception unit for newly arrived pupils",
        "CASNA – Cellule d’Accueil Scolaire pour Nouveaux Arrivants",
        "CASNA – Schulische Aufnahmestelle für neu angekommene Schüler",
    ),
    "58, boulevard Grande-Duchesse Charlotte, L-1330 Luxembourg",
    "247-85207",
    "casna@men.lu",
    "",
    cite(H_CONTACTS, "58, boulevard Grande-Duchesse Charlotte ■ L-1330"),
)
IMMIGRATION = Contact(
    "immigration",
    IMMIGRATION_DIRECTORATE.full_name,
    f"{IMMIGRATION_DIRECTORATE.address} (post: B.P. 752, L-2017 Luxembourg)",
    IMMIGRATION_DIRECTORATE.phone,
    "",
    "www.mae.lu",
    IMMIGRATION_DIRECTORATE.sources[0],
    fax="+352 22 16 08",
)
MEN = Contact(
    "men",
    t(
        "Ministry of National Education and Vocational Training",
        "Ministère de l’Education nationale et de la Formation professionnelle",
        "Ministerium für Bildung und Berufsausbildung",
    ),
    "29, rue Aldringen, L-2926 Luxembourg",
    "2478-5100",
    "",
    "www.men.public.lu",
    cite(H_CONTACTS, "29, rue Aldringen ■ L-2926 Luxembourg"),
)
# The guide's "OLAI" is the Integration Department today: its details come from the one
# source (rules.contacts), named as it is now and as it formerly was.
OLAI = Contact(
    "olai",
    {
        lang: f"{INTEGRATION_DEPARTMENT.named(lang)} ({FORMERLY[lang]} "
        f"{INTEGRATION_DEPARTMENT.formerly_named(lang)})"
        for lang in ("en", "fr", "de")
    },
    INTEGRATION_DEPARTMENT.address,
    INTEGRATION_DEPARTMENT.phone,
    INTEGRATION_DEPARTMENT.email,
    "",
    INTEGRATION_DEPARTMENT.sources[1],
)
GUICHET = Contact(
    "guichet",
    t(
        "guichet.public.lu – the Luxembourg State's administrative guide",
        "guichet.public.lu – le guide administratif de l’Etat luxembourgeois",
        "guichet.public.lu – der Verwaltungsleitfaden des luxemburgischen Staates",
    ),
    "",
    "",
    "",
    "www.guichet.public.lu",
    cite(H_CONTACTS, "Le guide administratif de l’Etat luxembourgeois: www.guichet.public.lu"),
)
COMMUNE = Contact(
    "commune",
    t(
        "The commune (town hall) where you live or will live",
        "L’administration communale du lieu de résidence",
        "Die Gemeindeverwaltung Ihres Wohnorts",
    ),
    "",
    "",
    "",
    "",
    cite(
        H_WELCOME,
        "Les inscriptions à l’école fondamentale se font à la commune du lieu de résidence.",
    ),
)
EMBASSY = Contact(
    "embassy",
    t(
        "The embassy or consulate of Luxembourg, or the mission that represents Luxembourg",
        "La mission diplomatique ou consulaire du Luxembourg, ou celle qui représente le "
        "Luxembourg",
        "Die diplomatische oder konsularische Vertretung Luxemburgs oder die Vertretung, die "
        "Luxemburg vertritt",
    ),
    "",
    "",
    "",
    "",
    cite(H_SHORT, "auprès d’une mission diplomatique ou consulaire du Luxembourg"),
)
MIDDLE_CLASSES = Contact(
    "middle_classes",
    t(
        "Ministry of the Middle Classes (business permits)",
        "Ministère des Classes moyennes (autorisation d’établissement)",
        "Ministerium für Mittelstand (Niederlassungsgenehmigung)",
    ),
    "",
    "",
    "",
    "",
    cite(H_SELF, "auprès du Ministère des Classes moyennes"),
)

DIRECTORY: dict[str, Contact] = {
    contact.code: contact
    for contact in (
        IMMIGRATION,
        COMMUNE,
        EMBASSY,
        ADEM,
        MIDDLE_CLASSES,
        CASNA,
        MEN,
        OLAI,
        ASTI,
        GUICHET,
    )
}
