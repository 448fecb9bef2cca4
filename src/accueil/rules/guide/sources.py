"""The passages of the newcomer's guide (seed 004, in French) that the guide's rules implement.

Each `Source` quotes the seed word for word (a test checks every passage against
the text, whitespace normalised) under the heading of the seed it sits below.
"""

from accueil.rules.base import Source

SEED = "004_788ffbea22f4a3d7.txt"

# Headings of the seed, as printed there.
H_WELCOME = "Bienvenue au Luxembourg"
H_SHORT = "1. Le séjour de moins de 3 mois"
H_SHORT_NOTE = "Bon à savoir :"
H_LONG = "2. Séjour de plus de 3 mois"
H_SALARIED = "L’autorisation de séjour pour le travailleur salarié"
H_ART89 = "L’article 89"
H_SELF = "L’autorisation de séjour en qualité"
H_STUDY = "L’autorisation de séjour pour l’étudiant et le stagiaire"
H_EU_FAMILY = "Le droit de séjour du membre de famille"
H_SPECIAL = "Différents statuts spéciaux"
H_REUNIFICATION = "3. Le regroupement familial d’un membre de famille"
H_LONG_TERM = "4. Le résident de longue durée"
H_CROSS_BORDER = "5. Le frontalier"
H_BLUE_CARD = "6. La carte bleue européenne"
H_DEADLINES = "7. Les délais et les recours"
H_USEFUL = "8. Informations utiles"
H_CAI = "9. Le Contract d’Accueil"
H_CONTACTS = "10. Adresses et liens utiles:"
H_SCHOOL = "Scolarisation des enfants"
H_SCHOOL_WHEN = "Quand est-ce qu’un enfant peut-être scolarisé ?"
H_HOUSING = "Trouver un logement"
H_LANGUAGES = "Les langues parlées"
H_LIVING = "Vivre au Luxembourg"
H_JOB = "Trouver un emploi"


def cite(section: str, passage: str) -> Source:
    """Cite a passage of the guide seed."""
    return Source(seed=SEED, section=section, passage=passage, lang="fr")


# Who the guide is for.
TCN = cite(
    H_WELCOME,
    "Un ressortissant de pays tiers est une personne qui n’a pas la nationalité d’un des pays "
    "membres de l’Union Européenne, ni d’un pays qui fait partie de l’Espace Economique "
    "Européen (EEE): l’Islande, le Liechtenstein, la Norvège, ou de la Suisse.",
)
ASYLUM = cite(
    H_WELCOME,
    "Elle ne concerne pas les personnes qui se trouvent en procédure d’asile, qui sont régies "
    "par une autre législation.",
)
ONLY_THE_LAW = cite(H_WELCOME, "Seul le texte de la loi fait foi.")

# Stays of less than 3 months.
SHORT_STAY = cite(
    H_SHORT,
    "vous voulez venir au Luxembourg pour une durée qui ne dépasse pas 3 mois maximum",
)
SHORT_PASSPORT = cite(
    H_SHORT,
    "vous avez besoin de votre passeport national valable et, dans certains cas, d’un visa.",
)
SHORT_VISA_WHERE = cite(
    H_SHORT,
    "il faut introduire une demande de visa en personne auprès d’une mission diplomatique ou "
    "consulaire du Luxembourg ou auprès d’une mission diplomatique qui représente le Luxembourg.",
)
SHORT_VISA_FORM = cite(
    H_SHORT, "Un formulaire de demande de visa est à remplir en deux exemplaires."
)
SHORT_INVITATION = cite(
    H_SHORT,
    "Vous avez notamment besoin d’une invitation d’un résident du Luxembourg, invitation qui "
    "doit se faire sous forme d’une prise en charge qui couvre toute la durée de votre séjour "
    "au Luxembourg",
)
SHORT_INSURANCE = cite(H_SHORT, "maladie couvrant tous les risques sur le territoire.")
SHORT_NO_ANSWER = cite(
    H_SHORT,
    "En cas de réponse négative ou après 3 mois sans réponse, prenez contact avec l’ambassade "
    "afin de connaître les raisons de refus et éventuellement introduire une nouvelle demande.",
)
SHORT_GUARANTOR = cite(
    H_SHORT_NOTE,
    "La personne qui signe une prise en charge pour vous est, pendant une durée de 2 ans, "
    "solidairement responsable avec vous concernant les frais de séjour, de santé et de retour.",
)
SHORT_VISA_LIMIT = cite(
    H_SHORT_NOTE, "Le visa est valable 3 mois maximum sur une période de 6 mois."
)
SHORT_NO_MARRIAGE_VISA = cite(H_SHORT_NOTE, "Le visa en vue de mariage n’existe plus!")
SHORT_DOCUMENTS = cite(
    H_SHORT_NOTE,
    "rubrique “Immigration” – Séjourner au Luxembourg moins de 90 jours.",
)

# The salaried worker.
SALARIED = cite(
    H_SALARIED,
    "Au Luxembourg, un ressortissant d’un pays tiers a besoin d’une autorisation afin de pouvoir "
    "travailler en tant que salarié.",
)
SALARIED_BEFORE_ENTRY = cite(
    H_SALARIED,
    "Si la personne n’est pas encore résident légal au Luxembourg, la demande pour cette "
    "autorisation doit être introduite et avisée positivement AVANT son entrée sur le "
    "territoire.",
)
SALARIED_CONTRACT = cite(
    H_SALARIED,
    "peut conclure un contrat de travail avec un ressortissant de pays tiers (attention: le "
    "travail peut débuter seulement après octroi de l’autorisation)",
)
ADEM_VACANCY = cite(
    H_SALARIED, "Le poste de travail doit être déclaré vacant à l’ADEM par l’employeur."
)
ADEM_CERTIFICATE = cite(
    H_SALARIED,
    "Ce certificat peut être demandé au plus tôt 3 semaines après la déclaration du poste.",
)
ADEM_SENDS = cite(H_SALARIED, "L’ADEM envoie le certificat 5 jours ouvrables après la demande.")
SALARIED_APPLICANT = cite(
    H_SALARIED,
    "la demande doit être introduite à la Direction de l’Immigration par le demandeur lui-même, "
    "non pas par l’employeur.",
)
ARRIVAL_DECLARATION = cite(
    H_SALARIED,
    "il doit, dans les trois jours ouvrables à compter de sa date d’entrée sur le territoire, "
    "se présenter, muni de l’autorisation de séjour provisoire, à l’administration communale du "
    "lieu où il entend fixer sa résidence, pour faire une déclaration d’arrivée.",
)
SALARIED_PERMIT_ON_SITE = cite(
    H_SALARIED,
    "Il recevra son autorisation de séjour pour travailleur salarié sur place au Luxembourg, en "
    "s’adressant à la Direction de l’Immigration.",
)
FIRST_PERMIT = cite(
    H_SALARIED,
    "Une première autorisation est valable pour un an, elle procure seulement le droit de "
    "travailler dans un seul secteur et dans une seule profession, mais le salarié a le libre "
    "choix du patron.",
)
SALARIED_RENEWAL = cite(
    H_SALARIED,
    "Une demande de renouvellement doit être introduite 2 mois avant la fin de celle-ci.",
)
RENEWED_PERMIT = cite(
    H_SALARIED,
    "Le titre de séjour peut être accordé dès le 1er renouvellement pour une durée de validité "
    "maximale de 3 ans.",
)
RENEWED_ALL_SECTORS = cite(H_LONG, "secteur et toute profession.")
SALARIED_DOCUMENTS = cite(
    H_ART89, "rubrique “Immigration” – Séjourner au Luxembourg plus de 3 mois."
)

# Article 89 (in force, as amended, from 28 December 2015).
ART89 = cite(
    H_ART89,
    "a été modifié et est entré en vigueur le 28 décembre 2015.",
)
ART89_PARENT = cite(
    H_ART89,
    "Vous exercez l’autorité parentale sur un enfant mineur qui vit avec vous dans le ménage et "
    "qui suit sa scolarité de façon continue dans un établissement solaire au Luxembourg depuis "
    "au mois 4 ans",
)
ART89_PUPIL = cite(
    H_ART89,
    "Vous êtes majeur et vous suivez de façon continue et avec succès votre scolarité depuis au "
    "moins 4 ans dans un établissement scolaire au Luxembourg, dans ce cas-ci vous devez "
    "introduire votre demande avant l’âge de 21 ans;",
)
ART89_RESIDENCE = cite(
    H_ART89,
    "Vous résidez au Luxembourg depuis au moins 4 ans précédant votre introduction de demande;",
)
ART89_RESOURCES = cite(
    H_ART89,
    "Vous disposez des ressources financières suffisantes pour subvenir à vos besoins, ou le cas "
    "échéant aux besoins de vos membres de famille (contrat de travail ou prise en charge);",
)
ART89_REMOVAL = cite(H_ART89, "Vous ne devez pas vous être soustrait à une mesure d’éloignement;")
ART89_INTEGRATION = cite(H_ART89, "Vous faites preuve d’une réelle volonté d’intégration;")
ART89_PUBLIC_ORDER = cite(
    H_ART89,
    "Votre présence ne constitue pas un danger pour l’ordre public, la sécurité publique ou la "
    "santé publique;",
)
ART89_IDENTITY = cite(
    H_ART89,
    "Vous n’avez pas utilisé des informations fausses ou trompeuses relatives à votre identité;",
)
ART89_HOUSING = cite(H_ART89, "Vous disposez d’un logement approprié.")
ART89_PERMIT = cite(
    H_ART89,
    "Les ressortissants de pays tiers se voient délivrer un titre de séjour pour travailleur "
    "salarié, resp. un titre de séjour pour raison privée s’ils poursuivent des études pour une "
    "formation professionnelle.",
)

# The self-employed.
SELF_EMPLOYED = cite(
    H_SELF,
    "Il s’agit d’une autorisation de séjour pour la personne ressortissante d’un pays tiers qui "
    "souhaite exercer une profession non-salariée au Luxembourg.",
)
SELF_SAME_CRITERIA = cite(
    H_SELF,
    "doit remplir les mêmes critères de qualification professionnelle et d’honorabilité et "
    "effectuer les mêmes démarches auprès du Ministère des Classes moyennes que les "
    "ressortissants de l’Union Européenne.",
)
SELF_PARALLEL = cite(
    H_SELF,
    "elle doit demander l’octroi d’une autorisation de séjour en qualité de travailleur "
    "indépendant à la Direction de l’Immigration du Ministère des Affaires étrangères et "
    "européennes.",
)
SELF_VALIDITY = cite(
    H_SELF,
    "L’autorisation de séjour pour le travailleur indépendant est valable pendant un maximum de "
    "3 ans, renouvelable à la fin de ces 3 ans.",
)
SELF_QUALITIES = cite(H_SELF, "disposer des qualités requises pour l’activité;")
SELF_RESOURCES = cite(
    H_SELF, "disposer des ressources adéquates pour l’exercice de cette activité;"
)
SELF_NEED = cite(H_SELF, "l’activité doit répondre à un besoin économique du Luxembourg.")
SELF_BEFORE_ENTRY = cite(
    H_STUDY,
    "AVANT l’entrée sur le territoire au cas où le demandeur n’est pas encore résident au "
    "Luxembourg.",
)

# The student and the trainee.
STUDENT = cite(
    H_STUDY,
    "La personne doit être admise à un établissement d’enseignement supérieur.",
)
STUDENT_INSTITUTIONS = cite(
    H_STUDY,
    "Sont considérés comme établissements d’enseignement supérieur: l’Université du Luxembourg; "
    "les établis - sements d’enseignement qui dispensent des cycles d’études menant au Brevet "
    "de technicien supérieur.",
)
STUDENT_BEFORE_ENTRY = cite(
    H_STUDY,
    "doit, AVANT son entrée sur le territoire, introduire une demande et recevoir l’accord du "
    "Ministère ayant l’immigration dans ses attributions.",
)
STUDENT_RESOURCES = cite(
    H_STUDY,
    "Il doit pouvoir prouver qu’il dispose au cours de ses études de ressources suffisantes "
    "(80 % du revenu minimum garanti) pour couvrir ses frais de séjour et de retour",
)
STUDENT_INSURANCE = cite(
    H_STUDY,
    "disposer d’une assurance maladie couvrant tous les risques sur le territoire luxembourgeois.",
)
STUDENT_PERMIT = cite(
    H_STUDY,
    "Il introduira ensuite sa demande de titre de séjour pour étudiant auprès du Ministère ayant "
    "l’immigration dans ses attributions.",
)
TRAINEE = cite(
    H_STUDY,
    "Pour un stage au Luxembourg, il faut distinguer entre les stages non-rémunérés et les "
    "stages rémunérés.",
)
TRAINEE_UNPAID = cite(
    H_STUDY,
    "prouvant que le stage est obligatoire dans le cadre des études et qu’une convention de "
    "stage existe.",
)
TRAINEE_PAID = cite(
    H_STUDY,
    "Selon le cas, une demande pour une autorisation de vie privée, soit une autorisation de "
    "séjour pour travailleur salarié doit être demandée et avisée favorablement AVANT l’entrée "
    "sur le territoire.",
)
TRAINEE_PAID_LENGTH = cite(
    H_STUDY, "si le stage a s’étend sur une durée inférieure ou supérieure de 3 mois."
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
