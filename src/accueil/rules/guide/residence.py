"""`guide.long_term_resident`, `guide.article_89` and `guide.special_statuses`.

Long-term resident (seed): 5 years of uninterrupted legal residence immediately
before the application; stable, regular and sufficient resources over those
5 years, judged against the minimum social wage of an unqualified worker
(1,922.96 euros a month at 1 January 2016 in the seed; the parameter
`guide.minimum_social_wage` has that amount and the later ones, and the amount in
force on the assessment day applies; resources at least that amount meet it); and
sufficient integration (language courses, testimonies...), for which a
fulfilled CAI counts. The application is made on a form.

Article 89 (as amended, in force from 28 December 2015): regularisation for a
parent with parental authority over a minor child living with them who has been
at school in Luxembourg continuously for at least 4 years, or an adult pupil at
school continuously and successfully for at least 4 years who applies before
21; in both cases 4 years of residence before the application, sufficient
resources, no evasion of a removal order, a real will to integrate, no danger
to public order, security or health, no false identity information, suitable
housing. The age is taken on the application day (or the assessment day when
that is not given): "before the age of 21" means the 21st birthday has not come.

Special statuses: private reasons, medical reasons, exceptional cases, victims
of trafficking; only under certain conditions (guichet.public.lu).
"""

from collections.abc import Mapping
from datetime import date
from typing import Any

from accueil.rules.base import Reason, Source
from accueil.rules.dates import age_on
from accueil.rules.guide import common
from accueil.rules.guide import sources as S
from accueil.rules.guide.checks import Check, note, procedure, requirement, step
from accueil.rules.guide.result import Procedure
from accueil.rules.guide.text import t
from accueil.rules.parameters import parameter
from accueil.rules.parameters_guide import ARTICLE_89_IN_FORCE


def _check(code: str, source: Source, met: tuple[Any, ...], unmet: tuple[Any, ...]) -> Check:
    return requirement(code, source, t(*met), t(*unmet))


LONG_TITLE = t(
    "Long-term resident status",
    "Statut de résident de longue durée",
    "Rechtsstellung eines langfristig Aufenthaltsberechtigten",
)
YEARS = Check(
    "guide.long_term_resident.years",
    S.LONG_TERM,
    t(
        "You have lived legally in Luxembourg for {years} uninterrupted years, at least {minimum}.",
        "Vous séjournez légalement au Luxembourg depuis {years} ans sans interruption, au moins "
        "{minimum}.",
        "Sie leben seit {years} Jahren ununterbrochen rechtmäßig in Luxemburg, mindestens "
        "{minimum}.",
    ),
    t(
        "You have lived legally in Luxembourg for {years} years; {minimum} uninterrupted years "
        "immediately before the application are needed.",
        "Vous séjournez légalement au Luxembourg depuis {years} ans ; il faut {minimum} ans "
        "ininterrompus précédant immédiatement la demande.",
        "Sie leben seit {years} Jahren rechtmäßig in Luxemburg; nötig sind {minimum} "
        "ununterbrochene Jahre unmittelbar vor dem Antrag.",
    ),
    t(
        "{minimum} uninterrupted years of legal residence immediately before the application "
        "are needed.",
        "Il faut {minimum} ans de séjour régulier ininterrompu précédant immédiatement la demande.",
        "Nötig sind {minimum} Jahre ununterbrochenen rechtmäßigen Aufenthalts unmittelbar vor "
        "dem Antrag.",
    ),
)
RESOURCES = Check(
    "guide.long_term_resident.resources",
    S.LONG_TERM_RESOURCES,
    t(
        "Your monthly resources ({amount} euros) reach the minimum social wage of an "
        "unqualified worker ({wage} euros).",
        "Vos ressources mensuelles ({amount} euros) atteignent le salaire social minimum d’un "
        "travailleur non qualifié ({wage} euros).",
        "Ihre monatlichen Mittel ({amount} Euro) erreichen den sozialen Mindestlohn eines "
        "ungelernten Arbeitnehmers ({wage} Euro).",
    ),
    t(
        "Your monthly resources ({amount} euros) are below the minimum social wage of an "
        "unqualified worker ({wage} euros) against which they are judged.",
        "Vos ressources mensuelles ({amount} euros) sont inférieures au salaire social minimum "
        "d’un travailleur non qualifié ({wage} euros) auquel elles sont comparées.",
        "Ihre monatlichen Mittel ({amount} Euro) liegen unter dem sozialen Mindestlohn eines "
        "ungelernten Arbeitnehmers ({wage} Euro), an dem sie gemessen werden.",
    ),
    t(
        "Your resources over the last 5 years must be stable, regular and sufficient, judged "
        "against the minimum social wage of an unqualified worker ({wage} euros a month).",
        "Vos ressources des 5 dernières années doivent être stables, régulières et suffisantes, "
        "appréciées par rapport au salaire social minimum d’un travailleur non qualifié "
        "({wage} euros par mois).",
        "Ihre Mittel der letzten 5 Jahre müssen fest, regelmäßig und ausreichend sein, gemessen "
        "am sozialen Mindestlohn eines ungelernten Arbeitnehmers ({wage} Euro im Monat).",
    ),
)
_INTEGRATION_UNMET = t(
    "You must prove sufficient integration (language courses, testimonies); a fulfilled CAI "
    "counts.",
    "Vous devez prouver une intégration suffisante (cours de langue, témoignages) ; un CAI "
    "rempli est pris en compte.",
    "Sie müssen eine ausreichende Integration nachweisen (Sprachkurse, Zeugnisse); ein "
    "erfüllter CAI zählt.",
)
_INTEGRATION_UNKNOWN = t(
    "You will have to prove sufficient integration (language courses, testimonies); a "
    "fulfilled CAI counts.",
    "Vous devrez prouver une intégration suffisante (cours de langue, témoignages) ; un CAI "
    "rempli est pris en compte.",
    "Sie werden eine ausreichende Integration nachweisen müssen (Sprachkurse, Zeugnisse); ein "
    "erfüllter CAI zählt.",
)
INTEGRATION = Check(
    "guide.long_term_resident.integration",
    S.LONG_TERM_INTEGRATION,
    t(
        "You can prove sufficient integration (language courses, testimonies).",
        "Vous pouvez prouver une intégration suffisante (cours de langue, témoignages).",
        "Sie können eine ausreichende Integration nachweisen (Sprachkurse, Zeugnisse).",
    ),
    _INTEGRATION_UNMET,
    _INTEGRATION_UNKNOWN,
)
CAI_INTEGRATION = Check(
    "guide.long_term_resident.integration",
    S.CAI_COUNTS,
    t(
        "Your fulfilled Welcome and Integration Contract (CAI) counts towards the integration "
        "required.",
        "Votre contrat d’accueil et d’intégration (CAI) rempli est pris en compte pour "
        "l’intégration requise.",
        "Ihr erfüllter Aufnahme- und Integrationsvertrag (CAI) zählt für die verlangte "
        "Integration.",
    ),
    _INTEGRATION_UNMET,
    _INTEGRATION_UNKNOWN,
)
_FORM = t(
    "Apply with the form of the Immigration Directorate (guichet.public.lu, “After 5 years”).",
    "Faites la demande à l’aide du formulaire de la Direction de l’Immigration "
    "(guichet.public.lu, « Après un séjour de 5 années »).",
    "Stellen Sie den Antrag mit dem Formular der Direktion der Immigration "
    "(guichet.public.lu, „Nach 5 Jahren Aufenthalt“).",
)


def long_term_resident(answers: dict[str, Any], on: date) -> Procedure:
    minimum = parameter("guide.long_term_years", on)
    lived = answers.get("years_legal_residence")
    years = (
        YEARS.fixed(None, minimum=minimum)
        if lived is None
        else YEARS.reason(lived >= minimum, years=lived, minimum=minimum)
    )
    wage = parameter("guide.minimum_social_wage", on)
    amount = answers.get("monthly_resources")
    resources = (
        RESOURCES.fixed(None, wage=wage)
        if amount is None
        else RESOURCES.reason(amount >= wage, amount=float(amount), wage=wage)
    )
    cai = answers.get("cai_fulfilled")
    if cai is True:
        integration = CAI_INTEGRATION.reason(True)
    else:
        evidence = answers.get("integration_evidence") if cai is False else None
        integration = INTEGRATION.reason(evidence)
    steps, dates = common.merge(
        ([step("form", S.LONG_TERM_FORM, _FORM)], []),
        common.decision(answers, "long_term", "long_term_resident", S.DEADLINE_LONG_TERM),
    )
    conditions = [years, resources, integration]
    contacts = ("immigration", "olai")
    return procedure(
        "long_term_resident",
        LONG_TITLE,
        conditions,
        steps,
        common.documents("long_term_resident"),
        contacts,
        (),
        dates,
    )


ART89_TITLE = t(
    "Regularisation under Article 89 (schooling for 4 years)",
    "Régularisation par l’article 89 (scolarité depuis 4 ans)",
    "Regularisierung nach Artikel 89 (4 Jahre Schulbesuch)",
)
IN_FORCE = _check(
    "guide.article_89.in_force",
    S.ART89,
    (
        "Article 89 as amended applies from 28 December 2015.",
        "L'article 89 modifié s'applique depuis le 28 décembre 2015.",
        "Der geänderte Artikel 89 gilt seit dem 28. Dezember 2015.",
    ),
    (
        "Article 89 as amended applies only from 28 December 2015.",
        "L'article 89 modifié ne s'applique qu'à partir du 28 décembre 2015.",
        "Der geänderte Artikel 89 gilt erst ab dem 28. Dezember 2015.",
    ),
)
SCHOOLING = Check(
    "guide.article_89.schooling",
    S.ART89_PARENT,
    t(
        "Schooling in Luxembourg has been continuous for {years} years, at least {minimum}.",
        "La scolarité au Luxembourg est continue depuis {years} ans, au moins {minimum}.",
        "Der Schulbesuch in Luxemburg besteht seit {years} Jahren, mindestens {minimum}.",
    ),
    t(
        "Schooling in Luxembourg has been continuous for {years} years; at least {minimum} "
        "are needed.",
        "La scolarité au Luxembourg est continue depuis {years} ans ; il en faut au moins "
        "{minimum}.",
        "Der Schulbesuch in Luxemburg besteht seit {years} Jahren; nötig sind mindestens "
        "{minimum}.",
    ),
    t(
        "At least {minimum} years of continuous schooling in Luxembourg are needed.",
        "Il faut au moins {minimum} ans de scolarité continue au Luxembourg.",
        "Nötig sind mindestens {minimum} Jahre ununterbrochener Schulbesuch in Luxemburg.",
    ),
)
BASIS = _check(
    "guide.article_89.basis",
    S.ART89_PARENT,
    (
        "You exercise parental authority over a minor child who lives with you and goes to "
        "school in Luxembourg.",
        "Vous exercez l'autorité parentale sur un enfant mineur qui vit avec vous et est "
        "scolarisé au Luxembourg.",
        "Sie üben das Sorgerecht für ein minderjähriges Kind aus, das bei Ihnen lebt und in "
        "Luxemburg zur Schule geht.",
    ),
    (
        "Article 89 is for a parent of a minor pupil living with them, or an adult pupil.",
        "L'article 89 vise le parent d'un élève mineur vivant avec lui, ou l'élève majeur.",
        "Artikel 89 gilt für Eltern eines minderjährigen Schülers in ihrem Haushalt oder für "
        "volljährige Schüler.",
    ),
)
PUPIL_AGE = Check(
    "guide.article_89.pupil_age",
    S.ART89_PUPIL,
    t(
        "You are of age and apply before the age of {max_age} (you are {age} on {day}).",
        "Vous êtes majeur et faites la demande avant l’âge de {max_age} ans (vous avez {age} ans "
        "le {day}).",
        "Sie sind volljährig und stellen den Antrag vor dem {max_age}. Lebensjahr (am {day} sind "
        "Sie {age}).",
    ),
    t(
        "An adult pupil must be of age ({of_age}) and apply before the age of {max_age}; you are "
        "{age} on {day}.",
        "Un élève majeur ({of_age} ans) doit faire sa demande avant l’âge de {max_age} ans ; "
        "vous avez {age} ans le {day}.",
        "Ein volljähriger Schüler ({of_age} Jahre) muss den Antrag vor dem {max_age}. "
        "Lebensjahr stellen; am {day} sind Sie {age}.",
    ),
    t(
        "An adult pupil must be of age and apply before the age of {max_age}; your age is not "
        "known.",
        "Un élève majeur doit faire sa demande avant l’âge de {max_age} ans ; votre âge n’est "
        "pas connu.",
        "Ein volljähriger Schüler muss den Antrag vor dem {max_age}. Lebensjahr stellen; Ihr "
        "Alter ist nicht bekannt.",
    ),
)
SUCCESS = _check(
    "guide.article_89.success",
    S.ART89_PUPIL,
    (
        "You follow your schooling with success.",
        "Vous suivez votre scolarité avec succès.",
        "Sie besuchen die Schule mit Erfolg.",
    ),
    (
        "An adult pupil must follow their schooling continuously and with success.",
        "Un élève majeur doit suivre sa scolarité de façon continue et avec succès.",
        "Ein volljähriger Schüler muss die Schule ununterbrochen und mit Erfolg besuchen.",
    ),
)
RESIDENCE = Check(
    "guide.article_89.residence",
    S.ART89_RESIDENCE,
    t(
        "You have lived in Luxembourg for {years} years, at least {minimum}.",
        "Vous résidez au Luxembourg depuis {years} ans, au moins {minimum}.",
        "Sie wohnen seit {years} Jahren in Luxemburg, mindestens {minimum}.",
    ),
    t(
        "You have lived in Luxembourg for {years} years; at least {minimum} before the "
        "application are needed.",
        "Vous résidez au Luxembourg depuis {years} ans ; il en faut au moins {minimum} avant "
        "la demande.",
        "Sie wohnen seit {years} Jahren in Luxemburg; nötig sind mindestens {minimum} vor dem "
        "Antrag.",
    ),
    t(
        "At least {minimum} years of residence before the application are needed.",
        "Il faut au moins {minimum} ans de résidence avant la demande.",
        "Nötig sind mindestens {minimum} Jahre Aufenthalt vor dem Antrag.",
    ),
)
_YES_MEANS_MET = {
    "art89_resources": _check(
        "guide.article_89.resources",
        S.ART89_RESOURCES,
        (
            "You have sufficient resources.",
            "Vous disposez de ressources suffisantes.",
            "Sie haben ausreichende Mittel.",
        ),
        (
            "You need sufficient resources for yourself and your family (employment contract "
            "or guarantee).",
            "Il faut des ressources suffisantes pour vous et votre famille (contrat de travail "
            "ou prise en charge).",
            "Nötig sind ausreichende Mittel für Sie und Ihre Familie (Arbeitsvertrag oder "
            "Verpflichtungserklärung).",
        ),
    ),
    "integration_will": _check(
        "guide.article_89.integration",
        S.ART89_INTEGRATION,
        (
            "You show a real will to integrate.",
            "Vous faites preuve d'une réelle volonté d'intégration.",
            "Sie zeigen einen echten Integrationswillen.",
        ),
        (
            "A real will to integrate must be shown.",
            "Il faut faire preuve d'une réelle volonté d'intégration.",
            "Ein echter Integrationswille muss gezeigt werden.",
        ),
    ),
    "suitable_housing": _check(
        "guide.article_89.housing",
        S.ART89_HOUSING,
        (
            "You have suitable housing.",
            "Vous disposez d'un logement approprié.",
            "Sie haben eine angemessene Wohnung.",
        ),
        (
            "Suitable housing is needed.",
            "Il faut un logement approprié.",
            "Eine angemessene Wohnung ist nötig.",
        ),
    ),
}
_NO_MEANS_MET = {
    "evaded_removal": _check(
        "guide.article_89.removal",
        S.ART89_REMOVAL,
        (
            "You have not evaded a removal order.",
            "Vous ne vous êtes pas soustrait à une mesure d'éloignement.",
            "Sie haben sich keiner Abschiebungsmaßnahme entzogen.",
        ),
        (
            "Having evaded a removal order rules out regularisation.",
            "S'être soustrait à une mesure d'éloignement exclut la régularisation.",
            "Wer sich einer Abschiebungsmaßnahme entzogen hat, kann nicht regularisiert werden.",
        ),
    ),
    "public_danger": _check(
        "guide.article_89.public_order",
        S.ART89_PUBLIC_ORDER,
        (
            "Your presence is no danger to public order, security or health.",
            "Votre présence ne constitue pas un danger pour l'ordre, la sécurité ou la santé "
            "publics.",
            "Ihre Anwesenheit ist keine Gefahr für die öffentliche Ordnung, Sicherheit oder "
            "Gesundheit.",
        ),
        (
            "Your presence must not be a danger to public order, security or health.",
            "Votre présence ne doit pas constituer un danger pour l'ordre, la sécurité ou la "
            "santé publics.",
            "Ihre Anwesenheit darf keine Gefahr für die öffentliche Ordnung, Sicherheit oder "
            "Gesundheit sein.",
        ),
    ),
    "false_identity": _check(
        "guide.article_89.identity",
        S.ART89_IDENTITY,
        (
            "You have not used false or misleading information about your identity.",
            "Vous n'avez pas utilisé d'informations fausses ou trompeuses sur votre identité.",
            "Sie haben keine falschen oder irreführenden Angaben zu Ihrer Identität gemacht.",
        ),
        (
            "False or misleading information about one's identity rules out regularisation.",
            "Des informations fausses ou trompeuses sur l'identité excluent la régularisation.",
            "Falsche oder irreführende Angaben zur Identität schließen die Regularisierung aus.",
        ),
    ),
}
_ART89_PERMIT = t(
    "If granted: a salaried worker's permit, or a permit for private reasons for those "
    "pursuing vocational training.",
    "En cas d’accord : un titre de séjour de travailleur salarié, ou pour raison privée pour "
    "qui poursuit une formation professionnelle.",
    "Bei Zusage: ein Aufenthaltstitel als Arbeitnehmer oder aus privaten Gründen für "
    "Personen in Berufsausbildung.",
)
_ART89_APPLY = t(
    "Apply to the Immigration Directorate (list of documents: guichet.public.lu, “More than "
    "3 months”).",
    "Faites la demande à la Direction de l’Immigration (liste des documents : "
    "guichet.public.lu, « Séjourner au Luxembourg plus de 3 mois »).",
    "Stellen Sie den Antrag bei der Direktion der Immigration (Unterlagen: "
    "guichet.public.lu, „Mehr als 3 Monate“).",
)


def _counted(check: Check, value: Any, minimum: int) -> Reason:
    if value is None:
        return check.fixed(None, minimum=minimum)
    return check.reason(value >= minimum, years=value, minimum=minimum)


def _pupil_age(answers: dict[str, Any], on: date, years: Mapping[str, int]) -> Reason:
    """Of age and under the maximum age on the application day (or `on`)."""
    birth = answers.get("birth_date")
    day = answers.get("application_date") or on
    max_age, of_age = years["pupil_max_age"], years["pupil_of_age"]
    if birth is None or birth > day:
        return PUPIL_AGE.fixed(None, max_age=max_age)
    age = age_on(birth, day)
    met = of_age <= age < max_age
    return PUPIL_AGE.reason(met, age=age, day=day, max_age=max_age, of_age=of_age)


def article_89(answers: dict[str, Any], on: date) -> Procedure:
    day = answers.get("application_date") or on
    if day < ARTICLE_89_IN_FORCE:
        conditions = [IN_FORCE.reason(False)]
        return procedure("article_89", ART89_TITLE, conditions, contacts=("immigration", "asti"))
    years = parameter("guide.article_89_years", day)
    conditions = [IN_FORCE.reason(True)]
    conditions.append(_counted(SCHOOLING, answers.get("school_years"), years["schooling"]))
    if answers.get("art89_basis") == "adult_pupil":
        conditions.append(_pupil_age(answers, on, years))
        conditions.append(SUCCESS.reason(answers.get("school_success")))
    else:
        conditions.append(BASIS.reason(None if answers.get("art89_basis") is None else True))
    conditions.append(_counted(RESIDENCE, answers.get("residence_years"), years["residence"]))
    for fact, check in _YES_MEANS_MET.items():
        conditions.append(check.reason(answers.get(fact)))
    for fact, check in _NO_MEANS_MET.items():
        value = answers.get(fact)
        conditions.append(check.reason(None if value is None else not value))
    steps, dates = common.merge(
        (
            [
                step("apply", S.SALARIED_DOCUMENTS, _ART89_APPLY),
                step("permit", S.ART89_PERMIT, _ART89_PERMIT),
            ],
            [],
        ),
        common.decision(answers, "general", "article_89"),
    )
    contacts = ("immigration", "asti")
    return procedure(
        "article_89",
        ART89_TITLE,
        conditions,
        steps,
        common.documents("article_89"),
        contacts,
        (),
        dates,
    )


SPECIAL_TITLE = t("Special statuses", "Statuts spéciaux", "Besondere Aufenthaltstitel")
_SPECIAL = t(
    "Other residence authorisations exist for exceptional cases: private reasons, medical "
    "reasons, exceptional cases, victims of human trafficking.",
    "Il existe d’autres autorisations de séjour pour des cas exceptionnels : raisons privées, "
    "raisons médicales, cas exceptionnels, victimes de la traite humaine.",
    "Für Ausnahmefälle gibt es weitere Aufenthaltserlaubnisse: aus privaten oder "
    "medizinischen Gründen, für Ausnahmefälle und für Opfer von Menschenhandel.",
)
_SPECIAL_CONDITIONS = t(
    "Being exceptional, they apply only under certain conditions: see guichet.public.lu, "
    "section “Immigration”, or ask ASTI.",
    "Étant des cas exceptionnels, ils ne s’appliquent que sous certaines conditions : voyez "
    "guichet.public.lu, rubrique « Immigration », ou adressez-vous à l’ASTI.",
    "Als Ausnahmefälle gelten sie nur unter bestimmten Bedingungen: siehe guichet.public.lu, "
    "Rubrik „Immigration“, oder fragen Sie die ASTI.",
)


def special_statuses(answers: dict[str, Any], on: date) -> Procedure:
    notes = [
        note("guide.special_statuses.kinds", S.SPECIAL, _SPECIAL),
        note("guide.special_statuses.conditions", S.SPECIAL_CONDITIONS, _SPECIAL_CONDITIONS),
    ]
    return procedure(
        "special_statuses",
        SPECIAL_TITLE,
        (),
        contacts=("immigration", "asti", "guichet"),
        notes=notes,
    )
