"""The questions on family, long-term residence and Article 89.

The closing questions (birth date, entry, permit expiry, complete file, children,
housing) are in `accueil.rules.guide.question_list_closing`.
"""

from collections.abc import Callable, Mapping
from typing import Any

from accueil.rules.guide import flow
from accueil.rules.guide.question_list import NO_HINT, YES_NO_UNKNOWN, ch
from accueil.rules.guide.questions import Question
from accueil.rules.guide.text import t

_EU = ("family_eu",)
_TCN = ("family_tcn",)
_ART89 = ("regularisation",)
DATE_HINT = t("For example, 27 3 2026.", "Par exemple, 27 3 2026.", "Zum Beispiel 27 3 2026.")
DATE_HINT_OPTIONAL = t(
    "For example, 27 3 2026. Leave empty if you do not know yet.",
    "Par exemple, 27 3 2026. Laissez vide si vous ne savez pas encore.",
    "Zum Beispiel 27 3 2026. Leer lassen, wenn Sie es noch nicht wissen.",
)


def yes_no(
    fact: str,
    en: str,
    fr: str,
    de: str,
    relevant: Callable[[Mapping[str, Any]], bool],
    section: str,
    unknown: bool = False,
    hint: dict[str, str] = NO_HINT,
) -> Question:
    """A yes/no question (with "I don't know" when `unknown`)."""
    choices = YES_NO_UNKNOWN if unknown else ()
    return Question(fact, "yes_no", t(en, fr, de), hint, choices, section, relevant)


def _years(
    fact: str,
    en: str,
    fr: str,
    de: str,
    relevant: Callable[[Mapping[str, Any]], bool],
    section: str,
) -> Question:
    """A question asking for a number of whole years."""
    hint = t(
        "In whole years, for example 3.",
        "En années entières, par exemple 3.",
        "In ganzen Jahren, zum Beispiel 3.",
    )
    return Question(fact, "number", t(en, fr, de), hint, (), section, relevant)


_EU_LINKS = (
    ch("spouse", "Their spouse", "Son conjoint", "Ehepartner"),
    ch(
        "registered_partner",
        "Their registered partner",
        "Son partenaire enregistré",
        "Eingetragener Partner",
    ),
    ch("child", "Their child", "Son enfant", "Kind"),
    ch(
        "dependent_parent",
        "A parent who depends on them",
        "Un parent à sa charge",
        "Ein Elternteil, für den sie oder er aufkommt",
    ),
    ch(
        "durable_partner",
        "Their partner in a lasting relationship, duly attested",
        "Son partenaire dans une relation durable, dûment attestée",
        "Partner in einer dauerhaften, ordnungsgemäß bescheinigten Beziehung",
    ),
    ch("other", "Another relative", "Un autre membre de la famille", "Ein anderer Verwandter"),
)
_TCN_LINKS = (
    ch("spouse", "Their spouse", "Son conjoint", "Ehepartner"),
    ch(
        "registered_partner",
        "Their registered partner",
        "Son partenaire enregistré",
        "Eingetragener Partner",
    ),
    ch("child", "Their child", "Son enfant", "Kind"),
    ch(
        "dependent_ascendant",
        "Their parent or grandparent, who depends on them",
        "Son ascendant direct à sa charge",
        "Ein Verwandter in gerader aufsteigender Linie, für den sie oder er aufkommt",
    ),
    ch("other", "Another relative", "Un autre membre de la famille", "Ein anderer Verwandter"),
)
_DIVORCE_GROUNDS = (
    ch(
        "marriage_3_years",
        "The marriage or partnership lasted at least 3 years before the proceedings, "
        "1 of them in Luxembourg",
        "Le mariage ou le partenariat a duré au moins 3 ans avant la procédure, dont 1 an au "
        "Luxembourg",
        "Die Ehe oder Partnerschaft dauerte vor dem Verfahren mindestens 3 Jahre, davon 1 Jahr "
        "in Luxemburg",
    ),
    ch(
        "custody",
        "I have custody of the EU citizen's children",
        "J'ai la garde des enfants du citoyen de l'Union",
        "Mir wurde das Sorgerecht für die Kinder des Unionsbürgers übertragen",
    ),
    ch("domestic_violence", "Domestic violence", "Violence domestique", "Häusliche Gewalt"),
    ch(
        "visiting_rights",
        "I have a right to visit our minor child",
        "J'ai un droit de visite à notre enfant mineur",
        "Ich habe ein Umgangsrecht mit unserem minderjährigen Kind",
    ),
)

QUESTIONS_FAMILY_AND_MORE: tuple[Question, ...] = (
    Question(
        "family_link_eu",
        "choice",
        t(
            "What are you to the EU citizen?",
            "Quel est votre lien avec le citoyen de l’Union ?",
            "In welcher Beziehung stehen Sie zum Unionsbürger?",
        ),
        NO_HINT,
        _EU_LINKS,
        "family",
        flow.purpose(*_EU),
    ),
    _years(
        "years_with_citizen",
        "For how many uninterrupted years have you lived in Luxembourg with the EU citizen?",
        "Depuis combien d'années ininterrompues résidez-vous au Luxembourg avec le citoyen de "
        "l'Union ?",
        "Seit wie vielen ununterbrochenen Jahren wohnen Sie mit dem Unionsbürger in Luxemburg?",
        flow.purpose_and(_EU, "residence", "resident"),
        "family",
    ),
    Question(
        "eu_event",
        "choice",
        t(
            "Has one of these happened?",
            "L’un de ces événements s’est-il produit ?",
            "Ist eines dieser Ereignisse eingetreten?",
        ),
        NO_HINT,
        (
            ch("none", "None of these", "Aucun", "Keines"),
            ch(
                "departure",
                "The EU citizen left Luxembourg",
                "Le citoyen de l'Union a quitté le Luxembourg",
                "Der Unionsbürger hat Luxemburg verlassen",
            ),
            ch(
                "divorce",
                "Divorce, or the end of the marriage or registered partnership",
                "Divorce, annulation du mariage ou du partenariat enregistré",
                "Scheidung oder Aufhebung der Ehe oder eingetragenen Partnerschaft",
            ),
            ch(
                "death",
                "The EU citizen died",
                "Le citoyen de l'Union est décédé",
                "Der Unionsbürger ist verstorben",
            ),
        ),
        "family",
        flow.purpose_and(_EU, "residence", "resident"),
    ),
    yes_no(
        "children_in_school",
        "Are children of the family enrolled in a school in Luxembourg?",
        "Des enfants de la famille sont-ils inscrits dans un établissement scolaire au "
        "Luxembourg ?",
        "Sind Kinder der Familie an einer Schule in Luxemburg angemeldet?",
        flow.purpose_and(_EU, "eu_event", "departure"),
        "family",
    ),
    Question(
        "divorce_grounds",
        "multi_choice",
        t(
            "Which of these apply to you?",
            "Lesquelles de ces situations s’appliquent à vous ?",
            "Welche dieser Situationen treffen auf Sie zu?",
        ),
        t(
            "Select all that apply, or none.",
            "Cochez tout ce qui s’applique, ou rien.",
            "Wählen Sie alles Zutreffende aus, oder nichts.",
        ),
        _DIVORCE_GROUNDS,
        "family",
        flow.purpose_and(_EU, "eu_event", "divorce"),
    ),
    _years(
        "years_before_death",
        "How many years had you lived in Luxembourg when the EU citizen died?",
        "Depuis combien d'années séjourniez-vous au Luxembourg lors du décès ?",
        "Wie viele Jahre hatten Sie beim Tod des Unionsbürgers in Luxemburg gelebt?",
        flow.purpose_and(_EU, "eu_event", "death"),
        "family",
    ),
    Question(
        "family_link_tcn",
        "choice",
        t(
            "What are you to the family member who lives in Luxembourg (the sponsor)?",
            "Quel est votre lien avec le membre de famille qui vit au Luxembourg (le regroupant) ?",
            "In welcher Beziehung stehen Sie zum Familienmitglied in Luxemburg (dem "
            "Zusammenführenden)?",
        ),
        NO_HINT,
        _TCN_LINKS,
        "family",
        flow.purpose(*_TCN),
    ),
    yes_no(
        "child_unmarried_in_custody",
        "Are you unmarried, and does the sponsor have custody of you and support you?",
        "Êtes-vous célibataire, et le regroupant a-t-il votre garde et votre charge ?",
        "Sind Sie ledig, und hat der Zusammenführende das Sorgerecht und kommt für Sie auf?",
        flow.purpose_and(_TCN, "family_link_tcn", "child"),
        "family",
    ),
    yes_no(
        "ascendant_without_support",
        "Do you lack the family support you need in your country of origin?",
        "Êtes-vous privé du soutien familial nécessaire dans votre pays d'origine ?",
        "Fehlt Ihnen im Herkunftsland die nötige familiäre Unterstützung?",
        flow.purpose_and(_TCN, "family_link_tcn", "dependent_ascendant"),
        "family",
    ),
    Question(
        "sponsor_permit_expiry",
        "date",
        t(
            "When does the sponsor's residence permit expire?",
            "Quand le titre de séjour du regroupant expire-t-il ?",
            "Wann läuft der Aufenthaltstitel des Zusammenführenden ab?",
        ),
        DATE_HINT_OPTIONAL,
        (),
        "family",
        flow.purpose(*_TCN),
        optional=True,
    ),
    yes_no(
        "sponsor_permit_one_year",
        "Was the sponsor's permit issued for at least one year?",
        "Le titre de séjour du regroupant a-t-il une durée de validité d'au moins un an ?",
        "Wurde der Titel des Zusammenführenden für mindestens ein Jahr ausgestellt?",
        flow.purpose(*_TCN),
        "family",
        unknown=True,
    ),
    Question(
        "sponsor_months",
        "number",
        t(
            "For how many months has the sponsor lived in Luxembourg?",
            "Depuis combien de mois le regroupant séjourne-t-il au Luxembourg ?",
            "Seit wie vielen Monaten lebt der Zusammenführende in Luxemburg?",
        ),
        t("For example, 14.", "Par exemple, 14.", "Zum Beispiel 14."),
        (),
        "family",
        flow.purpose(*_TCN),
    ),
    yes_no(
        "sponsor_long_term_prospect",
        "Does the sponsor have well-founded prospects of a long-term right of residence?",
        "Le regroupant a-t-il une perspective fondée d'obtenir un droit de séjour de longue "
        "durée ?",
        "Hat der Zusammenführende begründete Aussicht auf ein dauerhaftes Aufenthaltsrecht?",
        flow.purpose(*_TCN),
        "family",
        unknown=True,
    ),
    yes_no(
        "sponsor_resources",
        "Does the sponsor have stable, regular and sufficient resources for the family, "
        "without social aid?",
        "Le regroupant dispose-t-il de ressources stables, régulières et suffisantes pour la "
        "famille, sans aide sociale ?",
        "Hat der Zusammenführende feste, regelmäßige und ausreichende Mittel für die Familie, "
        "ohne Sozialhilfe?",
        flow.purpose(*_TCN),
        "family",
        unknown=True,
    ),
    yes_no(
        "sponsor_housing",
        "Does the sponsor have suitable housing for the family?",
        "Le regroupant dispose-t-il d'un logement approprié pour la famille ?",
        "Hat der Zusammenführende eine angemessene Wohnung für die Familie?",
        flow.purpose(*_TCN),
        "family",
        unknown=True,
    ),
    yes_no(
        "sponsor_insurance",
        "Does the sponsor have health insurance for themselves and the family?",
        "Le regroupant a-t-il une assurance maladie pour lui-même et la famille ?",
        "Hat der Zusammenführende eine Krankenversicherung für sich und die Familie?",
        flow.purpose(*_TCN),
        "family",
        unknown=True,
    ),
    _years(
        "years_legal_residence",
        "For how many uninterrupted years have you lived legally in Luxembourg?",
        "Depuis combien d'années ininterrompues séjournez-vous légalement au Luxembourg ?",
        "Seit wie vielen ununterbrochenen Jahren leben Sie rechtmäßig in Luxemburg?",
        flow.purpose("long_term"),
        "residence",
    ),
    Question(
        "monthly_resources",
        "number",
        t(
            "What have your monthly resources been over the last five years, in euros?",
            "Quelles ont été vos ressources mensuelles ces cinq dernières années, en euros ?",
            "Wie hoch waren Ihre monatlichen Mittel in den letzten fünf Jahren, in Euro?",
        ),
        t(
            "The lowest month counts. Leave empty if you do not know.",
            "C’est le mois le plus bas qui compte. Laissez vide si vous ne savez pas.",
            "Es zählt der niedrigste Monat. Leer lassen, wenn Sie es nicht wissen.",
        ),
        (),
        "residence",
        flow.purpose("long_term"),
        optional=True,
    ),
    yes_no(
        "cai_fulfilled",
        "Have you fulfilled a Welcome and Integration Contract (CAI)?",
        "Avez-vous rempli un contrat d'accueil et d'intégration (CAI) ?",
        "Haben Sie einen Aufnahme- und Integrationsvertrag (CAI) erfüllt?",
        flow.purpose("long_term"),
        "residence",
    ),
    yes_no(
        "integration_evidence",
        "Can you show your integration otherwise (language courses, testimonies)?",
        "Pouvez-vous prouver votre intégration autrement (cours de langue, témoignages) ?",
        "Können Sie Ihre Integration anders nachweisen (Sprachkurse, Zeugnisse)?",
        flow.purpose_and(("long_term",), "cai_fulfilled", False),
        "residence",
        unknown=True,
    ),
    Question(
        "art89_basis",
        "choice",
        t("Who goes to school?", "Qui est scolarisé ?", "Wer geht zur Schule?"),
        NO_HINT,
        (
            ch(
                "parent",
                "My minor child, who lives with me and over whom I have parental authority",
                "Mon enfant mineur, qui vit avec moi et sur qui j'exerce l'autorité parentale",
                "Mein minderjähriges Kind, das bei mir lebt und für das ich sorgeberechtigt bin",
            ),
            ch(
                "adult_pupil",
                "I do: I am an adult pupil",
                "Moi : je suis un élève majeur",
                "Ich: ich bin ein volljähriger Schüler",
            ),
        ),
        "residence",
        flow.purpose(*_ART89),
    ),
    _years(
        "school_years",
        "For how many years has the schooling in Luxembourg been continuous?",
        "Depuis combien d'années la scolarité au Luxembourg est-elle continue ?",
        "Seit wie vielen Jahren besteht der Schulbesuch in Luxemburg ohne Unterbrechung?",
        flow.purpose(*_ART89),
        "residence",
    ),
    yes_no(
        "school_success",
        "Have you followed your schooling with success?",
        "Suivez-vous votre scolarité avec succès ?",
        "Haben Sie die Schule mit Erfolg besucht?",
        flow.purpose_and(_ART89, "art89_basis", "adult_pupil"),
        "residence",
    ),
    _years(
        "residence_years",
        "For how many years have you lived in Luxembourg?",
        "Depuis combien d'années résidez-vous au Luxembourg ?",
        "Seit wie vielen Jahren wohnen Sie in Luxemburg?",
        flow.purpose(*_ART89),
        "residence",
    ),
    yes_no(
        "art89_resources",
        "Do you have enough resources for yourself and your family (employment contract or "
        "guarantee)?",
        "Disposez-vous de ressources suffisantes pour vous et votre famille (contrat de travail "
        "ou prise en charge) ?",
        "Haben Sie ausreichende Mittel für sich und Ihre Familie (Arbeitsvertrag oder "
        "Verpflichtungserklärung)?",
        flow.purpose(*_ART89),
        "residence",
        unknown=True,
    ),
    yes_no(
        "evaded_removal",
        "Have you ever evaded a removal order?",
        "Vous êtes-vous déjà soustrait à une mesure d'éloignement ?",
        "Haben Sie sich jemals einer Abschiebungsmaßnahme entzogen?",
        flow.purpose(*_ART89),
        "residence",
    ),
    yes_no(
        "integration_will",
        "Can you show a real will to integrate?",
        "Pouvez-vous faire preuve d'une réelle volonté d'intégration ?",
        "Können Sie einen echten Integrationswillen nachweisen?",
        flow.purpose(*_ART89),
        "residence",
        unknown=True,
    ),
    yes_no(
        "public_danger",
        "Could your presence be considered a danger to public order, security or health?",
        "Votre présence pourrait-elle être considérée comme un danger pour l'ordre, la sécurité "
        "ou la santé publics ?",
        "Könnte Ihre Anwesenheit als Gefahr für die öffentliche Ordnung, Sicherheit oder "
        "Gesundheit gelten?",
        flow.purpose(*_ART89),
        "residence",
        unknown=True,
    ),
    yes_no(
        "false_identity",
        "Have you ever used false or misleading information about your identity?",
        "Avez-vous déjà utilisé des informations fausses ou trompeuses sur votre identité ?",
        "Haben Sie jemals falsche oder irreführende Angaben zu Ihrer Identität gemacht?",
        flow.purpose(*_ART89),
        "residence",
    ),
    yes_no(
        "suitable_housing",
        "Do you have suitable housing?",
        "Disposez-vous d'un logement approprié ?",
        "Haben Sie eine angemessene Wohnung?",
        flow.purpose(*_ART89),
        "residence",
        unknown=True,
    ),
)
