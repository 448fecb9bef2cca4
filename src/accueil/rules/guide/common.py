"""Steps and dates that several procedures share: arrival, renewal, decision, documents.

Each helper returns steps (in order) and computed dates from the answers; a date
appears only when the person gave the day it is computed from.
"""

from datetime import date
from typing import Any

from accueil.rules.base import Source
from accueil.rules.guide import deadlines
from accueil.rules.guide import sources as S
from accueil.rules.guide.checks import step
from accueil.rules.guide.result import ComputedDate, Step
from accueil.rules.guide.text import t
from accueil.rules.parameters import parameter

Answers = dict[str, Any]
Items = tuple[list[Step], list[ComputedDate]]

ARRIVAL_LABEL = t(
    "Last day to declare your arrival at the commune",
    "Dernier jour pour faire la déclaration d’arrivée à la commune",
    "Letzter Tag für die Anmeldung bei der Gemeinde",
)
RENEWAL_LABEL = t(
    "Last day to ask for the renewal of your residence permit",
    "Dernier jour pour demander le renouvellement de votre titre de séjour",
    "Letzter Tag, um die Verlängerung Ihres Aufenthaltstitels zu beantragen",
)
DECISION_LABEL = t(
    "Day by which the Immigration Directorate should decide ({months} months)",
    "Date à laquelle la Direction de l’Immigration devrait avoir décidé ({months} mois)",
    "Tag, bis zu dem die Direktion der Immigration entscheiden sollte ({months} Monate)",
)
_ARRIVAL = t(
    "Within {days} working days of entering Luxembourg, go to the commune where you will live, "
    "with your temporary authorisation, to declare your arrival.",
    "Dans les {days} jours ouvrables à compter de votre entrée au Luxembourg, présentez-vous à "
    "la commune où vous allez habiter, muni de l’autorisation de séjour provisoire, pour "
    "faire une déclaration d’arrivée.",
    "Melden Sie sich innerhalb von {days} Werktagen nach der Einreise mit der vorläufigen "
    "Aufenthaltsgenehmigung bei der Gemeinde Ihres künftigen Wohnorts an "
    "(Ankunftserklärung).",
)
_RENEWAL = t(
    "Ask for the renewal of your residence permit {months} months before it expires.",
    "Demandez le renouvellement de votre titre de séjour {months} mois avant son expiration.",
    "Beantragen Sie die Verlängerung Ihres Aufenthaltstitels {months} Monate vor dessen Ablauf.",
)
_COMPLETE = t(
    "Send a complete file: the Immigration Directorate only considers complete files, and "
    "its deadline of {months} months runs from the day the file is complete. Registered post "
    "is advised.",
    "Envoyez un dossier complet : la Direction de l’Immigration ne prend en considération que "
    "les dossiers complets, et son délai de {months} mois court à partir du jour où le dossier "
    "est complet. L’envoi recommandé est conseillé.",
    "Reichen Sie einen vollständigen Antrag ein: die Direktion der Immigration berücksichtigt "
    "nur vollständige Anträge, und ihre Frist von {months} Monaten läuft ab dem Tag, an dem "
    "der Antrag vollständig ist. Einschreiben wird empfohlen.",
)
GUICHET_DOCUMENTS = t(
    "The list of documents to attach is on guichet.public.lu, section “Immigration” – {rubric}.",
    "La liste des documents à joindre se trouve sur guichet.public.lu, rubrique "
    "« Immigration » – {rubric}.",
    "Die Liste der beizufügenden Unterlagen steht auf guichet.public.lu, Rubrik "
    "„Immigration“ – {rubric}.",
)
LONG_STAY = "Séjourner au Luxembourg plus de 3 mois"
RUBRICS = {
    "salaried_worker": (S.SALARIED_DOCUMENTS, LONG_STAY),
    "article_89": (S.SALARIED_DOCUMENTS, LONG_STAY),
    "blue_card": (S.SALARIED_DOCUMENTS, LONG_STAY),
    "self_employed": (S.DOCS_SELF, f"{LONG_STAY} – Travailleur indépendant"),
    "student": (S.DOCS_STUDENT, f"{LONG_STAY} – Etudiant"),
    "trainee": (S.DOCS_TRAINEE, f"{LONG_STAY} – Stagiaire non rémunéré"),
    "eu_family": (
        S.DOCS_EU_FAMILY,
        f"{LONG_STAY} – Ressortissant de pays tiers membre de famille d’un citoyen de l’Union "
        "européenne",
    ),
    "family_reunification": (
        S.DOCS_REUNIFICATION,
        f"{LONG_STAY} – Membre de famille d’un ressortissant de pays tiers",
    ),
    "long_term_resident": (S.DOCS_LONG_TERM, "Après un séjour de 5 années"),
    "cross_border": (
        S.DOCS_CROSS_BORDER,
        "Cas spécifiques – Travailleur frontalier ressortissant de pays tiers",
    ),
    "short_stay": (S.SHORT_DOCUMENTS, "Séjourner au Luxembourg moins de 90 jours"),
}
_LEGALISED = t(
    "Have every document apostilled, or legalised and authenticated by the embassy; have "
    "those not in German, French or English translated by a sworn translator in Luxembourg.",
    "Faites apostiller chaque document, ou légaliser et authentifier par l’ambassade ; faites "
    "traduire par un traducteur assermenté à Luxembourg ceux qui ne sont pas en allemand, "
    "français ou anglais.",
    "Lassen Sie jedes Dokument mit einer Apostille versehen oder legalisieren und von der "
    "Botschaft beglaubigen; lassen Sie Dokumente, die nicht auf Deutsch, Französisch oder "
    "Englisch sind, von einem vereidigten Übersetzer in Luxemburg übersetzen.",
)


def documents(procedure: str) -> tuple[Step, ...]:
    """The documents an application needs: the guichet.public.lu list for `procedure` (the
    site's French rubric names), apostilled or legalised, and translated."""
    source, rubric = RUBRICS[procedure]
    return (
        step("documents.list", source, GUICHET_DOCUMENTS, rubric=rubric),
        step("documents.legalised", S.APOSTILLE, _LEGALISED),
    )


def arrival(answers: Answers, procedure: str) -> Items:
    entry = answers.get("entry_date")
    if answers.get("residence") != "abroad":
        return [], []
    deadline = deadlines.arrival_declaration_deadline(entry) if entry else None
    days = parameter("guide.arrival_declaration_working_days", entry or answers["on"])
    steps = [step("arrival", S.ARRIVAL_DECLARATION, _ARRIVAL, deadline, days=days)]
    if deadline is None:
        return steps, []
    day = ComputedDate(
        "arrival_declaration", ARRIVAL_LABEL, deadline, S.ARRIVAL_DECLARATION, procedure
    )
    return steps, [day]


def renewal(answers: Answers, procedure: str, source: Source = S.RENEWAL) -> Items:
    if answers.get("residence") != "resident":
        return [], []
    expiry = answers.get("permit_expiry")
    request_by = deadlines.renewal_request_by(expiry) if expiry else None
    months = parameter("guide.renewal_notice_months", expiry or answers["on"])
    steps = [step("renewal", source, _RENEWAL, request_by, months=months)]
    if request_by is None:
        return steps, []
    return steps, [ComputedDate("renewal_request", RENEWAL_LABEL, request_by, source, procedure)]


def decision(
    answers: Answers, kind: str, procedure: str, source: Source = S.DEADLINE_GENERAL
) -> Items:
    complete: date | None = answers.get("application_date")
    months = deadlines.decision_months(kind, complete or answers["on"])
    steps = [step("complete_file", S.COMPLETE_FILES, _COMPLETE, None, months=months)]
    if complete is None:
        return steps, []
    due = deadlines.decision_due(kind, complete)
    label = _decision_label(months)
    return steps, [ComputedDate("decision_due", label, due, source, procedure, kind)]


_LABELS: dict[int, Any] = {}


def _decision_label(months: int) -> Any:
    label = _LABELS.get(months)
    if label is None:
        label = {lang: text.format(months=months) for lang, text in DECISION_LABEL.items()}
        _LABELS[months] = label
    return label


def merge(*parts: Items) -> Items:
    steps: list[Step] = []
    dates: list[ComputedDate] = []
    for more_steps, more_dates in parts:
        steps += more_steps
        dates += more_dates
    return steps, dates
