"""The table of the guide's rules: procedures, advice, calculators, the directory, the whole.

Each entry is the keyword arguments of a `RuleSpec` (see `accueil.rules.registry`).
"""

from datetime import date
from typing import Any, cast

from accueil.rules.base import FactError
from accueil.rules.guide import advice, calculators, life
from accueil.rules.guide.language_codes import ISO_639_1
from accueil.rules.guide.specs import (
    ON_DOC,
    ON_OPTIONAL_DOC,
    advice_rule,
    assessment_rule,
    calculator,
    contacts_decision,
    fact_doc,
    parse_contacts,
    parse_days,
    parse_kind,
    parse_life,
    procedure_rule,
    status_rule,
)
from accueil.rules.guide.text import t

_DATED = ("entry_date", "permit_expiry", "application_date")
_KIND_DOC = "string, required: one of general, salaried, family_tcn, family_eu, long_term"


def _procedures() -> list[dict[str, Any]]:
    on = "2026-12-01"
    return [
        procedure_rule(
            "guide.short_stay",
            "visit",
            t(
                "What does a stay of 3 months or less need?",
                "Que faut-il pour un séjour de moins de 3 mois ?",
                "Was braucht ein Aufenthalt von höchstens 3 Monaten?",
            ),
            ("visa_required", "has_invitation", "has_health_insurance", "marriage_planned"),
            {"visa_required": True, "has_invitation": True, "has_health_insurance": None, "on": on},
        ),
        procedure_rule(
            "guide.salaried_worker",
            "work",
            t(
                "The salaried worker's residence permit: conditions, steps and dates.",
                "L’autorisation de séjour du travailleur salarié : conditions, étapes et dates.",
                "Die Aufenthaltserlaubnis für Arbeitnehmer: Bedingungen, Schritte und Fristen.",
            ),
            (
                "residence",
                "has_job_offer",
                "vacancy_declared_on",
                "certificate_requested_on",
                "first_permit",
                *_DATED,
            ),
            {
                "residence": "abroad",
                "has_job_offer": True,
                "vacancy_declared_on": "2026-05-18",
                "certificate_requested_on": "2026-06-05",
                "entry_date": "2026-06-19",
                "on": "2026-06-01",
            },
        ),
        procedure_rule(
            "guide.blue_card",
            "blue_card",
            t(
                "The EU Blue Card for highly qualified work.",
                "La carte bleue européenne pour un emploi hautement qualifié.",
                "Die Blaue Karte EU für hochqualifizierte Arbeit.",
            ),
            ("residence", "blue_card_conditions", "family_accompanies", *_DATED),
            {
                "residence": "abroad",
                "blue_card_conditions": True,
                "family_accompanies": True,
                "on": on,
            },
        ),
        procedure_rule(
            "guide.self_employed",
            "self_employed",
            t(
                "The self-employed worker's residence permit.",
                "L’autorisation de séjour du travailleur indépendant.",
                "Die Aufenthaltserlaubnis für Selbstständige.",
            ),
            ("residence", "self_qualified", "self_resources", "self_economic_need", *_DATED),
            {
                "residence": "resident",
                "self_qualified": True,
                "self_resources": True,
                "self_economic_need": False,
                "on": on,
            },
        ),
        procedure_rule(
            "guide.student",
            "study",
            t(
                "The student's residence permit.",
                "L’autorisation de séjour de l’étudiant.",
                "Die Aufenthaltserlaubnis für Studierende.",
            ),
            (
                "residence",
                "admitted_higher_education",
                "student_resources",
                "student_insurance",
                *_DATED,
            ),
            {
                "residence": "abroad",
                "admitted_higher_education": True,
                "student_resources": None,
                "student_insurance": True,
                "on": on,
            },
        ),
        procedure_rule(
            "guide.trainee",
            "traineeship",
            t(
                "The trainee's residence permit: paid or unpaid, shorter or longer than 3 months.",
                "L’autorisation de séjour du stagiaire : rémunéré ou non, plus ou moins de 3 mois.",
                "Die Aufenthaltserlaubnis für Praktikanten: bezahlt oder nicht, kürzer oder "
                "länger als 3 Monate.",
            ),
            (
                "residence",
                "traineeship_paid",
                "traineeship_compulsory",
                "traineeship_agreement",
                "traineeship_months",
                "entry_date",
                "application_date",
            ),
            {"residence": "abroad", "traineeship_paid": True, "traineeship_months": 6, "on": on},
        ),
        procedure_rule(
            "guide.eu_family",
            "family_eu",
            t(
                "The right of residence of a family member of an EU citizen.",
                "Le droit de séjour du membre de famille d’un citoyen de l’Union.",
                "Das Aufenthaltsrecht von Familienangehörigen eines Unionsbürgers.",
            ),
            (
                "residence",
                "family_link_eu",
                "birth_date",
                "years_with_citizen",
                "eu_event",
                "children_in_school",
                "divorce_grounds",
                "years_before_death",
                "application_date",
            ),
            {
                "residence": "resident",
                "family_link_eu": "spouse",
                "years_with_citizen": 4,
                "eu_event": "divorce",
                "divorce_grounds": ["domestic_violence"],
                "on": on,
            },
        ),
        procedure_rule(
            "guide.family_reunification",
            "family_tcn",
            t(
                "Family reunification with a sponsor who is a third-country national.",
                "Le regroupement familial avec un regroupant ressortissant de pays tiers.",
                "Familiennachzug zu einem Drittstaatsangehörigen.",
            ),
            (
                "residence",
                "family_link_tcn",
                "birth_date",
                "child_unmarried_in_custody",
                "ascendant_without_support",
                "sponsor_permit_expiry",
                "sponsor_permit_one_year",
                "sponsor_months",
                "sponsor_long_term_prospect",
                "sponsor_resources",
                "sponsor_housing",
                "sponsor_insurance",
                *_DATED,
            ),
            {
                "residence": "abroad",
                "family_link_tcn": "child",
                "birth_date": "2012-03-01",
                "child_unmarried_in_custody": True,
                "sponsor_permit_expiry": "2027-09-30",
                "sponsor_permit_one_year": True,
                "sponsor_months": 11,
                "sponsor_long_term_prospect": True,
                "sponsor_resources": True,
                "sponsor_housing": True,
                "sponsor_insurance": True,
                "application_date": "2026-11-02",
                "on": on,
            },
        ),
        procedure_rule(
            "guide.cross_border",
            "cross_border",
            t(
                "The cross-border worker's work authorisation, or its dispensation.",
                "L’autorisation de travail du frontalier, ou sa dispense.",
                "Die Arbeitserlaubnis für Grenzgänger oder die Befreiung davon.",
            ),
            ("lives_in_eu_with_permit", "family_of_eu_worker", "application_date"),
            {"lives_in_eu_with_permit": True, "family_of_eu_worker": True, "on": on},
        ),
        procedure_rule(
            "guide.long_term_resident",
            "long_term",
            t(
                "Long-term resident status: 5 years, resources and integration.",
                "Le statut de résident de longue durée : 5 ans, ressources et intégration.",
                "Die Rechtsstellung als langfristig Aufenthaltsberechtigter: 5 Jahre, Mittel "
                "und Integration.",
            ),
            (
                "years_legal_residence",
                "monthly_resources",
                "cai_fulfilled",
                "integration_evidence",
                "application_date",
            ),
            {
                "years_legal_residence": 5,
                "monthly_resources": 1900,
                "cai_fulfilled": True,
                "application_date": "2026-08-31",
                "on": on,
            },
        ),
        procedure_rule(
            "guide.article_89",
            "regularisation",
            t(
                "Regularisation under Article 89 after 4 years of schooling.",
                "La régularisation par l’article 89 après 4 ans de scolarité.",
                "Die Regularisierung nach Artikel 89 nach 4 Jahren Schulbesuch.",
            ),
            (
                "art89_basis",
                "school_years",
                "school_success",
                "birth_date",
                "residence_years",
                "art89_resources",
                "evaded_removal",
                "integration_will",
                "public_danger",
                "false_identity",
                "suitable_housing",
                "application_date",
            ),
            {
                "art89_basis": "adult_pupil",
                "birth_date": "2005-12-02",
                "school_years": 4,
                "school_success": True,
                "residence_years": 5,
                "art89_resources": True,
                "evaded_removal": False,
                "integration_will": True,
                "public_danger": False,
                "false_identity": False,
                "suitable_housing": True,
                "on": on,
            },
        ),
        procedure_rule(
            "guide.special_statuses",
            "special",
            t(
                "The special statuses: private and medical reasons, exceptional cases, "
                "trafficking.",
                "Les statuts spéciaux : raisons privées et médicales, cas exceptionnels, traite.",
                "Die besonderen Titel: private und medizinische Gründe, Ausnahmefälle, "
                "Menschenhandel.",
            ),
            (),
            {"on": on},
        ),
    ]


def _advice_rules() -> list[dict[str, Any]]:
    return [
        advice_rule(
            "guide.documents",
            t(
                "How must documents be certified and translated?",
                "Comment les documents doivent-ils être certifiés et traduits ?",
                "Wie müssen Unterlagen beglaubigt und übersetzt werden?",
            ),
            lambda answers, on: advice.documents(),
            {"on": ON_DOC},
            {"on": "2026-12-01"},
        ),
        advice_rule(
            "guide.remedies",
            t(
                "What can be done after a refusal or without an answer?",
                "Que faire en cas de refus ou sans réponse ?",
                "Was tun bei Ablehnung oder ohne Antwort?",
            ),
            lambda answers, on: advice.remedies(),
            {"on": ON_DOC},
            {"on": "2026-12-01"},
        ),
        advice_rule(
            "guide.schooling",
            t(
                "School for the children: compulsory ages, CASNA, children without papers.",
                "L’école des enfants : âges obligatoires, CASNA, enfants sans papiers.",
                "Schule für die Kinder: Schulpflicht, CASNA, Kinder ohne Papiere.",
            ),
            lambda answers, on: advice.schooling(
                cast(date, on),  # "on" is a required fact of this rule
                answers.get("children_finished_primary"),
                answers.get("residence") == "no_papers",
            ),
            {
                "residence": fact_doc("residence"),
                "children_finished_primary": fact_doc("children_finished_primary"),
                "on": ON_DOC,
            },
            {"residence": "no_papers", "children_finished_primary": False, "on": "2026-12-01"},
        ),
        advice_rule(
            "guide.housing",
            t(
                "What does renting a home cost at first?",
                "Que coûte d’abord la location d’un logement ?",
                "Was kostet die Anmietung einer Wohnung am Anfang?",
            ),
            lambda answers, on: advice.housing(cast(date, on)),  # "on" is required here
            {"on": ON_DOC},
            {"on": "2026-12-01"},
        ),
        advice_rule(
            "guide.languages",
            t(
                "Which languages are spoken?",
                "Quelles langues parle-t-on ?",
                "Welche Sprachen spricht man?",
            ),
            lambda answers, on: advice.languages(),
            {"on": ON_DOC},
            {"on": "2026-12-01"},
        ),
    ]


def _calculators() -> list[dict[str, Any]]:
    def kind_on(facts: dict[str, Any]) -> date:
        return cast(date, facts["on"])

    return [
        calculator(
            "guide.arrival_declaration",
            t(
                "By when must the arrival be declared at the commune?",
                "Jusqu’à quand faire la déclaration d’arrivée à la commune ?",
                "Bis wann muss die Ankunft bei der Gemeinde gemeldet werden?",
            ),
            parse_days(("entry_date",), ("on",)),
            lambda facts: calculators.arrival_declaration(facts["entry_date"], facts["on"]),
            {"entry_date": "date, required: day of entry into Luxembourg", "on": ON_OPTIONAL_DOC},
            {"entry_date": "2026-06-19", "on": "2026-06-24"},
        ),
        calculator(
            "guide.adem_certificate",
            t(
                "When may the ADEM certificate be asked for, and when does it arrive?",
                "Quand demander le certificat de l’ADEM, et quand arrive-t-il ?",
                "Wann kann die ADEM-Bescheinigung beantragt werden, und wann kommt sie?",
            ),
            parse_days(("vacancy_declared_on",), ("certificate_requested_on",)),
            lambda facts: calculators.adem_certificate(
                facts["vacancy_declared_on"], facts["certificate_requested_on"]
            ),
            {
                "vacancy_declared_on": "date, required: day the vacancy was declared to ADEM",
                "certificate_requested_on": "date, optional: day the certificate was asked for",
            },
            {"vacancy_declared_on": "2026-04-27", "certificate_requested_on": "2026-05-18"},
        ),
        calculator(
            "guide.renewal_date",
            t(
                "By when must a residence permit's renewal be asked for?",
                "Jusqu’à quand demander le renouvellement d’un titre de séjour ?",
                "Bis wann muss die Verlängerung eines Aufenthaltstitels beantragt werden?",
            ),
            parse_days(("permit_expiry",), ("on",)),
            lambda facts: calculators.renewal_date(facts["permit_expiry"], facts["on"]),
            {
                "permit_expiry": "date, required: day the residence permit expires",
                "on": ON_OPTIONAL_DOC,
            },
            {"permit_expiry": "2027-04-30", "on": "2026-12-01"},
        ),
        calculator(
            "guide.decision_due",
            t(
                "By when should the Immigration Directorate decide?",
                "Quand la Direction de l’Immigration doit-elle décider ?",
                "Bis wann sollte die Direktion der Immigration entscheiden?",
            ),
            parse_kind("file_complete_on"),
            lambda facts: calculators.decision_due(
                facts["procedure"], facts["file_complete_on"], facts["on"]
            ),
            {
                "procedure": _KIND_DOC,
                "file_complete_on": "date, required: day the file became complete",
                "on": ON_OPTIONAL_DOC,
            },
            {"procedure": "salaried", "file_complete_on": "2026-10-31", "on": "2026-12-01"},
        ),
        calculator(
            "guide.decision_deadline",
            t(
                "How long does the Immigration Directorate have to decide?",
                "De combien de temps la Direction de l’Immigration dispose-t-elle pour décider ?",
                "Wie viel Zeit hat die Direktion der Immigration für die Entscheidung?",
            ),
            parse_kind("on"),
            lambda facts: calculators.decision_deadline(facts["procedure"], kind_on(facts)),
            {"procedure": _KIND_DOC, "on": ON_DOC},
            {"procedure": "family_tcn", "on": "2026-12-01"},
        ),
    ]


def _only(raw: Any, allowed: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise FactError("(facts)", "expected an object of facts")
    for key in raw:
        if key not in allowed:
            expected = ", ".join(sorted(allowed))
            raise FactError(str(key), f"unknown fact; expected one of: {expected}")
    return raw


def _required(raw: dict[str, Any], key: str) -> Any:
    if raw.get(key) is None:
        raise FactError(key, "is required", t("is required", "est obligatoire", "ist erforderlich"))
    return raw[key]


def _read_days(raw: dict[str, Any]) -> dict[str, Any]:
    _only(raw, ("arrival_date", "days"))
    return {"days": _required(raw, "days")}  # checked by the rule (a whole number)


def _read_language(raw: dict[str, Any]) -> dict[str, Any]:
    _only(raw, ("language", "on"))
    language = _required(raw, "language")
    if not isinstance(language, str) or language not in ISO_639_1:
        raise FactError(
            "language",
            "expected an ISO 639-1 language code in lower case, like de or tl",
            t(
                "expected an ISO 639-1 language code in lower case, like de or tl",
                "un code de langue ISO 639-1 en minuscules est attendu, comme de ou tl",
                "erwartet wird ein ISO-639-1-Sprachcode in Kleinbuchstaben, etwa de oder tl",
            ),
        )
    return {"language": language}


def _read_rent(raw: dict[str, Any]) -> dict[str, Any]:
    _only(raw, ("monthly_rent", "through_agency", "on"))
    agency = _required(raw, "through_agency")
    if not isinstance(agency, bool):
        raise FactError("through_agency", "expected true or false")
    return {
        "monthly_rent": life.parse_rent(_required(raw, "monthly_rent")),
        "through_agency": agency,
    }


def _life() -> list[dict[str, Any]]:
    return [
        calculator(
            "guide.short_stay_fit",
            t(
                "Does a planned stay of N days fit within the short stay's 3 months?",
                "Un séjour prévu de N jours tient-il dans les 3 mois du court séjour ?",
                "Passt ein geplanter Aufenthalt von N Tagen in die 3 Monate des kurzen "
                "Aufenthalts?",
            ),
            parse_life(("arrival_date",), (), _read_days),
            lambda facts: life.short_stay_fit(facts["arrival_date"], facts["days"]),
            {
                "arrival_date": "date, required: day of arrival in Luxembourg (the first day "
                "of the stay)",
                "days": f"integer, required: days of the stay, first and last included (1 to "
                f"{life.MAX_STAY_DAYS})",
            },
            {"arrival_date": "2027-03-01", "days": 92},
        ),
        calculator(
            "guide.guarantor_liability",
            t(
                "Until when is the person who signed a guarantee liable?",
                "Jusqu’à quand la personne qui a signé une prise en charge est-elle responsable ?",
                "Bis wann haftet die Person, die eine Verpflichtungserklärung unterschrieben hat?",
            ),
            parse_life(("signed_on",), ("on",), lambda raw: _only(raw, ("signed_on", "on")) and {}),
            lambda facts: life.guarantor_liability(facts["signed_on"], facts["on"]),
            {
                "signed_on": "date, required: day the guarantee (prise en charge) was signed",
                "on": ON_OPTIONAL_DOC,
            },
            {"signed_on": "2026-03-15", "on": "2026-12-01"},
        ),
        calculator(
            "guide.sworn_translation",
            t(
                "Does a document in this language need a sworn translation?",
                "Un document dans cette langue doit-il être traduit par un traducteur assermenté ?",
                "Braucht ein Dokument in dieser Sprache eine beglaubigte Übersetzung?",
            ),
            parse_life(("on",), (), _read_language),
            lambda facts: life.sworn_translation(facts["language"], facts["on"]),
            {
                "language": "string, required: ISO 639-1 code of the document's language",
                "on": ON_DOC,
            },
            {"language": "lb", "on": "2026-12-01"},
        ),
        calculator(
            "guide.school_obligation",
            t(
                "Must a child of this age go to school?",
                "Un enfant de cet âge doit-il aller à l’école ?",
                "Muss ein Kind in diesem Alter zur Schule gehen?",
            ),
            parse_life(
                ("on",), (), lambda raw: _only(raw, ("birth_date", "on")) and {}, ("birth_date",)
            ),
            lambda facts: life.school_obligation(facts["birth_date"], facts["on"]),
            {"birth_date": "date, required: the child's date of birth", "on": ON_DOC},
            {"birth_date": "2022-12-01", "on": "2026-12-01"},
        ),
        calculator(
            "guide.housing_costs",
            t(
                "What to plan for a monthly rent: agency fee, deposit, what to pay at once.",
                "Que prévoir pour un loyer mensuel : frais d’agence, dépôt de garantie, somme "
                "à payer tout de suite.",
                "Was bei einer Monatsmiete einzuplanen ist: Maklergebühr, Kaution, sofort zu "
                "zahlender Betrag.",
            ),
            parse_life(("on",), (), _read_rent),
            lambda facts: life.housing_costs(
                facts["monthly_rent"], facts["through_agency"], facts["on"]
            ),
            {
                "monthly_rent": f"decimal, required: monthly rent in euros (more than 0, at most "
                f"{life.MAX_RENT}, 2 decimals at most; a JSON number or a string)",
                "through_agency": "boolean, required: rented through an estate agency",
                "on": ON_DOC,
            },
            {"monthly_rent": "1000", "through_agency": True, "on": "2026-12-01"},
        ),
    ]


def guide_rules() -> list[dict[str, Any]]:
    """Every guide rule, in the order of the documentation."""
    contacts = calculator(
        "guide.contacts",
        t(
            "Whom to contact: the guide's directory.",
            "Qui contacter : le répertoire du guide.",
            "An wen wenden: das Verzeichnis des Leitfadens.",
        ),
        parse_contacts,
        contacts_decision,
        {"codes": "list of strings, optional: directory codes (all when left out)"},
        {"codes": ["asti", "casna"]},
    )
    return [
        status_rule(),
        *_procedures(),
        *_advice_rules(),
        contacts,
        *_calculators(),
        *_life(),
        assessment_rule(),
    ]
