"""Filling in the calendar of citizenship-course sessions and orientation days.

An event is described by `CourseEventData`, so the officers' pages, an import or a
later provider-facing catalogue (enrolment, attendance) all write through the same
two functions, which audit the change.
"""

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from django.db import transaction

from accueil.accounts.models import Organisation, User
from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.training.models import CourseEvent


@dataclass(frozen=True)
class CourseEventData:
    kind: str
    title: str
    starts_at: datetime
    ends_at: datetime
    place: str
    address: str
    languages: tuple[str, ...]
    provider: Organisation | None
    place_fr: str = ""  # the place in French and German (core.translated)
    place_de: str = ""

    def fields(self) -> dict[str, Any]:
        values = asdict(self)
        values["provider"] = self.provider  # asdict would copy the model instance
        values["languages"] = list(self.languages)
        return values


@transaction.atomic
def course_event_create(*, data: CourseEventData, actor: User) -> CourseEvent:
    event = CourseEvent.objects.create(**data.fields())
    audit_record(action=Action.CREATE, actor=actor, target=event)
    return event


@transaction.atomic
def course_event_update(*, event: CourseEvent, data: CourseEventData, actor: User) -> CourseEvent:
    locked = CourseEvent.objects.select_for_update().get(pk=event.pk)
    changed = [name for name, value in data.fields().items() if getattr(locked, name) != value]
    if not changed:
        return locked
    for name in changed:
        setattr(locked, name, data.fields()[name])
    locked.save(update_fields=changed)
    audit_record(action=Action.UPDATE, actor=actor, target=locked, fields=changed)
    return locked


from accueil.training.attendance import *  # noqa: E402, F403  (attendance, skills: its __all__)
