"""Enrolment in a course, by the candidate or by the provider's staff (issue 12, point 5).

The guarantees are those of `booking.services` for information sessions: the course's
row is locked (SELECT ... FOR UPDATE) while the seats taken are counted, so two
enrolments never take the last seat together; a full course puts the person on its
waiting list; a seat freed is given at once to the first person waiting; a re-submitted
enrolment returns the one already made. The database holds the rest: at most one
current enrolment per person and course (`enrolment_current_once`) and at most one
current redemption per voucher (`voucher_redeemed_once`). Locks are always taken in
the same order (course, then voucher), so two enrolments cannot deadlock.

A voucher redeemed for an enrolment is given back when the enrolment is cancelled
before the course's first session starts (the person did not have the course, as they
would expect); cancelled later, it stays used.

Late recording: a person enrolling themselves cannot once the course's last session
has ended, but the staff of the course's provider (Role.PROVIDER of `course.provider`)
can, into a published course that has started or ended, so that someone who took part
without being entered in the system is recorded and can get their certificate. The
other conditions hold for them as for anyone: a place (else the waiting list), a
voucher valid that day, a contract in force.

Each change is announced to the person (`training.emails`: enrolled, on the waiting
list, given a seat from it, cancelled), queued in the same transaction.
"""

from contextlib import contextmanager
from datetime import date, datetime

from django.db import IntegrityError, connection, transaction
from django.db.models import Exists, Min, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accueil.accounts.access import has_role
from accueil.accounts.models import Role, User
from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.contracts.models import Contract, ContractStatus
from accueil.core import clock
from accueil.registration.models import Candidate
from accueil.training import emails
from accueil.training.models import (
    Course,
    CourseKind,
    CourseSession,
    CourseStatus,
    Enrolment,
    EnrolmentStatus,
    Voucher,
    VoucherRedemption,
)
from accueil.training.vouchers import (
    NoContractInForce,
    VoucherUsed,
    VoucherWrongCourse,
    contract_in_force,
    normalise_code,
    voucher_check,
    voucher_for_enrolment,
)

CURRENT = (EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITLISTED)
VOUCHER_KINDS = (CourseKind.LANGUAGE, CourseKind.LITERACY)
# What `enrol_person` reads of the course, the voucher and its holder (the rest is
# deferred): the checks, the enrolment and its email's queueing (`emails.notify`).
COURSE_FIELDS = ("provider_id", "kind", "capacity", "status")
VOUCHER_FIELDS = ("candidate", "contract", "revoked_at", "expires_on")
PERSON_FIELDS = ("national_id", "surname", "email", "postal_address")
REDEEMED_ONCE = ("voucher_redeemed_once", "training_voucherredemption.voucher_id")


class EnrolmentError(Exception):
    code = "enrolment_refused"
    message = _("This enrolment is not possible.")

    def __str__(self) -> str:
        return str(self.message)


class CourseClosed(EnrolmentError):
    code = "course_closed"
    message = _("This course is not open for enrolment.")


class CourseNotFound(EnrolmentError):
    """Not a course of the actor's organisation (the pages and the API answer 404)."""

    code = "course_not_found"
    message = _("This course is not open for enrolment.")


class PersonUnknown(EnrolmentError):
    code = "person_unknown"
    message = _(
        "No one with a contract in force has this identification number and surname. "
        "Check both on the person's identity document."
    )


def _taken(course: Course) -> int:
    return Enrolment.objects.filter(course=course, status=EnrolmentStatus.ENROLLED).count()


def person_for_enrolment(*, national_id: str, surname: str) -> Candidate:
    """The person a provider names, found only if both the number and the surname match
    and they have a contract in force (a provider learns nothing more)."""
    in_force = Contract.objects.filter(candidate=OuterRef("pk"), status=ContractStatus.IN_FORCE)
    candidate = (
        Candidate.objects.filter(national_id="".join(national_id.split()))
        .annotate(signed=Exists(in_force))
        .first()
    )
    if candidate is None or not _named(candidate, surname):
        raise PersonUnknown
    if not candidate.signed:
        raise PersonUnknown
    return candidate


def _named(candidate: Candidate, surname: str, national_id: str | None = None) -> bool:
    if national_id is not None and candidate.national_id != "".join(national_id.split()):
        return False
    return candidate.surname.casefold() == " ".join(surname.split()).casefold()


def enrol(
    *,
    course_id: int,
    candidate: Candidate,
    actor: User | None,
    voucher_code: str = "",
    now: datetime | None = None,
) -> tuple[Enrolment, bool]:
    """Enrol `candidate` (or put them on the waiting list), with a voucher for the
    reduced rate when a code is given. Returns the enrolment and whether it is new: a
    re-submit returns the current one unchanged. Raises EnrolmentError or VoucherError,
    with nothing written."""
    now = now or timezone.now()
    today = timezone.localdate(now, timezone=clock.LUXEMBOURG)
    with _redeemed_once(), transaction.atomic():
        last_end = CourseSession.objects.filter(course=OuterRef("pk")).order_by("-ends_at")
        course = (
            Course.objects.select_for_update(of=("self",))
            .annotate(last_end=Subquery(last_end.values("ends_at")[:1]))
            .filter(pk=course_id)
            .first()
        )
        if course is None:
            raise CourseClosed
        ended = course.last_end is not None and course.last_end <= now
        if ended and not _provider_staff(actor, course):
            raise CourseClosed
        return _enrol(course, candidate, actor, voucher_code, today)


def enrol_person(
    *,
    course_id: int,
    national_id: str,
    surname: str,
    actor: User,
    voucher_code: str = "",
    now: datetime | None = None,
) -> tuple[Enrolment, bool]:
    """Provider staff (`actor`) enrol the person they name by number and surname (as
    `person_for_enrolment`) in a course of their organisation: `enrol`, in fewer
    statements for the API. The course is locked and checked to be the actor's in one
    query (CourseNotFound otherwise, whether it exists or not); a course that has
    started or ended is open to them (late recording, see the module's docstring).
    Given a voucher code, the voucher (locked, after the course, as in `enrol`) is
    read with its holder and its contract, the person named in nearly every case:
    one query for both; otherwise the person is looked up on their own."""
    now = now or timezone.now()
    today = timezone.localdate(now, timezone=clock.LUXEMBOURG)
    with _redeemed_once(), transaction.atomic():
        # Only the columns an enrolment reads: Django's compiler spends more time on
        # a query's columns than PostgreSQL does (benchmarks/README.md, the enrolment rush).
        course = (
            Course.objects.select_for_update()
            .filter(pk=course_id, provider_id=actor.organisation_id)
            .only(*COURSE_FIELDS)
            .first()
        )
        if course is None or not _provider_staff(actor, course):
            raise CourseNotFound
        voucher = None
        code = normalise_code(voucher_code) if course.kind in VOUCHER_KINDS else ""
        if code:
            # Whether it is used is not read: the unique index `voucher_redeemed_once`
            # refuses a second current redemption when it is inserted (VoucherUsed, the
            # enrolment rolled back with it), as it does for two enrolments at once.
            voucher = (
                Voucher.objects.select_for_update(of=("self",))
                .select_related("candidate", "contract")
                .only(
                    *VOUCHER_FIELDS,
                    *(f"candidate__{name}" for name in PERSON_FIELDS),
                    "contract__status",
                )
                .filter(code=code)
                .first()
            )
        # The voucher's holder is the person named, with the voucher's contract in force:
        # no other query. Otherwise the person is looked up on their own (a contract in
        # force other than the voucher's counts too, as in `enrol`).
        if (
            voucher is not None
            and voucher.contract.status == ContractStatus.IN_FORCE
            and _named(voucher.candidate, surname, national_id)
        ):
            candidate = voucher.candidate
            candidate.signed = True  # type: ignore[attr-defined]
        else:
            candidate = person_for_enrolment(national_id=national_id, surname=surname)
        return _enrol(course, candidate, actor, voucher_code, today, voucher=voucher)


@contextmanager
def _redeemed_once():
    try:
        yield
    except IntegrityError as error:
        # Two redemptions of one voucher at once (for two courses, whose locks do not
        # exclude each other): the unique index refused the second, whose savepoint
        # is rolled back.
        # (PostgreSQL names the constraint, SQLite the column.)
        if any(name in str(error) for name in REDEEMED_ONCE):
            raise VoucherUsed from None
        raise


def _enrol(
    course: Course,
    candidate: Candidate,
    actor: User | None,
    voucher_code: str,
    today: date,
    *,
    voucher: Voucher | None = None,
) -> tuple[Enrolment, bool]:
    """The enrolment, under the course's lock (`course` was read with it); `voucher`:
    the voucher of `voucher_code`, read and locked already with its state."""
    if course.status != CourseStatus.PUBLISHED:
        raise CourseClosed
    # `signed`: person_for_enrolment has just checked the contract in force.
    if not getattr(candidate, "signed", False) and contract_in_force(candidate) is None:
        raise NoContractInForce
    # Under the course's lock: the seats taken, and whether this person is already there.
    counts = _counts(course, candidate)
    if counts["theirs"]:
        return Enrolment.objects.get(course=course, candidate=candidate, status__in=CURRENT), False
    if voucher_code:
        if course.kind not in VOUCHER_KINDS:
            raise VoucherWrongCourse
        if voucher is None:
            voucher = voucher_for_enrolment(
                code=voucher_code, candidate=candidate, today=today, lock=True
            )
        else:
            voucher_check(voucher, candidate=candidate, today=today)
    status = EnrolmentStatus.ENROLLED
    if counts["taken"] >= course.capacity:
        status = EnrolmentStatus.WAITLISTED
    enrolment = Enrolment.objects.create(course=course, candidate=candidate, status=status)
    fields = ["course", "status"]
    if voucher is not None:
        VoucherRedemption.objects.create(voucher=voucher, enrolment=enrolment, redeemed_by=actor)
        fields.append("voucher")
    audit_record(action=Action.CREATE, actor=actor, target=enrolment, fields=fields)
    emails.notify(str(status), enrolment, candidate)
    return enrolment, True


# The seats taken in a course and whether the person is in it already, in one statement.
# Written out: built by the ORM (`aggregate` with two filtered counts), the same
# statement cost an enrolment more of the worker's time than PostgreSQL's (the
# enrolment rush, benchmarks/README.md). `test_counts_are_the_orms` checks them equal.
COUNTS_SQL = (
    "SELECT COUNT(*) FILTER (WHERE status = %s), COUNT(*) FILTER (WHERE candidate_id = %s)"
    " FROM training_enrolment WHERE course_id = %s AND status IN (%s, %s)"
)


def _counts(course: Course, candidate: Candidate) -> dict[str, int]:
    """`taken`: the course's enrolled seats; `theirs`: the person's current enrolments
    in it (0 or 1). Read under the course's lock."""
    candidate_id = Enrolment._meta.get_field("candidate").get_db_prep_value(
        candidate.pk, connection
    )
    with connection.cursor() as cursor:
        cursor.execute(
            COUNTS_SQL,
            [EnrolmentStatus.ENROLLED.value, candidate_id, course.pk, *(s.value for s in CURRENT)],
        )
        taken, theirs = cursor.fetchone()
    return {"taken": taken, "theirs": theirs}


def _provider_staff(actor: User | None, course: Course) -> bool:
    """Whether `actor` is staff of the course's provider (who may record a late enrolment)."""
    return (
        actor is not None
        and has_role(actor, Role.PROVIDER)
        and actor.organisation_id == course.provider_id
    )


def _started(course: Course, now: datetime) -> bool:
    first = course.sessions.aggregate(first=Min("starts_at"))["first"]
    return first is not None and first <= now


def waitlist_promote(*, course: Course, actor: User | None = None) -> list[Enrolment]:
    """Give the free seats to those waiting, first come first served. The caller holds
    the course's row lock."""
    free = course.capacity - _taken(course)
    if free <= 0:
        return []
    waiting = list(
        Enrolment.objects.filter(course=course, status=EnrolmentStatus.WAITLISTED)
        .select_related("candidate")
        .order_by("created_at", "pk")[:free]
    )
    for enrolment in waiting:
        enrolment.status = EnrolmentStatus.ENROLLED
        enrolment.save(update_fields=["status"])
        audit_record(action=Action.TRANSITION, actor=actor, target=enrolment, fields=["status"])
        emails.notify("promoted", enrolment, enrolment.candidate)
    return waiting


def enrolment_cancel(
    *, enrolment: Enrolment, actor: User | None, now: datetime | None = None
) -> Enrolment:
    """Cancel an enrolment (or leave the waiting list). Its voucher is given back if
    the course has not started; the seat goes to the first person waiting."""
    now = now or timezone.now()
    with transaction.atomic():
        course = Course.objects.select_for_update().get(pk=enrolment.course_id)
        locked = (
            Enrolment.objects.select_for_update(of=("self",))
            .select_related("candidate")
            .get(pk=enrolment.pk)
        )
        if locked.status == EnrolmentStatus.CANCELLED:
            return locked
        locked.status = EnrolmentStatus.CANCELLED
        locked.ended_at = now
        locked.save(update_fields=["status", "ended_at"])
        fields = ["status"]
        if not _started(course, now):
            returned = VoucherRedemption.objects.filter(
                enrolment=locked, returned_at__isnull=True
            ).update(returned_at=now)
            if returned:
                fields.append("voucher")
        audit_record(action=Action.TRANSITION, actor=actor, target=locked, fields=fields)
        emails.notify("cancelled", locked, locked.candidate)
        waitlist_promote(course=course, actor=actor)
    return locked


def enrolments_of(candidate: Candidate):
    """The candidate's enrolments with their course and voucher, newest first."""
    return (
        Enrolment.objects.filter(candidate=candidate)
        .select_related("course", "course__provider", "voucher_redemption__voucher")
        .order_by("-created_at", "-pk")
    )
