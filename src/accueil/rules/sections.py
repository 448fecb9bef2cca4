"""The seeds' section names in English, French and German, for the pages that quote a
passage and name its section after it ("(Who is concerned)").

The CAI seed is in English and the newcomer's guide in French: each name is keyed as
the seed prints it (as `Source.section` holds it), and a language without an entry
shows it as printed.
"""

SECTION_NAMES: dict[str, dict[str, str]] = {
    # The CAI seed (English).
    "Who is concerned": {"fr": "Qui est concerné", "de": "Wer betroffen ist"},
    "Introduction": {"fr": "Introduction", "de": "Einleitung"},
    "How to proceed": {"fr": "Comment procéder", "de": "Vorgehensweise"},
    "The information session": {
        "fr": "La séance d’information",
        "de": "Die Informationsveranstaltung",
    },
    "Language training": {"fr": "Formation linguistique", "de": "Sprachkurse"},
    "Citizenship education": {"fr": "Instruction civique", "de": "Staatsbürgerkunde"},
    "Orientation Days": {"fr": "Journées d’orientation", "de": "Orientierungstage"},
    "The end of the CAI contract": {
        "fr": "La fin du contrat CAI",
        "de": "Das Ende des CAI-Vertrags",
    },
    # The newcomer's guide (French).
    "1. Le séjour de moins de 3 mois": {
        "en": "1. Stays of less than 3 months",
        "de": "1. Aufenthalt von weniger als 3 Monaten",
    },
    "2. Séjour de plus de 3 mois": {
        "en": "2. Stays of more than 3 months",
        "de": "2. Aufenthalt von mehr als 3 Monaten",
    },
    "3. Le regroupement familial d’un membre de famille": {
        "en": "3. Family reunification",
        "de": "3. Familienzusammenführung",
    },
    "4. Le résident de longue durée": {
        "en": "4. Long-term residents",
        "de": "4. Langfristig Aufenthaltsberechtigte",
    },
    "5. Le frontalier": {"en": "5. Cross-border workers", "de": "5. Grenzgänger"},
    "6. La carte bleue européenne": {"en": "6. The EU Blue Card", "de": "6. Die Blaue Karte EU"},
    "7. Les délais et les recours": {
        "en": "7. Time limits and appeals",
        "de": "7. Fristen und Rechtsbehelfe",
    },
    "8. Informations utiles": {"en": "8. Useful information", "de": "8. Nützliche Informationen"},
    "10. Adresses et liens utiles:": {
        "en": "10. Useful addresses and links",
        "de": "10. Nützliche Adressen und Links",
        "fr": "10. Adresses et liens utiles",
    },
    "Bienvenue au Luxembourg": {"en": "Welcome to Luxembourg", "de": "Willkommen in Luxemburg"},
    "Bon à savoir :": {"en": "Good to know", "de": "Gut zu wissen", "fr": "Bon à savoir"},
    "Différents statuts spéciaux": {"en": "Special statuses", "de": "Besondere Aufenthaltsstatus"},
    "Le droit de séjour du membre de famille": {
        "en": "The family member’s right of residence",
        "de": "Das Aufenthaltsrecht des Familienangehörigen",
    },
    "Les langues parlées": {"en": "The languages spoken", "de": "Die gesprochenen Sprachen"},
    "L’article 89": {"en": "Article 89", "de": "Artikel 89"},
    "L’autorisation de séjour en qualité": {
        "en": "The residence permit as …",
        "de": "Der Aufenthaltstitel als …",
    },
    "L’autorisation de séjour pour le travailleur salarié": {
        "en": "The residence permit for employees",
        "de": "Der Aufenthaltstitel für Arbeitnehmer",
    },
    "L’autorisation de séjour pour l’étudiant et le stagiaire": {
        "en": "The residence permit for students and trainees",
        "de": "Der Aufenthaltstitel für Studierende und Praktikanten",
    },
    "Quand est-ce qu’un enfant peut-être scolarisé ?": {
        "en": "When can a child go to school?",
        "de": "Wann kann ein Kind zur Schule gehen?",
        "fr": "Quand est-ce qu’un enfant peut-être scolarisé\u00a0?",
    },
    "Scolarisation des enfants": {"en": "Schooling of children", "de": "Schulbesuch der Kinder"},
    "Trouver un logement": {"en": "Finding a home", "de": "Eine Wohnung finden"},
    "Vivre au Luxembourg": {"en": "Living in Luxembourg", "de": "Leben in Luxemburg"},
}


def section_name(section: str, lang: str) -> str:
    """`section` (as a `Source` names it) in `lang` ("en", "fr", "de"); as printed if
    there is no name for that language."""
    return SECTION_NAMES.get(section, {}).get(lang[:2], section)
