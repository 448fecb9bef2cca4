"""People, courses, attendances, vouchers and contracts for the early-warning tests."""

import secrets
from datetime import datetime, time, timedelta

from django.utils import timezone

from accueil.core import clock
from accueil.training.models import (
    Attendance,
    CourseSession,
    Enrolment,
    EnrolmentStatus,
    Voucher,
    VoucherRedemption,
)
from tests import factories
from tests.training.vouchers_helpers import course


def enrolled(person=None, **course_fields) -> Enrolment:
    person = person or factories.candidate()
    return Enrolment.objects.create(
        course=course(**course_fields), candidate=person, status=EnrolmentStatus.ENROLLED
    )


def attend(enrolment: Enrolment, *statuses: str) -> list[Attendance]:
    """One session per status, a day apart (in the past), each with its attendance."""
    rows = []
    base = clock.start_of_day(clock.today()) - timedelta(days=60)
    before = enrolment.course.sessions.count()  # later sessions follow the earlier ones
    for n, status in enumerate(statuses, start=before):
        start = base + timedelta(days=n, hours=18)
        session = CourseSession.objects.create(
            course=enrolment.course, starts_at=start, ends_at=start + timedelta(hours=2)
        )
        rows.append(
            Attendance.objects.create(
                enrolment=enrolment,
                session=session,
                status=status,
                hours=2 if status == "present" else 0,
                recorded_at=timezone.now(),
            )
        )
    return rows


def voucher(days_left: int, person=None, *, used=False, revoked=False) -> Voucher:
    """A voucher whose expires_on (first day not valid) is today + days_left."""
    person = person or factories.candidate()
    contract = factories.contract(person)
    made = Voucher.objects.create(
        contract=contract,
        candidate=person,
        number=1,
        code=secrets.token_hex(8).upper(),
        issued_at=timezone.now() - timedelta(days=150),
        expires_on=clock.today() + timedelta(days=days_left),
        revoked_at=timezone.now() if revoked else None,
        revoke_reason="Lost" if revoked else "",
    )
    if used:
        VoucherRedemption.objects.create(voucher=made, enrolment=enrolled(person))
    return made


def signed(days_ago: int, person=None, **fields):
    """A contract in force signed `days_ago` days ago (10:00 in Luxembourg)."""
    person = person or factories.candidate()
    day = clock.today() - timedelta(days=days_ago)
    at = datetime.combine(day, time(10), tzinfo=clock.LUXEMBOURG)
    return factories.contract(person, signed_at=at, signature_method="confirmed", **fields)
