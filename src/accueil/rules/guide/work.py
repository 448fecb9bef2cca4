"""`guide.salaried_worker`: the residence permit of a salaried worker.

Seed: the employer declares the vacancy to ADEM; the certificate may be asked for
at the earliest 3 weeks later and ADEM sends it 5 working days after the request;
the applicant (not the employer, who may be mandated) applies to the Immigration
Directorate, and a person not yet legally resident must have a favourable answer
BEFORE entering; work starts only once the authorisation is granted; within
3 working days of entry the person declares their arrival at the commune; the
first permit is valid 1 year, for one sector and one profession, with a free
choice of employer; renewal is asked for 2 months before expiry, and from the
first renewal the permit may be valid up to 3 years, in every sector and
profession. Someone living in Luxembourg without a permit cannot apply from
here (Article 89 may regularise them).
"""

from datetime import date
from typing import Any

from accueil.rules.base import Reason
from accueil.rules.guide import common, deadlines
from accueil.rules.guide import sources as S
from accueil.rules.guide.checks import Check, fixed_note, procedure, step
from accueil.rules.guide.result import ComputedDate, Procedure
from accueil.rules.guide.text import t
from accueil.rules.parameters import parameter

CODE = "salaried_worker"
TITLE = t(
    "Residence permit for a salaried worker",
    "Autorisation de séjour pour travailleur salarié",
    "Aufenthaltserlaubnis für Arbeitnehmer",
)
JOB_OFFER = Check(
    "guide.salaried_worker.job_offer",
    S.SALARIED_CONTRACT,
    t(
        "An employer offers you an employment contract, after ADEM proposed no suitable "
        "candidate for the vacancy.",
        "Un employeur vous propose un contrat de travail, l’ADEM ne lui ayant proposé aucun "
        "candidat qui convienne.",
        "Ein Arbeitgeber bietet Ihnen einen Arbeitsvertrag an, nachdem die ADEM keinen "
        "geeigneten Bewerber vorgeschlagen hat.",
    ),
    t(
        "You have no offer of employment yet: the permit needs an employer who, after "
        "declaring the vacancy to ADEM, concludes a contract with you. ADEM, the newspapers, "
        "temporary work agencies and the Internet can help you find a job.",
        "Vous n’avez pas encore d’offre d’emploi : l’autorisation suppose un employeur qui, "
        "après avoir déclaré le poste à l’ADEM, conclut un contrat avec vous. L’ADEM, les "
        "journaux, les agences intérimaires et Internet peuvent vous aider à trouver un emploi.",
        "Sie haben noch kein Stellenangebot: die Erlaubnis setzt einen Arbeitgeber voraus, "
        "der nach Meldung der Stelle bei der ADEM einen Vertrag mit Ihnen schließt. ADEM, "
        "Zeitungen, Zeitarbeitsfirmen und das Internet helfen bei der Suche.",
    ),
    t(
        "It is not known whether an employer offers you a contract.",
        "On ne sait pas si un employeur vous propose un contrat.",
        "Es ist nicht bekannt, ob Ihnen ein Arbeitgeber einen Vertrag anbietet.",
    ),
)
VACANCY = Check(
    "guide.salaried_worker.vacancy",
    S.ADEM_VACANCY,
    t(
        "The employer declared the vacancy to ADEM on {declared}.",
        "L’employeur a déclaré le poste vacant à l’ADEM le {declared}.",
        "Der Arbeitgeber hat die Stelle am {declared} bei der ADEM gemeldet.",
    ),
    t(
        "The vacancy has not been declared to ADEM.",
        "Le poste n’a pas été déclaré vacant à l’ADEM.",
        "Die Stelle wurde nicht bei der ADEM gemeldet.",
    ),
    t(
        "The employer must declare the vacancy to ADEM; the date is not known.",
        "L’employeur doit déclarer le poste vacant à l’ADEM ; la date n’est pas connue.",
        "Der Arbeitgeber muss die Stelle bei der ADEM melden; das Datum ist nicht bekannt.",
    ),
)
CERTIFICATE = Check(
    "guide.salaried_worker.certificate",
    S.ADEM_CERTIFICATE,
    t(
        "The ADEM certificate was asked for on {requested}; the earliest day was {earliest} "
        "({weeks} weeks after the declaration). ADEM sends it by {expected} ({days} working "
        "days).",
        "Le certificat de l’ADEM a été demandé le {requested} ; le premier jour possible était le "
        "{earliest} ({weeks} semaines après la déclaration). L’ADEM l’envoie au plus tard le "
        "{expected} ({days} jours ouvrables).",
        "Die ADEM-Bescheinigung wurde am {requested} beantragt; frühester Tag war der "
        "{earliest} ({weeks} Wochen nach der Meldung). Die ADEM schickt sie bis zum {expected} "
        "({days} Werktage).",
    ),
    t(
        "The ADEM certificate was asked for on {requested}, too early: it can be asked for at "
        "the earliest on {earliest}, {weeks} weeks after the declaration. Ask for it again from "
        "then.",
        "Le certificat de l’ADEM a été demandé le {requested}, trop tôt : il peut être demandé "
        "au plus tôt le {earliest}, {weeks} semaines après la déclaration. Redemandez-le à "
        "partir de cette date.",
        "Die ADEM-Bescheinigung wurde am {requested} zu früh beantragt: sie kann frühestens am "
        "{earliest} beantragt werden, {weeks} Wochen nach der Meldung. Beantragen Sie sie ab dann "
        "erneut.",
    ),
    t(
        "The ADEM certificate, which lets the employer recruit you, is not asked for yet (or "
        "the date is not known).",
        "Le certificat de l’ADEM, qui autorise l’employeur à vous recruter, n’est pas encore "
        "demandé (ou la date n’est pas connue).",
        "Die ADEM-Bescheinigung, die dem Arbeitgeber Ihre Einstellung erlaubt, ist noch nicht "
        "beantragt (oder das Datum ist nicht bekannt).",
    ),
)
WHERE_FROM = Check(
    "guide.salaried_worker.applies_from",
    S.SALARIED_BEFORE_ENTRY,
    t(
        "You can apply: from abroad, before entering Luxembourg, or from Luxembourg as a legal "
        "resident.",
        "Vous pouvez faire la demande : depuis l’étranger, avant d’entrer au Luxembourg, ou "
        "depuis le Luxembourg en tant que résident légal.",
        "Sie können den Antrag stellen: aus dem Ausland vor der Einreise oder in Luxemburg "
        "mit rechtmäßigem Aufenthalt.",
    ),
    t(
        "Without a residence permit in Luxembourg, the application must be made and approved "
        "BEFORE entering the country; if you or your child have been at school here for "
        "4 years, see Article 89.",
        "Sans titre de séjour au Luxembourg, la demande doit être introduite et avisée "
        "positivement AVANT l’entrée sur le territoire ; si vous ou votre enfant êtes "
        "scolarisés ici depuis 4 ans, voyez l’article 89.",
        "Ohne Aufenthaltstitel in Luxemburg muss der Antrag VOR der Einreise gestellt und "
        "positiv beschieden werden; wenn Sie oder Ihr Kind seit 4 Jahren hier zur Schule "
        "gehen, siehe Artikel 89.",
    ),
    t(
        "Where you live now is not known: someone not yet legally resident must apply and be "
        "approved BEFORE entering Luxembourg.",
        "On ne sait pas où vous habitez : une personne qui n’est pas encore résidente légale "
        "doit faire sa demande et recevoir l’accord AVANT d’entrer au Luxembourg.",
        "Ihr Wohnort ist nicht bekannt: wer noch nicht rechtmäßig hier wohnt, muss VOR der "
        "Einreise den Antrag stellen und die Zusage erhalten.",
    ),
)
_FIRST_PERMIT = t(
    "A first permit is valid for {years} year, for one sector and one profession only, with a free "
    "choice of employer.",
    "Une première autorisation est valable {years} an, pour un seul secteur et une seule "
    "profession, avec le libre choix du patron.",
    "Eine erste Erlaubnis gilt {years} Jahr, nur für einen Sektor und einen Beruf, bei freier Wahl "
    "des Arbeitgebers.",
)
_RENEWED = t(
    "From the first renewal, the permit may be valid for up to {years} years, in every sector and "
    "profession.",
    "Dès le 1er renouvellement, le titre peut être valable jusqu’à {years} ans, dans tout "
    "secteur et toute profession.",
    "Ab der ersten Verlängerung kann der Titel bis zu {years} Jahre gelten, für alle Sektoren und "
    "Berufe.",
)
_JOB_LOSS = t(
    "Specific provisions apply if you lose your job: ask the Immigration Directorate or ASTI.",
    "Des dispositions spécifiques sont prévues en cas de perte d’emploi : renseignez-vous auprès "
    "de la Direction de l’Immigration ou de l’ASTI.",
    "Bei Verlust des Arbeitsplatzes gelten besondere Bestimmungen: fragen Sie die Direktion der "
    "Immigration oder die ASTI.",
)
_S_VACANCY = t(
    "The employer declares the vacancy to ADEM, which checks whether job seekers with priority "
    "(EU priority) are available.",
    "L’employeur déclare le poste vacant à l’ADEM, qui vérifie la disponibilité de demandeurs "
    "d’emploi prioritaires (priorité communautaire).",
    "Der Arbeitgeber meldet die Stelle bei der ADEM, die prüft, ob bevorrechtigte "
    "Arbeitsuchende verfügbar sind (Unionsvorrang).",
)
_S_CERTIFICATE = t(
    "From {weeks} weeks after the declaration, the certificate that lets the employer recruit you "
    "is asked for at ADEM.",
    "À partir de {weeks} semaines après la déclaration, le certificat qui autorise l’employeur à "
    "vous recruter est demandé à l’ADEM.",
    "Ab {weeks} Wochen nach der Meldung wird bei der ADEM die Bescheinigung beantragt, die dem "
    "Arbeitgeber Ihre Einstellung erlaubt.",
)
_S_SENT = t(
    "ADEM sends the certificate {days} working days after the request.",
    "L’ADEM envoie le certificat {days} jours ouvrables après la demande.",
    "Die ADEM schickt die Bescheinigung {days} Werktage nach dem Antrag.",
)
_S_APPLY = t(
    "You apply to the Immigration Directorate yourself (not the employer, though you may "
    "mandate someone, such as the employer); from abroad, the answer must be favourable "
    "before you enter Luxembourg.",
    "Vous introduisez vous-même la demande à la Direction de l’Immigration (pas l’employeur, "
    "mais vous pouvez mandater quelqu’un, par exemple l’employeur) ; depuis l’étranger, la "
    "réponse doit être favorable avant votre entrée au Luxembourg.",
    "Sie stellen den Antrag selbst bei der Direktion der Immigration (nicht der Arbeitgeber; "
    "Sie können aber jemanden bevollmächtigen, etwa den Arbeitgeber); aus dem Ausland muss "
    "die Antwort vor der Einreise positiv sein.",
)
_S_START = t(
    "Work may start only once the authorisation is granted.",
    "Le travail peut débuter seulement après l’octroi de l’autorisation.",
    "Die Arbeit darf erst nach Erteilung der Erlaubnis beginnen.",
)
_S_PERMIT = t(
    "Collect your salaried worker's residence permit from the Immigration Directorate.",
    "Retirez votre titre de séjour de travailleur salarié auprès de la Direction de l’Immigration.",
    "Holen Sie Ihren Aufenthaltstitel als Arbeitnehmer bei der Direktion der Immigration ab.",
)
EARLIEST_LABEL = t(
    "First day to ask ADEM for the certificate",
    "Premier jour pour demander le certificat à l’ADEM",
    "Erster Tag, um die Bescheinigung bei der ADEM zu beantragen",
)
EXPECTED_LABEL = t(
    "Day by which ADEM sends the certificate",
    "Date à laquelle l’ADEM envoie le certificat",
    "Tag, bis zu dem die ADEM die Bescheinigung schickt",
)


def _from(residence: str | None) -> Reason:
    if residence is None:
        return WHERE_FROM.reason(None)
    return WHERE_FROM.reason(residence != "no_papers")


def adem(answers: dict[str, Any]) -> tuple[list[Any], list[Any], list[Any]]:
    """The vacancy and certificate: (conditions, steps, dates)."""
    declared: date | None = answers.get("vacancy_declared_on")
    requested: date | None = answers.get("certificate_requested_on")
    earliest = deadlines.adem_certificate_earliest(declared) if declared else None
    # A request made too early is not answered: no certificate date comes from it.
    in_time = requested is not None and (earliest is None or requested >= earliest)
    expected = (
        deadlines.adem_certificate_expected(requested)
        if requested is not None and in_time
        else None
    )
    on = answers["on"]
    weeks = parameter("guide.adem_certificate_wait_weeks", declared or on)
    days = parameter("guide.adem_certificate_working_days", requested or on)
    conditions = [VACANCY.reason(True, declared=declared) if declared else VACANCY.reason(None)]
    if earliest and requested:
        met = requested >= earliest
        params = {"requested": requested, "earliest": earliest, "weeks": weeks, "days": days}
        conditions.append(CERTIFICATE.reason(met, **params, expected=expected))
    else:
        conditions.append(CERTIFICATE.reason(None))
    steps = [
        step("adem.vacancy", S.ADEM_VACANCY, _S_VACANCY, declared),
        step("adem.certificate", S.ADEM_CERTIFICATE, _S_CERTIFICATE, earliest, weeks=weeks),
        step("adem.sent", S.ADEM_SENDS, _S_SENT, expected, days=days),
    ]
    dates = []
    if earliest:
        dates.append(
            ComputedDate(
                "adem_certificate_earliest", EARLIEST_LABEL, earliest, S.ADEM_CERTIFICATE, CODE
            )
        )
    if expected:
        dates.append(
            ComputedDate("adem_certificate_expected", EXPECTED_LABEL, expected, S.ADEM_SENDS, CODE)
        )
    return conditions, steps, dates


def salaried_worker(answers: dict[str, Any], on: date) -> Procedure:
    offer = answers.get("has_job_offer")
    conditions = [JOB_OFFER.reason(offer), _from(answers.get("residence"))]
    adem_conditions, adem_steps, adem_dates = adem(answers) if offer is not False else ([], [], [])
    conditions += adem_conditions
    steps, dates = common.merge(
        (adem_steps, adem_dates),
        (
            [
                step("apply", S.SALARIED_APPLICANT, _S_APPLY),
                step("start", S.SALARIED_CONTRACT, _S_START),
            ],
            [],
        ),
        common.decision(answers, "salaried", CODE, S.DEADLINE_SALARIED),
        common.arrival(answers, CODE),
        ([step("permit", S.SALARIED_PERMIT_ON_SITE, _S_PERMIT)], []),
        common.renewal(answers, CODE, S.SALARIED_RENEWAL),
    )
    first = parameter("guide.salaried_first_permit_years", on)
    renewed = parameter("guide.salaried_renewed_max_years", on)
    notes = [
        fixed_note(
            "guide.salaried_worker.first_permit", S.FIRST_PERMIT, _FIRST_PERMIT, years=first
        ),
        fixed_note(
            "guide.salaried_worker.renewed_permit", S.RENEWED_PERMIT, _RENEWED, years=renewed
        ),
        fixed_note("guide.salaried_worker.job_loss", S.JOB_LOSS, _JOB_LOSS),
    ]
    return procedure(
        CODE,
        TITLE,
        conditions,
        steps,
        common.documents(CODE),
        ("adem", "immigration", "commune"),
        notes,
        dates,
    )
