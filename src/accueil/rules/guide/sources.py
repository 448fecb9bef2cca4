"""The passages of the newcomer's guide (seed 004, in French) that the guide's rules implement.

Each `Source` quotes the seed word for word (a test checks every passage against
the text, whitespace normalised) under the heading of the seed it sits below.

The headings and `cite` are in `accueil.rules.guide.headings`, the passages of
the guide's second half in `accueil.rules.guide.sources_family`; this module
re-exports both, so every rule reads any passage as `sources.NAME`.
"""

from accueil.rules.guide.headings import *  # noqa: F403
from accueil.rules.guide.headings import (
    H_ART89,
    H_LONG,
    H_SALARIED,
    H_SELF,
    H_SHORT,
    H_SHORT_NOTE,
    H_STUDY,
    H_WELCOME,
    cite,
)
from accueil.rules.guide.sources_family import *  # noqa: F403

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
JOB_LOSS = cite(H_LONG, "Des dispositions spécifiques en cas de perte d’emploi sont prévues.")
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
