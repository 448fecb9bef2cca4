"""Passages of the guide's second half: family, residence, deadlines and practical advice.

`accueil.rules.guide.sources` re-exports them, so rules write `S.EU_RECEIPT` for
any passage of the guide.
"""

from accueil.rules.guide.headings import (
    H_BLUE_CARD,
    H_CONTACTS,
    H_CROSS_BORDER,
    H_DEADLINES,
    H_EU_FAMILY,
    H_HOUSING,
    H_LANGUAGES,
    H_LIVING,
    H_LONG_TERM,
    H_REUNIFICATION,
    H_SCHOOL,
    H_SCHOOL_WHEN,
    H_SPECIAL,
    H_STUDY,
    H_USEFUL,
    H_WELCOME,
    cite,
)

# The family member of an EU citizen.
EU_FAMILY = cite(H_EU_FAMILY, "Le droit de séjour appartient :")
EU_SPOUSE = cite(H_EU_FAMILY, "au conjoint du regroupant citoyen de l’UE;")
EU_PARTNER = cite(
    H_EU_FAMILY,
    "au partenaire avec lequel le ressortissant de pays tiers a contracté un partenariat "
    "enregistré;",
)
EU_CHILD = cite(H_EU_FAMILY, "aux enfants en dessous de 21 ans;")
EU_PARENT = cite(
    H_EU_FAMILY,
    "aux parents à charge d’un citoyen de l’Union Européenne qui réside au Luxembourg;",
)
EU_DURABLE = cite(
    H_EU_FAMILY,
    "au partenaire avec lequel le citoyen de l’Union a une relation durable, dûment attestée.",
)
EU_BEFORE_ARRIVAL = cite(
    H_EU_FAMILY, "La demande doit donc être introduite AVANT l’arrivée sur le territoire."
)
EU_COMMUNE = cite(
    H_EU_FAMILY,
    "Lors de son arrivée, le ressortissant du pays tiers doit s’adresser à l’administration "
    "communale du lieu de résidence du regroupant européen pour souscrire une demande de carte "
    "de séjour de membre de famille d’un citoyen de l’Union.",
)
EU_RECEIPT = cite(
    H_EU_FAMILY,
    "ce récépissé vaut carte de séjour pendant une durée maximale de 6 mois.",
)
EU_PERMANENT = cite(
    H_EU_FAMILY,
    "Les membres de famille qui résident au Luxembourg pendant une période ininterrompue de 5 "
    "ans avec le citoyen de l’Union Européenne ou assimilé qu’ils ont accompagné ou rejoint ont "
    "droit à la carte de séjour permanent.",
)
EU_DEPARTURE = cite(
    H_EU_FAMILY,
    "Le départ n’entraîne pas la perte du droit de séjour pour les membres de famille pour "
    "autant qu’il y a des enfants qui sont inscrits dans un établissement scolaire au "
    "Luxembourg.",
)
EU_DIVORCE = cite(
    H_EU_FAMILY,
    "Le divorce, l’annulation du mariage ou du partenariat enregistré n’entraîne pas la perte de "
    "séjour si une des conditions suivantes est remplie :",
)
EU_DIVORCE_DURATION = cite(
    H_EU_FAMILY,
    "le mariage ou le partenariat enregistré a duré au moins 3 ans avant le début de la "
    "procédure judiciaire de divorce ou d’annulation, dont 1 an de résidence au moins au "
    "Luxembourg;",
)
EU_DIVORCE_CUSTODY = cite(
    H_EU_FAMILY,
    "la garde des enfants du citoyen européen a été confiée au conjoint ressortissant d’un pays "
    "tiers;",
)
EU_DIVORCE_VIOLENCE = cite(H_EU_FAMILY, "en cas de violence domestique;")
EU_DIVORCE_VISITS = cite(
    H_EU_FAMILY,
    "le conjoint ou le partenaire pacsé bénéficie d’un droit de visite à l’enfant commun mineur "
    "(sous certaines conditions).",
)
EU_DEATH = cite(
    H_EU_FAMILY,
    "le décès du regroupant n’entraîne pas la perte du droit de séjour du ressortissant de pays "
    "tiers pour autant que celui-ci séjourne au Luxembourg depuis au moins 1 an avant le décès.",
)

# Special statuses.
SPECIAL = cite(
    H_SPECIAL,
    "Il s’agit de l’autorisation de séjour pour raisons privées, pour raisons médicales, pour "
    "cas exceptionnels ou pour des victimes de la traite humaine.",
)
SPECIAL_CONDITIONS = cite(
    H_SPECIAL,
    "Ces statuts, étant des cas exceptionnels, ne sont applicables que sous certaines conditions.",
)

# Family reunification with a third-country sponsor.
TCN_SPOUSE = cite(H_REUNIFICATION, "le conjoint du regroupant;")
TCN_PARTNER = cite(
    H_REUNIFICATION,
    "le partenaire avec lequel le ressortissant de pays tiers a contracté un partenariat "
    "enregistré;",
)
TCN_CHILD = cite(
    H_REUNIFICATION,
    "les enfants célibataires de moins de 18 ans à condition d’en avoir le droit de garde et la "
    "charge;",
)
TCN_ASCENDANT = cite(
    H_REUNIFICATION,
    "les ascendants directs à charge du regroupant et être privé de soutien familial nécessaire "
    "dans le pays d’origine.",
)
SPONSOR_PERMIT = cite(
    H_REUNIFICATION,
    "Le regroupant doit être titulaire d’un titre de séjour d’une durée de validité d’au moins "
    "un an,",
)
SPONSOR_PROSPECT = cite(
    H_REUNIFICATION, "avoir une perspective fondée d’obtenir un droit de séjour de longue durée"
)
SPONSOR_STAY = cite(
    H_REUNIFICATION, "séjourner depuis au moins douze mois sur le territoire luxembourgeois."
)
SPONSOR_RESOURCES = cite(
    H_REUNIFICATION,
    "Il doit également prouver qu’il dispose de ressources stables, régulières et suffisantes "
    "pour subvenir à ses propres besoins et ceux des membres de la famille qui sont à sa "
    "charge, sans recourir au système d’aide sociale,",
)
SPONSOR_HOUSING = cite(
    H_REUNIFICATION,
    "qu’il dispose d’un logement approprié pour recevoir le ou les membres de sa famille",
)
SPONSOR_INSURANCE = cite(
    H_REUNIFICATION,
    "qu’il dispose de la couverture d’une assurance maladie pour lui-même et pour les membres de "
    "sa famille.",
)
REUNIFICATION_BEFORE_ENTRY = cite(
    H_REUNIFICATION,
    "La demande en obtention d’une autorisation de séjour dans le cadre du regroupement familial "
    "doit être introduite et avisée favorablement AVANT",
)
REUNIFICATION_VISA = cite(
    H_LONG_TERM,
    "Une fois que l’autorisation de séjour temporaire aura été accordée, il doit solliciter un "
    "visa d’entrée auprès de l’ambassade qui représente le Luxembourg dans son pays d’origine",
)
REUNIFICATION_PERMIT = cite(
    H_LONG_TERM,
    "Ce titre est valable pour une durée d’un an, renouvelable sur demande du regroupé tant que "
    "les conditions d’obtention restent remplies.",
)
REUNIFICATION_CAP = cite(
    H_LONG_TERM,
    "La période de validité du titre de séjour accordée ne dépasse pas la date d’expiration du "
    "titre de séjour du regroupant ressortissant de pays tiers.",
)

# The long-term resident.
LONG_TERM = cite(
    H_LONG_TERM,
    "Le ressortissant de pays tiers qui justifie sur le territoire du Grand-Duché de Luxembourg, "
    "d’un séjour régulier ininterrompu d’au moins cinq années précédant immédiatement "
    "l’introduction de la demande, peut demander l’obtention du statut de résident de longue "
    "durée.",
)
LONG_TERM_RESOURCES = cite(
    H_LONG_TERM,
    "justifier de ressources stables, régulières et suffisantes appréciées par rapport au "
    "salaire social minimum d’un travailleur non qualifié4 pendant les cinq années précédant "
    "l’introduction de la demande;",
)
MINIMUM_WAGE_2016 = cite(
    H_LONG_TERM, "Au 1er janvier 2016, le salaire social minimum est de 1922,96 euros."
)
LONG_TERM_INTEGRATION = cite(
    H_LONG_TERM, "prouver une intégration suffisante (cours de langue, témoignages, etc)."
)
LONG_TERM_FORM = cite(H_LONG_TERM, "Cette demande se fait à l’aide d’un formulaire.")
CAI_COUNTS = cite(
    H_USEFUL, "Prise en compte du CAI pour l’obtention du statut de résident de longue durée."
)

# The cross-border worker.
CROSS_BORDER = cite(
    H_CROSS_BORDER,
    "Une personne ressortissante de pays tiers qui réside légalement dans un autre pays de l’UE "
    "doit solliciter une autorisation de travail pour venir travailler au Luxembourg (en tant "
    "que frontalier).",
)
CROSS_BORDER_NO_STAY = cite(
    H_CROSS_BORDER,
    "Il aura donc une autorisation de travail, qui n’inclut pas d’autorisation de séjour.",
)
CROSS_BORDER_PERMIT = cite(
    H_CROSS_BORDER,
    "Il doit disposer d’une autorisation de séjour dans le pays dans lequel il réside.",
)
DISPENSATION = cite(
    H_CROSS_BORDER,
    "dont le conjoint/partenaire déclaré ou l’enfant est citoyen de l’Union travaillant au "
    "Luxembourg, il est dispensé d’une autorisation de travail.",
)
DISPENSATION_REQUEST = cite(
    H_CROSS_BORDER,
    "il doit introduire une demande de dispense d’autorisation de travail.",
)
CROSS_BORDER_WHERE = cite(
    H_CROSS_BORDER,
    "La demande en obtention de l’autorisation et de la dispense de travail est à introduire "
    "auprès de la Direction de l’Immigration.",
)

# The EU Blue Card.
BLUE_CARD = cite(
    H_BLUE_CARD,
    "La carte bleue européenne s’adresse aux ressortis- sants de pays tiers hautement qualifiés "
    "qui souhaitent être admis pour un emploi dit “hautement qualifié”",
)
BLUE_CARD_CONDITIONS = cite(
    H_BLUE_CARD,
    "Elle est liée à des conditions d’études, de poste de travail et de rémunération.",
)
BLUE_CARD_FAMILY = cite(
    H_BLUE_CARD,
    "Le travailleur hautement qualifié peut se faire accompagner par son conjoint/partenaire ou "
    "ses enfants (ou ceux de son conjoint ou partenaire) célibataires âgés de moins de 18 ans.",
)
BLUE_CARD_FAMILY_DOCUMENTS = cite(
    H_BLUE_CARD,
    "Dans ce cas, il doit inclure les documents exigés pour le regroupement familial à sa demande.",
)

# Decision deadlines and remedies.
DEADLINE_GENERAL = cite(H_DEADLINES, "Le délai légal est de 3 mois.")
DEADLINE_SALARIED = cite(H_DEADLINES, "Pour le titre de séjour travailleur salarié: 4 mois")
DEADLINE_REUNIFICATION = cite(
    H_DEADLINES,
    "Pour le regroupement familial où le regroupant est ressortissant d’un pays tiers: 9 mois",
)
DEADLINE_EU_FAMILY = cite(
    H_DEADLINES,
    "Pour le regroupement familial avec un membre de famille d’un citoyen de l’UE: 3 mois",
)
DEADLINE_LONG_TERM = cite(H_DEADLINES, "Pour le résident de longue durée: 6 mois")
DEADLINE_START = cite(
    H_DEADLINES, "Ce délai commence à partir du moment où le dossier introduit est complet."
)
REMEDIES = cite(
    H_DEADLINES,
    "En cas de réponse négative ou de non-réponse, la personne peut introduire un recours "
    "gracieux ou un recours contre la décision auprès du Tribunal Administratif.",
)
REMEDIES_ADVICE = cite(
    H_DEADLINES,
    "Nous vous conseillons cependant de prendre d’abord contact avec la personne en charge de "
    "votre dossier afin de mieux comprendre une éventuelle décision de refus.",
)

# Useful information: complete files, renewals, documents.
COMPLETE_FILES = cite(
    H_USEFUL,
    "La Direction de l’Immigration du Ministère des Affaires étrangères et européennes prend en "
    "considération uniquement des dossiers complets.",
)
RENEWAL = cite(
    H_USEFUL,
    "Une demande de renouvellement pour un titre de séjour est à introduire 2 mois avant son "
    "expiration.",
)
REGISTERED_POST = cite(
    H_USEFUL,
    "Pour les demandes au Ministère, nous conseillons l’envoi par courrier postal, sous forme "
    "d’envoi recommandé.",
)
APOSTILLE = cite(
    H_USEFUL,
    "Tous les documents à produire doivent soit être apostillés5 par l’autorité locale "
    "compétente du pays d’origine, soit être légalisés par l’autorité locale compétente du pays "
    "d’origine et authentifiés par l’ambassade.",
)
TRANSLATION = cite(
    H_USEFUL,
    "Si les documents ne sont pas rédigés dans les langues allemande, française ou anglaise, "
    "une traduction conforme par un traducteur assermenté6 à Luxembourg doit être jointe.",
)
CAI = cite(
    H_USEFUL,
    "Le Gouvernement luxembourgeois a mis en place un dis positif qui vous permet de devenir "
    "acteur de votre intégration, à savoir le Contrat d’Accueil et d’Intégration (CAI).",
)

# Schooling, housing, languages.
SCHOOL_COMPULSORY = cite(
    H_WELCOME,
    "L’enseignement scolaire est obligatoire pour tous à partir de 4 ans jusqu’à 16 ans.",
)
SCHOOL_COMMUNE = cite(
    H_WELCOME,
    "Les inscriptions à l’école fondamentale se font à la commune du lieu de résidence.",
)
SCHOOL_CASNA = cite(
    H_WELCOME,
    "L’enfant étranger qui arrive au Luxembourg, après avoir terminé l’école fondamentale dans "
    "son pays d’origine, doit obligatoirement contacter la Cellule d’accueil scolaire pour "
    "élèves nouveaux arrivants (CASNA).",
)
SCHOOL_NO_PAPERS = cite(
    H_SCHOOL_WHEN,
    "Si vous n’avez pas de papiers au Luxembourg, vous devez vous adresser à votre commune et "
    "les informer que vous avez des enfants en âge d’obligation scolaire.",
)
SCHOOL_MUST_ACCEPT = cite(
    H_SCHOOL_WHEN,
    "les écoles sont obligées d’accepter les enfants, peu importe la situation administrative de "
    "leurs parents.",
)
SCHOOL_LANGUAGES = cite(H_SCHOOL, "Le système d’enseignement est basé sur 4 langues:")
HOUSING_AGENCY = cite(
    H_HOUSING,
    "les frais d’agence sont probablement équivalents à un mois de loyer.",
)
HOUSING_DEPOSIT = cite(
    H_HOUSING,
    "un dépôt de garantie de 2-3 mois de loyer peut être exigé à l’avance par le propriétaire.",
)
HOUSING_EXAMPLE = cite(
    H_HOUSING,
    "si vous louez par exemple un appartement dont le loyer s’élève à 1000€ par mois, vous "
    "devez payer tout de suite 4000-5000€, en fonction du nombre de mois de caution requise.",
)
HOUSING_CDI = cite(
    H_HOUSING,
    "Ils refusent souvent de louer aux personnes ne disposant pas d’un contrat de travail à "
    "durée indéterminée (CDI).",
)
HOUSING_ROOMS = cite(
    H_HOUSING,
    "demandez si une attestation de résidence est autorisée par l’administration municipale",
)
LANGUAGES = cite(
    H_LANGUAGES,
    "La langue luxembourgeoise est la langue de communication de tous les jours, permettant une "
    "meilleure intégration au pays.",
)
LANGUAGES_ADMIN = cite(
    H_LANGUAGES,
    "Les langues allemandes et françaises sont les principales langues administratives et "
    "celles de la vie économique.",
)
LANGUAGES_JOB = cite(
    H_LIVING,
    "il est fréquent d’exiger la connaissance d’au moins une des 3 langues officielles",
)
DIRECTORY = cite(H_CONTACTS, "Association de Soutien aux Travailleurs Immigrés (ASTI)")

# Where guichet.public.lu lists each procedure's documents.
DOCS_SELF = cite(
    "L’autorisation de séjour en qualité",
    "rubrique “Immigration”– Séjourner au Luxembourg plus de 3 mois–Travailleur indépendant.",
)
DOCS_STUDENT = cite(
    H_STUDY, "rubrique “Immigration” – Séjourner au Luxembourg plus de 3 mois – Etudiant."
)
DOCS_TRAINEE = cite(
    H_STUDY,
    "rubrique “Immigration”–Séjourner au Luxembourg plus de 3 mois – Stagiaire non rémunéré.",
)
DOCS_EU_FAMILY = cite(
    H_EU_FAMILY,
    "plus de 3 mois – Ressortissant de pays tiers membre de famille d’un citoyen de l’Union "
    "européenne ou d’un ressortissant luxembourgeois.",
)
DOCS_REUNIFICATION = cite(
    H_LONG_TERM,
    "rubrique “Immigration”–Séjourner au Luxembourg plus de 3 mois–Membre de famille d’un "
    "ressortis- sant de pays tiers.",
)
DOCS_LONG_TERM = cite(H_LONG_TERM, "rubrique “Immigration” – Après un séjour de 5 années.")
DOCS_CROSS_BORDER = cite(
    H_CROSS_BORDER,
    "rubrique “Immigration” – Cas spécifiques – Travailleur frontalier ressortissant de pays "
    "tiers.",
)
