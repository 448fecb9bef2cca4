"""The closing questions: birth date, entry, permit expiry, complete file, children, housing.

Each is asked only where a rule needs its answer (see `accueil.rules.guide.flow`).
"""

from accueil.rules.guide import flow
from accueil.rules.guide.question_list_family import DATE_HINT, DATE_HINT_OPTIONAL, yes_no
from accueil.rules.guide.questions import Question
from accueil.rules.guide.text import t

QUESTIONS_CLOSING: tuple[Question, ...] = (
    Question(
        "birth_date",
        "date",
        t(
            "What is your date of birth?",
            "Quelle est votre date de naissance ?",
            "Wann sind Sie geboren?",
        ),
        DATE_HINT,
        (),
        "you",
        flow.birth_date_needed,
    ),
    Question(
        "entry_date",
        "date",
        t(
            "When will you enter (or did you enter) Luxembourg?",
            "Quand entrerez-vous (ou êtes-vous entré) au Luxembourg ?",
            "Wann reisen Sie nach Luxemburg ein (oder wann sind Sie eingereist)?",
        ),
        DATE_HINT_OPTIONAL,
        (),
        "dates",
        flow.entering,
        optional=True,
    ),
    Question(
        "permit_expiry",
        "date",
        t(
            "When does your residence permit expire?",
            "Quand votre titre de séjour expire-t-il ?",
            "Wann läuft Ihr Aufenthaltstitel ab?",
        ),
        DATE_HINT_OPTIONAL,
        (),
        "dates",
        flow.holds_permit,
        optional=True,
    ),
    Question(
        "application_date",
        "date",
        t(
            "When did you hand in your complete application?",
            "Quand avez-vous déposé votre dossier complet ?",
            "Wann haben Sie Ihren vollständigen Antrag eingereicht?",
        ),
        t(
            "The decision deadline runs from the day the file is complete. Leave empty if not yet.",
            "Le délai de décision court à partir du jour où le dossier est complet. Laissez vide "
            "si ce n’est pas encore fait.",
            "Die Entscheidungsfrist läuft ab dem Tag, an dem der Antrag vollständig ist. Leer "
            "lassen, wenn noch nicht geschehen.",
        ),
        (),
        "dates",
        flow.decided,
        optional=True,
    ),
    yes_no(
        "children_school_age",
        "Do you have children aged 4 to 16 who live, or will live, with you in Luxembourg?",
        "Avez-vous des enfants de 4 à 16 ans qui vivent ou vivront avec vous au Luxembourg ?",
        "Haben Sie Kinder von 4 bis 16 Jahren, die mit Ihnen in Luxemburg leben oder leben werden?",
        flow.concerned,
        "life",
    ),
    yes_no(
        "children_finished_primary",
        "Has one of them already finished primary school in your country of origin?",
        "L'un d'eux a-t-il déjà terminé l'école fondamentale dans votre pays d'origine ?",
        "Hat eines von ihnen die Grundschule im Herkunftsland bereits abgeschlossen?",
        flow.has_children,
        "life",
    ),
    yes_no(
        "looking_for_housing",
        "Are you looking for a home to rent?",
        "Cherchez-vous un logement à louer ?",
        "Suchen Sie eine Wohnung zur Miete?",
        flow.concerned,
        "life",
    ),
)
