"""Courses and people for the vouchers and enrolment tests."""

from datetime import timedelta

from django.utils import timezone

from accueil.training.models import Course, CourseKind, CourseSession, CourseStatus
from tests import factories


def course(provider=None, *, days: int = 20, **fields) -> Course:
    fields.setdefault("kind", CourseKind.LANGUAGE)
    fields.setdefault("title", "Luxembourgish A1.1, evenings")
    fields.setdefault("taught_language", "lb")
    fields.setdefault("languages", ["lb"])
    fields.setdefault("cefr_level", "A1.1")
    fields.setdefault("capacity", 10)
    if fields["kind"] in (CourseKind.LANGUAGE, CourseKind.LITERACY):
        fields.setdefault("fee", "300.00")
        fields.setdefault("reduced_fee", "100.00")
    fields.setdefault("place", "Maison de quartier")
    fields.setdefault("address", "1, rue de la Gare, L-1611 Luxembourg")
    fields.setdefault("status", CourseStatus.PUBLISHED)
    made = Course.objects.create(provider=provider or factories.organisation(), **fields)
    start = timezone.now() + timedelta(days=days)
    CourseSession.objects.create(course=made, starts_at=start, ends_at=start + timedelta(hours=2))
    return made


def signatory(**fields):
    """A candidate with a contract in force."""
    person = factories.candidate(**fields)
    factories.contract(person)
    return person
