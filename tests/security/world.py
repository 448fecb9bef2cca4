"""The people and objects the walk of every URL visits with (issue 14, point 8).

Two of each kind, one "own" and one "other": candidates A and B (each with an account,
a contract in force, a booking at today's information session, their private links),
providers X and Y (each with staff, a course held yesterday, an enrolment of their
candidate, the attendance and a certificate), two interview requests (one nobody took,
one another social worker took), a letter and an email not delivered about A. Every
URL is visited with the objects of A, of X, or the untaken request: whoever may not
see them must be refused.

`build()` makes them through the factories and the services a click uses, and returns
the users by role name and the URL arguments by object name.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django_q.models import OrmQ, Schedule, Task

from accueil.accounts.models import Role, User
from accueil.accounts.selectors import sign_in_token
from accueil.audit.models import AuditEvent
from accueil.booking.models import BookingStatus
from accueil.contracts import selectors as contract_selectors
from accueil.contracts.models import Contract, ContractStatus
from accueil.guide import engine
from accueil.guide import services as guide_services
from accueil.guide.calculators import CALCULATORS
from accueil.guide.models import Procedure
from accueil.notifications.models import DeliveryStatus, Letter, Notification
from accueil.privacy.models import DataSubjectRequest, RequestKind
from accueil.registration import accounts as candidate_accounts
from accueil.registration import selectors as registration_selectors
from accueil.registration.public_views import CHECK, REGISTER
from accueil.social.models import InterviewRequest
from accueil.statistics import selectors as statistics_selectors
from accueil.training import certificates, enrolment, vouchers
from accueil.training.models import Attendance
from tests import factories
from tests.training.catalogue_helpers import approved, course

ANONYMOUS = "anonymous"
CANDIDATE_A = "candidate_a"
CANDIDATE_B = "candidate_b"
OFFICER = "officer"
PROVIDER_X = "provider_x"
PROVIDER_Y = "provider_y"
SOCIAL = "social_worker"
DPO = "dpo"
ADMIN = "admin"
ROLES = (
    ANONYMOUS,
    CANDIDATE_A,
    CANDIDATE_B,
    OFFICER,
    PROVIDER_X,
    PROVIDER_Y,
    SOCIAL,
    DPO,
    ADMIN,
)


# The scan of A's signed contract: its stored name and its bytes (a PDF's first bytes).
SCAN_NAME = "contracts/scans/walk-scan.pdf"
SCAN = b"%PDF-1.7\n% the walk's scan\n%%EOF\n"


@dataclass
class World:
    users: dict[str, User | None] = field(default_factory=dict)
    objects: dict[str, object] = field(default_factory=dict)


def _candidate(role_user: User, session, surname: str):
    person = factories.candidate(user=role_user, surname=surname, email=role_user.email)
    contract = factories.contract(person)
    booking = factories.book(session, person, status=BookingStatus.ACTIVE)
    return person, contract, booking


def _provider(name: str, person):
    """A provider's course held yesterday, `person` enrolled with a voucher, present,
    and their certificate."""
    organisation = approved(name=name)
    staff = factories.user(Role.PROVIDER, organisation=organisation)
    held = course(organisation, sessions=((-1, 2),), title=f"{name} course")
    voucher = vouchers.voucher_issue(contract=person.contracts.get(), actor=None)
    enrolled, _new = enrolment.enrol(
        course_id=held.pk,
        candidate=person,
        actor=staff,
        voucher_code=voucher.code,
        now=timezone.now() - timedelta(days=3),
    )
    session = held.sessions.get()
    Attendance.objects.create(
        enrolment=enrolled, session=session, status="present", hours=2, recorded_at=timezone.now()
    )
    certificate = certificates.certificate_issue(
        enrolment=enrolled, actor=staff, issued_on=timezone.localdate()
    )
    return staff, {
        "organisation": organisation,
        "course": held,
        "course_session": session,
        "enrolment": enrolled,
        "certificate": certificate,
        "voucher": voucher,
    }


def build() -> World:
    world = World()
    users = world.users
    users[ANONYMOUS] = None
    users[OFFICER] = factories.user(Role.OFFICER)
    users[SOCIAL] = factories.user(Role.SOCIAL_WORKER)
    users[DPO] = factories.user(Role.DPO)
    # The administrator as the demo and `createsuperuser` make them: the role's
    # permissions (accounts.permissions), not a superuser's.
    users[ADMIN] = factories.user(Role.ADMIN)
    users[CANDIDATE_A] = factories.user(Role.CANDIDATE)
    users[CANDIDATE_B] = factories.user(Role.CANDIDATE)
    other_social_worker = factories.user(Role.SOCIAL_WORKER)

    session = factories.information_session(starts_at=factories.on_day(0), capacity=5)
    a, contract_a, booking_a = _candidate(users[CANDIDATE_A], session, "Ahlberg")
    b, _contract_b, _booking_b = _candidate(users[CANDIDATE_B], session, "Berisha")
    staff_x, x = _provider("Provider X", a)
    staff_y, _y = _provider("Provider Y", b)
    users[PROVIDER_X] = staff_x
    users[PROVIDER_Y] = staff_y

    # A's contract was signed on paper: its scan (the file itself is written into each
    # visit's media folder by the walk, `SCAN`).
    Contract.objects.filter(pk=contract_a.pk).update(signed_scan=SCAN_NAME)
    # A's data-rights requests: a correction (for the officers) and an erasure (the DPO's).
    today = timezone.localdate()
    requests = {
        kind: DataSubjectRequest.objects.create(
            candidate=a,
            kind=kind,
            received_on=today,
            first_deadline=today + timedelta(days=30),
            deadline=today + timedelta(days=30),
            changes={"surname": "Ahlberg-Lind"} if kind == RequestKind.RECTIFICATION else {},
        )
        for kind in (RequestKind.RECTIFICATION, RequestKind.ERASURE)
    }
    # A's first contract, fulfilled two years ago: its certificate of completion.
    fulfilled = factories.contract(
        a,
        status=ContractStatus.FULFILLED,
        entry_into_force=date(2022, 1, 15),
        end_exclusive=date(2024, 1, 15),
    )
    # A registered person without an account yet, whose activation link is A's kind.
    unactivated = factories.candidate(surname="Celik")
    free_request = InterviewRequest.objects.create(
        candidate=a, reason="Housing", urgency="medium", requested_by=users[OFFICER]
    )
    taken_request = InterviewRequest.objects.create(
        candidate=b,
        reason="Health",
        urgency="high",
        requested_by=users[OFFICER],
        social_worker=other_social_worker,
        taken_at=timezone.now(),
    )
    notification = Notification.objects.create(
        key=f"booked:booking:{booking_a.pk}",
        kind="booked",
        about=registration_selectors.email_about(a.pk),
        purpose="Booking confirmation",
        status=DeliveryStatus.FAILED,
        attempts=30,
        last_error="SMTPServerDisconnected",
        last_attempt_at=timezone.now(),
        task="accueil.booking.emails.send_booking_email",
        task_args=["booked", booking_a.pk],
    )
    letter_record = Notification.objects.create(
        key=f"letter:booking:{booking_a.pk}",
        kind="booked",
        about=registration_selectors.email_about(a.pk),
        purpose="Booking confirmation",
        status=DeliveryStatus.SENT,
        sent_at=timezone.now(),
    )
    letter = Letter.objects.create(notification=letter_record, language="fr", pdf=b"%PDF-1.4\n")
    procedure = Procedure.objects.create(
        candidate=a, kind="salaried", complete_on=timezone.localdate() - timedelta(days=10)
    )
    a.pending_email = "ahlberg.new@example.test"
    a.save(update_fields=["pending_email"])
    guide_token = guide_services.answers_save(answers={}, language="en", token=None)

    group = Group.objects.create(name="Walkers")
    schedule = Schedule.objects.create(name="walk", func="math.floor", args="1")
    task = Task.objects.create(
        id="walk-success",
        name="walk",
        func="math.floor",
        started=timezone.now(),
        stopped=timezone.now(),
        success=True,
    )
    failure = Task.objects.create(
        id="walk-failure",
        name="walk-failed",
        func="math.floor",
        started=timezone.now(),
        stopped=timezone.now(),
        success=False,
    )
    queued = OrmQ.objects.create(key="default", payload="walk", lock=timezone.now())
    attempt = AccessAttempt.objects.create(
        user_agent="walk",
        ip_address="127.0.0.1",
        username="walker",
        http_accept="*/*",
        path_info="/sign-in/",
        get_data="",
        post_data="",
        failures_since_start=1,
    )
    log = AccessLog.objects.create(
        user_agent="walk",
        ip_address="127.0.0.1",
        username="walker",
        http_accept="*/*",
        path_info="/sign-in/",
    )
    failure_log = AccessFailureLog.objects.create(
        user_agent="walk",
        ip_address="127.0.0.1",
        username="walker",
        http_accept="*/*",
        path_info="/sign-in/",
        locked_out=False,
    )
    event = AuditEvent.objects.earliest("pk")  # the enrolments' and certificates', above

    world.objects.update(
        {
            "candidate": a.pk,
            "surname_a": a.surname,
            "surname_b": b.surname,
            "contract": contract_a.pk,
            "fulfilled_contract": fulfilled.pk,
            "rectification_request": requests[RequestKind.RECTIFICATION].pk,
            "erasure_request": requests[RequestKind.ERASURE].pk,
            "privacy_kind": "erasure",
            "forged_token": "WyJub3QtYS10b2tlbiJd:1xacAN:forged-signature-0123456789",
            "session": session.pk,
            "booking": booking_a.pk,
            "access_token": registration_selectors.access_token(a),
            "email_token": registration_selectors.email_confirm_token(a, a.pending_email),
            "activation_token": candidate_accounts.activation_url(unactivated)
            .rstrip("/")
            .rsplit("/", 1)[-1],
            "sign_in_token": sign_in_token(users[CANDIDATE_A]),
            "calendar_token": contract_selectors.feed_url(a).rsplit("/", 2)[-2],
            "guide_token": guide_token,
            "procedure": procedure.pk,
            "free_request": free_request.pk,
            "taken_request": taken_request.pk,
            "notification": notification.pk,
            "letter": letter.pk,
            "course": x["course"].pk,
            "course_session": x["course_session"].pk,
            "enrolment": x["enrolment"].pk,
            "certificate": x["certificate"].code,
            "voucher": x["voucher"].pk,
            "organisation": x["organisation"].pk,
            "check_step": CHECK.steps[0].slug,
            "register_step": REGISTER.steps[0].slug,
            "calculator": next(iter(CALCULATORS)),
            "statistics_page": next(iter(statistics_selectors.PAGES)),
            "statistics_table": next(iter(statistics_selectors.PAGES.values()))[0],
            "language": "fr",
            "guide_fact": engine.questions({})[0].fact,
            "rule": "cai.eligibility",
            "group": group.pk,
            "staff_user": users[OFFICER].pk,
            "candidate_user": users[CANDIDATE_A].pk,
            "schedule": schedule.pk,
            "task": task.pk,
            "failure": failure.pk,
            "queued": queued.pk,
            "access_attempt": attempt.pk,
            "access_log": log.pk,
            "access_failure_log": failure_log.pk,
            "content_type": ContentType.objects.get_for_model(User).pk,
            "audit_event": event.pk,
            "accounts_app": "accounts",
            "no_such_admin_page": "no-such-page/",
        }
    )
    return world
