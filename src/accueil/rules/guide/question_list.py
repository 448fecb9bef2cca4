"""The questions about the person, the purpose of stay and work, in the order asked.

Family, long-term residence, Article 89 and the closing questions are in
`question_list_family`; `accueil.rules.guide.QUESTIONS` joins both lists.
"""

from accueil.rules.guide import flow
from accueil.rules.guide.questions import UNKNOWN, Choice, Question
from accueil.rules.guide.text import t

NO_HINT = t("", "", "")


def ch(value: str, en: str, fr: str, de: str) -> Choice:
    return Choice(value, t(en, fr, de))


YES_NO_UNKNOWN = (
    ch("yes", "Yes", "Oui", "Ja"),
    ch("no", "No", "Non", "Nein"),
    ch(UNKNOWN, "I don't know", "Je ne sais pas", "Ich weiß es nicht"),
)

PURPOSES = (
    ch(
        "visit",
        "A visit of 3 months or less (tourism, family, friends)",
        "Une visite de 3 mois au plus (tourisme, famille, amis)",
        "Ein Besuch von höchstens 3 Monaten (Tourismus, Familie, Freunde)",
    ),
    ch("work", "A job as an employee", "Un emploi salarié", "Eine Stelle als Arbeitnehmer"),
    ch(
        "blue_card",
        "A highly qualified job (EU Blue Card)",
        "Un emploi hautement qualifié (carte bleue européenne)",
        "Eine hochqualifizierte Stelle (Blaue Karte EU)",
    ),
    ch(
        "self_employed",
        "Working for myself (self-employed)",
        "Travailler à mon compte (indépendant)",
        "Selbstständig arbeiten",
    ),
    ch("study", "Higher education studies", "Des études supérieures", "Ein Hochschulstudium"),
    ch("traineeship", "A traineeship", "Un stage", "Ein Praktikum"),
    ch(
        "family_eu",
        "Joining or accompanying a family member who is an EU citizen",
        "Rejoindre ou accompagner un membre de famille citoyen de l'Union européenne",
        "Ein Familienmitglied mit Unionsbürgerschaft begleiten oder ihm nachziehen",
    ),
    ch(
        "family_tcn",
        "Joining a family member from outside the EU who lives in Luxembourg",
        "Rejoindre un membre de famille ressortissant d'un pays tiers qui vit au Luxembourg",
        "Einem in Luxemburg lebenden Familienmitglied aus einem Drittstaat nachziehen",
    ),
    ch(
        "cross_border",
        "Working in Luxembourg while living in another EU country (cross-border worker)",
        "Travailler au Luxembourg en habitant dans un autre pays de l'UE (frontalier)",
        "In Luxemburg arbeiten und in einem anderen EU-Land wohnen (Grenzgänger)",
    ),
    ch(
        "long_term",
        "Long-term resident status after 5 years in Luxembourg",
        "Le statut de résident de longue durée après 5 ans au Luxembourg",
        "Die Rechtsstellung eines langfristig Aufenthaltsberechtigten nach 5 Jahren in Luxemburg",
    ),
    ch(
        "regularisation",
        "Regularising my stay: my child or I have been at school in Luxembourg for 4 years",
        "Régulariser mon séjour : mon enfant ou moi sommes scolarisés au Luxembourg depuis 4 ans",
        "Meinen Aufenthalt regularisieren: mein Kind oder ich gehen seit 4 Jahren in Luxemburg "
        "zur Schule",
    ),
    ch(
        "special",
        "Another reason (private or medical reasons, an exceptional case, a victim of trafficking)",
        "Une autre raison (raisons privées ou médicales, cas exceptionnel, victime de la traite)",
        "Ein anderer Grund (private oder medizinische Gründe, Ausnahmefall, Opfer von "
        "Menschenhandel)",
    ),
)

_WORK = ("work",)
_ART = ("self_employed",)

QUESTIONS_YOU_AND_WORK: tuple[Question, ...] = (
    Question(
        "nationalities",
        "country_list",
        t(
            "What is your nationality?",
            "Quelle est votre nationalité ?",
            "Welche Staatsangehörigkeit haben Sie?",
        ),
        t(
            "If you have more than one, give them all.",
            "Si vous en avez plusieurs, indiquez-les toutes.",
            "Wenn Sie mehrere haben, geben Sie alle an.",
        ),
        section="you",
    ),
    Question(
        "asylum_procedure",
        "yes_no",
        t(
            "Are you in an asylum procedure in Luxembourg?",
            "Êtes-vous en procédure d’asile au Luxembourg ?",
            "Befinden Sie sich in Luxemburg in einem Asylverfahren?",
        ),
        t(
            "That is, you have applied for international protection and wait for the decision.",
            "C’est-à-dire que vous avez demandé une protection internationale et attendez la "
            "décision.",
            "Das heißt, Sie haben internationalen Schutz beantragt und warten auf die "
            "Entscheidung.",
        ),
        section="you",
        relevant=flow.third_country,
    ),
    Question(
        "residence",
        "choice",
        t("Where do you live now?", "Où habitez-vous actuellement ?", "Wo wohnen Sie zurzeit?"),
        NO_HINT,
        (
            ch("abroad", "Outside Luxembourg", "Hors du Luxembourg", "Außerhalb Luxemburgs"),
            ch(
                "resident",
                "In Luxembourg, with a residence permit",
                "Au Luxembourg, avec un titre de séjour",
                "In Luxemburg, mit einem Aufenthaltstitel",
            ),
            ch(
                "no_papers",
                "In Luxembourg, without a residence permit",
                "Au Luxembourg, sans titre de séjour",
                "In Luxemburg, ohne Aufenthaltstitel",
            ),
        ),
        section="you",
        relevant=flow.concerned,
    ),
    Question(
        "purpose",
        "choice",
        t(
            "What brings you to Luxembourg?",
            "Qu’est-ce qui vous amène au Luxembourg ?",
            "Was führt Sie nach Luxemburg?",
        ),
        t(
            "Choose the main reason.",
            "Choisissez la raison principale.",
            "Wählen Sie den Hauptgrund.",
        ),
        PURPOSES,
        section="you",
        relevant=flow.concerned,
    ),
    Question(
        "visa_required",
        "yes_no",
        t(
            "Do people of your nationality need a visa to visit Luxembourg?",
            "Les ressortissants de votre pays ont-ils besoin d’un visa pour venir au Luxembourg ?",
            "Brauchen Staatsangehörige Ihres Landes ein Visum für einen Besuch in Luxemburg?",
        ),
        t(
            "guichet.public.lu, section “Immigration”, says which nationalities need one.",
            "guichet.public.lu, rubrique « Immigration », indique quelles nationalités en ont "
            "besoin.",
            "guichet.public.lu, Rubrik „Immigration“, nennt die Staatsangehörigkeiten, die eines "
            "brauchen.",
        ),
        YES_NO_UNKNOWN,
        section="visit",
        relevant=flow.purpose("visit"),
    ),
    Question(
        "has_invitation",
        "yes_no",
        t(
            "Has a resident of Luxembourg signed a guarantee (prise en charge) for your whole "
            "stay?",
            "Un résident du Luxembourg a-t-il signé une prise en charge pour tout votre séjour ?",
            "Hat eine in Luxemburg wohnende Person eine Verpflichtungserklärung (prise en charge) "
            "für Ihren ganzen Aufenthalt unterschrieben?",
        ),
        NO_HINT,
        section="visit",
        relevant=flow.purpose_and(("visit",), "visa_required", True),
    ),
    Question(
        "has_health_insurance",
        "yes_no",
        t(
            "Will you have health insurance covering all risks in Luxembourg?",
            "Aurez-vous une assurance maladie couvrant tous les risques au Luxembourg ?",
            "Werden Sie eine Krankenversicherung haben, die in Luxemburg alle Risiken deckt?",
        ),
        NO_HINT,
        section="visit",
        relevant=flow.purpose_and(("visit",), "visa_required", True),
    ),
    Question(
        "marriage_planned",
        "yes_no",
        t(
            "Do you plan to come in order to marry?",
            "Prévoyez-vous de venir pour vous marier ?",
            "Planen Sie, zum Heiraten zu kommen?",
        ),
        NO_HINT,
        section="visit",
        relevant=flow.purpose("visit"),
    ),
    Question(
        "has_job_offer",
        "yes_no",
        t(
            "Has an employer in Luxembourg offered you an employment contract?",
            "Un employeur au Luxembourg vous a-t-il proposé un contrat de travail ?",
            "Hat Ihnen ein Arbeitgeber in Luxemburg einen Arbeitsvertrag angeboten?",
        ),
        NO_HINT,
        section="work",
        relevant=flow.purpose(*_WORK),
    ),
    Question(
        "vacancy_declared_on",
        "date",
        t(
            "When did the employer declare the vacancy to ADEM?",
            "Quand l’employeur a-t-il déclaré le poste vacant à l’ADEM ?",
            "Wann hat der Arbeitgeber die offene Stelle bei der ADEM gemeldet?",
        ),
        t(
            "For example, 27 3 2026. Leave empty if you do not know.",
            "Par exemple, 27 3 2026. Laissez vide si vous ne savez pas.",
            "Zum Beispiel 27 3 2026. Leer lassen, wenn Sie es nicht wissen.",
        ),
        section="work",
        relevant=flow.purpose_and(_WORK, "has_job_offer", True),
        optional=True,
    ),
    Question(
        "certificate_requested_on",
        "date",
        t(
            "When did the employer ask ADEM for the certificate?",
            "Quand l’employeur a-t-il demandé le certificat à l’ADEM ?",
            "Wann hat der Arbeitgeber die Bescheinigung bei der ADEM beantragt?",
        ),
        t(
            "Leave empty if it has not been asked for yet.",
            "Laissez vide s’il n’a pas encore été demandé.",
            "Leer lassen, wenn sie noch nicht beantragt wurde.",
        ),
        section="work",
        relevant=flow.purpose_and(_WORK, "vacancy_declared_on", flow.GIVEN),
        optional=True,
    ),
    Question(
        "first_permit",
        "yes_no",
        t(
            "Is your current permit your first salaried worker's permit?",
            "Votre titre actuel est-il votre première autorisation de travailleur salarié ?",
            "Ist Ihr jetziger Titel Ihre erste Aufenthaltserlaubnis als Arbeitnehmer?",
        ),
        NO_HINT,
        section="work",
        relevant=flow.purpose_and(_WORK, "residence", "resident"),
    ),
    Question(
        "blue_card_conditions",
        "yes_no",
        t(
            "Do your degree, your job and your salary meet the EU Blue Card conditions?",
            "Vos études, votre poste et votre rémunération remplissent-ils les conditions de la "
            "carte bleue européenne ?",
            "Erfüllen Ihr Abschluss, Ihre Stelle und Ihr Gehalt die Bedingungen der Blauen Karte "
            "EU?",
        ),
        t(
            "guichet.public.lu gives the conditions in detail.",
            "guichet.public.lu détaille les conditions.",
            "guichet.public.lu beschreibt die Bedingungen im Einzelnen.",
        ),
        YES_NO_UNKNOWN,
        section="work",
        relevant=flow.purpose("blue_card"),
    ),
    Question(
        "family_accompanies",
        "yes_no",
        t(
            "Will your spouse or partner, or unmarried children under 18, come with you?",
            "Votre conjoint ou partenaire, ou des enfants célibataires de moins de 18 ans, "
            "vous accompagneront-ils ?",
            "Werden Ihr Ehe- oder Lebenspartner oder ledige Kinder unter 18 Jahren mitkommen?",
        ),
        NO_HINT,
        section="work",
        relevant=flow.purpose("blue_card"),
    ),
    Question(
        "self_qualified",
        "yes_no",
        t(
            "Do you have the professional qualifications and good repute the activity requires?",
            "Disposez-vous de la qualification professionnelle et de l’honorabilité requises pour "
            "l’activité ?",
            "Haben Sie die berufliche Qualifikation und Zuverlässigkeit, die die Tätigkeit "
            "verlangt?",
        ),
        NO_HINT,
        YES_NO_UNKNOWN,
        section="work",
        relevant=flow.purpose(*_ART),
    ),
    Question(
        "self_resources",
        "yes_no",
        t(
            "Do you have the resources needed to carry out the activity?",
            "Disposez-vous des ressources adéquates pour exercer cette activité ?",
            "Verfügen Sie über die Mittel, die die Tätigkeit erfordert?",
        ),
        NO_HINT,
        YES_NO_UNKNOWN,
        section="work",
        relevant=flow.purpose(*_ART),
    ),
    Question(
        "self_economic_need",
        "yes_no",
        t(
            "Does the activity meet an economic need of Luxembourg?",
            "L’activité répond-elle à un besoin économique du Luxembourg ?",
            "Entspricht die Tätigkeit einem wirtschaftlichen Bedarf Luxemburgs?",
        ),
        NO_HINT,
        YES_NO_UNKNOWN,
        section="work",
        relevant=flow.purpose(*_ART),
    ),
    Question(
        "admitted_higher_education",
        "yes_no",
        t(
            "Have you been admitted to a higher education institution in Luxembourg?",
            "Avez-vous été admis dans un établissement d’enseignement supérieur au Luxembourg ?",
            "Wurden Sie an einer Hochschule in Luxemburg zugelassen?",
        ),
        t(
            "The University of Luxembourg, or a school leading to the BTS (Brevet de technicien "
            "supérieur).",
            "L’Université du Luxembourg, ou un établissement menant au Brevet de technicien "
            "supérieur (BTS).",
            "Die Universität Luxemburg oder eine Schule, die zum BTS (Brevet de technicien "
            "supérieur) führt.",
        ),
        section="study",
        relevant=flow.purpose("study"),
    ),
    Question(
        "student_resources",
        "yes_no",
        t(
            "Will you have resources of at least 80% of the guaranteed minimum income during "
            "your studies?",
            "Disposerez-vous pendant vos études de ressources d’au moins 80 % du revenu minimum "
            "garanti ?",
            "Werden Sie während des Studiums über Mittel von mindestens 80 % des garantierten "
            "Mindesteinkommens verfügen?",
        ),
        t(
            "They must cover your living costs and your return.",
            "Elles doivent couvrir vos frais de séjour et de retour.",
            "Sie müssen Ihre Aufenthalts- und Rückreisekosten decken.",
        ),
        YES_NO_UNKNOWN,
        section="study",
        relevant=flow.purpose("study"),
    ),
    Question(
        "student_insurance",
        "yes_no",
        t(
            "Will you have health insurance covering all risks in Luxembourg during your studies?",
            "Aurez-vous pendant vos études une assurance maladie couvrant tous les risques au "
            "Luxembourg ?",
            "Werden Sie während des Studiums eine Krankenversicherung haben, die in Luxemburg "
            "alle Risiken deckt?",
        ),
        NO_HINT,
        section="study",
        relevant=flow.purpose("study"),
    ),
    Question(
        "traineeship_paid",
        "yes_no",
        t("Is the traineeship paid?", "Le stage est-il rémunéré ?", "Ist das Praktikum bezahlt?"),
        NO_HINT,
        section="study",
        relevant=flow.purpose("traineeship"),
    ),
    Question(
        "traineeship_compulsory",
        "yes_no",
        t(
            "Is the traineeship a compulsory part of your studies?",
            "Le stage est-il obligatoire dans le cadre de vos études ?",
            "Ist das Praktikum ein Pflichtteil Ihres Studiums?",
        ),
        NO_HINT,
        section="study",
        relevant=flow.purpose_and(("traineeship",), "traineeship_paid", False),
    ),
    Question(
        "traineeship_agreement",
        "yes_no",
        t(
            "Is there a traineeship agreement?",
            "Existe-t-il une convention de stage ?",
            "Gibt es einen Praktikumsvertrag?",
        ),
        NO_HINT,
        section="study",
        relevant=flow.purpose_and(("traineeship",), "traineeship_paid", False),
    ),
    Question(
        "traineeship_months",
        "number",
        t(
            "How many months will the traineeship last?",
            "Combien de mois durera le stage ?",
            "Wie viele Monate wird das Praktikum dauern?",
        ),
        NO_HINT,
        section="study",
        relevant=flow.purpose_and(("traineeship",), "traineeship_paid", True),
    ),
    Question(
        "lives_in_eu_with_permit",
        "yes_no",
        t(
            "Do you hold a residence permit of the EU country where you live?",
            "Avez-vous une autorisation de séjour du pays de l’UE où vous habitez ?",
            "Haben Sie eine Aufenthaltserlaubnis des EU-Landes, in dem Sie wohnen?",
        ),
        NO_HINT,
        section="work",
        relevant=flow.purpose("cross_border"),
    ),
    Question(
        "family_of_eu_worker",
        "yes_no",
        t(
            "Is your spouse, declared partner or child an EU citizen working in Luxembourg?",
            "Votre conjoint, partenaire déclaré ou enfant est-il citoyen de l’Union et "
            "travaille-t-il au Luxembourg ?",
            "Ist Ihr Ehepartner, eingetragener Partner oder Ihr Kind Unionsbürger und in Luxemburg "
            "beschäftigt?",
        ),
        NO_HINT,
        section="work",
        relevant=flow.purpose("cross_border"),
    ),
)
