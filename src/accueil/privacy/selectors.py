"""Everything held about a candidate, for their copy (JSON and PDF) and for the erasure's
test (issue 14, point 1; seed 000, "Forms / Online services": "If you wish to exercise
these rights and/or obtain a record of the information held about you").

`personal_data` walks the candidate's record, then every record that points to it
(bookings, the waiting list, contracts with their review and decision, residence
documents, the linguistic profile, orientation, interview requests, enrolments,
vouchers, the guide's dates and reminders...) and the records that point to those
(attendance, certificates, redemptions...), read from the models' own relations so
that a capability added later is in the copy without changing this module. Beside
them: the messages sent (the delivery records, which hold no content), the person's
data-rights requests, and the trail of who read or changed these records (the role
and organisation, never a staff member's name).

Left out: secrets that are not information about the person (the password's hash,
one-time keys, version counters, the lower-case search copies of the name) and the
bytes of generated files (a letter's PDF).
"""

import datetime
import decimal
import uuid
from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone

from accueil.audit.models import AuditEvent
from accueil.notifications.models import Notification
from accueil.privacy.models import DataSubjectRequest
from accueil.registration import selectors as registration_selectors
from accueil.registration.models import Candidate

FORMAT = "accueil-personal-data/1"
# Fields that are not information about the person, or that would let someone act as
# them (a key, a counter that revokes links).
LEFT_OUT = {
    "password",
    "submission_id",
    "access_version",
    "feed_version",
    "surname_key",
    "first_name_key",
    "token",
    "token_hash",
    "key",
}
# Records about many people, reached from one of the person's: not walked into.
NOT_WALKED = {"accounts.user", "audit.auditevent", "privacy.datasubjectrequest"}


def _value(obj: models.Model, field: models.Field) -> Any:
    """A field's value as JSON carries it; a member of staff as their role and
    organisation only."""
    if field.is_relation:
        related_id = getattr(obj, field.attname)
        if related_id is None:
            return None
        related = getattr(obj, field.name)
        if isinstance(related, get_user_model()):
            return {
                "role": related.role,
                "organisation": str(related.organisation) if related.organisation_id else "",
            }
        return {"id": str(related_id), "name": str(related)}
    value = getattr(obj, field.attname)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID | decimal.Decimal):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return None
    return value


def record(obj: models.Model) -> dict[str, Any]:
    """One record's fields, by name (their labels: `documents.readable`)."""
    data: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if field.name in LEFT_OUT or isinstance(field, models.BinaryField | models.GeneratedField):
            continue
        data[field.name] = _value(obj, field)
    return data


def _reverse_relations(model: type[models.Model]) -> Iterable[models.ForeignObjectRel]:
    # Hidden relations too (related_name "+": the guide's reminders, handled warnings).
    for relation in model._meta.get_fields(include_hidden=True):
        if not isinstance(relation, models.ForeignObjectRel):
            continue
        if not (relation.one_to_many or relation.one_to_one):
            continue
        if relation.related_model._meta.label_lower in NOT_WALKED:
            continue
        yield relation


def _related(obj: models.Model, relation: models.ForeignObjectRel) -> list[models.Model]:
    model = relation.related_model
    found = model._default_manager.filter(**{relation.field.name: obj})
    return list(found.order_by("pk"))


def held_records(candidate: Candidate) -> dict[str, list[models.Model]]:
    """The records that point to the candidate, and those that point to these, by
    model label ("booking.booking"), each once."""
    held: dict[str, list[models.Model]] = {}
    seen: set[tuple[str, Any]] = set()
    level: list[models.Model] = [candidate]
    for _depth in range(2):
        next_level: list[models.Model] = []
        for parent in level:
            for relation in _reverse_relations(type(parent)):
                for child in _related(parent, relation):
                    label = child._meta.label_lower
                    if label == "registration.candidate" or (label, child.pk) in seen:
                        continue
                    seen.add((label, child.pk))
                    held.setdefault(label, []).append(child)
                    next_level.append(child)
        level = next_level
    return held


def requests_of(candidate: Candidate) -> QuerySet[DataSubjectRequest]:
    return DataSubjectRequest.objects.filter(candidate=candidate).order_by("received_at", "pk")


def access_log(candidate: Candidate, targets: Iterable[models.Model]) -> QuerySet[AuditEvent]:
    """The audit events about the person (the trail's `subject`) or about these records
    of theirs, newest first."""
    by_type: dict[str, list[str]] = {}
    for target in targets:
        by_type.setdefault(target._meta.label_lower, []).append(str(target.pk))
    condition = Q(subject=candidate.pk)
    for target_type, ids in by_type.items():
        condition |= Q(target_type=target_type, target_id__in=ids)
    return (
        AuditEvent.objects.filter(condition)
        .select_related("actor_organisation")
        .order_by("-at", "-pk")
    )


def deliveries(candidate: Candidate) -> QuerySet[Notification]:
    return Notification.objects.filter(
        about=registration_selectors.email_about(candidate.pk)
    ).order_by("created_at", "pk")


def _event(event: AuditEvent) -> dict[str, Any]:
    return {
        "at": event.at.isoformat(),
        "action": event.action,
        "role": event.actor_role,
        "organisation": str(event.actor_organisation) if event.actor_organisation_id else "",
        "record_type": event.target_type,
        "fields": list(event.fields),
    }


def personal_data(candidate: Candidate) -> dict[str, Any]:
    """Everything held about `candidate`, as JSON-ready data: their registration, their
    account, every record that points to them (`held_records`), the messages sent, their
    data-rights requests and who accessed these records when."""
    held = held_records(candidate)
    requests = list(requests_of(candidate))
    user = candidate.user
    targets: list[models.Model] = [candidate, *requests]
    targets += [obj for objects in held.values() for obj in objects]
    if user is not None:
        targets.append(user)
    return {
        "format": FORMAT,
        "generated_at": timezone.now().isoformat(),
        "candidate": record(candidate),
        "account": (
            {
                "email": user.email,
                "language": user.language,
                "date_joined": user.date_joined.isoformat(),
                "last_login": user.last_login.isoformat() if user.last_login else None,
            }
            if user is not None
            else None
        ),
        "records": {label: [record(obj) for obj in objects] for label, objects in held.items()},
        "messages": [
            {
                "kind": item.kind,
                "purpose": item.purpose,
                "status": item.status,
                "created_at": item.created_at.isoformat(),
                "sent_at": item.sent_at.isoformat() if item.sent_at else None,
            }
            for item in deliveries(candidate)
        ],
        "data_subject_requests": [record(item) for item in requests],
        "access_log": [_event(event) for event in access_log(candidate, targets)],
    }
