"""Writing and reading the audit trail. Every capability records through here.

Seed 000 ("Forms / Online services", the data-protection notice): every look at a
person's record is traced, and the person may know who accessed their data. So each
event names the person it is about (`subject`, a candidate's id) beside the record, and
a list or a search records one event per person shown (`audit_shown`), never what was
typed to find them (a search may be by national identification number)."""

import re
import uuid
from collections.abc import Callable, Iterable
from datetime import datetime

from django.db import models, transaction
from django.http import HttpRequest

from accueil.accounts.models import User
from accueil.audit.models import REASON_CODE, REASON_LENGTH, Action, AuditEvent
from accueil.core.http import client_ip

CANDIDATE = "registration.candidate"
_REASON = re.compile(REASON_CODE)


class ReasonNotACode(ValueError):
    """`audit_record` was given text that is not a code: what a person typed (a
    withdrawal's reason, a correction's) stays with its record, not in the trail."""


def reason_is_code(reason: str) -> bool:
    return len(reason) <= REASON_LENGTH and _REASON.fullmatch(reason) is not None


def target_label(target: models.Model | None) -> tuple[str, str]:
    if target is None:
        return "", ""
    return target._meta.label_lower, str(target.pk)


Subject = models.Model | uuid.UUID | str | None


def subject_of(target: models.Model | None) -> uuid.UUID | None:
    """The person a record is about: a candidate is about themselves; a record with a
    `candidate_id` (a booking, a contract, an enrolment, a request for an interview, a
    residence document ...) is about that candidate."""
    if target is None:
        return None
    if target._meta.label_lower == CANDIDATE:
        return _uuid(target.pk)
    return _uuid(getattr(target, "candidate_id", None))


def _uuid(value: object) -> uuid.UUID | None:
    if value is None or value == "":
        return None
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, models.Model):
        return subject_of(value)
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def _actor(actor: User | None, request: HttpRequest | None) -> User | None:
    if actor is None and request is not None and isinstance(getattr(request, "user", None), User):
        return request.user  # type: ignore[return-value]
    return actor


def _event(
    *,
    action: Action | str,
    actor: User | None,
    target: models.Model | None,
    ip: str | None,
    fields: Iterable[str] = (),
    reason: str = "",
    subject: Subject = None,
) -> AuditEvent:
    if not reason_is_code(reason):
        raise ReasonNotACode("audit_record takes a reason code, not text someone typed")
    target_type, target_id = target_label(target)
    return AuditEvent(
        actor=actor,
        actor_role=getattr(actor, "role", "") or "",
        actor_organisation_id=getattr(actor, "organisation_id", None),
        action=action,
        target_type=target_type,
        target_id=target_id,
        fields=sorted(fields),
        reason=reason,
        ip_address=ip,
        subject=_uuid(subject) if subject is not None else subject_of(target),
    )


def audit_record(
    *,
    action: Action | str,
    actor: User | None = None,
    target: models.Model | None = None,
    request: HttpRequest | None = None,
    fields: Iterable[str] = (),
    reason: str = "",
    subject: Subject = None,
) -> AuditEvent:
    """Add one event. `actor` defaults to the request's signed-in user; `subject` (the
    candidate the event is about) to the target's person (`subject_of`). `reason` is a
    code (`REASON_CODE`), never what someone typed: `ReasonNotACode` otherwise."""
    event = _event(
        action=action,
        actor=_actor(actor, request),
        target=target,
        ip=client_ip(request),
        fields=fields,
        reason=reason,
        subject=subject,
    )
    event.save()
    return event


def audit_shown(
    *,
    request: HttpRequest,
    targets: Iterable[models.Model],
    action: Action | str = Action.LIST,
    actor: User | None = None,
) -> int:
    """A list or a search page showed these records (a page of candidates, a session's
    attendees): one event each, with the person each is about, in one INSERT. What was
    typed to find them is not recorded. Returns how many events were added."""
    actor = _actor(actor, request)
    ip = client_ip(request)
    events = [_event(action=action, actor=actor, target=target, ip=ip) for target in targets]
    AuditEvent.objects.bulk_create(events)
    return len(events)


def audit_about(
    *,
    request: HttpRequest,
    subjects: Iterable[uuid.UUID],
    action: Action | str,
    reason: str = "",
    fields: Iterable[str] = (),
) -> int:
    """Something was done with these people's data without one record to name (the
    data-protection officer searched or exported their trail): one event each, with
    the person, in one INSERT."""
    actor, ip, fields = _actor(None, request), client_ip(request), list(fields)
    events = [
        _event(
            action=action,
            actor=actor,
            target=None,
            ip=ip,
            reason=reason,
            fields=fields,
            subject=subject,
        )
        for subject in subjects
    ]
    AuditEvent.objects.bulk_create(events)
    return len(events)


def audit_events_for(target: models.Model) -> models.QuerySet[AuditEvent]:
    target_type, target_id = target_label(target)
    return AuditEvent.objects.filter(target_type=target_type, target_id=target_id)


# Who a person is, as the trail knows them: audit sits below registration, which
# registers here, when it is loaded, how to find the candidate of an account and the
# candidates of a national identification number (registration/receivers.py).

PersonFinder = Callable[[str], list[uuid.UUID]]
_finders: dict[str, PersonFinder] = {}


def person_finders_register(*, of_user: PersonFinder, of_national_id: PersonFinder) -> None:
    _finders["user"] = of_user
    _finders["national_id"] = of_national_id


def subjects_of_user(user: User) -> list[uuid.UUID]:
    """The candidates (one at most) whose account this is."""
    finder = _finders.get("user")
    return finder(str(user.pk)) if finder is not None else []


def subjects_of_national_id(national_id: str) -> list[uuid.UUID]:
    """The candidates registered with this national identification number."""
    finder = _finders.get("national_id")
    return finder(national_id) if finder is not None else []


def audit_forget(
    *,
    targets: Iterable[tuple[str, str]],
    user: User | None,
    mentioning: Iterable[str] = (),
    keep: Iterable[str] = (),
) -> int:
    """Scrub the trail of a person erased (privacy.erasure), keeping its events (who
    did what, to which record, when): the free text (`reason`) of the events about
    their records (`targets`: (record type, id), as `target_label` names them) and of
    the events they caused, and the address (`ip_address`) of the events they caused
    or that were sign-ins to their account (failed ones included); and any reason that
    contains one of `mentioning` (e.g. the keyed hash of their address a failed sign-in
    at an unknown account records). Reasons in `keep` (fixed texts the caller wrote,
    such as "erased") stay. The number of events changed."""
    about = models.Q(pk__in=[])
    for target_type, target_id in targets:
        about |= models.Q(target_type=target_type, target_id=target_id)
    for text in mentioning:
        if text:
            about |= models.Q(reason__icontains=text)
    by_them = models.Q(pk__in=[])
    own_sign_ins = models.Q(pk__in=[])
    if user is not None:
        by_them = models.Q(actor=user)
        own_sign_ins = models.Q(
            target_type=User._meta.label_lower,
            target_id=str(user.pk),
            action__in=[Action.SIGN_IN, Action.SIGN_IN_FAILED, Action.SIGN_OUT],
        )
    changed = (
        AuditEvent.objects.filter(about | by_them)
        .exclude(reason="")
        .exclude(reason__in=list(keep))
        .update(reason="")
    )
    changed += (
        AuditEvent.objects.filter(by_them | own_sign_ins)
        .filter(ip_address__isnull=False)
        .update(ip_address=None)
    )
    return changed


def audit_retention(
    *,
    events_before: datetime | None = None,
    addresses_before: datetime | None = None,
    batch: int = 1000,
) -> int:
    """The retention policy's work on the trail (privacy.retention): delete the events
    older than `events_before`, or drop the address of those older than
    `addresses_before`; `batch` rows a transaction. The number of events changed."""
    done = 0
    while True:
        with transaction.atomic():
            if events_before is not None:
                rows = AuditEvent.objects.filter(at__lt=events_before)
            else:
                rows = AuditEvent.objects.filter(at__lt=addresses_before, ip_address__isnull=False)
            pks = list(rows.values_list("pk", flat=True)[:batch])
            if not pks:
                return done
            if events_before is not None:
                AuditEvent.objects.filter(pk__in=pks).delete()
            else:
                AuditEvent.objects.filter(pk__in=pks).update(ip_address=None)
            done += len(pks)
