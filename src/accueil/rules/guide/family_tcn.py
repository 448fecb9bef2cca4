"""`guide.family_reunification`: joining a sponsor who is a third-country national.

See `accueil.rules.guide.family` for the seed's text in short. The family
member's permit is valid 1 year, renewable while the conditions hold, and never
beyond the expiry of the sponsor's permit: given that expiry, the guide shows
it as the latest end of the family member's permit.
"""

from datetime import date
from typing import Any

from accueil.rules.base import Source
from accueil.rules.dates import age_on
from accueil.rules.guide import common
from accueil.rules.guide import sources as S
from accueil.rules.guide.checks import Check, fixed_note, procedure, requirement, step
from accueil.rules.guide.family import others
from accueil.rules.guide.result import ComputedDate, Procedure
from accueil.rules.guide.text import t
from accueil.rules.parameters import parameter

CODE = "family_reunification"
TITLE = t(
    "Family reunification with a third-country national",
    "Regroupement familial avec un ressortissant de pays tiers",
    "Familiennachzug zu einem Drittstaatsangehörigen",
)
_MEMBERS = t(
    "spouse, registered partner, unmarried children under 18 in the sponsor's custody and "
    "care, dependent parents or grandparents without family support",
    "conjoint, partenaire enregistré, enfants célibataires de moins de 18 ans dont le "
    "regroupant a la garde et la charge, ascendants directs à charge privés de soutien familial",
    "Ehepartner, eingetragener Partner, ledige Kinder unter 18 Jahren in Sorge und Obhut des "
    "Zusammenführenden, unterhaltsberechtigte Verwandte in gerader aufsteigender Linie ohne "
    "familiäre Unterstützung",
)


def _check(code: str, source: Source, met: tuple[Any, ...], unmet: tuple[Any, ...]) -> Check:
    return requirement(code, source, t(*met), t(*unmet))


LINK = Check(
    "guide.family_reunification.link",
    S.TCN_SPOUSE,
    t(
        "You are a family member the law lists.",
        "Vous êtes un membre de famille que la loi énumère.",
        "Sie sind ein im Gesetz genanntes Familienmitglied.",
    ),
    others(_MEMBERS),
    t(
        "Your family link to the sponsor is not known yet.",
        "Votre lien de famille avec le regroupant n’est pas encore connu.",
        "Ihre familiäre Beziehung zum Zusammenführenden ist noch nicht bekannt.",
    ),
)
CHILD = Check(
    "guide.family_reunification.child",
    S.TCN_CHILD,
    t(
        "As an unmarried child under {max_age} in the sponsor's custody and care, you are a "
        "family member.",
        "En tant qu’enfant célibataire de moins de {max_age} ans dont le regroupant a la garde "
        "et la charge, vous êtes membre de la famille.",
        "Als lediges Kind unter {max_age} Jahren in Sorge und Obhut des Zusammenführenden sind "
        "Sie Familienmitglied.",
    ),
    t(
        "Children count if unmarried, under {max_age}, and in the sponsor's custody and care.",
        "Les enfants comptent s’ils sont célibataires, ont moins de {max_age} ans et sont sous "
        "la garde et à la charge du regroupant.",
        "Kinder zählen, wenn sie ledig, unter {max_age} Jahre alt und in Sorge und Obhut des "
        "Zusammenführenden sind.",
    ),
    t(
        "Children count if unmarried, under {max_age}, and in the sponsor's custody and care; "
        "that is not all known.",
        "Les enfants comptent s’ils sont célibataires, ont moins de {max_age} ans et sont sous "
        "la garde et à la charge du regroupant ; tout n’est pas connu.",
        "Kinder zählen, wenn sie ledig, unter {max_age} Jahre alt und in Sorge und Obhut des "
        "Zusammenführenden sind; das ist nicht alles bekannt.",
    ),
)
ASCENDANT = _check(
    "guide.family_reunification.ascendant",
    S.TCN_ASCENDANT,
    (
        "As a dependent direct ascendant without the family support you need at home, you are "
        "a family member.",
        "En tant qu'ascendant direct à charge privé du soutien familial nécessaire, vous êtes "
        "membre de la famille.",
        "Als unterhaltsberechtigter Verwandter in gerader aufsteigender Linie ohne nötige "
        "familiäre Unterstützung sind Sie Familienmitglied.",
    ),
    (
        "A dependent ascendant counts only without the family support needed in the country "
        "of origin.",
        "Un ascendant à charge ne compte que s'il est privé du soutien familial nécessaire dans "
        "le pays d'origine.",
        "Ein unterhaltsberechtigter Verwandter zählt nur ohne die nötige familiäre "
        "Unterstützung im Herkunftsland.",
    ),
)
SPONSOR_PERMIT = _check(
    "guide.family_reunification.sponsor_permit",
    S.SPONSOR_PERMIT,
    (
        "The sponsor holds a residence permit valid for at least 1 year.",
        "Le regroupant est titulaire d'un titre de séjour valable au moins un an.",
        "Der Zusammenführende hat einen Aufenthaltstitel mit mindestens 1 Jahr Gültigkeit.",
    ),
    (
        "The sponsor must hold a residence permit valid for at least 1 year.",
        "Le regroupant doit être titulaire d'un titre de séjour valable au moins un an.",
        "Der Zusammenführende muss einen Aufenthaltstitel mit mindestens 1 Jahr Gültigkeit haben.",
    ),
)
SPONSOR_PROSPECT = _check(
    "guide.family_reunification.sponsor_prospect",
    S.SPONSOR_PROSPECT,
    (
        "The sponsor has well-founded prospects of a long-term right of residence.",
        "Le regroupant a une perspective fondée d'obtenir un droit de séjour de longue durée.",
        "Der Zusammenführende hat begründete Aussicht auf ein dauerhaftes Aufenthaltsrecht.",
    ),
    (
        "The sponsor must have well-founded prospects of a long-term right of residence.",
        "Le regroupant doit avoir une perspective fondée d'obtenir un droit de séjour de longue "
        "durée.",
        "Der Zusammenführende muss begründete Aussicht auf ein dauerhaftes Aufenthaltsrecht haben.",
    ),
)
SPONSOR_STAY = Check(
    "guide.family_reunification.sponsor_stay",
    S.SPONSOR_STAY,
    t(
        "The sponsor has lived in Luxembourg for {months} months, at least {minimum}.",
        "Le regroupant séjourne au Luxembourg depuis {months} mois, au moins {minimum}.",
        "Der Zusammenführende lebt seit {months} Monaten in Luxemburg, mindestens {minimum}.",
    ),
    t(
        "The sponsor has lived in Luxembourg for {months} months; at least {minimum} are needed.",
        "Le regroupant séjourne au Luxembourg depuis {months} mois ; il en faut au moins "
        "{minimum}.",
        "Der Zusammenführende lebt seit {months} Monaten in Luxemburg; nötig sind mindestens "
        "{minimum}.",
    ),
    t(
        "The sponsor must have lived in Luxembourg for at least {minimum} months.",
        "Le regroupant doit séjourner au Luxembourg depuis au moins {minimum} mois.",
        "Der Zusammenführende muss seit mindestens {minimum} Monaten in Luxemburg leben.",
    ),
)
SPONSOR_RESOURCES = _check(
    "guide.family_reunification.sponsor_resources",
    S.SPONSOR_RESOURCES,
    (
        "The sponsor has stable, regular and sufficient resources without social aid.",
        "Le regroupant dispose de ressources stables, régulières et suffisantes sans aide sociale.",
        "Der Zusammenführende hat feste, regelmäßige und ausreichende Mittel ohne Sozialhilfe.",
    ),
    (
        "The sponsor must have stable, regular and sufficient resources for the family, "
        "without social aid.",
        "Le regroupant doit disposer de ressources stables, régulières et suffisantes pour la "
        "famille, sans recourir à l'aide sociale.",
        "Der Zusammenführende muss feste, regelmäßige und ausreichende Mittel für die Familie "
        "haben, ohne Sozialhilfe.",
    ),
)
SPONSOR_HOUSING = _check(
    "guide.family_reunification.sponsor_housing",
    S.SPONSOR_HOUSING,
    (
        "The sponsor has suitable housing for the family.",
        "Le regroupant dispose d'un logement approprié pour la famille.",
        "Der Zusammenführende hat eine angemessene Wohnung für die Familie.",
    ),
    (
        "The sponsor must have suitable housing for the family.",
        "Le regroupant doit disposer d'un logement approprié pour la famille.",
        "Der Zusammenführende muss eine angemessene Wohnung für die Familie haben.",
    ),
)
SPONSOR_INSURANCE = _check(
    "guide.family_reunification.sponsor_insurance",
    S.SPONSOR_INSURANCE,
    (
        "The sponsor has health insurance for themselves and the family.",
        "Le regroupant a une assurance maladie pour lui-même et la famille.",
        "Der Zusammenführende hat eine Krankenversicherung für sich und die Familie.",
    ),
    (
        "The sponsor must have health insurance for themselves and the family.",
        "Le regroupant doit disposer d'une assurance maladie pour lui-même et la famille.",
        "Der Zusammenführende muss eine Krankenversicherung für sich und die Familie haben.",
    ),
)
_APPLY = t(
    "The application for family reunification is made and approved BEFORE entry, save "
    "exceptional cases.",
    "La demande de regroupement familial est introduite et avisée favorablement AVANT "
    "l’entrée sur le territoire, sauf cas exceptionnels.",
    "Der Antrag auf Familiennachzug wird VOR der Einreise gestellt und positiv beschieden, "
    "außer in Ausnahmefällen.",
)
_VISA = t(
    "Once the temporary authorisation is granted, ask the embassy that represents Luxembourg "
    "in your country for an entry visa to join the sponsor.",
    "Une fois l’autorisation de séjour temporaire accordée, demandez un visa d’entrée à "
    "l’ambassade qui représente le Luxembourg dans votre pays pour rejoindre le regroupant.",
    "Sobald die vorläufige Aufenthaltserlaubnis erteilt ist, beantragen Sie bei der "
    "Botschaft, die Luxemburg in Ihrem Land vertritt, ein Einreisevisum.",
)
_PERMIT = t(
    "In Luxembourg, apply to the Immigration Directorate for the “family member” residence permit.",
    "Au Luxembourg, demandez le titre de séjour « membre de famille » à la Direction de "
    "l’Immigration.",
    "Beantragen Sie in Luxemburg bei der Direktion der Immigration den Aufenthaltstitel "
    "„Familienangehöriger“.",
)
_VALIDITY = t(
    "The permit is valid for {years} year, renewable while the conditions hold, and never "
    "beyond the expiry of the sponsor's permit.",
    "Le titre est valable {years} an, renouvelable tant que les conditions restent remplies, "
    "et ne dépasse jamais l’expiration du titre du regroupant.",
    "Der Titel gilt {years} Jahr, verlängerbar solange die Bedingungen erfüllt sind, und nie "
    "über den Ablauf des Titels des Zusammenführenden hinaus.",
)
CAP_LABEL = t(
    "Latest end of your permit: the expiry of the sponsor's permit",
    "Fin au plus tard de votre titre : l’expiration du titre du regroupant",
    "Spätestes Ende Ihres Titels: Ablauf des Titels des Zusammenführenden",
)


def _link(answers: dict[str, Any], on: date, rules: dict[str, Any]) -> Any:
    link = answers.get("family_link_tcn")
    if link in ("spouse", "registered_partner"):
        return LINK.reason(True)
    if link == "child":
        birth = answers.get("birth_date")
        custody = answers.get("child_unmarried_in_custody")
        young = None if birth is None or birth > on else age_on(birth, on) < rules["child_max_age"]
        met = False if False in (young, custody) else None if None in (young, custody) else True
        return CHILD.fixed(met, max_age=rules["child_max_age"])
    if link == "dependent_ascendant":
        return ASCENDANT.reason(answers.get("ascendant_without_support"))
    return LINK.reason(None if link is None else False)


def family_reunification(answers: dict[str, Any], on: date) -> Procedure:
    rules = parameter("guide.reunification", on)
    months = answers.get("sponsor_months")
    minimum = rules["sponsor_months"]
    stay = (
        SPONSOR_STAY.fixed(None, minimum=minimum)
        if months is None
        else SPONSOR_STAY.reason(months >= minimum, months=months, minimum=minimum)
    )
    conditions = [
        _link(answers, on, rules),
        SPONSOR_PERMIT.reason(answers.get("sponsor_permit_one_year")),
        SPONSOR_PROSPECT.reason(answers.get("sponsor_long_term_prospect")),
        stay,
        SPONSOR_RESOURCES.reason(answers.get("sponsor_resources")),
        SPONSOR_HOUSING.reason(answers.get("sponsor_housing")),
        SPONSOR_INSURANCE.reason(answers.get("sponsor_insurance")),
    ]
    first = []
    if answers.get("residence") != "resident":
        first = [
            step("apply", S.REUNIFICATION_BEFORE_ENTRY, _APPLY),
            step("visa", S.REUNIFICATION_VISA, _VISA),
        ]
    first.append(step("permit", S.REUNIFICATION_PERMIT, _PERMIT))
    expiry = answers.get("sponsor_permit_expiry")
    cap = []
    if expiry is not None:
        cap = [ComputedDate("permit_end_at_latest", CAP_LABEL, expiry, S.REUNIFICATION_CAP, CODE)]
    steps, dates = common.merge(
        (first, cap),
        common.decision(answers, "family_tcn", CODE, S.DEADLINE_REUNIFICATION),
        common.arrival(answers, CODE),
        common.renewal(answers, CODE),
    )
    notes = [
        fixed_note(
            "guide.family_reunification.validity",
            S.REUNIFICATION_CAP,
            _VALIDITY,
            years=rules["permit_years"],
        )
    ]
    contacts = ("immigration", "embassy", "commune")
    return procedure(CODE, TITLE, conditions, steps, common.documents(CODE), contacts, notes, dates)
