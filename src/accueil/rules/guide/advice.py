"""General advice: documents, remedies, schooling, housing, languages and the CAI.

`guide.documents`: every document is apostilled, or legalised and authenticated
by the embassy; those not in German, French or English come with a sworn
translation made in Luxembourg. `guide.remedies`: after a refusal or no answer,
an informal appeal (recours gracieux) or an appeal to the Administrative
Tribunal; first contact the person handling the file. `guide.schooling`: school
is compulsory from 4 to 16; enrolment at the commune; a child who finished
primary school abroad contacts CASNA; children without papers have the right
and the duty to go to school. `guide.housing`: the agency fee is about 1 month
of rent, the deposit 2 to 3 months. `guide.languages`: Luxembourgish, German and
French. Each piece is given when it applies: documents and remedies with a
procedure, schooling with children, housing to those looking for a home.
"""

from collections.abc import Callable
from datetime import date
from typing import Any

from accueil.rules.guide import sources as S
from accueil.rules.guide.checks import fixed_note, note
from accueil.rules.guide.result import Advice, Procedure
from accueil.rules.guide.text import t
from accueil.rules.parameters import parameter

DOCUMENTS_TITLE = t("Your documents", "Vos documents", "Ihre Unterlagen")
REMEDIES_TITLE = t(
    "If the answer is no, or does not come",
    "En cas de refus ou de non-réponse",
    "Bei Ablehnung oder ausbleibender Antwort",
)
SCHOOL_TITLE = t("School for your children", "L’école pour vos enfants", "Schule für Ihre Kinder")
HOUSING_TITLE = t("Finding a home", "Trouver un logement", "Eine Wohnung finden")
LANGUAGES_TITLE = t("Languages", "Les langues", "Sprachen")

_APOSTILLE = t(
    "Every document must be apostilled by the competent authority of the country of origin, "
    "or legalised by that authority and authenticated by the embassy.",
    "Tous les documents doivent être apostillés par l’autorité compétente du pays d’origine, "
    "ou légalisés par cette autorité et authentifiés par l’ambassade.",
    "Alle Unterlagen müssen von der zuständigen Behörde des Herkunftslandes mit einer "
    "Apostille versehen oder von dieser legalisiert und von der Botschaft beglaubigt werden.",
)
_TRANSLATION = t(
    "Documents not written in German, French or English need a certified translation by a "
    "sworn translator in Luxembourg (list on www.mj.public.lu).",
    "Les documents qui ne sont pas rédigés en allemand, en français ou en anglais doivent être "
    "accompagnés d’une traduction conforme par un traducteur assermenté à Luxembourg (liste "
    "sur www.mj.public.lu).",
    "Unterlagen, die nicht auf Deutsch, Französisch oder Englisch verfasst sind, brauchen "
    "eine beglaubigte Übersetzung eines vereidigten Übersetzers in Luxemburg (Liste auf "
    "www.mj.public.lu).",
)
_COMPLETE = t(
    "Only complete files are considered: check that every document is attached, and ask "
    "before sending if in doubt. Registered post is advised.",
    "Seuls les dossiers complets sont pris en considération : vérifiez que tous les documents "
    "sont annexés et renseignez-vous avant l’envoi en cas de doute. L’envoi recommandé est "
    "conseillé.",
    "Nur vollständige Anträge werden berücksichtigt: prüfen Sie, dass alle Unterlagen "
    "beiliegen, und fragen Sie im Zweifel vorher nach. Einschreiben wird empfohlen.",
)
_REMEDIES = t(
    "After a refusal, or if no answer comes, you may file an informal appeal (recours "
    "gracieux) or an appeal against the decision at the Administrative Tribunal.",
    "En cas de réponse négative ou de non-réponse, vous pouvez introduire un recours gracieux "
    "ou un recours contre la décision auprès du Tribunal administratif.",
    "Nach einer Ablehnung oder ohne Antwort können Sie einen formlosen Widerspruch (recours "
    "gracieux) oder eine Klage gegen die Entscheidung beim Verwaltungsgericht einlegen.",
)
_REMEDIES_FIRST = t(
    "First contact the person handling your file, to understand a refusal better.",
    "Prenez d’abord contact avec la personne en charge de votre dossier, pour mieux "
    "comprendre un éventuel refus.",
    "Wenden Sie sich zuerst an die Person, die Ihren Antrag bearbeitet, um eine Ablehnung "
    "besser zu verstehen.",
)
_COMPULSORY = t(
    "School is compulsory for every child from {start} to {end} years old; enrol them at the "
    "commune where you live.",
    "L’école est obligatoire pour tous les enfants de {start} à {end} ans ; inscrivez-les à la "
    "commune de votre lieu de résidence.",
    "Für alle Kinder von {start} bis {end} Jahren besteht Schulpflicht; melden Sie sie bei der "
    "Gemeinde Ihres Wohnorts an.",
)
_CASNA = t(
    "A child who has finished primary school in the country of origin must contact CASNA, "
    "the reception unit for newly arrived pupils.",
    "L’enfant qui a terminé l’école fondamentale dans son pays d’origine doit contacter la "
    "CASNA, la cellule d’accueil scolaire pour élèves nouveaux arrivants.",
    "Ein Kind, das die Grundschule im Herkunftsland abgeschlossen hat, muss sich an die "
    "CASNA wenden, die Aufnahmestelle für neu angekommene Schüler.",
)
_NO_PAPERS = t(
    "Without papers, go to your commune and tell them you have children of school age: they "
    "are enrolled in a school of the commune. Schools must accept children whatever their "
    "parents' situation.",
    "Sans papiers, adressez-vous à votre commune et informez-la que vous avez des enfants en "
    "âge d’obligation scolaire : ils sont inscrits dans une école de la commune. Les écoles "
    "sont obligées d’accepter les enfants, quelle que soit la situation de leurs parents.",
    "Ohne Papiere wenden Sie sich an Ihre Gemeinde und teilen ihr mit, dass Sie Kinder im "
    "schulpflichtigen Alter haben: sie werden an einer Schule der Gemeinde angemeldet. Die "
    "Schulen müssen die Kinder aufnehmen, unabhängig von der Lage der Eltern.",
)
_SCHOOL_LANGUAGES = t(
    "School uses 4 languages: Luxembourgish in the first cycle, German for learning to read "
    "and write, French from 7–8 years old, English in secondary school.",
    "L’école se base sur 4 langues : le luxembourgeois au 1er cycle, l’allemand pour "
    "l’alphabétisation, le français dès 7-8 ans, l’anglais dans l’enseignement secondaire.",
    "Die Schule arbeitet mit 4 Sprachen: Luxemburgisch im ersten Zyklus, Deutsch für die "
    "Alphabetisierung, Französisch ab 7–8 Jahren, Englisch in der Sekundarschule.",
)
_AGENCY = t(
    "Through an estate agency, the agency fee is probably about {months} month of rent.",
    "En passant par une agence immobilière, les frais d’agence équivalent probablement à "
    "{months} mois de loyer.",
    "Über einen Makler beträgt die Maklergebühr wahrscheinlich etwa {months} Monatsmiete.",
)
_DEPOSIT = t(
    "The landlord may ask in advance for a deposit of {low} to {high} months of rent: for a "
    "rent of €1,000, count €4,000 to €5,000 at once with the agency fee.",
    "Le propriétaire peut exiger à l’avance un dépôt de garantie de {low} à {high} mois de "
    "loyer : pour un loyer de 1 000 €, comptez 4 000 à 5 000 € tout de suite avec les frais "
    "d’agence.",
    "Der Vermieter kann im Voraus eine Kaution von {low} bis {high} Monatsmieten verlangen: "
    "bei 1.000 € Miete rechnen Sie mit 4.000 bis 5.000 € sofort, mit der Maklergebühr.",
)
_CDI = t(
    "Landlords often refuse tenants without a permanent employment contract (CDI); rooms in "
    "guest houses and flat-sharing are alternatives — ask whether the commune accepts a "
    "residence certificate for a room.",
    "Les propriétaires refusent souvent les locataires sans contrat à durée indéterminée "
    "(CDI) ; la location de chambres et la colocation sont des alternatives — demandez si "
    "une attestation de résidence est autorisée par la commune.",
    "Vermieter lehnen oft Mieter ohne unbefristeten Arbeitsvertrag (CDI) ab; Zimmer in "
    "Pensionen und Wohngemeinschaften sind Alternativen — fragen Sie, ob die Gemeinde eine "
    "Wohnsitzbescheinigung zulässt.",
)
_LANGUAGES = t(
    "Luxembourgish is the everyday language and helps integration; German and French are "
    "the main languages of administration and business. Employers often ask for at least one "
    "of the 3 official languages.",
    "Le luxembourgeois est la langue de tous les jours et facilite l’intégration ; "
    "l’allemand et le français sont les principales langues administratives et économiques. "
    "Les employeurs exigent souvent au moins une des 3 langues officielles.",
    "Luxemburgisch ist die Alltagssprache und erleichtert die Integration; Deutsch und "
    "Französisch sind die wichtigsten Sprachen der Verwaltung und der Wirtschaft. Arbeitgeber "
    "verlangen oft mindestens eine der 3 Amtssprachen.",
)
_CAI = t(
    "The Welcome and Integration Contract (CAI) offers language courses at a reduced rate, a "
    "free citizenship course and an orientation day; it counts towards long-term resident "
    "status.",
    "Le contrat d’accueil et d’intégration (CAI) offre des cours de langue à tarif réduit, "
    "une formation d’instruction civique et une journée d’orientation gratuites ; il est pris "
    "en compte pour le statut de résident de longue durée.",
    "Der Aufnahme- und Integrationsvertrag (CAI) bietet Sprachkurse zu ermäßigtem Preis, "
    "einen kostenlosen Staatsbürgerkundekurs und einen Orientierungstag; er zählt für die "
    "Rechtsstellung als langfristig Aufenthaltsberechtigter.",
)


def documents() -> Advice:
    items = (
        note("guide.documents.apostille", S.APOSTILLE, _APOSTILLE),
        note("guide.documents.translation", S.TRANSLATION, _TRANSLATION),
        note("guide.documents.complete", S.COMPLETE_FILES, _COMPLETE),
    )
    return Advice("documents", DOCUMENTS_TITLE, items, ("guichet",))


def remedies() -> Advice:
    items = (
        note("guide.remedies.appeal", S.REMEDIES, _REMEDIES),
        note("guide.remedies.contact_first", S.REMEDIES_ADVICE, _REMEDIES_FIRST),
    )
    return Advice("remedies", REMEDIES_TITLE, items, ("immigration", "asti"))


def schooling(on: date, finished_primary: bool | None, no_papers: bool) -> Advice:
    ages = parameter("guide.compulsory_school_ages", on)
    items = [
        fixed_note(
            "guide.schooling.compulsory",
            S.SCHOOL_COMPULSORY,
            _COMPULSORY,
            start=ages["from"],
            end=ages["until"],
        ),
        note("guide.schooling.languages", S.SCHOOL_LANGUAGES, _SCHOOL_LANGUAGES),
    ]
    contacts = ["commune", "men"]
    if finished_primary is not False:
        items.append(note("guide.schooling.casna", S.SCHOOL_CASNA, _CASNA))
        contacts.append("casna")
    if no_papers:
        items.append(note("guide.schooling.no_papers", S.SCHOOL_NO_PAPERS, _NO_PAPERS))
    return Advice("schooling", SCHOOL_TITLE, tuple(items), tuple(contacts))


def housing(on: date) -> Advice:
    months = parameter("guide.housing_months_of_rent", on)
    items = (
        fixed_note(
            "guide.housing.agency_fee", S.HOUSING_AGENCY, _AGENCY, months=months["agency_fee"]
        ),
        fixed_note(
            "guide.housing.deposit",
            S.HOUSING_DEPOSIT,
            _DEPOSIT,
            low=months["deposit_min"],
            high=months["deposit_max"],
        ),
        note("guide.housing.permanent_contract", S.HOUSING_CDI, _CDI),
    )
    return Advice("housing", HOUSING_TITLE, items)


def languages() -> Advice:
    items = (
        note("guide.languages.official", S.LANGUAGES, _LANGUAGES),
        note("guide.languages.cai", S.CAI_COUNTS, _CAI),
    )
    return Advice("languages", LANGUAGES_TITLE, items, ("olai",))


_DOCUMENTS = documents()
_REMEDIES_ADVICE = remedies()
_LANGUAGES_ADVICE = languages()


def advice(
    answers: dict[str, Any], on: date, procedures: tuple[Procedure, ...]
) -> tuple[Advice, ...]:
    """The general advice that applies to the person, in a fixed order."""
    tips = []
    if procedures:
        tips += [_DOCUMENTS, _REMEDIES_ADVICE]
    if answers.get("children_school_age") is True:
        no_papers = answers.get("residence") == "no_papers"
        tips.append(_kept(schooling, on, answers.get("children_finished_primary"), no_papers))
    if answers.get("looking_for_housing") is True:
        tips.append(_kept(housing, on))
    tips.append(_LANGUAGES_ADVICE)
    return tuple(tips)


_KEPT: dict[tuple[Any, ...], Advice] = {}


def _kept(build: Callable[..., Advice], on: date, *args: Any) -> Advice:
    """The advice built once per day and arguments (it depends on nothing else)."""
    key = (build.__name__, on, *args)
    tip = _KEPT.get(key)
    if tip is None:
        if len(_KEPT) > 4096:
            _KEPT.clear()
        tip = _KEPT[key] = build(on, *args)
    return tip
