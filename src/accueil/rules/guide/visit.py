"""`guide.short_stay`: a stay of 3 months at most (tourism, visiting family or friends).

Seed: a valid national passport and, for some nationalities, a visa, asked for in
person at a Luxembourg diplomatic or consular mission (or one representing
Luxembourg), on a form in two copies; the visa needs a resident's guarantee
(prise en charge) covering the whole stay and health insurance covering every
risk. The guarantor is jointly liable for 2 years for the costs of stay, health
and return. The visa is valid 3 months at most within 6 months. The marriage
visa no longer exists. After a refusal or 3 months without an answer, contact
the embassy.
"""

from datetime import date
from typing import Any

from accueil.rules.guide import common
from accueil.rules.guide import sources as S
from accueil.rules.guide.checks import Check, fixed_note, procedure, step
from accueil.rules.guide.result import Procedure
from accueil.rules.guide.text import t
from accueil.rules.parameters import parameter

CODE = "short_stay"
TITLE = t(
    "A stay of 3 months or less",
    "Un séjour de moins de 3 mois",
    "Ein Aufenthalt von höchstens 3 Monaten",
)
VISA = Check(
    "guide.short_stay.visa",
    S.SHORT_PASSPORT,
    t(
        "You need a valid national passport and no visa.",
        "Il vous faut un passeport national valable, sans visa.",
        "Sie brauchen einen gültigen Reisepass und kein Visum.",
    ),
    t(
        "You need a valid national passport and a visa, asked for in person at a Luxembourg "
        "embassy or consulate, or a mission that represents Luxembourg, on a form in two copies.",
        "Il vous faut un passeport national valable et un visa, à demander en personne auprès "
        "d’une mission diplomatique ou consulaire du Luxembourg, ou qui le représente, avec un "
        "formulaire en deux exemplaires.",
        "Sie brauchen einen gültigen Reisepass und ein Visum, das Sie persönlich bei einer "
        "luxemburgischen Botschaft oder einem Konsulat oder einer Luxemburg vertretenden "
        "Vertretung beantragen, mit einem Formular in zwei Exemplaren.",
    ),
    t(
        "You need a valid national passport and, for some nationalities, a visa: "
        "guichet.public.lu (section “Immigration”) says whether you need one.",
        "Il vous faut un passeport national valable et, pour certaines nationalités, un visa : "
        "guichet.public.lu (rubrique « Immigration ») indique si vous en avez besoin.",
        "Sie brauchen einen gültigen Reisepass und, je nach Staatsangehörigkeit, ein Visum: "
        "guichet.public.lu (Rubrik „Immigration“) sagt, ob Sie eines brauchen.",
    ),
)
INVITATION = Check(
    "guide.short_stay.guarantee",
    S.SHORT_INVITATION,
    t(
        "A resident of Luxembourg has signed a guarantee (prise en charge) for your whole stay.",
        "Un résident du Luxembourg a signé une prise en charge pour toute la durée de votre "
        "séjour.",
        "Eine in Luxemburg wohnende Person hat eine Verpflichtungserklärung für Ihren ganzen "
        "Aufenthalt unterschrieben.",
    ),
    t(
        "The visa needs an invitation from a resident of Luxembourg, as a guarantee (prise en "
        "charge) covering your whole stay.",
        "Le visa suppose l’invitation d’un résident du Luxembourg, sous forme d’une prise en "
        "charge couvrant toute la durée de votre séjour.",
        "Das Visum setzt die Einladung einer in Luxemburg wohnenden Person voraus, als "
        "Verpflichtungserklärung für Ihren ganzen Aufenthalt.",
    ),
    t(
        "It is not known whether a resident has signed a guarantee for your stay.",
        "On ne sait pas si un résident a signé une prise en charge pour votre séjour.",
        "Es ist nicht bekannt, ob eine Verpflichtungserklärung vorliegt.",
    ),
)
INSURANCE = Check(
    "guide.short_stay.insurance",
    S.SHORT_INSURANCE,
    t(
        "You will have health insurance covering every risk in Luxembourg.",
        "Vous aurez une assurance maladie couvrant tous les risques au Luxembourg.",
        "Sie werden eine Krankenversicherung haben, die in Luxemburg alle Risiken deckt.",
    ),
    t(
        "The visa needs proof of health insurance covering every risk in Luxembourg.",
        "Le visa suppose la preuve d’une assurance maladie couvrant tous les risques au "
        "Luxembourg.",
        "Das Visum setzt den Nachweis einer Krankenversicherung voraus, die in Luxemburg alle "
        "Risiken deckt.",
    ),
    t(
        "It is not known whether you will have health insurance covering every risk.",
        "On ne sait pas si vous aurez une assurance maladie couvrant tous les risques.",
        "Es ist nicht bekannt, ob Sie eine Krankenversicherung für alle Risiken haben werden.",
    ),
)
MARRIAGE = Check(
    "guide.short_stay.marriage",
    S.SHORT_NO_MARRIAGE_VISA,
    t(
        "You are not coming to marry.",
        "Vous ne venez pas pour vous marier.",
        "Sie kommen nicht zum Heiraten.",
    ),
    t(
        "The visa for marriage no longer exists: a short stay cannot be granted in order to "
        "marry. ASTI has a detailed sheet on marriage and family reunification.",
        "Le visa en vue de mariage n’existe plus : un court séjour ne peut pas être accordé "
        "pour se marier. L’ASTI a une fiche détaillée sur le mariage et le regroupement "
        "familial.",
        "Das Visum zur Eheschließung gibt es nicht mehr: ein kurzer Aufenthalt kann nicht zum "
        "Heiraten gewährt werden. Die ASTI hat ein Merkblatt zu Ehe und Familiennachzug.",
    ),
    t(
        "Whether you come to marry is not known; the marriage visa no longer exists.",
        "On ne sait pas si vous venez pour vous marier ; le visa en vue de mariage n’existe plus.",
        "Ob Sie zum Heiraten kommen, ist nicht bekannt; das Visum zur Eheschließung gibt es "
        "nicht mehr.",
    ),
)
_GUARANTOR = t(
    "Whoever signs the guarantee is jointly liable with you for {years} years for the costs of "
    "your stay, health care and return.",
    "La personne qui signe la prise en charge est, pendant {years} ans, solidairement "
    "responsable avec vous des frais de séjour, de santé et de retour.",
    "Wer die Verpflichtungserklärung unterschreibt, haftet {years} Jahre lang mit Ihnen "
    "gesamtschuldnerisch für die Kosten von Aufenthalt, Gesundheit und Rückreise.",
)
_LIMIT = t(
    "The visa is valid for {stay} months at most within a period of {period} months.",
    "Le visa est valable {stay} mois maximum sur une période de {period} mois.",
    "Das Visum gilt höchstens {stay} Monate innerhalb von {period} Monaten.",
)
_S_APPLY = t(
    "Apply for the visa in person at the embassy or consulate, with the form in two copies, "
    "the guarantee and the proof of insurance.",
    "Demandez le visa en personne à l’ambassade ou au consulat, avec le formulaire en deux "
    "exemplaires, la prise en charge et la preuve d’assurance.",
    "Beantragen Sie das Visum persönlich bei der Botschaft oder dem Konsulat, mit dem "
    "Formular in zwei Exemplaren, der Verpflichtungserklärung und dem Versicherungsnachweis.",
)
_S_ANSWER = t(
    "If the answer is yes, the embassy calls you in to put the visa in your passport. After "
    "a refusal, or {months} months without an answer, contact the embassy to learn why and "
    "perhaps apply again.",
    "En cas de réponse positive, l’ambassade vous convoque pour apposer le visa dans votre "
    "passeport. En cas de refus, ou après {months} mois sans réponse, contactez l’ambassade "
    "pour en connaître les raisons et éventuellement introduire une nouvelle demande.",
    "Bei einer Zusage bestellt Sie die Botschaft ein, um das Visum in Ihren Pass zu setzen. "
    "Nach einer Ablehnung oder {months} Monaten ohne Antwort wenden Sie sich an die "
    "Botschaft, um die Gründe zu erfahren und eventuell erneut zu beantragen.",
)
_S_PASSPORT = t(
    "Travel with your valid national passport.",
    "Voyagez avec votre passeport national valable.",
    "Reisen Sie mit Ihrem gültigen Reisepass.",
)


def short_stay(answers: dict[str, Any], on: date) -> Procedure:
    visa = answers.get("visa_required")
    conditions = []
    if visa is True:
        conditions.append(INVITATION.reason(answers.get("has_invitation")))
        conditions.append(INSURANCE.reason(answers.get("has_health_insurance")))
    planned = answers.get("marriage_planned")
    conditions.append(MARRIAGE.reason(None if planned is None else not planned))
    limits = parameter("guide.visa_limits_months", on)
    # Whether a visa is needed decides the steps; needing one is not a condition unmet.
    notes = [
        VISA.reason(None if visa is None else not visa),
        fixed_note("guide.short_stay.visa_limit", S.SHORT_VISA_LIMIT, _LIMIT, **limits),
    ]
    steps = [step("passport", S.SHORT_PASSPORT, _S_PASSPORT)]
    if visa is not False:
        years = parameter("guide.guarantor_liability_years", on)
        notes.append(
            fixed_note("guide.short_stay.guarantor", S.SHORT_GUARANTOR, _GUARANTOR, years=years)
        )
        months = parameter("guide.embassy_silence_months", on)
        steps += [
            step("visa.apply", S.SHORT_VISA_WHERE, _S_APPLY),
            step("visa.answer", S.SHORT_NO_ANSWER, _S_ANSWER, months=months),
        ]
    documents = common.documents(CODE)[:1]
    contacts = ("embassy", "guichet")
    return procedure(CODE, TITLE, conditions, steps, documents, contacts, notes)
