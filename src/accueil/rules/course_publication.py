"""`training.publication`: may a course of the catalogue be published?

Seed, "Language training": candidates "may choose among approved courses offered by
communes, associations, secondary schools, and the National Institute for Languages",
in "the three administrative languages of Luxembourg", aiming at a CEFR level.
"Citizenship education": "This free course" "is at least 6 hours long, and is divided
into several sessions. It is delivered in German, English, French, Luxembourgish and
Portuguese" (a list of data: other languages have been offered; change the parameter
row). "Orientation Days": "They are half-day events and are free" (the seed does not
say how many hours half a day is: the parameter `cai.orientation_day_max_hours` does)
and "are held at least twice a year" (`orientation_days_missing`).

"The information session": "Once the contract is signed, the contracting person will be
able to attend language and citizenship-education courses, and to take part in
orientation-day events": a course is published for people to attend it, so it needs a
session not yet started (`now`, given by the caller) when it is published. Once
published, a course's sessions pass by themselves and a session already held must stay
correctable (its date, for the attendance), so a change to a published course is held
to every rule but that one (`change_problems`).

Each problem names the form field it belongs to and carries its message in English,
French and German. The rules import nothing but the standard library.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from accueil.rules.base import Source, cite
from accueil.rules.parameters import parameter

RULE = "training.publication"
APPROVED = cite(
    "Language training",
    "candidates may choose among approved courses offered by communes, associations, "
    "secondary schools, and the National Institute for Languages",
)
LANGUAGES_TAUGHT = cite(
    "Language training",
    "the three administrative languages of Luxembourg (Luxembourgish, French, or German)",
)
TARGET_LEVEL = cite(
    "Language training",
    "so that they can attain at least Basic User Level proficiency",
)
CITIZENSHIP_LENGTH = cite(
    "Citizenship education",
    "The course is at least 6 hours long, and is divided into several sessions.",
)
CITIZENSHIP_LANGUAGES = cite(
    "Citizenship education",
    "It is delivered in German, English, French, Luxembourgish and Portuguese.",
)
CITIZENSHIP_FREE = cite("Citizenship education", "This free course")
ATTEND = cite(
    "The information session",
    "Once the contract is signed, the contracting person will be able to attend language "
    "and citizenship-education courses, and to take part in orientation-day events",
)
HALF_DAY = cite("Orientation Days", "They are half-day events and are free.")
TWICE_A_YEAR = cite("Orientation Days", "'Orientation Days' are held at least twice a year.")

NO_COMING_SESSION = "training.publication.no_coming_session"
LANGUAGE, LITERACY, CITIZENSHIP, ORIENTATION = "language", "literacy", "citizenship", "orientation"
CEFR_TARGETS = ("A1.1", "A1", "A2", "B1", "B2", "C1", "C2")


def t(en: str, fr: str, de: str) -> dict[str, str]:
    return {"en": en, "fr": fr, "de": de}


@dataclass(frozen=True)
class Problem:
    """Why a course cannot be published: the field to fix, and the message in 3 languages."""

    code: str
    field: str
    source: Source
    message: Mapping[str, str]


@dataclass(frozen=True)
class CourseFacts:
    kind: str
    provider_approved: bool
    languages: tuple[str, ...]
    taught_language: str
    cefr_level: str
    fee: Decimal
    reduced_fee: Decimal
    # (starts_at, ends_at) of each session, aware datetimes.
    sessions: tuple[tuple[datetime, datetime], ...]
    on: date  # the day whose parameters apply
    now: datetime  # aware: a session starting after it has not started yet


def _hours(sessions: Sequence[tuple[datetime, datetime]]) -> Decimal:
    seconds = sum((end - start for start, end in sessions), timedelta()).total_seconds()
    return Decimal(seconds) / Decimal(3600)


def _number(value: Decimal, lang: str) -> str:
    text = f"{value.normalize():f}"
    return text.replace(".", ",") if lang != "en" else text


def citizenship_languages(on: date) -> tuple[str, ...]:
    """The languages a citizenship course may be given in (data: a parameter row)."""
    return tuple(parameter("cai.citizenship_languages", on))


def taught_languages(on: date) -> tuple[str, ...]:
    return tuple(parameter("cai.language_training_languages", on))


def publication_problems(facts: CourseFacts) -> tuple[Problem, ...]:
    """Every reason the course cannot be published; empty when it can."""
    problems: list[Problem] = []
    if not facts.provider_approved:
        problems.append(
            Problem(
                "training.publication.provider_not_approved",
                "provider",
                APPROVED,
                t(
                    "Your organisation is not approved as a course provider yet: an officer "
                    "must approve it before its courses are published",
                    "Votre organisme n’est pas encore agréé comme organisme de formation : "
                    "un agent doit l’agréer avant que ses cours soient publiés",
                    "Ihre Organisation ist noch nicht als Kursanbieter zugelassen: Ein "
                    "Sachbearbeiter muss sie zulassen, bevor ihre Kurse veröffentlicht werden",
                ),
            )
        )
    if not facts.sessions:
        problems.append(
            Problem(
                "training.publication.no_session",
                "sessions",
                CITIZENSHIP_LENGTH,
                t(
                    "Add at least one session before publishing the course",
                    "Ajoutez au moins une séance avant de publier le cours",
                    "Fügen Sie mindestens einen Termin hinzu, bevor Sie den Kurs veröffentlichen",
                ),
            )
        )
    if facts.sessions and not any(start > facts.now for start, _end in facts.sessions):
        problems.append(
            Problem(
                NO_COMING_SESSION,
                "sessions",
                ATTEND,
                t(
                    "Every session of the course has started already: add a session still "
                    "to come before publishing the course",
                    "Toutes les séances du cours ont déjà commencé : ajoutez une séance "
                    "à venir avant de publier le cours",
                    "Alle Termine des Kurses haben bereits begonnen: Fügen Sie einen "
                    "kommenden Termin hinzu, bevor Sie den Kurs veröffentlichen",
                ),
            )
        )
    if not facts.languages:
        problems.append(
            Problem(
                "training.publication.no_language",
                "languages",
                CITIZENSHIP_LANGUAGES,
                t(
                    "Select the languages the course is given in",
                    "Sélectionnez les langues dans lesquelles le cours est donné",
                    "Wählen Sie die Sprachen aus, in denen der Kurs gehalten wird",
                ),
            )
        )
    if facts.kind in (LANGUAGE, LITERACY):
        problems += _language_problems(facts)
    elif facts.kind == CITIZENSHIP:
        problems += _citizenship_problems(facts)
    elif facts.kind == ORIENTATION:
        problems += _orientation_problems(facts)
    if facts.kind in (CITIZENSHIP, ORIENTATION) and (facts.fee or facts.reduced_fee):
        problems.append(
            Problem(
                "training.publication.not_free",
                "fee",
                CITIZENSHIP_FREE if facts.kind == CITIZENSHIP else HALF_DAY,
                t(
                    "Citizenship courses and orientation days are free: set the fees to 0",
                    "Les cours d’instruction civique et les journées d’orientation sont "
                    "gratuits : indiquez des tarifs de 0",
                    "Staatsbürgerkundekurse und Orientierungstage sind kostenlos: Setzen Sie "
                    "die Gebühren auf 0",
                ),
            )
        )
    return tuple(problems)


def change_problems(before: CourseFacts, after: CourseFacts) -> tuple[Problem, ...]:
    """What a change to a PUBLISHED course (`before` it, `after` it) would break: the
    problems of `after` that `before` did not have, leaving out "no session to come"
    (see the module's text). A problem the course had already (its provider's approval
    withdrawn since, a parameter changed since) does not block a change that does not
    cause it; the course stays as it is when the result is not empty."""
    had = {problem.code for problem in publication_problems(before)}
    return tuple(
        problem
        for problem in publication_problems(after)
        if problem.code not in had and problem.code != NO_COMING_SESSION
    )


def _language_problems(facts: CourseFacts) -> list[Problem]:
    problems = []
    if facts.taught_language not in taught_languages(facts.on):
        problems.append(
            Problem(
                "training.publication.taught_language",
                "taught_language",
                LANGUAGES_TAUGHT,
                t(
                    "Select the language taught: Luxembourgish, French or German",
                    "Sélectionnez la langue enseignée : luxembourgeois, français ou allemand",
                    "Wählen Sie die unterrichtete Sprache: Luxemburgisch, Französisch oder Deutsch",
                ),
            )
        )
    if facts.kind == LANGUAGE and facts.cefr_level not in CEFR_TARGETS:
        problems.append(
            Problem(
                "training.publication.target_level",
                "cefr_level",
                TARGET_LEVEL,
                t(
                    "Select the level the language course aims at",
                    "Sélectionnez le niveau visé par le cours de langue",
                    "Wählen Sie das Niveau, das der Sprachkurs anstrebt",
                ),
            )
        )
    return problems


def _citizenship_problems(facts: CourseFacts) -> list[Problem]:
    problems = []
    hours = _hours(facts.sessions)
    min_hours = Decimal(parameter("cai.citizenship_min_hours", facts.on))
    min_sessions = parameter("cai.citizenship_min_sessions", facts.on)
    if facts.sessions and (hours < min_hours or len(facts.sessions) < min_sessions):
        en, fr, de = (_number(hours, lang) for lang in ("en", "fr", "de"))
        count = len(facts.sessions)
        problems.append(
            Problem(
                "training.publication.citizenship_length",
                "sessions",
                CITIZENSHIP_LENGTH,
                t(
                    f"A citizenship course lasts at least {min_hours} hours over at least "
                    f"{min_sessions} sessions: this one has {en} hours over {count} "
                    "session(s)",
                    f"Un cours d’instruction civique dure au moins {min_hours} heures réparties "
                    f"sur au moins {min_sessions} séances : celui-ci compte {fr} heures sur "
                    f"{count} séance(s)",
                    f"Ein Staatsbürgerkundekurs dauert mindestens {min_hours} Stunden in "
                    f"mindestens {min_sessions} Terminen: Dieser hat {de} Stunden in {count} "
                    "Termin(en)",
                ),
            )
        )
    allowed = citizenship_languages(facts.on)
    if any(code not in allowed for code in facts.languages):
        problems.append(
            Problem(
                "training.publication.citizenship_language",
                "languages",
                CITIZENSHIP_LANGUAGES,
                t(
                    "Select the languages of the citizenship course from the list",
                    "Sélectionnez les langues du cours d’instruction civique dans la liste",
                    "Wählen Sie die Sprachen des Staatsbürgerkundekurses aus der Liste",
                ),
            )
        )
    return problems


def _orientation_problems(facts: CourseFacts) -> list[Problem]:
    max_hours = parameter("cai.orientation_day_max_hours", facts.on)
    too_long = any(end - start > timedelta(hours=max_hours) for start, end in facts.sessions)
    if len(facts.sessions) > 1 or too_long:
        return [
            Problem(
                "training.publication.half_day",
                "sessions",
                HALF_DAY,
                t(
                    f"An orientation day is one half-day session of at most {max_hours} hours",
                    f"Une journée d’orientation est une seule demi-journée d’au plus "
                    f"{max_hours} heures",
                    f"Ein Orientierungstag ist ein einziger halber Tag von höchstens "
                    f"{max_hours} Stunden",
                ),
            )
        ]
    return []


def orientation_days_missing(days_scheduled: int, on: date) -> int:
    """How many more orientation days the coming twelve months need (0: enough)."""
    return max(0, int(parameter("cai.orientation_days_per_year", on)) - days_scheduled)
