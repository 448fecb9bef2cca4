"""Small factories for tests: valid objects with overridable fields."""

import itertools
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from accueil.accounts.models import Organisation, OrganisationKind, Role, User
from accueil.booking.models import Booking, BookingStatus
from accueil.contracts.models import Contract, ContractStatus
from accueil.core import national_id
from accueil.registration.models import Candidate, Channel

PASSWORD = "correct-horse-battery-staple"
_serial = itertools.count(1)


def organisation(**fields) -> Organisation:
    n = next(_serial)
    fields.setdefault("name", f"Provider {n}")
    fields.setdefault("kind", OrganisationKind.ASSOCIATION)
    return Organisation.objects.create(**fields)


def user(role: Role, **fields) -> User:
    n = next(_serial)
    fields.setdefault("email", f"{role}{n}@example.test")
    fields.setdefault("first_name", f"First{n}")
    fields.setdefault("last_name", f"Last{n}")
    if role == Role.PROVIDER and "organisation" not in fields:
        fields["organisation"] = organisation()
    if role == Role.ADMIN:
        fields.setdefault("is_staff", True)
    return User.objects.create_user(password=PASSWORD, role=role, **fields)


def candidate(**fields) -> Candidate:
    n = next(_serial)
    born = fields.pop("birth_date", date(1990, 5, 17))
    fields.setdefault("national_id", national_id.make(born, n % 1000))
    fields.setdefault("surname", f"Surname{n}")
    fields.setdefault("first_name", f"Given{n}")
    fields.setdefault("phone", "+352 621 123 456")
    fields.setdefault("email", f"candidate{n}@example.test")
    fields.setdefault("nationalities", ["PT"])
    fields.setdefault("information_language", "fr")
    fields.setdefault("legal_residence_confirmed", True)
    fields.setdefault("wishes_to_settle", True)
    fields.setdefault("channel", Channel.ONLINE)
    return Candidate.objects.create(birth_date=born, **fields)


def contract(candidate: Candidate, **fields) -> Contract:
    n = next(_serial)
    fields.setdefault("number", f"CAI-TEST-{n:06d}")
    fields.setdefault("status", ContractStatus.IN_FORCE)
    if fields["status"] != ContractStatus.DRAFT:
        fields.setdefault("entry_into_force", date(2026, 1, 15))
        fields.setdefault("end_exclusive", date(2028, 1, 15))
    decided = (ContractStatus.FULFILLED, ContractStatus.NOT_FULFILLED, ContractStatus.SUPERSEDED)
    if fields["status"] in decided:
        # The database asks a decided contract for its decision's date (and a fulfilled
        # one for the day it was fulfilled).
        fields.setdefault("decided_at", timezone.now())
    if fields["status"] == ContractStatus.FULFILLED:
        fields.setdefault("fulfilled_on", fields["end_exclusive"] - timedelta(days=30))
    return Contract.objects.create(candidate=candidate, **fields)


def information_session(**fields):
    from datetime import timedelta

    from django.utils import timezone

    from accueil.booking.models import InformationSession

    fields.setdefault("starts_at", timezone.now() + timedelta(days=14))
    fields.setdefault("place", "Integration Department")
    fields.setdefault("address", "7-9, avenue Victor Hugo, L-1750 Luxembourg")
    fields.setdefault("capacity", 10)
    fields.setdefault("languages", ["fr", "en"])
    return InformationSession.objects.create(**fields)


LUX = ZoneInfo("Europe/Luxembourg")


def on_day(days: int, hour: int = 9) -> datetime:
    """`hour` o'clock, Luxembourg time, `days` from today."""
    day = timezone.localdate() + timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=LUX)


def book(session, person=None, status=BookingStatus.ACTIVE) -> Booking:
    """A booking as it stands on the day (the session may have started already)."""
    person = person or candidate()
    session.seats_taken += 1
    session.save(update_fields=["seats_taken"])
    return Booking.objects.create(
        session=session, candidate=person, channel="online", status=status
    )


def residence_document(candidate, *, valid_until=None, checked_by=None):
    from datetime import timedelta

    from django.utils import timezone

    from accueil.intake.models import DocumentKind, ResidenceDocument

    return ResidenceDocument.objects.create(
        candidate=candidate,
        kind=DocumentKind.RESIDENCE_PERMIT,
        number="A1234567",
        valid_until=valid_until or timezone.localdate() + timedelta(days=365),
        checked_by=checked_by or user("officer"),
    )


def api_registration(**fields) -> dict:
    """The body of `POST /api/v1/registrations` for an eligible person, with `fields`
    replacing its answers."""
    body = {
        "surname": "Silva",
        "first_name": "Ana",
        "national_id": national_id.make(date(1991, 3, 14), 123),
        "phone": "621 123 456",
        "email": "ana.silva@example.test",
        "postal_address": "",
        "nationalities": ["PT"],
        "information_language": "en",
        "interpreter_needed": False,
        "interpreter_language": "",
        "legally_resident": True,
        "wishes_to_settle": True,
        "consent": True,
    }
    return body | fields
