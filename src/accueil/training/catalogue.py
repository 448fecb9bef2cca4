"""Filling in the course catalogue: approving providers, courses and their sessions,
publishing and cancelling. Every change is audited; publishing asks the rules
(`accueil.rules.course_publication`) and returns their problems rather than publish.
"""

from dataclasses import asdict, dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from accueil.accounts.models import Organisation, User
from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.rules.course_publication import CourseFacts, Problem, publication_problems
from accueil.training.models import Course, CourseSession, CourseStatus, ProviderApproval


def is_approved(organisation: Organisation) -> bool:
    return ProviderApproval.objects.filter(organisation=organisation, approved=True).exists()


@transaction.atomic
def provider_approval_set(*, organisation: Organisation, approved: bool, actor: User) -> None:
    approval, _created = ProviderApproval.objects.select_for_update().get_or_create(
        organisation=organisation
    )
    if approval.approved == approved and not _created:
        return
    approval.approved, approval.since, approval.by = approved, timezone.now(), actor
    approval.save()
    audit_record(
        action=Action.UPDATE, actor=actor, target=approval, fields=["approved", "since", "by"]
    )


@dataclass(frozen=True)
class CourseData:
    kind: str
    title: str
    capacity: int
    place: str
    address: str
    languages: tuple[str, ...]
    title_fr: str = ""
    title_de: str = ""
    taught_language: str = ""
    cefr_level: str = ""
    fee: Decimal = Decimal(0)
    reduced_fee: Decimal = Decimal(0)
    place_fr: str = ""
    place_de: str = ""

    def fields(self) -> dict[str, Any]:
        values = asdict(self)
        values["languages"] = list(self.languages)
        return values


@transaction.atomic
def course_create(*, provider: Organisation, data: CourseData, actor: User) -> Course:
    course = Course.objects.create(provider=provider, **data.fields())
    audit_record(action=Action.CREATE, actor=actor, target=course)
    return course


@transaction.atomic
def course_update(*, course: Course, data: CourseData, actor: User) -> Course:
    locked = Course.objects.select_for_update().get(pk=course.pk)
    new = data.fields()
    changed = [name for name, value in new.items() if getattr(locked, name) != value]
    if changed:
        for name in changed:
            setattr(locked, name, new[name])
        locked.save(update_fields=changed)
        audit_record(action=Action.UPDATE, actor=actor, target=locked, fields=changed)
    return locked


@transaction.atomic
def session_add(*, course: Course, starts_at: datetime, ends_at: datetime, actor: User):
    session = CourseSession.objects.create(course=course, starts_at=starts_at, ends_at=ends_at)
    audit_record(action=Action.CREATE, actor=actor, target=session)
    return session


@transaction.atomic
def session_update(
    *, session: CourseSession, starts_at: datetime, ends_at: datetime, actor: User
) -> CourseSession:
    session.starts_at, session.ends_at = starts_at, ends_at
    session.save(update_fields=["starts_at", "ends_at"])
    audit_record(action=Action.UPDATE, actor=actor, target=session, fields=["starts_at", "ends_at"])
    return session


@transaction.atomic
def session_remove(*, session: CourseSession, actor: User) -> None:
    audit_record(action=Action.DELETE, actor=actor, target=session)
    session.delete()


def course_facts(course: Course, on: date) -> CourseFacts:
    return CourseFacts(
        kind=course.kind,
        provider_approved=is_approved(course.provider),
        languages=tuple(course.languages),
        taught_language=course.taught_language,
        cefr_level=course.cefr_level,
        fee=course.fee,
        reduced_fee=course.reduced_fee,
        sessions=tuple(course.sessions.values_list("starts_at", "ends_at")),
        on=on,
    )


@transaction.atomic
def course_publish(*, course: Course, actor: User, on: date) -> tuple[Problem, ...]:
    """Publish the course, or return why it cannot be (and leave it as it is)."""
    locked = Course.objects.select_for_update().get(pk=course.pk)
    problems = publication_problems(course_facts(locked, on))
    if not problems and locked.status != CourseStatus.PUBLISHED:
        locked.status = CourseStatus.PUBLISHED
        locked.save(update_fields=["status"])
        audit_record(action=Action.TRANSITION, actor=actor, target=locked, fields=["status"])
    return problems


@transaction.atomic
def course_cancel(*, course: Course, actor: User) -> None:
    locked = Course.objects.select_for_update().get(pk=course.pk)
    if locked.status != CourseStatus.CANCELLED:
        locked.status = CourseStatus.CANCELLED
        locked.save(update_fields=["status"])
        audit_record(action=Action.TRANSITION, actor=actor, target=locked, fields=["status"])
