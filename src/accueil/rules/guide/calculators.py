"""The dated calculators, usable on their own: arrival declaration, ADEM certificate,
renewal request, decision due date, and the decision deadline that applies.

Each returns a `Decision` whose `values` hold the computed dates; given a day
`on`, it also says whether that day is still in time. The conventions are those
of `accueil.rules.guide.deadlines`.
"""

from datetime import date
from typing import Any

from accueil.rules.base import Decision, Reason
from accueil.rules.guide import deadlines
from accueil.rules.guide import sources as S
from accueil.rules.guide.checks import Check, note
from accueil.rules.guide.text import t
from accueil.rules.parameters import parameter
from accueil.rules.working_days import public_holidays

ARRIVAL = Check(
    "guide.arrival_declaration.deadline",
    S.ARRIVAL_DECLARATION,
    t(
        "On {on} you are still in time: declare your arrival at the commune by {deadline}, "
        "{days} working days after your entry on {entry}.",
        "Le {on}, vous êtes encore dans les temps : faites votre déclaration d’arrivée à la "
        "commune au plus tard le {deadline}, {days}e jour ouvrable après votre entrée le "
        "{entry}.",
        "Am {on} sind Sie noch rechtzeitig: melden Sie sich bis zum {deadline} bei der "
        "Gemeinde an, dem {days}. Werktag nach Ihrer Einreise am {entry}.",
    ),
    t(
        "On {on} the time to declare your arrival has passed: it ended on {deadline}, "
        "{days} working days after your entry on {entry}. Go to the commune at once.",
        "Le {on}, le délai de déclaration d’arrivée est dépassé : il a pris fin le {deadline}, "
        "{days}e jour ouvrable après votre entrée le {entry}. Rendez-vous sans tarder à la "
        "commune.",
        "Am {on} ist die Frist für die Anmeldung abgelaufen: sie endete am {deadline}, dem "
        "{days}. Werktag nach Ihrer Einreise am {entry}. Gehen Sie sofort zur Gemeinde.",
    ),
    t(
        "Declare your arrival at the commune by {deadline}: {days} working days after your "
        "entry on {entry} (the day of entry, weekends and public holidays are not counted).",
        "Faites votre déclaration d’arrivée à la commune au plus tard le {deadline} : le "
        "{days}e jour ouvrable après votre entrée le {entry} (le jour de l’entrée, les "
        "week-ends et les jours fériés ne comptent pas).",
        "Melden Sie sich bis zum {deadline} bei der Gemeinde an: dem {days}. Werktag nach Ihrer "
        "Einreise am {entry} (der Einreisetag, Wochenenden und Feiertage zählen nicht).",
    ),
)
HOLIDAYS = (
    "guide.arrival_declaration.holidays",
    S.ARRIVAL_DECLARATION,
    t(
        "Public holidays skipped in the count: {holidays}.",
        "Jours fériés non comptés : {holidays}.",
        "Nicht mitgezählte Feiertage: {holidays}.",
    ),
)
EARLIEST = Check(
    "guide.adem_certificate.earliest",
    S.ADEM_CERTIFICATE,
    t(
        "The certificate was asked for on {requested}, on or after {earliest}, the first day "
        "allowed ({weeks} weeks after the declaration on {declared}).",
        "Le certificat a été demandé le {requested}, au plus tôt le {earliest} comme permis "
        "({weeks} semaines après la déclaration du {declared}).",
        "Die Bescheinigung wurde am {requested} beantragt, frühestens am {earliest} wie "
        "erlaubt ({weeks} Wochen nach der Meldung vom {declared}).",
    ),
    t(
        "The certificate was asked for on {requested}, before {earliest}, the first day "
        "allowed ({weeks} weeks after the declaration on {declared}).",
        "Le certificat a été demandé le {requested}, avant le {earliest}, premier jour permis "
        "({weeks} semaines après la déclaration du {declared}).",
        "Die Bescheinigung wurde am {requested} beantragt, vor dem {earliest}, dem ersten "
        "erlaubten Tag ({weeks} Wochen nach der Meldung vom {declared}).",
    ),
    t(
        "The certificate can be asked for from {earliest}, {weeks} weeks after the declaration "
        "of the vacancy on {declared}.",
        "Le certificat peut être demandé à partir du {earliest}, {weeks} semaines après la "
        "déclaration du poste le {declared}.",
        "Die Bescheinigung kann ab dem {earliest} beantragt werden, {weeks} Wochen nach der "
        "Meldung der Stelle am {declared}.",
    ),
)
EXPECTED = (
    "guide.adem_certificate.expected",
    S.ADEM_SENDS,
    t(
        "ADEM sends the certificate by {expected}, {days} working days after the request on "
        "{requested}.",
        "L’ADEM envoie le certificat au plus tard le {expected}, {days} jours ouvrables après "
        "la demande du {requested}.",
        "Die ADEM schickt die Bescheinigung bis zum {expected}, {days} Werktage nach dem "
        "Antrag vom {requested}.",
    ),
)
RENEWAL = Check(
    "guide.renewal_date.request_by",
    S.RENEWAL,
    t(
        "On {on} you are still in time: ask for the renewal by {request_by}, {months} months "
        "before the permit expires on {expiry}.",
        "Le {on}, vous êtes encore dans les temps : demandez le renouvellement au plus tard le "
        "{request_by}, {months} mois avant l’expiration du titre le {expiry}.",
        "Am {on} sind Sie noch rechtzeitig: beantragen Sie die Verlängerung bis zum "
        "{request_by}, {months} Monate vor Ablauf des Titels am {expiry}.",
    ),
    t(
        "On {on} the renewal should already have been asked for: by {request_by}, {months} "
        "months before the permit expires on {expiry}. Ask for it now.",
        "Le {on}, le renouvellement aurait déjà dû être demandé : au plus tard le "
        "{request_by}, {months} mois avant l’expiration du titre le {expiry}. Demandez-le "
        "maintenant.",
        "Am {on} hätte die Verlängerung schon beantragt sein sollen: bis zum {request_by}, "
        "{months} Monate vor Ablauf des Titels am {expiry}. Beantragen Sie sie jetzt.",
    ),
    t(
        "Ask for the renewal by {request_by}, {months} months before the permit expires on "
        "{expiry}.",
        "Demandez le renouvellement au plus tard le {request_by}, {months} mois avant "
        "l’expiration du titre le {expiry}.",
        "Beantragen Sie die Verlängerung bis zum {request_by}, {months} Monate vor Ablauf des "
        "Titels am {expiry}.",
    ),
)
DUE = Check(
    "guide.decision_due.date",
    S.DEADLINE_START,
    t(
        "On {on} the deadline is still running: the decision is due by {due}, {months} months "
        "after the file was complete on {complete}.",
        "Le {on}, le délai court encore : la décision est attendue au plus tard le {due}, "
        "{months} mois après que le dossier a été complet le {complete}.",
        "Am {on} läuft die Frist noch: die Entscheidung ist bis zum {due} fällig, {months} "
        "Monate nachdem der Antrag am {complete} vollständig war.",
    ),
    t(
        "On {on} the deadline has passed: the decision was due by {due}, {months} months after "
        "the file was complete on {complete}. Without an answer, you may appeal (informal "
        "appeal or Administrative Tribunal).",
        "Le {on}, le délai est dépassé : la décision était attendue au plus tard le {due}, "
        "{months} mois après que le dossier a été complet le {complete}. Sans réponse, vous "
        "pouvez introduire un recours (gracieux ou devant le Tribunal administratif).",
        "Am {on} ist die Frist abgelaufen: die Entscheidung war bis zum {due} fällig, {months} "
        "Monate nachdem der Antrag am {complete} vollständig war. Ohne Antwort können Sie "
        "Rechtsmittel einlegen (Widerspruch oder Verwaltungsgericht).",
    ),
    t(
        "The decision is due by {due}, {months} months after the file was complete on {complete}.",
        "La décision est attendue au plus tard le {due}, {months} mois après que le dossier a "
        "été complet le {complete}.",
        "Die Entscheidung ist bis zum {due} fällig, {months} Monate nachdem der Antrag am "
        "{complete} vollständig war.",
    ),
)
_KIND_SOURCES = {
    "general": S.DEADLINE_GENERAL,
    "salaried": S.DEADLINE_SALARIED,
    "family_tcn": S.DEADLINE_REUNIFICATION,
    "family_eu": S.DEADLINE_EU_FAMILY,
    "long_term": S.DEADLINE_LONG_TERM,
}
DEADLINE_TEXT = t(
    "The Immigration Directorate has {months} months to decide on this kind of application "
    "({kind}), counted from the day the file is complete.",
    "La Direction de l’Immigration a {months} mois pour décider de ce type de demande "
    "({kind}), à compter du jour où le dossier est complet.",
    "Die Direktion der Immigration hat {months} Monate, um über diese Art von Antrag zu "
    "entscheiden ({kind}), ab dem Tag, an dem der Antrag vollständig ist.",
)
KIND_NAMES = {
    "general": t("general rule", "règle générale", "allgemeine Regel"),
    "salaried": t("salaried worker", "travailleur salarié", "Arbeitnehmer"),
    "family_tcn": t(
        "family reunification with a third-country national",
        "regroupement familial avec un ressortissant de pays tiers",
        "Familiennachzug zu Drittstaatsangehörigen",
    ),
    "family_eu": t(
        "family member of an EU citizen",
        "membre de famille d’un citoyen de l’UE",
        "Familienangehörige von Unionsbürgern",
    ),
    "long_term": t(
        "long-term resident", "résident de longue durée", "langfristig Aufenthaltsberechtigte"
    ),
}


def _in_time(on: date | None, last: date) -> bool | None:
    return None if on is None else on <= last


def arrival_declaration(entry: date, on: date | None) -> Decision:
    deadline = deadlines.arrival_declaration_deadline(entry)
    days = parameter("guide.arrival_declaration_working_days", entry)
    reasons = [
        ARRIVAL.reason(_in_time(on, deadline), on=on, entry=entry, deadline=deadline, days=days)
    ]
    skipped = sorted(
        day
        for year in {entry.year, deadline.year}
        for day in public_holidays(year)
        if entry < day <= deadline
    )
    if skipped:
        reasons.append(note(*HOLIDAYS, holidays=", ".join(day.isoformat() for day in skipped)))
    values = {"entry_date": entry, "deadline": deadline}
    return Decision("guide.arrival_declaration", "deadline", tuple(reasons), values)


def adem_certificate(declared: date, requested: date | None) -> Decision:
    earliest = deadlines.adem_certificate_earliest(declared)
    values: dict[str, Any] = {"vacancy_declared_on": declared, "earliest_request": earliest}
    weeks = parameter("guide.adem_certificate_wait_weeks", declared)
    params = {"declared": declared, "earliest": earliest, "weeks": weeks}
    if requested is None:
        reasons: list[Reason] = [EARLIEST.reason(None, **params)]
        return Decision("guide.adem_certificate", "earliest", tuple(reasons), values)
    in_time = requested >= earliest
    reasons = [EARLIEST.reason(in_time, requested=requested, **params)]
    # A request made too early is not answered: no certificate date comes from it.
    expected = deadlines.adem_certificate_expected(requested) if in_time else None
    if expected:
        days = parameter("guide.adem_certificate_working_days", requested)
        reasons.append(note(*EXPECTED, expected=expected, requested=requested, days=days))
    values |= {"certificate_requested_on": requested, "expected_by": expected}
    outcome = "expected" if in_time else "asked_too_early"
    return Decision("guide.adem_certificate", outcome, tuple(reasons), values)


def renewal_date(expiry: date, on: date | None) -> Decision:
    request_by = deadlines.renewal_request_by(expiry)
    months = parameter("guide.renewal_notice_months", expiry)
    met = _in_time(on, request_by)
    reason = RENEWAL.reason(met, on=on, request_by=request_by, months=months, expiry=expiry)
    outcome = "request_by" if met is not False else "late"
    return Decision(
        "guide.renewal_date",
        outcome,
        (reason,),
        {"permit_expiry": expiry, "request_by": request_by},
    )


def decision_due(kind: str, complete: date, on: date | None) -> Decision:
    due = deadlines.decision_due(kind, complete)
    months = deadlines.decision_months(kind, complete)
    met = _in_time(on, due)
    reason = DUE.reason(met, on=on, due=due, months=months, complete=complete)
    outcome = "overdue" if met is False else "due"
    values = {"procedure": kind, "file_complete_on": complete, "months": months, "due": due}
    return Decision("guide.decision_due", outcome, (reason,), values)


def decision_deadline(kind: str, on: date) -> Decision:
    months = deadlines.decision_months(kind, on)
    source = _KIND_SOURCES[kind]
    text = {
        lang: DEADLINE_TEXT[lang].format(months=months, kind=KIND_NAMES[kind][lang])
        for lang in DEADLINE_TEXT
    }
    reasons = (
        Reason(
            "guide.decision_deadline.months",
            "guide.decision_deadline",
            None,
            source,
            text,
            {"months": months},
        ),
        DEADLINE_START_REASON,
    )
    return Decision(
        "guide.decision_deadline", "months", reasons, {"procedure": kind, "months": months}
    )


DEADLINE_START_REASON = Reason(
    "guide.decision_deadline.complete_file",
    "guide.decision_deadline",
    None,
    S.DEADLINE_START,
    t(
        "The deadline runs from the day the file is complete; incomplete files are not considered.",
        "Le délai commence au moment où le dossier introduit est complet ; les dossiers "
        "incomplets ne sont pas pris en considération.",
        "Die Frist beginnt mit dem vollständigen Antrag; unvollständige Anträge werden nicht "
        "berücksichtigt.",
    ),
)

# The kinds of application of `guide.decision_due`, named for a form's choices.
APPLICATION_KINDS = {
    "general": t(
        "Another residence application",
        "Une autre demande de séjour",
        "Ein anderer Aufenthaltsantrag",
    ),
    "salaried": t(
        "Residence permit for a salaried worker",
        "Autorisation de séjour pour travailleur salarié",
        "Aufenthaltserlaubnis für Arbeitnehmer",
    ),
    "family_tcn": t(
        "Family reunification with a sponsor from outside the EU",
        "Regroupement familial avec un regroupant ressortissant de pays tiers",
        "Familiennachzug zu einer Person aus einem Drittstaat",
    ),
    "family_eu": t(
        "Family member of an EU citizen",
        "Membre de famille d’un citoyen de l’Union",
        "Familienangehörige eines Unionsbürgers",
    ),
    "long_term": t(
        "Long-term resident status",
        "Statut de résident de longue durée",
        "Rechtsstellung eines langfristig Aufenthaltsberechtigten",
    ),
}
