"""The seed of the newcomer's guide, its headings, and `cite` for its passages."""

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
