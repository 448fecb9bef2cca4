from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from accueil.contracts.models import Contract, ContractStatus
from accueil.core import clock
from accueil.notifications.models import DeliveryStatus, Notification
from accueil.registration.models import Candidate
from accueil.statistics.forms import Period
from accueil.training.models import (
    Course,
    CourseKind,
    CourseSession,
    CourseStatus,
    Enrolment,
    EnrolmentStatus,
)
from tests import factories

PERIOD = Period(date(2025, 1, 1), date(2025, 3, 1))  # January to March 2025
QUERY = PERIOD.query()


def signed(on: date, registered: date, **fields) -> Contract:
    person = factories.candidate(**fields)
    Candidate.objects.filter(pk=person.pk).update(
        registered_at=clock.start_of_day(registered) + timedelta(hours=23, minutes=30)
    )
    return factories.contract(
        person, entry_into_force=on, end_exclusive=on.replace(year=on.year + 2)
    )


def reviewed(on: date, status: ContractStatus) -> Contract:
    contract = signed(date(2023, 1, 10), date(2022, 12, 1))
    at = clock.start_of_day(on) + timedelta(hours=1)
    fields: dict = {"status": status, "reviewed_at": at}
    if status != ContractStatus.UNDER_REVIEW:
        fields["decided_at"] = at
    if status == ContractStatus.FULFILLED:
        fields["fulfilled_on"] = on - timedelta(days=40)
    Contract.objects.filter(pk=contract.pk).update(**fields)
    return contract


def course(kind: CourseKind, capacity: int, first: datetime, enrolled: int, **fields) -> Course:
    provider = factories.organisation()
    made = Course.objects.create(
        provider=provider,
        kind=kind,
        title=f"{kind} course",
        capacity=capacity,
        place="Luxembourg",
        address="1 rue de l'Exemple",
        languages=["fr"],
        status=fields.pop("status", CourseStatus.PUBLISHED),
    )
    CourseSession.objects.create(course=made, starts_at=first, ends_at=first + timedelta(hours=3))
    CourseSession.objects.create(
        course=made, starts_at=first + timedelta(days=7), ends_at=first + timedelta(days=7, hours=3)
    )
    for _ in range(enrolled):
        Enrolment.objects.create(course=made, candidate=factories.candidate())
    Enrolment.objects.create(
        course=made, candidate=factories.candidate(), status=EnrolmentStatus.WAITLISTED
    )
    return made


def failed_email(purpose: str, created: date) -> Notification:
    record = Notification.objects.create(
        key=f"test:{Notification.objects.count()}:{purpose}",
        kind="test",
        about="registration.candidate:x",
        purpose=purpose,
        status=DeliveryStatus.FAILED,
    )
    Notification.objects.filter(pk=record.pk).update(
        created_at=clock.start_of_day(created) + timedelta(hours=12)
    )
    return record


@pytest.fixture
def known_data(db):
    fill_known_data()


def fill_known_data() -> None:
    """Contracts signed in January to March 2025 and around it; reviews; courses; emails."""
    # Signed: January 3 (PT, PT, EG), February 0, March 2 (AT, none); outside: 2.
    signed(date(2025, 1, 2), date(2024, 12, 3), nationalities=["PT"], information_language="fr")
    signed(
        date(2025, 1, 15), date(2025, 1, 5), nationalities=["PT", "BR"], information_language="en"
    )
    signed(date(2025, 1, 31), date(2025, 1, 1), nationalities=["EG"], information_language="de")
    signed(date(2025, 3, 1), date(2025, 2, 1), nationalities=["AT"], information_language="de")
    signed(date(2025, 3, 31), date(2025, 3, 31), nationalities=[], information_language="de")
    signed(date(2024, 12, 31), date(2024, 12, 1))
    signed(date(2025, 4, 1), date(2025, 3, 1))
    # A draft has no entry into force: not signed.
    factories.contract(factories.candidate(), status=ContractStatus.DRAFT)
    # Reviews: January 2 fulfilled, 1 not fulfilled, 1 superseded, 1 awaiting; March 1
    # fulfilled; one in April (outside).
    for status in [ContractStatus.FULFILLED] * 2 + [
        ContractStatus.NOT_FULFILLED,
        ContractStatus.SUPERSEDED,
        ContractStatus.UNDER_REVIEW,
    ]:
        reviewed(date(2025, 1, 20), status)
    reviewed(date(2025, 3, 31), ContractStatus.FULFILLED)
    reviewed(date(2025, 4, 1), ContractStatus.FULFILLED)
    # Courses whose first session is in the period (and one before, one cancelled).
    lux = clock.LUXEMBOURG
    course(CourseKind.LANGUAGE, 12, datetime(2025, 2, 3, 9, tzinfo=lux), enrolled=10)
    course(CourseKind.LANGUAGE, 8, datetime(2025, 3, 3, 9, tzinfo=lux), enrolled=2)
    course(CourseKind.ORIENTATION, 30, datetime(2025, 1, 10, 9, tzinfo=lux), enrolled=4)
    course(CourseKind.CITIZENSHIP, 20, datetime(2024, 12, 30, 9, tzinfo=lux), enrolled=5)
    course(
        CourseKind.CITIZENSHIP,
        20,
        datetime(2025, 2, 3, 9, tzinfo=lux),
        enrolled=0,
        status=CourseStatus.CANCELLED,
    )
    # Emails not delivered: 2 + 1 in the period, 1 before; one sent (not counted).
    failed_email("Booking confirmation", date(2025, 1, 5))
    failed_email("Booking confirmation", date(2025, 3, 31))
    failed_email("Reminder of the information session", date(2025, 2, 5))
    failed_email("Reminder of the information session", date(2024, 12, 31))
    Notification.objects.create(key="sent", kind="t", about="x", purpose="Booking confirmation")
    assert timezone.now()
