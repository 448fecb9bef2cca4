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
from accueil.training.enrolment import EnrolmentError as EnrolmentError  # issue 12, re-exported
from accueil.training.enrolment import enrol as enrol
from accueil.training.enrolment import enrolment_cancel as enrolment_cancel
from accueil.training.enrolment import person_for_enrolment as person_for_enrolment
from accueil.training.models import CourseEvent
from accueil.training.vouchers import VoucherError as VoucherError
from accueil.training.vouchers import voucher_issue as voucher_issue
from accueil.training.vouchers import voucher_revoke as voucher_revoke


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


# Certificates (issue 12, point 8): issuing and revoking, for other apps' use.
from accueil.training.attendance import *  # noqa: E402, F403  (attendance, skills: its __all__)
from accueil.training.certificates import certificate_issue, certificate_revoke  # noqa: E402, F401

# The early-warning list (issue 12, point 9).
from accueil.training.warnings import warning_mark_handled as warning_mark_handled  # noqa: E402
