"""`guide.student` and `guide.trainee`.

Student (seed): admitted to a higher education institution (the University of
Luxembourg, or a school leading to the BTS); the application is made and
approved BEFORE entry; resources of 80% of the guaranteed minimum income for
the costs of stay and return, and health insurance covering every risk; then
the student's residence permit from the ministry. The seed gives the share of
the guaranteed minimum income, not its amount: the rule keeps the ratio
(parameter `guide.student_resources_ratio`) and asks whether it is met.

Trainee: an unpaid traineeship needs an application approved BEFORE entry
showing that the traineeship is compulsory in the studies and that a
traineeship agreement exists. For a paid traineeship, the ministry considers
whether it lasts less or more than 3 months: by the seed's order, a shorter
one calls for a private-life authorisation ("autorisation de vie privée"), a
longer one for a salaried worker's permit. A traineeship of exactly 3 months
is taken as not more than 3 months.
"""

from datetime import date
from typing import Any

from accueil.rules.guide import common
from accueil.rules.guide import sources as S
from accueil.rules.guide.checks import Check, fixed_note, procedure, step
from accueil.rules.guide.result import Procedure
from accueil.rules.guide.text import t
from accueil.rules.parameters import parameter

STUDENT_TITLE = t(
    "Residence permit for a student",
    "Autorisation de séjour pour étudiant",
    "Aufenthaltserlaubnis für Studierende",
)
ADMITTED = Check(
    "guide.student.admitted",
    S.STUDENT,
    t(
        "You are admitted to a higher education institution in Luxembourg.",
        "Vous êtes admis dans un établissement d’enseignement supérieur au Luxembourg.",
        "Sie sind an einer Hochschule in Luxemburg zugelassen.",
    ),
    t(
        "You must be admitted to a higher education institution: the University of Luxembourg "
        "or a school leading to the BTS. Ask the institution about its admission conditions.",
        "Vous devez être admis dans un établissement d’enseignement supérieur : l’Université du "
        "Luxembourg ou un établissement menant au BTS. Renseignez-vous auprès de "
        "l’établissement sur ses conditions d’admission.",
        "Sie müssen an einer Hochschule zugelassen sein: der Universität Luxemburg oder einer "
        "Schule, die zum BTS führt. Fragen Sie die Einrichtung nach ihren "
        "Zulassungsbedingungen.",
    ),
    t(
        "It is not known whether you are admitted to a higher education institution.",
        "On ne sait pas si vous êtes admis dans un établissement d’enseignement supérieur.",
        "Es ist nicht bekannt, ob Sie an einer Hochschule zugelassen sind.",
    ),
)
RESOURCES = Check(
    "guide.student.resources",
    S.STUDENT_RESOURCES,
    t(
        "You will have resources of at least {percent}% of the guaranteed minimum income for "
        "your costs of stay and return.",
        "Vous disposerez de ressources d’au moins {percent} % du revenu minimum garanti pour "
        "vos frais de séjour et de retour.",
        "Sie werden Mittel von mindestens {percent} % des garantierten Mindesteinkommens für "
        "Aufenthalt und Rückreise haben.",
    ),
    t(
        "You must show resources of at least {percent}% of the guaranteed minimum income for "
        "your costs of stay and return during your studies.",
        "Vous devez prouver des ressources d’au moins {percent} % du revenu minimum garanti "
        "pour vos frais de séjour et de retour pendant vos études.",
        "Sie müssen für die Dauer des Studiums Mittel von mindestens {percent} % des "
        "garantierten Mindesteinkommens für Aufenthalt und Rückreise nachweisen.",
    ),
    t(
        "You will have to show resources of at least {percent}% of the guaranteed minimum "
        "income; it is not known whether you have them.",
        "Vous devrez prouver des ressources d’au moins {percent} % du revenu minimum garanti ; "
        "on ne sait pas si vous en disposez.",
        "Sie müssen Mittel von mindestens {percent} % des garantierten Mindesteinkommens "
        "nachweisen; es ist nicht bekannt, ob Sie sie haben.",
    ),
)
INSURANCE = Check(
    "guide.student.insurance",
    S.STUDENT_INSURANCE,
    t(
        "You will have health insurance covering every risk in Luxembourg.",
        "Vous aurez une assurance maladie couvrant tous les risques au Luxembourg.",
        "Sie werden eine Krankenversicherung für alle Risiken in Luxemburg haben.",
    ),
    t(
        "You must have health insurance covering every risk in Luxembourg.",
        "Vous devez disposer d’une assurance maladie couvrant tous les risques au Luxembourg.",
        "Sie brauchen eine Krankenversicherung, die in Luxemburg alle Risiken deckt.",
    ),
    t(
        "It is not known whether you will have health insurance covering every risk.",
        "On ne sait pas si vous aurez une assurance maladie couvrant tous les risques.",
        "Es ist nicht bekannt, ob Sie eine Krankenversicherung für alle Risiken haben werden.",
    ),
)
_BEFORE_ENTRY = t(
    "Before entering Luxembourg, apply to the ministry in charge of immigration and wait for "
    "its approval; then enter, with a visa if you need one.",
    "Avant votre entrée au Luxembourg, introduisez une demande auprès du ministère ayant "
    "l’immigration dans ses attributions et attendez son accord ; entrez ensuite, le cas "
    "échéant avec un visa.",
    "Stellen Sie vor der Einreise den Antrag beim für Immigration zuständigen Ministerium und "
    "warten Sie auf die Zustimmung; reisen Sie dann ein, gegebenenfalls mit Visum.",
)
_STUDENT_PERMIT = t(
    "Then apply for the student's residence permit at the ministry.",
    "Introduisez ensuite votre demande de titre de séjour pour étudiant auprès du ministère.",
    "Beantragen Sie danach beim Ministerium den Aufenthaltstitel für Studierende.",
)


def student(answers: dict[str, Any], on: date) -> Procedure:
    percent = round(parameter("guide.student_resources_ratio", on) * 100)
    conditions = [
        ADMITTED.reason(answers.get("admitted_higher_education")),
        RESOURCES.fixed(answers.get("student_resources"), percent=percent),
        INSURANCE.reason(answers.get("student_insurance")),
    ]
    before = []
    if answers.get("residence") != "resident":
        before = [step("before_entry", S.STUDENT_BEFORE_ENTRY, _BEFORE_ENTRY)]
    steps, dates = common.merge(
        (before, []),
        common.decision(answers, "general", "student"),
        common.arrival(answers, "student"),
        ([step("permit", S.STUDENT_PERMIT, _STUDENT_PERMIT)], []),
        common.renewal(answers, "student"),
    )
    contacts = ("immigration", "commune")
    return procedure(
        "student",
        STUDENT_TITLE,
        conditions,
        steps,
        common.documents("student"),
        contacts,
        (),
        dates,
    )


TRAINEE_TITLE = t(
    "Residence permit for a trainee",
    "Autorisation de séjour pour stagiaire",
    "Aufenthaltserlaubnis für Praktikanten",
)
COMPULSORY = Check(
    "guide.trainee.compulsory",
    S.TRAINEE_UNPAID,
    t(
        "The unpaid traineeship is compulsory in your studies.",
        "Le stage non rémunéré est obligatoire dans le cadre de vos études.",
        "Das unbezahlte Praktikum ist Pflicht in Ihrem Studium.",
    ),
    t(
        "An unpaid traineeship must be a compulsory part of your studies.",
        "Un stage non rémunéré doit être obligatoire dans le cadre de vos études.",
        "Ein unbezahltes Praktikum muss Pflichtteil Ihres Studiums sein.",
    ),
    t(
        "It is not known whether the traineeship is compulsory in your studies.",
        "On ne sait pas si le stage est obligatoire dans le cadre de vos études.",
        "Es ist nicht bekannt, ob das Praktikum Pflicht in Ihrem Studium ist.",
    ),
)
AGREEMENT = Check(
    "guide.trainee.agreement",
    S.TRAINEE_UNPAID,
    t(
        "A traineeship agreement exists.",
        "Une convention de stage existe.",
        "Es gibt einen Praktikumsvertrag.",
    ),
    t(
        "An unpaid traineeship needs a traineeship agreement.",
        "Un stage non rémunéré suppose une convention de stage.",
        "Ein unbezahltes Praktikum setzt einen Praktikumsvertrag voraus.",
    ),
    t(
        "It is not known whether a traineeship agreement exists.",
        "On ne sait pas si une convention de stage existe.",
        "Es ist nicht bekannt, ob es einen Praktikumsvertrag gibt.",
    ),
)
PAID = Check(
    "guide.trainee.paid",
    S.TRAINEE,
    t(
        "For a traineeship, paid and unpaid ones are told apart.",
        "Pour un stage, on distingue les stages non rémunérés et rémunérés.",
        "Bei Praktika wird zwischen bezahlten und unbezahlten unterschieden.",
    ),
    t(
        "Paid and unpaid traineeships follow different procedures.",
        "Les stages rémunérés et non rémunérés suivent des démarches différentes.",
        "Für bezahlte und unbezahlte Praktika gelten verschiedene Verfahren.",
    ),
    t(
        "Whether the traineeship is paid is not known: paid and unpaid traineeships follow "
        "different procedures.",
        "On ne sait pas si le stage est rémunéré : les stages rémunérés et non rémunérés "
        "suivent des démarches différentes.",
        "Ob das Praktikum bezahlt ist, ist nicht bekannt: für bezahlte und unbezahlte Praktika "
        "gelten verschiedene Verfahren.",
    ),
)
_UNPAID = t(
    "Apply for a residence authorisation, approved BEFORE you enter Luxembourg, showing that "
    "the traineeship is compulsory and that an agreement exists.",
    "Demandez une autorisation de séjour, accordée AVANT votre entrée au Luxembourg, en "
    "prouvant que le stage est obligatoire et qu’une convention existe.",
    "Beantragen Sie eine Aufenthaltserlaubnis, die VOR der Einreise erteilt wird, mit dem "
    "Nachweis, dass das Praktikum Pflicht ist und ein Vertrag besteht.",
)
_SHORT_PAID = t(
    "A paid traineeship of {months} months or less: apply for a private-life authorisation, "
    "approved BEFORE you enter Luxembourg.",
    "Stage rémunéré de {months} mois ou moins : demandez une autorisation de vie privée, "
    "accordée AVANT votre entrée au Luxembourg.",
    "Bezahltes Praktikum von höchstens {months} Monaten: beantragen Sie eine Erlaubnis aus "
    "privaten Gründen, die VOR der Einreise erteilt wird.",
)
_LONG_PAID = t(
    "A paid traineeship of more than {months} months: apply for a salaried worker's residence "
    "permit, approved BEFORE you enter Luxembourg.",
    "Stage rémunéré de plus de {months} mois : demandez une autorisation de séjour pour "
    "travailleur salarié, accordée AVANT votre entrée au Luxembourg.",
    "Bezahltes Praktikum von mehr als {months} Monaten: beantragen Sie eine "
    "Aufenthaltserlaubnis für Arbeitnehmer, die VOR der Einreise erteilt wird.",
)
_PAID_LENGTH = t(
    "For a paid traineeship the ministry looks at whether it lasts {months} months or less "
    "(private-life authorisation) or more (salaried worker's permit).",
    "Pour un stage rémunéré, le ministère regarde s’il dure {months} mois ou moins "
    "(autorisation de vie privée) ou plus (autorisation de travailleur salarié).",
    "Bei einem bezahlten Praktikum prüft das Ministerium, ob es höchstens {months} Monate "
    "dauert (Erlaubnis aus privaten Gründen) oder länger (Erlaubnis für Arbeitnehmer).",
)


def trainee(answers: dict[str, Any], on: date) -> Procedure:
    paid = answers.get("traineeship_paid")
    threshold = parameter("guide.trainee_paid_months", on)
    notes = []
    if paid is False:
        conditions = [
            COMPULSORY.reason(answers.get("traineeship_compulsory")),
            AGREEMENT.reason(answers.get("traineeship_agreement")),
        ]
        first = [step("apply.unpaid", S.TRAINEE_UNPAID, _UNPAID)]
        kind = "general"
    else:
        conditions = [PAID.reason(None)] if paid is None else []
        months = answers.get("traineeship_months")
        first = []
        kind = "general"
        if paid and months is not None:
            longer = months > threshold
            text = _LONG_PAID if longer else _SHORT_PAID
            first = [step("apply.paid", S.TRAINEE_PAID, text, months=threshold)]
            kind = "salaried" if longer else "general"
        else:
            notes.append(
                fixed_note(
                    "guide.trainee.paid_length",
                    S.TRAINEE_PAID_LENGTH,
                    _PAID_LENGTH,
                    months=threshold,
                )
            )
    source = S.DEADLINE_SALARIED if kind == "salaried" else S.DEADLINE_GENERAL
    steps, dates = common.merge(
        (first, []),
        common.decision(answers, kind, "trainee", source),
        common.arrival(answers, "trainee"),
    )
    return procedure(
        "trainee",
        TRAINEE_TITLE,
        conditions,
        steps,
        common.documents("trainee"),
        ("immigration", "commune"),
        notes,
        dates,
    )
