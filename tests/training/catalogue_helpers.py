"""Courses and sessions for the catalogue's tests (and the pages that read it)."""

from datetime import datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from accueil.accounts.models import Organisation
from accueil.training.models import (
    Course,
    CourseKind,
    CourseSession,
    CourseStatus,
    ProviderApproval,
)
from tests import factories


def approved(organisation: Organisation | None = None, **fields) -> Organisation:
    organisation = organisation or factories.organisation(**fields)
    ProviderApproval.objects.update_or_create(
        organisation=organisation, defaults={"approved": True}
    )
    return organisation


def course(
    provider: Organisation | None = None,
    *,
    kind: str = CourseKind.LANGUAGE,
    sessions: tuple[tuple[int, int], ...] = ((10, 2),),
    start: datetime | None = None,
    **fields,
) -> Course:
    """A course with sessions given as (days from now, hours); published by default."""
    fields.setdefault("title", f"{kind} course")
    fields.setdefault("capacity", 12)
    fields.setdefault("place", "Lycée Michel Lucius")
    fields.setdefault("address", "157, avenue Pasteur, L-2311 Luxembourg")
    fields.setdefault("status", CourseStatus.PUBLISHED)
    if kind == CourseKind.LANGUAGE:
        fields.setdefault("taught_language", "lb")
        fields.setdefault("cefr_level", "A1.1")
        fields.setdefault("languages", ["lb"])
        fields.setdefault("fee", Decimal("360.00"))
        fields.setdefault("reduced_fee", Decimal("90.00"))
    else:
        fields.setdefault("languages", ["fr", "pt"])
    made = Course.objects.create(provider=provider or approved(), kind=kind, **fields)
    base = start or timezone.now().replace(microsecond=0)
    for days, hours in sessions:
        begins = base + timedelta(days=days)
        CourseSession.objects.create(
            course=made, starts_at=begins, ends_at=begins + timedelta(hours=hours)
        )
    return made
