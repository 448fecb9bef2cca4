"""Realistic demo data: organisations of every kind in the seed, staff of every role,
and candidates at every stage of a contract's life, information sessions with
bookings and a waitlist. Loading twice changes nothing."""

import unicodedata
from base64 import b32decode
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accueil.accounts.models import Organisation, OrganisationKind, Role, User
from accueil.booking import services as booking
from accueil.booking.models import Booking, InformationSession, SessionStatus, WaitlistEntry
from accueil.contracts.models import Contract, ContractStatus
from accueil.core import clock, national_id
from accueil.demo import cases, end_data, guide_data, path_data, training_data
from accueil.intake import services as intake
from accueil.registration import services as registration_services
from accueil.registration.models import Candidate, Channel
from accueil.rules import evaluate
from accueil.rules.contacts import INTEGRATION_DEPARTMENT
from accueil.rules.working_days import is_working_day
from accueil.training.models import Course, Enrolment

DEMO_PASSWORD = "Accueil-demo-2026"  # noqa: S105 - printed on purpose, demo only
# Staff sign in with a second factor (issue 14, point 7). Every demo member of staff has
# an authenticator app set up with this one key (base32, as apps take it), printed by
# `accueil demo`, and recovery codes named after their login: "officer-1" to
# "officer-5" for officer@accueil.example. Each code works once; loading the demo again
# gives them back. Demo only: real staff set up their own app at their first sign-in.
DEMO_TOTP_SECRET = "ACCUEILDEMOTOTPSECRETKEYFORSTAFF"  # noqa: S105 - printed on purpose
DEMO_RECOVERY_CODES = 5

ORGANISATIONS = [
    (
        "Integration Department (Ministry of Family Affairs, Integration and the Greater Region)",
        OrganisationKind.INTEGRATION_DEPARTMENT,
        INTEGRATION_DEPARTMENT.address,
    ),
    (
        "Ministry of Education, Children and Youth",
        OrganisationKind.EDUCATION_MINISTRY,
        "29, rue Aldringen, L-2926 Luxembourg",
    ),
    (
        "Department of Adult Education",
        OrganisationKind.ADULT_EDUCATION,
        "29, rue Aldringen, L-2926 Luxembourg",
    ),
    (
        "National Institute for Languages (INL)",
        OrganisationKind.INL,
        "21, boulevard de la Foire, L-1528 Luxembourg",
    ),
    (
        "Commune of Esch-sur-Alzette",
        OrganisationKind.COMMUNE,
        "Place de l'Hôtel de Ville, L-4138 Esch-sur-Alzette",
    ),
    ("ASTI asbl", OrganisationKind.ASSOCIATION, "10-12, rue Auguste Laval, L-1922 Luxembourg"),
    (
        "Lycée Michel Lucius",
        OrganisationKind.SECONDARY_SCHOOL,
        "157, avenue Pasteur, L-2311 Luxembourg",
    ),
]

# Names of organisations and places in French and German (core.translated); the
# migrations accounts 0002, booking 0003 and training 0002 fill rows made before.
IN_FRENCH_AND_GERMAN = {
    ORGANISATIONS[0][0]: (
        "Département de l’intégration (ministère de la Famille, de l’Intégration et à la "
        "Grande Région)",
        "Integrationsabteilung (Ministerium für Familie, Integration und die Großregion)",
    ),
    "Ministry of Education, Children and Youth": (
        "Ministère de l’Éducation nationale, de l’Enfance et de la Jeunesse",
        "Ministerium für Bildung, Kinder und Jugend",
    ),
    "Department of Adult Education": (
        "Service de la formation des adultes",
        "Dienst für Erwachsenenbildung",
    ),
    "National Institute for Languages (INL)": (
        "Institut national des langues (INL)",
        "Nationales Spracheninstitut (INL)",
    ),
    "Commune of Esch-sur-Alzette": ("Commune d’Esch-sur-Alzette", "Gemeinde Esch-sur-Alzette"),
    "Integration Department": ("Département de l’intégration", "Integrationsabteilung"),
}


def in_french_and_german(field: str, english: str) -> dict[str, str]:
    """`{field}_fr` and `{field}_de` of a demo name (empty: the same in every language)."""
    french, german = IN_FRENCH_AND_GERMAN.get(english, ("", ""))
    return {f"{field}_fr": french, f"{field}_de": german}


# (email, first name, surname, role, organisation name prefix, language)
STAFF = [
    ("officer@accueil.example", "Claire", "Weber", Role.OFFICER, "Integration Department", "fr"),
    ("provider@accueil.example", "Marc", "Schmit", Role.PROVIDER, "National Institute", "de"),
    (
        "formation@accueil.example",
        "Sara",
        "Reuter",
        Role.PROVIDER,
        "Department of Adult Education",
        "fr",
    ),
    (
        "orientation@accueil.example",
        "Paul",
        "Hoffmann",
        Role.PROVIDER,
        "Integration Department",
        "en",
    ),
    (
        "social@accueil.example",
        "Nadia",
        "Ferreira",
        Role.SOCIAL_WORKER,
        "Integration Department",
        "fr",
    ),
    ("dpo@accueil.example", "Thomas", "Muller", Role.DPO, "Integration Department", "de"),
    ("admin@accueil.example", "Anne", "Kieffer", Role.ADMIN, "Integration Department", "en"),
]


@dataclass(frozen=True)
class Person:
    first_name: str
    surname: str
    born: date
    nationalities: tuple[str, ...]
    language: str
    stage: str
    channel: str = Channel.ONLINE
    email: str = ""
    interpreter: str = ""
    mailbox: str = ""  # of their address at example.org, for a name not in Latin script


# One candidate per stage of a contract's life; `stage` drives what is created.
PEOPLE = [
    Person(
        "Amina",
        "Haddad",
        date(1994, 3, 12),
        ("MA",),
        "fr",
        "registered",
        Channel.PHONE,
        interpreter="Arabic",
    ),
    Person("Lucas", "Pereira", date(2010, 11, 20), ("PT",), "fr", "registered"),
    Person("Olena", "Kovalenko", date(1988, 7, 2), ("UA",), "de", "draft", Channel.EMAIL),
    Person(
        "Rahul",
        "Sharma",
        date(1991, 1, 25),
        ("IN",),
        "en",
        "in_force",
        email="candidate@accueil.example",
    ),
    Person("Sofia", "Rossi", date(1985, 5, 30), ("IT",), "fr", "ending_soon"),
    Person("Kwame", "Mensah", date(1979, 9, 14), ("GH",), "en", "under_review", Channel.IN_PERSON),
    # Signs in to download her certificate of completion (issue 13, point 5).
    Person(
        "Ana",
        "Silva",
        date(1996, 2, 29),
        ("BR", "PT"),
        "fr",
        "fulfilled",
        email="fulfilled@accueil.example",
    ),
    Person("Mehmet", "Yilmaz", date(1982, 12, 1), ("TR",), "de", "not_fulfilled"),
    Person("Fatima", "Diallo", date(1990, 4, 18), ("SN",), "fr", "follow_up"),
    Person("Jan", "Kowalski", date(1975, 8, 8), ("PL",), "de", "withdrawn"),
    # A name in Chinese script: the contract's PDF prints it (issue 11, point 13).
    Person("秀英", "王", date(1990, 6, 16), ("CN",), "en", "in_force", mailbox="wang.xiuying"),
]

# How long ago the (first) contract entered into force, per stage, in days.
SIGNED_DAYS_AGO = {
    "in_force": 40,
    "ending_soon": 700,
    "under_review": 735,
    "fulfilled": 800,
    "not_fulfilled": 900,
    "follow_up": 760,
    "withdrawn": 200,
}
FINAL_STATUS = {
    "draft": ContractStatus.DRAFT,
    "in_force": ContractStatus.IN_FORCE,
    "ending_soon": ContractStatus.IN_FORCE,
    # Their term has ended: in force until the review at term and the officers' decisions
    # take them further (demo.end_data): under review, fulfilled, not fulfilled, and
    # superseded by a follow-up contract.
    "under_review": ContractStatus.IN_FORCE,
    "fulfilled": ContractStatus.IN_FORCE,
    "not_fulfilled": ContractStatus.IN_FORCE,
    "follow_up": ContractStatus.IN_FORCE,
    "withdrawn": ContractStatus.WITHDRAWN,
}


def term_end(start: date) -> date:
    values = evaluate("cai.term", {"entry_into_force": start.isoformat()}).values
    end = values["end_exclusive"]
    return end if isinstance(end, date) else date.fromisoformat(end)


@transaction.atomic
def load() -> dict[str, int]:
    organisations = {
        name: Organisation.objects.get_or_create(
            name=name,
            defaults={"kind": kind, "address": address, **in_french_and_german("name", name)},
        )[0]
        for name, kind, address in ORGANISATIONS
    }
    for email, first, last, role, org_prefix, language in STAFF:
        organisation = next(o for n, o in organisations.items() if n.startswith(org_prefix))
        staff_user(email, first, last, role, organisation, language)
    today = clock.today()
    for serial, person in enumerate(PEOPLE, start=101):
        candidate_with_contracts(person, serial, today)
    bookings_and_waitlist(information_sessions(today))
    # Before today's session is planned: the absent candidate's next session is a later one.
    cases.load(today, session_at)
    todays_session(today)
    path_data.load(today)
    end_data.load(today, stages())
    training_data.load(today, demo_candidate)
    guide_data.load(today)
    return {
        "organisations": Organisation.objects.count(),
        "users": User.objects.count(),
        "candidates": Candidate.objects.count(),
        "contracts": Contract.objects.count(),
        "information sessions": InformationSession.objects.count(),
        "bookings": Booking.objects.count(),
        "waiting": WaitlistEntry.objects.filter(status="waiting").count(),
        "courses": Course.objects.count(),
        "enrolments": Enrolment.objects.count(),
    }


def stages() -> dict[str, str]:
    """The stage of each demo person, by identification number (as they are made)."""
    return {
        national_id.make(person.born, serial): person.stage
        for serial, person in enumerate(PEOPLE, start=101)
    }


def staff_user(email, first, last, role, organisation, language) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            email,
            DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            role=role,
            organisation=organisation,
            language=language,
            is_staff=role == Role.ADMIN,
        )
    if user.is_superuser:
        # Administrators act by their role's permissions (accounts.permissions), not
        # as superusers: demo data loaded before issue 14 is brought in line.
        User.objects.filter(pk=user.pk).update(is_superuser=False)
    second_factor(user)
    return user


def recovery_codes(email: str) -> list[str]:
    name = email.split("@")[0]
    return [f"{name}-{n}" for n in range(1, DEMO_RECOVERY_CODES + 1)]


def second_factor(user: User) -> None:
    """The demo's authenticator app (DEMO_TOTP_SECRET) and recovery codes for `user`;
    the codes used since the last load are given back."""
    key = b32decode(DEMO_TOTP_SECRET).hex()
    TOTPDevice.objects.get_or_create(
        user=user, name="Demo authenticator", defaults={"key": key, "confirmed": True}
    )
    static, _made = StaticDevice.objects.get_or_create(
        user=user, name="Recovery codes", defaults={"confirmed": True}
    )
    kept = set(static.token_set.values_list("token", flat=True))
    StaticToken.objects.bulk_create(
        StaticToken(device=static, token=code)
        for code in recovery_codes(user.email)
        if code not in kept
    )


def candidate_with_contracts(person: Person, serial: int, today: date) -> Candidate:
    nin = national_id.make(person.born, serial)
    candidate = Candidate.objects.filter(national_id=nin).first()
    if candidate is not None:
        return candidate
    mailbox = person.mailbox or f"{person.first_name.lower()}.{person.surname.lower()}"
    user = None
    if person.email:
        user = User.objects.create_user(
            person.email,
            DEMO_PASSWORD,
            first_name=person.first_name,
            last_name=person.surname,
            role=Role.CANDIDATE,
            language=person.language,
        )
    candidate = Candidate.objects.create(
        user=user,
        surname=person.surname,
        first_name=person.first_name,
        national_id=nin,
        birth_date=person.born,
        phone=f"+352 621 {serial:03d} {serial + 300:03d}",
        email=person.email or f"{mailbox}@example.org",
        postal_address=f"{serial - 90}, rue de la Gare, L-{1000 + serial * 7} Luxembourg",
        nationalities=list(person.nationalities),
        information_language=person.language,
        interpreter_needed=bool(person.interpreter),
        interpreter_language=person.interpreter,
        legal_residence_confirmed=True,
        wishes_to_settle=True,
        channel=person.channel,
    )
    # Registered before any contract: a few weeks before the first one's entry into force.
    days_ago = SIGNED_DAYS_AGO.get(person.stage, 0) + 30 + serial % 20
    registered = timezone.now() - timedelta(days=days_ago)
    Candidate.objects.filter(pk=candidate.pk).update(registered_at=registered)
    contracts_for(candidate, person.stage, serial, today)
    return candidate


def contracts_for(candidate: Candidate, stage: str, serial: int, today: date) -> None:
    if stage == "registered":
        return
    number = f"CAI-{today.year - 2}-{serial:06d}"
    if stage == "draft":
        Contract.objects.create(candidate=candidate, number=number, status=ContractStatus.DRAFT)
        return
    start = today - timedelta(days=SIGNED_DAYS_AGO[stage])
    Contract.objects.create(
        candidate=candidate,
        number=number,
        status=FINAL_STATUS[stage],
        entry_into_force=start,
        end_exclusive=term_end(start),
    )


VENUES = [
    ("Integration Department", INTEGRATION_DEPARTMENT.address),
    ("Maison des associations, Esch-sur-Alzette", "Place de l'Hôtel de Ville, L-4138 Esch"),
]
# (days from today, local time, venue, capacity, languages, interpreter)
SESSIONS = [
    (-20, time(9, 30), 0, 15, ["fr", "en"], False),
    (3, time(9, 30), 0, 3, ["fr", "de"], False),
    (5, time(14, 0), 1, 12, ["fr", "pt"], True),
    (10, time(9, 30), 0, 15, ["en", "fr"], False),
    (12, time(18, 0), 0, 15, ["de", "lb"], False),
    (17, time(14, 0), 1, 12, ["fr", "en"], True),
    (24, time(9, 30), 0, 20, ["en", "de"], False),
    (31, time(14, 0), 0, 15, ["fr", "pt"], True),
]


def information_sessions(today: date) -> list[InformationSession]:
    """Past, upcoming, full and interpreted sessions, in Luxembourg local time.

    Made once: a later run (another day) keeps the sessions the demo already has.
    """
    if InformationSession.objects.exists():
        return list(InformationSession.objects.order_by("starts_at"))
    return [session_at(today, *row) for row in SESSIONS]


def session_at(
    today: date,
    days: int,
    at: time,
    venue: int,
    capacity: int,
    languages: list[str],
    interpreter: bool,
) -> InformationSession:
    """The session `days` after `today` (or the next working day) at `at` in `venue`
    (VENUES), made unless one starts then there."""
    place, address = VENUES[venue]
    starts = datetime.combine(working_day(today + timedelta(days=days)), at, clock.LUXEMBOURG)
    session, _created = InformationSession.objects.get_or_create(
        starts_at=starts,
        place=place,
        defaults={
            "address": address,
            **in_french_and_german("place", place),
            "capacity": capacity,
            "languages": languages,
            "interpreter_available": interpreter,
            "status": SessionStatus.SCHEDULED,
        },
    )
    return session


def working_day(day: date) -> date:
    """`day`, or the next working day in Luxembourg: no session on a Sunday or on Christmas."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


# Booked into the session of the day the demo runs, for an officer to run it.
TODAYS_PEOPLE = [
    ("Santos", "Maria", date(1992, 3, 17), "CV", "fr"),
    ("Benali", "Ahmed", date(1986, 10, 2), "MA", "fr"),
    ("Tran", "Minh", date(1999, 7, 21), "VN", "en"),
]


def todays_session(today: date) -> InformationSession:
    """A session today, whatever the day the demo runs, with three candidates booked.

    Each new day of the demo gets its own session and three new people (numbered by
    the day), so the whole day of an information session can be run again.
    """
    place, address = VENUES[0]
    session, _created = InformationSession.objects.get_or_create(
        starts_at=datetime.combine(today, time(11, 0), clock.LUXEMBOURG),
        place=place,
        defaults={
            "address": address,
            **in_french_and_german("place", place),
            "capacity": 12,
            "languages": ["fr", "en"],
            "interpreter_available": True,
            "status": SessionStatus.SCHEDULED,
        },
    )
    serial = 500 + (today.toordinal() % 150) * 3
    for offset, person in enumerate(TODAYS_PEOPLE):
        candidate = demo_candidate(*person, serial=serial + offset)
        if not candidate.bookings.exists() and not candidate.contracts.exists():
            booking.booking_create(
                candidate=candidate, session=session, now=session.starts_at - timedelta(days=7)
            )
            # As after registering online: the email with the account's activation link.
            registration_services.email_queue("registered", candidate.pk)
    return session


def bookings_and_waitlist(sessions: list[InformationSession]) -> None:
    """The registered candidates hold bookings; the small session is full; one waits."""
    if Booking.objects.exists():
        return
    registered = {c.first_name: c for c in Candidate.objects.filter(contracts__isnull=True)}
    drafted = Candidate.objects.filter(contracts__status=ContractStatus.DRAFT).first()
    past, full, interpreted = sessions[0], sessions[1], sessions[2]
    if drafted:  # attended a session three weeks ago, then a draft contract was prepared
        attended = booking.booking_create(
            candidate=drafted, session=past, now=past.starts_at - timedelta(days=10)
        )
        intake.check_in(
            booking=attended, present=True, actor=User.objects.get(email="officer@accueil.example")
        )
    booking.booking_create(
        candidate=registered["Amina"], session=interpreted, channel=Channel.PHONE
    )
    fillers = [extra_candidate(n) for n in range(full.capacity)]
    for person in fillers:
        booking.booking_create(candidate=person, session=full)
    # Lucas waits for a session held in Luxembourgish: none is planned yet.
    booking.waitlist_join(candidate=registered["Lucas"], language="lb")


EXTRA = [
    ("Chen", "Wei", date(1993, 6, 3), "CN", "en"),
    ("Nguyen", "Linh", date(1998, 9, 9), "VN", "fr"),
    ("Okafor", "Chidi", date(1987, 4, 22), "NG", "en"),
    ("Hussein", "Layla", date(2001, 1, 5), "SY", "de"),
]


def extra_candidate(n: int) -> Candidate:
    return demo_candidate(*EXTRA[n % len(EXTRA)], serial=200 + n)


def demo_candidate(surname, first, born, nationality, language, *, serial: int) -> Candidate:
    nin = national_id.make(born, serial)
    # The first extras keep the addresses earlier demos gave them.
    ascii_name = unicodedata.normalize("NFKD", f"{first}.{surname}").encode("ascii", "ignore")
    mailbox = ascii_name.decode().lower() + ("" if serial < 500 else f".{serial}")
    candidate, _created = Candidate.objects.get_or_create(
        national_id=nin,
        defaults={
            "surname": surname,
            "first_name": first,
            "birth_date": born,
            "phone": f"+352 691 {serial:03d} {(serial * 7) % 1000:03d}",
            "email": f"{mailbox}@example.org",
            "nationalities": [nationality],
            "information_language": language,
            "legal_residence_confirmed": True,
            "wishes_to_settle": True,
            "channel": Channel.ONLINE,
        },
    )
    return candidate
