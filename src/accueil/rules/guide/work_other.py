"""`guide.self_employed`, `guide.blue_card` and `guide.cross_border`.

Self-employed (seed): the same qualification and good-repute criteria and steps
at the Ministry of the Middle Classes as EU nationals, and in parallel a
self-employed residence permit from the Immigration Directorate; conditions:
the qualities the activity requires, adequate resources, an economic need of
Luxembourg; applied for and approved BEFORE entry when not yet resident; valid
3 years at most, renewable. Blue Card: for highly qualified work of more than
3 months, tied to conditions of studies, job and pay (the seed gives no
figures); spouse or partner and unmarried children under 18 may accompany,
with the family reunification documents in the application. Cross-border
worker: a third-country national legally resident in another EU country asks
for a work authorisation (no residence authorisation) and must hold a residence
permit there; if their spouse, declared partner or child is an EU citizen
working in Luxembourg they are dispensed from the work authorisation but ask
for the dispensation. Both requests go to the Immigration Directorate.
"""

from datetime import date
from typing import Any

from accueil.rules.base import Source
from accueil.rules.guide import common
from accueil.rules.guide import sources as S
from accueil.rules.guide.checks import Check, fixed_note, note, procedure, requirement, step
from accueil.rules.guide.result import Procedure
from accueil.rules.guide.text import t
from accueil.rules.parameters import parameter


def _check(
    code: str,
    source: Source,
    met: tuple[Any, ...],
    unmet: tuple[Any, ...],
    unknown: tuple[Any, ...] = (),
) -> Check:
    """A condition; without an `unknown` message, its requirement and "not known yet"."""
    if not unknown:
        return requirement(code, source, t(*met), t(*unmet))
    return Check(code, source, t(*met), t(*unmet), t(*unknown))


SELF_TITLE = t(
    "Residence permit for a self-employed worker",
    "Autorisation de séjour en qualité de travailleur indépendant",
    "Aufenthaltserlaubnis für Selbstständige",
)
QUALIFIED = _check(
    "guide.self_employed.qualities",
    S.SELF_QUALITIES,
    (
        "You have the qualities the activity requires.",
        "Vous disposez des qualités requises pour l'activité.",
        "Sie haben die Eigenschaften, die die Tätigkeit verlangt.",
    ),
    (
        "You must have the professional qualification and good repute the activity requires, "
        "the same as EU nationals.",
        "Vous devez remplir les critères de qualification professionnelle et d'honorabilité de "
        "l'activité, comme les ressortissants de l'Union.",
        "Sie müssen die berufliche Qualifikation und Zuverlässigkeit der Tätigkeit nachweisen, "
        "wie Unionsbürger.",
    ),
)
RESOURCES = _check(
    "guide.self_employed.resources",
    S.SELF_RESOURCES,
    (
        "You have adequate resources for the activity.",
        "Vous disposez des ressources adéquates pour l'activité.",
        "Sie haben angemessene Mittel für die Tätigkeit.",
    ),
    (
        "You must have adequate resources to carry out the activity.",
        "Vous devez disposer des ressources adéquates pour exercer l'activité.",
        "Sie müssen angemessene Mittel für die Ausübung der Tätigkeit haben.",
    ),
)
NEED = _check(
    "guide.self_employed.economic_need",
    S.SELF_NEED,
    (
        "The activity meets an economic need of Luxembourg.",
        "L'activité répond à un besoin économique du Luxembourg.",
        "Die Tätigkeit entspricht einem wirtschaftlichen Bedarf Luxemburgs.",
    ),
    (
        "The activity must meet an economic need of Luxembourg.",
        "L'activité doit répondre à un besoin économique du Luxembourg.",
        "Die Tätigkeit muss einem wirtschaftlichen Bedarf Luxemburgs entsprechen.",
    ),
)
_SELF_ESTABLISH = t(
    "Ask the Ministry of the Middle Classes for the business permit, with the same criteria "
    "and steps as EU nationals.",
    "Demandez l’autorisation d’établissement au Ministère des Classes moyennes, avec les "
    "mêmes critères et démarches que les ressortissants de l’Union.",
    "Beantragen Sie die Niederlassungsgenehmigung beim Ministerium für Mittelstand, mit "
    "denselben Kriterien und Schritten wie Unionsbürger.",
)
_SELF_PERMIT = t(
    "At the same time, ask the Immigration Directorate for the self-employed residence "
    "permit; from abroad, it must be approved before you enter Luxembourg.",
    "Parallèlement, demandez l’autorisation de séjour de travailleur indépendant à la "
    "Direction de l’Immigration ; depuis l’étranger, elle doit être accordée avant votre "
    "entrée au Luxembourg.",
    "Beantragen Sie gleichzeitig die Aufenthaltserlaubnis für Selbstständige bei der "
    "Direktion der Immigration; aus dem Ausland muss sie vor der Einreise erteilt sein.",
)
_SELF_VALID = t(
    "The permit is valid for {years} years at most, renewable at the end of them.",
    "L’autorisation est valable {years} ans au maximum, renouvelable à la fin de ces {years} ans.",
    "Die Erlaubnis gilt höchstens {years} Jahre und ist danach verlängerbar.",
)


def self_employed(answers: dict[str, Any], on: date) -> Procedure:
    conditions = [
        QUALIFIED.reason(answers.get("self_qualified")),
        RESOURCES.reason(answers.get("self_resources")),
        NEED.reason(answers.get("self_economic_need")),
    ]
    steps, dates = common.merge(
        (
            [
                step("establishment", S.SELF_SAME_CRITERIA, _SELF_ESTABLISH),
                step("apply", S.SELF_PARALLEL, _SELF_PERMIT),
            ],
            [],
        ),
        common.decision(answers, "general", "self_employed"),
        common.arrival(answers, "self_employed"),
        common.renewal(answers, "self_employed"),
    )
    years = parameter("guide.self_employed_permit_years", on)
    notes = [fixed_note("guide.self_employed.validity", S.SELF_VALIDITY, _SELF_VALID, years=years)]
    contacts = ("middle_classes", "immigration", "commune")
    return procedure(
        "self_employed",
        SELF_TITLE,
        conditions,
        steps,
        common.documents("self_employed"),
        contacts,
        notes,
        dates,
    )


BLUE_TITLE = t("EU Blue Card", "Carte bleue européenne", "Blaue Karte EU")
BLUE_CONDITIONS = _check(
    "guide.blue_card.conditions",
    S.BLUE_CARD_CONDITIONS,
    (
        "Your studies, job and pay meet the Blue Card conditions.",
        "Vos études, votre poste et votre rémunération remplissent les conditions de la carte "
        "bleue.",
        "Studium, Stelle und Gehalt erfüllen die Bedingungen der Blauen Karte.",
    ),
    (
        "The Blue Card is for highly qualified work and is tied to conditions of studies, job "
        "and pay; without them, see the salaried worker's permit.",
        "La carte bleue s'adresse aux emplois hautement qualifiés et est liée à des conditions "
        "d'études, de poste et de rémunération ; sinon, voyez l'autorisation de travailleur "
        "salarié.",
        "Die Blaue Karte gilt für hochqualifizierte Arbeit und ist an Bedingungen zu Studium, "
        "Stelle und Gehalt gebunden; sonst siehe die Erlaubnis für Arbeitnehmer.",
    ),
    (
        "The Blue Card is tied to conditions of studies, job and pay: check them on "
        "guichet.public.lu.",
        "La carte bleue est liée à des conditions d'études, de poste et de rémunération : "
        "vérifiez-les sur guichet.public.lu.",
        "Die Blaue Karte ist an Bedingungen zu Studium, Stelle und Gehalt gebunden: prüfen Sie "
        "sie auf guichet.public.lu.",
    ),
)
_BLUE_FAMILY = t(
    "Your spouse or partner and unmarried children under {age} (yours or your partner's) may "
    "come with you: include the family reunification documents in your application.",
    "Votre conjoint ou partenaire et les enfants célibataires de moins de {age} ans (les "
    "vôtres ou ceux de votre partenaire) peuvent vous accompagner : joignez à votre demande "
    "les documents exigés pour le regroupement familial.",
    "Ihr Ehe- oder Lebenspartner und ledige Kinder unter {age} Jahren (Ihre oder die Ihres "
    "Partners) können mitkommen: fügen Sie Ihrem Antrag die Unterlagen für den "
    "Familiennachzug bei.",
)
_BLUE_APPLY = t(
    "Apply for the EU Blue Card at the Immigration Directorate for highly qualified work of "
    "more than 3 months.",
    "Demandez la carte bleue européenne à la Direction de l’Immigration pour un emploi "
    "hautement qualifié de plus de 3 mois.",
    "Beantragen Sie die Blaue Karte EU bei der Direktion der Immigration für eine "
    "hochqualifizierte Arbeit von mehr als 3 Monaten.",
)


def blue_card(answers: dict[str, Any], on: date) -> Procedure:
    conditions = [BLUE_CONDITIONS.reason(answers.get("blue_card_conditions"))]
    steps, dates = common.merge(
        ([step("apply", S.BLUE_CARD, _BLUE_APPLY)], []),
        common.decision(answers, "general", "blue_card"),
        common.arrival(answers, "blue_card"),
        common.renewal(answers, "blue_card"),
    )
    notes = []
    if answers.get("family_accompanies") is not False:
        age = parameter("guide.blue_card_child_max_age", on)
        notes.append(
            fixed_note("guide.blue_card.family", S.BLUE_CARD_FAMILY, _BLUE_FAMILY, age=age)
        )
    contacts = ("immigration", "commune")
    return procedure(
        "blue_card",
        BLUE_TITLE,
        conditions,
        steps,
        common.documents("blue_card"),
        contacts,
        notes,
        dates,
    )


CROSS_TITLE = t(
    "Cross-border worker: work authorisation or dispensation",
    "Frontalier : autorisation de travail ou dispense",
    "Grenzgänger: Arbeitserlaubnis oder Befreiung",
)
CROSS_PERMIT = _check(
    "guide.cross_border.residence_permit",
    S.CROSS_BORDER_PERMIT,
    (
        "You hold a residence permit of the EU country where you live.",
        "Vous avez une autorisation de séjour du pays de l'UE où vous résidez.",
        "Sie haben eine Aufenthaltserlaubnis des EU-Landes, in dem Sie wohnen.",
    ),
    (
        "A cross-border worker must hold a residence permit of the EU country where they live.",
        "Le frontalier doit disposer d'une autorisation de séjour dans le pays de l'UE où il "
        "réside.",
        "Ein Grenzgänger braucht eine Aufenthaltserlaubnis des EU-Landes, in dem er wohnt.",
    ),
    (
        "It is not known whether you hold a residence permit of the country where you live.",
        "On ne sait pas si vous avez une autorisation de séjour du pays où vous résidez.",
        "Es ist nicht bekannt, ob Sie eine Aufenthaltserlaubnis Ihres Wohnlandes haben.",
    ),
)
_WORK_AUTHORISATION = t(
    "Ask the Immigration Directorate for a work authorisation. It does not include a "
    "residence authorisation: you keep living in the other EU country.",
    "Demandez une autorisation de travail à la Direction de l’Immigration. Elle n’inclut pas "
    "d’autorisation de séjour : vous continuez à résider dans l’autre pays de l’UE.",
    "Beantragen Sie bei der Direktion der Immigration eine Arbeitserlaubnis. Sie umfasst "
    "keine Aufenthaltserlaubnis: Sie wohnen weiter im anderen EU-Land.",
)
_DISPENSATION = t(
    "As the spouse, declared partner or child of an EU citizen working in Luxembourg, you are "
    "dispensed from the work authorisation: ask the Immigration Directorate for the "
    "dispensation, so that it can check the conditions.",
    "Comme conjoint, partenaire déclaré ou enfant d’un citoyen de l’Union travaillant au "
    "Luxembourg, vous êtes dispensé de l’autorisation de travail : demandez la dispense à la "
    "Direction de l’Immigration, qui vérifie les conditions.",
    "Als Ehepartner, eingetragener Partner oder Kind eines in Luxemburg arbeitenden "
    "Unionsbürgers sind Sie von der Arbeitserlaubnis befreit: beantragen Sie die Befreiung "
    "bei der Direktion der Immigration, die die Bedingungen prüft.",
)
_DISPENSATION_MAYBE = t(
    "If your spouse, declared partner or child is an EU citizen working in Luxembourg, you are "
    "dispensed from the work authorisation, but must ask for the dispensation.",
    "Si votre conjoint, partenaire déclaré ou enfant est un citoyen de l’Union travaillant au "
    "Luxembourg, vous êtes dispensé de l’autorisation de travail, mais devez demander la "
    "dispense.",
    "Ist Ihr Ehepartner, eingetragener Partner oder Kind ein in Luxemburg arbeitender "
    "Unionsbürger, sind Sie von der Arbeitserlaubnis befreit, müssen die Befreiung aber "
    "beantragen.",
)


def cross_border(answers: dict[str, Any], on: date) -> Procedure:
    conditions = [CROSS_PERMIT.reason(answers.get("lives_in_eu_with_permit"))]
    family = answers.get("family_of_eu_worker")
    if family is True:
        first = step("dispensation", S.DISPENSATION_REQUEST, _DISPENSATION)
        notes = [note("guide.cross_border.dispensation", S.DISPENSATION, _DISPENSATION)]
    else:
        first = step("work_authorisation", S.CROSS_BORDER, _WORK_AUTHORISATION)
        notes = [
            note("guide.cross_border.no_residence", S.CROSS_BORDER_NO_STAY, _WORK_AUTHORISATION)
        ]
        if family is None:
            notes.append(
                note("guide.cross_border.dispensation", S.DISPENSATION, _DISPENSATION_MAYBE)
            )
    steps, dates = common.merge(([first], []), common.decision(answers, "general", "cross_border"))
    return procedure(
        "cross_border",
        CROSS_TITLE,
        conditions,
        steps,
        common.documents("cross_border"),
        ("immigration",),
        notes,
        dates,
    )
