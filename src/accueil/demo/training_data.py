"""Demo data of training (issue 12): vouchers for every contract in force, people
enrolled in courses of every kind of provider, attendance recorded for the sessions
already held, certificates issued, a full course with a waiting list, and the signals
of the officers' early-warning list. Everything is made through the services a click
would call (enrolment with a voucher, attendance, certificates), dated when it would
have happened; nothing is made twice.

The case for the issue's "Done when" is left for the user to do: the National Institute
for Languages held "Luxembourgish A1.1, intensive week" last week, and Rahul Sharma
(candidate@accueil.example), who has three unused vouchers, is not enrolled in it. The
provider's staff (provider@accueil.example) enrol him with one of his vouchers (a
participant recorded after the course, which only the provider's staff may do), record
the attendance of the whole course by CSV, and issue his certificate; its QR code leads
to the verification page, and his path shows his language training done. `where()` says
so on the demo's console.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from accueil.accounts.models import Organisation, OrganisationKind, Role, User
from accueil.contracts.models import Contract, ContractStatus
from accueil.core.clock import LUXEMBOURG
from accueil.registration.models import Candidate
from accueil.rules import evaluate
from accueil.training import services as training
from accueil.training.models import (
    AttendanceStatus,
    Course,
    CourseKind,
    CourseSession,
    CourseStatus,
    Enrolment,
    EnrolmentStatus,
    Voucher,
)

OFFICER = "officer@accueil.example"
PROVIDER = "provider@accueil.example"  # National Institute for Languages
ADULT_EDUCATION = "formation@accueil.example"
ORIENTATION = "orientation@accueil.example"  # the Integration Department's orientation days
CANDIDATE = "candidate@accueil.example"  # Rahul Sharma, contract in force
JOURNEY_COURSE = "Luxembourgish A1.1, intensive week"

# People with a contract in force for some months, who take the courses:
# (surname, first name, date of birth, nationality, language, serial, signed days ago).
PARTICIPANTS = [
    ("Costa", "Joana", date(1991, 5, 4), "PT", "fr", 401, 120),
    ("Ibrahim", "Omar", date(1987, 11, 23), "SD", "en", 402, 110),
    ("Novák", "Petra", date(1995, 2, 8), "CZ", "de", 403, 100),
    ("Mukendi", "Grace", date(1989, 8, 30), "CD", "fr", 404, 95),
    ("Ahmadi", "Reza", date(1993, 12, 12), "AF", "de", 405, 90),
    ("Popescu", "Ioana", date(1984, 6, 19), "RO", "en", 406, 85),
]

# (organisation kind, (title en, fr, de), kind, taught language, level, languages,
# places, fee, reduced fee, place, address, first session (days from today), start,
# number of sessions, days between them, hours each)
COURSES = [
    (
        OrganisationKind.INL,
        (
            JOURNEY_COURSE,
            "Luxembourgeois A1.1, semaine intensive",
            "Luxemburgisch A1.1, Intensivwoche",
        ),
        CourseKind.LANGUAGE,
        "lb",
        "A1.1",
        ["lb"],
        12,
        "180.00",
        "45.00",
        "INL, room 1.08",
        "21, boulevard de la Foire, L-1528 Luxembourg",
        -7,
        time(9),
        5,
        1,
        3,
    ),
    (
        OrganisationKind.INL,
        ("French A1, autumn term", "Français A1, trimestre d’automne", "Französisch A1, Herbst"),
        CourseKind.LANGUAGE,
        "fr",
        "A1",
        ["fr"],
        14,
        "320.00",
        "80.00",
        "INL, room 3.02",
        "21, boulevard de la Foire, L-1528 Luxembourg",
        -35,
        time(18),
        10,
        7,
        2,
    ),
    (
        OrganisationKind.INL,
        (
            "Luxembourgish conversation, small group",
            "Conversation en luxembourgeois, petit groupe",
            "Luxemburgisch Konversation, kleine Gruppe",
        ),
        CourseKind.LANGUAGE,
        "lb",
        "A2",
        ["lb"],
        3,
        "240.00",
        "60.00",
        "INL, room 0.12",
        "21, boulevard de la Foire, L-1528 Luxembourg",
        16,
        time(12, 15),
        6,
        7,
        1,
    ),
    (
        OrganisationKind.ADULT_EDUCATION,
        (
            "Living together in Luxembourg, October",
            "Vivre ensemble au Luxembourg, octobre",
            "Zusammenleben in Luxemburg, Oktober",
        ),
        CourseKind.CITIZENSHIP,
        "",
        "",
        ["en", "fr"],
        25,
        "0",
        "0",
        "Lycée Michel Lucius, room B12",
        "157, avenue Pasteur, L-2311 Luxembourg",
        -50,
        time(18),
        3,
        7,
        2,
    ),
    (
        OrganisationKind.INTEGRATION_DEPARTMENT,
        (
            "Orientation day, November",
            "Journée d’orientation, novembre",
            "Orientierungstag, November",
        ),
        CourseKind.ORIENTATION,
        "",
        "",
        ["fr", "de", "en", "pt"],
        200,
        "0",
        "0",
        "Centre culturel Kinneksbond",
        "42, route d'Arlon, L-8210 Mamer",
        -25,
        time(9),
        1,
        0,
        4,
    ),
]


@dataclass(frozen=True)
class Attended:
    """Who takes part in which demo course (first names): the sessions they missed
    (name, index among the sessions held, status), who used a voucher, and who has
    been given their certificate (once the course is over)."""

    course: str
    people: tuple[str, ...]
    missed: tuple[tuple[str, int, str], ...] = ()
    with_voucher: tuple[str, ...] = ()
    certified: tuple[str, ...] = ()


ABSENT, EXCUSED = AttendanceStatus.ABSENT, AttendanceStatus.EXCUSED
ATTENDED = [
    Attended(
        JOURNEY_COURSE,
        ("Joana", "Omar", "Petra"),
        missed=(("Petra", 2, EXCUSED),),
        with_voucher=("Joana", "Omar", "Petra"),
        certified=("Joana",),
    ),
    # Reza missed the last two sessions: a signal on the officers' early-warning list.
    Attended(
        "French A1, autumn term",
        ("Grace", "Reza", "Ioana", "Omar"),
        missed=(("Reza", -1, ABSENT), ("Reza", -2, ABSENT), ("Ioana", 1, EXCUSED)),
        with_voucher=("Grace", "Reza", "Ioana"),
    ),
    # Three seats for four people: Ioana waits.
    Attended(
        "Luxembourgish conversation, small group",
        ("Omar", "Joana", "Petra", "Ioana"),
        with_voucher=("Omar", "Joana"),
    ),
    Attended(
        "Living together in Luxembourg, October",
        ("Joana", "Omar", "Grace", "Reza"),
        missed=(("Reza", 0, ABSENT),),
        certified=("Grace",),
    ),
    Attended("Orientation day, November", ("Petra", "Grace", "Ioana"), certified=("Petra",)),
    # Courses of the catalogue (demo.catalogue_data), starting after today.
    Attended("Luxembourgish for beginners", ("秀英", "Grace"), with_voucher=("秀英",)),
    Attended("Living together in Luxembourg", ("Petra", "Ioana")),
    Attended("Luxembourgish in the evening", ("Ioana", "Grace"), with_voucher=("Ioana",)),
    Attended("German for everyday life", ("Reza",), with_voucher=("Reza",)),
    Attended("French, intermediate", ("Petra",), with_voucher=("Petra",)),
    Attended("Reading and writing in French", ("Omar",), with_voucher=("Omar",)),
]

# Made before and given here so that demo.data keeps one way of making a person.
MakeCandidate = Callable[..., Candidate]


def load(today: date, make_candidate: MakeCandidate) -> None:
    if Course.objects.filter(title=JOURNEY_COURSE).exists():
        return
    officer = User.objects.get(email=OFFICER)
    people = {row[1]: participant(row, today, officer, make_candidate) for row in PARTICIPANTS}
    for candidate in Candidate.objects.filter(first_name__in=["秀英", "Rahul", "Sofia"]):
        people[candidate.first_name] = candidate
    for contract in Contract.objects.filter(status=ContractStatus.IN_FORCE).select_related(
        "candidate"
    ):
        issue_vouchers(contract, officer, today)
    courses = {row[1][0]: demo_course(row, today) for row in COURSES}
    for plan in ATTENDED:
        if plan.course not in courses:
            courses[plan.course] = Course.objects.get(title=plan.course)
    for plan in ATTENDED:
        take_part(plan, courses[plan.course], people, today)


def participant(row: tuple, today: date, officer: User, make: MakeCandidate) -> Candidate:
    surname, first, born, nationality, language, serial, days = row
    candidate = make(surname, first, born, nationality, language, serial=serial)
    if not candidate.contracts.exists():
        start = today - timedelta(days=days)
        # Registered a few weeks before signing, as the demo's other signatories.
        registered = datetime.combine(start - timedelta(days=30), time(9), tzinfo=LUXEMBOURG)
        Candidate.objects.filter(pk=candidate.pk).update(registered_at=registered)
        end = evaluate("cai.term", {"entry_into_force": start.isoformat()}).values
        Contract.objects.create(
            candidate=candidate,
            number=f"CAI-{start.year}-{serial:06d}",
            status=ContractStatus.IN_FORCE,
            entry_into_force=start,
            end_exclusive=date.fromisoformat(str(end["end_exclusive"])),
            language=language,
            signature_method="confirmed",
            signed_by=officer,
            signed_at=datetime.combine(start, time(10), tzinfo=LUXEMBOURG),
        )
    return candidate


def issue_vouchers(contract: Contract, officer: User, today: date) -> None:
    """Every voucher a contract gives, issued the day it was signed; for a contract
    signed long ago, issued five months and ten days ago, so that it expires unused
    within 30 days (a signal of the early-warning list)."""
    if contract.vouchers.exists() or contract.entry_into_force is None:
        return
    issued = max(contract.entry_into_force, today - timedelta(days=160))
    moment = datetime.combine(issued, time(10, 30), tzinfo=LUXEMBOURG)
    count = training.vouchers_per_contract(issued) if issued == contract.entry_into_force else 1
    for _number in range(count):
        training.voucher_issue(contract=contract, actor=officer, now=moment)


def demo_course(row: tuple, today: date) -> Course:
    (
        kind,
        (title, title_fr, title_de),
        course_kind,
        taught,
        level,
        languages,
        places,
        fee,
        reduced,
        place,
        address,
        first,
        at,
        count,
        every,
        hours,
    ) = row
    provider = Organisation.objects.filter(kind=kind).order_by("pk")[0]
    course = Course.objects.create(
        provider=provider,
        kind=course_kind,
        title=title,
        title_fr=title_fr,
        title_de=title_de,
        taught_language=taught,
        cefr_level=level,
        languages=languages,
        capacity=places,
        fee=Decimal(fee),
        reduced_fee=Decimal(reduced),
        place=place,
        address=address,
        status=CourseStatus.PUBLISHED,
    )
    day = today + timedelta(days=first)
    if every == 1:  # an intensive week: from the Monday of the week
        day -= timedelta(days=day.weekday())
    for _number in range(count):
        while day.weekday() >= 5:  # an intensive week runs from Monday to Friday
            day += timedelta(days=1)
        start = datetime.combine(day, at, tzinfo=LUXEMBOURG)
        CourseSession.objects.create(
            course=course, starts_at=start, ends_at=start + timedelta(hours=hours)
        )
        day += timedelta(days=every or 1)
    return course


def take_part(plan: Attended, course: Course, people: dict[str, Candidate], today: date) -> None:
    """Enrol the plan's people (a week before the course, with a voucher where planned),
    record the attendance of the sessions held, and issue the planned certificates."""
    sessions = list(course.sessions.order_by("starts_at"))
    before = sessions[0].starts_at - timedelta(days=7)
    # The provider's staff enrol them; where the demo has no staff for the provider,
    # the person enrolled online (a candidate without an account: no actor).
    staff = course_staff(course)
    for first_name in plan.people:
        candidate = people[first_name]
        code = ""
        if first_name in plan.with_voucher:
            usable = training.usable_vouchers(candidate, before.date())
            code = usable[0].code if usable else ""
        training.enrol(
            course_id=course.pk, candidate=candidate, actor=staff, voucher_code=code, now=before
        )
    held = [s for s in sessions if s.ends_at.date() < today]
    if not held or staff is None:
        return
    missed = {(who, held[i % len(held)].pk): status for who, i, status in plan.missed}
    entries = []
    enrolled = course.enrolments.filter(status=EnrolmentStatus.ENROLLED).select_related("candidate")
    for person in enrolled:
        for session in held:
            status = missed.get((person.candidate.first_name, session.pk), AttendanceStatus.PRESENT)
            hours = training.session_hours(session) if status == AttendanceStatus.PRESENT else 0
            entries.append(training.Entry(person.pk, session.pk, status, Decimal(hours)))
    training.attendance_apply(course=course, entries=entries, actor=staff, source="demo")
    if len(held) < len(sessions):
        return
    for person in enrolled:
        if person.candidate.first_name in plan.certified:
            training.certificate_issue(
                enrolment=person, actor=staff, issued_on=held[-1].starts_at.date()
            )


def course_staff(course: Course) -> User | None:
    """The first staff member of the course's provider (the demo has staff for the
    providers whose courses have been held), or None."""
    staff = User.objects.filter(organisation=course.provider, role=Role.PROVIDER)
    return staff.order_by("pk").first()


def where() -> list[str]:
    """The demo's console: where to do issue 12's journey."""
    candidate = Candidate.objects.filter(user__email=CANDIDATE).first()
    course = Course.objects.filter(title=JOURNEY_COURSE).first()
    if candidate is None or course is None:
        return []
    voucher = next(iter(training.usable_vouchers(candidate)), None)
    code = voucher.code_display if isinstance(voucher, Voucher) else "(none left)"
    already = Enrolment.objects.filter(course=course, candidate=candidate).exists()
    lines = [
        f"Training: as {PROVIDER}, open “{JOURNEY_COURSE}” (held last week) in “Your courses”;",
        f"  enrol {candidate.first_name} {candidate.surname} (identification number "
        f"{candidate.national_id}, surname {candidate.surname}) with voucher {code};",
        "  record the whole course's attendance by CSV (download the template, fill it, "
        "upload it);",
        "  issue his certificate and open its PDF: its QR code leads to the verification page;",
        f"  then, as {CANDIDATE}, his path shows his language training done.",
        f"  Citizenship certificates: {ADULT_EDUCATION}; orientation days: {ORIENTATION};",
        "  the officers' early-warning list: Reza Ahmadi missed two sessions in a row.",
    ]
    if already:
        lines.insert(1, "  (He is enrolled already: this demo's data has been used.)")
    return lines
