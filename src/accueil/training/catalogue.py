"""Filling in the course catalogue: approving providers, courses and their sessions,
publishing and cancelling. Every change is audited; publishing asks the rules
(`accueil.rules.course_publication`) and returns their problems rather than publish.

A change to a PUBLISHED course (a session added, changed or removed, the course's
details changed) is checked against the same rules before it is saved
(`rules.course_publication.change_problems`): one that would break a rule raises
`ChangeRefused` with the rules' problems, and nothing is saved. Each of these writes
locks the course's row first, so that two changes made at the same time (two sessions
removed at once) are checked one after the other, the second against the first's result.
"""

from dataclasses import asdict, dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from accueil.accounts.models import Organisation, User
from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.core import clock
from accueil.rules.course_publication import (
    CourseFacts,
    Problem,
    change_problems,
    publication_problems,
)
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


class ChangeRefused(Exception):
    """The change would make a published course break a publication rule; `problems`
    says which (each names its field and carries its message in en, fr and de)."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        super().__init__(", ".join(problem.code for problem in problems))
        self.problems = problems


class SessionTaken(Exception):
    """Another session of the course starts at that moment (one session per start): the
    form checks it first; this is for the same form sent twice at once."""


Sessions = tuple[tuple[datetime, datetime], ...]


def _check_change(course: Course, *, now: datetime | None, **after: Any) -> None:
    """Raise `ChangeRefused` when `course` (locked, as it is) is published and would
    break a rule once changed as `after` says (`sessions`, or the course's fields)."""
    if course.status != CourseStatus.PUBLISHED:
        return
    before = course_facts(course, now=now)
    changed = replace(before, **after)
    problems = change_problems(before, changed)
    if problems:
        raise ChangeRefused(problems)


@transaction.atomic
def course_update(
    *, course: Course, data: CourseData, actor: User, now: datetime | None = None
) -> Course:
    locked = Course.objects.select_for_update().get(pk=course.pk)
    new = data.fields()
    changed = [name for name, value in new.items() if getattr(locked, name) != value]
    if changed:
        _check_change(
            locked,
            now=now,
            kind=data.kind,
            languages=data.languages,
            taught_language=data.taught_language,
            cefr_level=data.cefr_level,
            fee=data.fee,
            reduced_fee=data.reduced_fee,
        )
        for name in changed:
            setattr(locked, name, new[name])
        locked.save(update_fields=changed)
        audit_record(action=Action.UPDATE, actor=actor, target=locked, fields=changed)
    return locked


def _lock(course_id: int) -> Course:
    return Course.objects.select_for_update().get(pk=course_id)


def _sessions(course: Course, *, without: int | None = None) -> Sessions:
    rows = course.sessions.exclude(pk=without) if without else course.sessions.all()
    return tuple(rows.values_list("starts_at", "ends_at"))


@transaction.atomic
def session_add(
    *,
    course: Course,
    starts_at: datetime,
    ends_at: datetime,
    actor: User,
    now: datetime | None = None,
) -> CourseSession:
    locked = _lock(course.pk)
    if locked.sessions.filter(starts_at=starts_at).exists():
        raise SessionTaken
    _check_change(locked, now=now, sessions=(*_sessions(locked), (starts_at, ends_at)))
    session = CourseSession.objects.create(course=locked, starts_at=starts_at, ends_at=ends_at)
    audit_record(action=Action.CREATE, actor=actor, target=session)
    return session


@transaction.atomic
def session_update(
    *,
    session: CourseSession,
    starts_at: datetime,
    ends_at: datetime,
    actor: User,
    now: datetime | None = None,
) -> CourseSession:
    locked = _lock(session.course_id)
    # Read again under the lock: removed meanwhile, it raises CourseSession.DoesNotExist.
    session = CourseSession.objects.get(pk=session.pk, course=locked)
    if locked.sessions.filter(starts_at=starts_at).exclude(pk=session.pk).exists():
        raise SessionTaken
    others = _sessions(locked, without=session.pk)
    _check_change(locked, now=now, sessions=(*others, (starts_at, ends_at)))
    session.starts_at, session.ends_at = starts_at, ends_at
    session.save(update_fields=["starts_at", "ends_at"])
    audit_record(action=Action.UPDATE, actor=actor, target=session, fields=["starts_at", "ends_at"])
    return session


@transaction.atomic
def session_remove(*, session: CourseSession, actor: User, now: datetime | None = None) -> None:
    locked = _lock(session.course_id)
    if not CourseSession.objects.filter(pk=session.pk, course=locked).exists():
        return  # removed meanwhile (the same form sent twice): nothing more to do
    _check_change(locked, now=now, sessions=_sessions(locked, without=session.pk))
    audit_record(action=Action.DELETE, actor=actor, target=session)
    session.delete()


def course_facts(course: Course, *, now: datetime | None = None) -> CourseFacts:
    """What the rules read of `course` as stored, at `now` (the present by default),
    whose day in Luxembourg chooses the parameters."""
    now = now or timezone.now()
    return CourseFacts(
        kind=course.kind,
        provider_approved=is_approved(course.provider),
        languages=tuple(course.languages),
        taught_language=course.taught_language,
        cefr_level=course.cefr_level,
        fee=course.fee,
        reduced_fee=course.reduced_fee,
        sessions=_sessions(course),
        on=timezone.localdate(now, timezone=clock.LUXEMBOURG),
        now=now,
    )


@transaction.atomic
def course_publish(
    *, course: Course, actor: User, now: datetime | None = None
) -> tuple[Problem, ...]:
    """Publish the course, or return why it cannot be (and leave it as it is)."""
    locked = _lock(course.pk)
    problems = publication_problems(course_facts(locked, now=now))
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
