"""`guide.eu_family` and `guide.family_reunification`.

Family of an EU citizen (seed): the right of residence belongs to the spouse,
the registered partner, children under 21, dependent parents and the partner in
a lasting, duly attested relationship. The visa, if needed, is asked for at the
embassy BEFORE arrival; on arrival the family member applies at the commune of
the citizen's residence for the family member's card, and the receipt counts as
a card for 6 months at most. After 5 uninterrupted years with the citizen, the
permanent card. The right survives the citizen's departure if children are
enrolled in school in Luxembourg; a divorce or annulment if the marriage or
partnership lasted 3 years before the proceedings (1 of them in Luxembourg), or
custody of the citizen's children, or domestic violence, or visiting rights to a
minor child; the citizen's death if the family member had lived here 1 year.

Family reunification with a third-country sponsor: spouse, registered partner,
unmarried children under 18 in the sponsor's custody and care, dependent direct
ascendants without family support in the country of origin. The sponsor holds a
permit valid at least 1 year, has well-founded prospects of long-term residence,
has lived here 12 months, and has stable, regular and sufficient resources
without social aid, suitable housing and health insurance for all. The
application is approved BEFORE entry; then the entry visa; then the "family
member" permit, valid 1 year and renewable, never beyond the sponsor's permit.
"""

from datetime import date
from typing import Any

from accueil.rules.base import Reason, Source
from accueil.rules.dates import age_on
from accueil.rules.guide import common, deadlines
from accueil.rules.guide import sources as S
from accueil.rules.guide.checks import Check, fixed_note, procedure, step
from accueil.rules.guide.result import ComputedDate, Procedure
from accueil.rules.guide.text import t
from accueil.rules.parameters import parameter

_LINK_UNKNOWN = t(
    "Your family link is not known yet.",
    "Votre lien de famille n’est pas encore connu.",
    "Ihre familiäre Beziehung ist noch nicht bekannt.",
)
_OTHER = t(
    "Only the family members the law lists have this right: {members}.",
    "Seuls les membres de famille que la loi énumère ont ce droit : {members}.",
    "Nur die im Gesetz genannten Familienmitglieder haben dieses Recht: {members}.",
)


def others(members: dict[str, str]) -> dict[str, str]:
    """The "not a family member the law lists" message, naming those it lists."""
    return {lang: _OTHER[lang].format(members=members[lang]) for lang in _OTHER}


def _link(code: str, source: Source, met: tuple[str, str, str]) -> Check:
    return Check(code, source, t(*met), _LINK_UNKNOWN, _LINK_UNKNOWN)


_EU_MEMBERS = t(
    "spouse, registered partner, children under 21, dependent parents, partner in a lasting "
    "relationship",
    "conjoint, partenaire enregistré, enfants de moins de 21 ans, parents à charge, partenaire "
    "dans une relation durable",
    "Ehepartner, eingetragener Partner, Kinder unter 21 Jahren, unterhaltsberechtigte Eltern, "
    "Partner in einer dauerhaften Beziehung",
)
EU_LINKS = {
    "spouse": _link(
        "guide.eu_family.spouse",
        S.EU_SPOUSE,
        (
            "As the EU citizen's spouse you have the right of residence.",
            "En tant que conjoint du citoyen de l'Union, vous avez le droit de séjour.",
            "Als Ehepartner des Unionsbürgers haben Sie das Aufenthaltsrecht.",
        ),
    ),
    "registered_partner": _link(
        "guide.eu_family.registered_partner",
        S.EU_PARTNER,
        (
            "As a registered partner you have the right of residence.",
            "En tant que partenaire enregistré, vous avez le droit de séjour.",
            "Als eingetragener Partner haben Sie das Aufenthaltsrecht.",
        ),
    ),
    "child": Check(
        "guide.eu_family.child",
        S.EU_CHILD,
        t(
            "As the citizen's child under {max_age} you have the right of residence.",
            "En tant qu’enfant de moins de {max_age} ans, vous avez le droit de séjour.",
            "Als Kind unter {max_age} Jahren haben Sie das Aufenthaltsrecht.",
        ),
        t(
            "The right belongs to children under {max_age}; you are {max_age} or older.",
            "Le droit appartient aux enfants de moins de {max_age} ans ; vous avez {max_age} "
            "ans ou plus.",
            "Das Recht haben Kinder unter {max_age} Jahren; Sie sind {max_age} oder älter.",
        ),
        t(
            "The right belongs to children under {max_age}; your age is not known.",
            "Le droit appartient aux enfants de moins de {max_age} ans ; votre âge n’est pas "
            "connu.",
            "Das Recht haben Kinder unter {max_age} Jahren; Ihr Alter ist nicht bekannt.",
        ),
    ),
    "dependent_parent": _link(
        "guide.eu_family.dependent_parent",
        S.EU_PARENT,
        (
            "As a dependent parent of an EU citizen living in Luxembourg you have the right of "
            "residence.",
            "En tant que parent à charge d'un citoyen de l'Union résidant au Luxembourg, vous "
            "avez le droit de séjour.",
            "Als unterhaltsberechtigter Elternteil eines in Luxemburg wohnenden Unionsbürgers "
            "haben Sie das Aufenthaltsrecht.",
        ),
    ),
    "durable_partner": _link(
        "guide.eu_family.durable_partner",
        S.EU_DURABLE,
        (
            "As a partner in a lasting, duly attested relationship you have the right of "
            "residence; the relationship's intensity, length and stability are examined.",
            "En tant que partenaire dans une relation durable dûment attestée, vous avez le "
            "droit de séjour ; l'intensité, l'ancienneté et la stabilité des liens sont "
            "examinées.",
            "Als Partner in einer dauerhaften, ordnungsgemäß bescheinigten Beziehung haben Sie "
            "das Aufenthaltsrecht; Intensität, Dauer und Stabilität der Beziehung werden geprüft.",
        ),
    ),
}
EU_OTHER = Check(
    "guide.eu_family.link", S.EU_FAMILY, _LINK_UNKNOWN, others(_EU_MEMBERS), _LINK_UNKNOWN
)

EU_TITLE = t(
    "Residence card of a family member of an EU citizen",
    "Carte de séjour de membre de famille d’un citoyen de l’Union",
    "Aufenthaltskarte für Familienangehörige eines Unionsbürgers",
)
_KEPT = t(
    "Your right of residence is kept.",
    "Votre droit de séjour est maintenu.",
    "Ihr Aufenthaltsrecht bleibt bestehen.",
)
DEPARTURE = Check(
    "guide.eu_family.departure",
    S.EU_DEPARTURE,
    t(
        "The citizen's departure does not end your right of residence: children are enrolled "
        "in a school in Luxembourg.",
        "Le départ du citoyen n’entraîne pas la perte de votre droit de séjour : des enfants "
        "sont inscrits dans un établissement scolaire au Luxembourg.",
        "Der Wegzug des Unionsbürgers beendet Ihr Aufenthaltsrecht nicht: Kinder sind an einer "
        "Schule in Luxemburg angemeldet.",
    ),
    t(
        "The citizen's departure keeps the family's right of residence only if children are "
        "enrolled in a school in Luxembourg.",
        "Le départ du citoyen ne maintient le droit de séjour de la famille que si des enfants "
        "sont inscrits dans un établissement scolaire au Luxembourg.",
        "Der Wegzug des Unionsbürgers erhält das Aufenthaltsrecht der Familie nur, wenn Kinder "
        "an einer Schule in Luxemburg angemeldet sind.",
    ),
    t(
        "The right survives the citizen's departure if children are enrolled in a school in "
        "Luxembourg; that is not known.",
        "Le droit survit au départ du citoyen si des enfants sont scolarisés au Luxembourg ; "
        "ce n’est pas connu.",
        "Das Recht bleibt nach dem Wegzug bestehen, wenn Kinder in Luxemburg zur Schule gehen; "
        "das ist nicht bekannt.",
    ),
)
DIVORCE = Check(
    "guide.eu_family.divorce",
    S.EU_DIVORCE,
    t(
        "The divorce or annulment does not end your right of residence: one of the law's "
        "conditions is met.",
        "Le divorce ou l’annulation n’entraîne pas la perte de votre séjour : une des "
        "conditions de la loi est remplie.",
        "Scheidung oder Aufhebung beenden Ihr Aufenthaltsrecht nicht: eine der gesetzlichen "
        "Bedingungen ist erfüllt.",
    ),
    t(
        "After a divorce or annulment the right is kept only if the marriage or partnership "
        "lasted {marriage} years before the proceedings ({residence} in Luxembourg), you have "
        "custody of the citizen's children, there was domestic violence, or you have visiting "
        "rights to a minor child. Ask ASTI or the Immigration Directorate.",
        "Après un divorce ou une annulation, le droit n’est maintenu que si le mariage ou le "
        "partenariat a duré {marriage} ans avant la procédure (dont {residence} au "
        "Luxembourg), si vous avez la garde des enfants du citoyen, en cas de violence "
        "domestique ou de droit de visite à un enfant mineur. Adressez-vous à l’ASTI ou à la "
        "Direction de l’Immigration.",
        "Nach Scheidung oder Aufhebung bleibt das Recht nur bestehen, wenn die Ehe oder "
        "Partnerschaft vor dem Verfahren {marriage} Jahre dauerte (davon {residence} in "
        "Luxemburg), Sie das Sorgerecht für die Kinder des Unionsbürgers haben, häusliche "
        "Gewalt vorlag oder Sie ein Umgangsrecht mit einem minderjährigen Kind haben. Wenden "
        "Sie sich an die ASTI oder die Direktion der Immigration.",
    ),
    t(
        "Whether one of the conditions that keep the right after a divorce is met is not known.",
        "On ne sait pas si une des conditions qui maintiennent le droit après un divorce est "
        "remplie.",
        "Ob eine der Bedingungen erfüllt ist, die das Recht nach einer Scheidung erhalten, ist "
        "nicht bekannt.",
    ),
)
DEATH = Check(
    "guide.eu_family.death",
    S.EU_DEATH,
    t(
        "The citizen's death does not end your right of residence: you had lived in Luxembourg "
        "for at least {years} year before it.",
        "Le décès du regroupant n’entraîne pas la perte de votre droit de séjour : vous "
        "séjourniez au Luxembourg depuis au moins {years} an.",
        "Der Tod des Unionsbürgers beendet Ihr Aufenthaltsrecht nicht: Sie lebten vorher "
        "mindestens {years} Jahr in Luxemburg.",
    ),
    t(
        "After the citizen's death the right is kept only if you had lived in Luxembourg for "
        "at least {years} year before it.",
        "Après le décès, le droit n’est maintenu que si vous séjourniez au Luxembourg depuis au "
        "moins {years} an.",
        "Nach dem Tod bleibt das Recht nur bestehen, wenn Sie vorher mindestens {years} Jahr in "
        "Luxemburg lebten.",
    ),
    t(
        "The right survives the citizen's death after {years} year of residence; that is not "
        "known.",
        "Le droit survit au décès après {years} an de séjour ; ce n’est pas connu.",
        "Das Recht bleibt nach {years} Jahr Aufenthalt beim Tod bestehen; das ist nicht bekannt.",
    ),
)
_PERMANENT = t(
    "After {years} uninterrupted years of residence in Luxembourg with the citizen, you are "
    "entitled to the permanent residence card.",
    "Après {years} ans de résidence ininterrompue au Luxembourg avec le citoyen, vous avez "
    "droit à la carte de séjour permanent.",
    "Nach {years} Jahren ununterbrochenen Aufenthalts in Luxemburg mit dem Unionsbürger "
    "haben Sie Anspruch auf die Daueraufenthaltskarte.",
)
_PERMANENT_NOW = t(
    "You have lived {years} uninterrupted years in Luxembourg with the citizen: ask for the "
    "permanent residence card.",
    "Vous résidez depuis {years} ans sans interruption au Luxembourg avec le citoyen : "
    "demandez la carte de séjour permanent.",
    "Sie leben seit {years} Jahren ununterbrochen mit dem Unionsbürger in Luxemburg: "
    "beantragen Sie die Daueraufenthaltskarte.",
)
_EU_VISA = t(
    "If you need a visa, ask the embassy that represents Luxembourg in your country BEFORE "
    "you arrive (the law allows an application in Luxembourg only in some exceptional cases).",
    "Si vous avez besoin d’un visa, demandez-le à l’ambassade qui représente le Luxembourg "
    "dans votre pays AVANT votre arrivée (la loi ne prévoit une demande au Luxembourg que dans "
    "certains cas exceptionnels).",
    "Wenn Sie ein Visum brauchen, beantragen Sie es VOR der Ankunft bei der Botschaft, die "
    "Luxemburg in Ihrem Land vertritt (nur in einigen Ausnahmefällen erlaubt das Gesetz einen "
    "Antrag in Luxemburg).",
)
_EU_COMMUNE = t(
    "On arrival, apply at the commune where the EU citizen lives for the family member's "
    "residence card; the receipt counts as a card for {months} months at most.",
    "À votre arrivée, demandez à la commune de résidence du citoyen de l’Union la carte de "
    "séjour de membre de famille ; le récépissé vaut carte de séjour pendant {months} mois au "
    "maximum.",
    "Beantragen Sie bei der Ankunft bei der Gemeinde des Unionsbürgers die Aufenthaltskarte "
    "für Familienangehörige; die Empfangsbestätigung gilt höchstens {months} Monate als Karte.",
)
RECEIPT_LABEL = t(
    "Last day your receipt counts as a residence card",
    "Dernier jour où votre récépissé vaut carte de séjour",
    "Letzter Tag, an dem Ihre Empfangsbestätigung als Aufenthaltskarte gilt",
)


def _age_link(check: Check, birth: date | None, on: date, max_age: int) -> Reason:
    if birth is None or birth > on:
        return check.fixed(None, max_age=max_age)
    return check.fixed(age_on(birth, on) < max_age, max_age=max_age)


def _eu_event(answers: dict[str, Any], on: date) -> Reason | None:
    event = answers.get("eu_event")
    if event == "departure":
        return DEPARTURE.reason(answers.get("children_in_school"))
    if event == "divorce":
        grounds = answers.get("divorce_grounds")
        years = parameter("guide.eu_divorce_years", on)
        met = None if grounds is None else bool(grounds)
        return DIVORCE.fixed(met, marriage=years["marriage"], residence=years["residence"])
    if event == "death":
        years = parameter("guide.eu_family", on)["death_years"]
        lived = answers.get("years_before_death")
        return DEATH.fixed(None if lived is None else lived >= years, years=years)
    return None


def eu_family(answers: dict[str, Any], on: date) -> Procedure:
    rules = parameter("guide.eu_family", on)
    link = answers.get("family_link_eu")
    if link == "child":
        condition = _age_link(
            EU_LINKS["child"], answers.get("birth_date"), on, rules["child_max_age"]
        )
    elif link in EU_LINKS:
        condition = EU_LINKS[link].reason(True)
    else:
        condition = EU_OTHER.reason(None if link is None else False)
    conditions = [condition]
    event = _eu_event(answers, on)
    if event is not None:
        conditions.append(event)
    first = []
    if answers.get("residence") != "resident":
        first.append(step("visa", S.EU_BEFORE_ARRIVAL, _EU_VISA))
    first.append(step("commune", S.EU_COMMUNE, _EU_COMMUNE, months=rules["receipt_months"]))
    dates = []
    applied = answers.get("application_date")
    if applied is not None:
        until = deadlines.eu_receipt_valid_until(applied)
        dates.append(
            ComputedDate("eu_receipt_valid_until", RECEIPT_LABEL, until, S.EU_RECEIPT, "eu_family")
        )
    steps, more_dates = common.merge(
        (first, dates),
        common.decision(answers, "family_eu", "eu_family", S.DEADLINE_EU_FAMILY),
    )
    together = answers.get("years_with_citizen")
    permanent = rules["permanent_years"]
    if together is not None and together >= permanent:
        text = fixed_note(
            "guide.eu_family.permanent", S.EU_PERMANENT, _PERMANENT_NOW, years=permanent
        )
    else:
        text = fixed_note("guide.eu_family.permanent", S.EU_PERMANENT, _PERMANENT, years=permanent)
    contacts = ("commune", "embassy", "immigration")
    return procedure(
        "eu_family",
        EU_TITLE,
        conditions,
        steps,
        common.documents("eu_family"),
        contacts,
        [text],
        more_dates,
    )
