"""Writing and reading the audit trail. Every capability records through here."""

from collections.abc import Iterable
from datetime import datetime

from django.db import models, transaction
from django.http import HttpRequest

from accueil.accounts.models import User
from accueil.audit.models import Action, AuditEvent
from accueil.core.http import client_ip


def target_label(target: models.Model | None) -> tuple[str, str]:
    if target is None:
        return "", ""
    return target._meta.label_lower, str(target.pk)


def audit_record(
    *,
    action: Action | str,
    actor: User | None = None,
    target: models.Model | None = None,
    request: HttpRequest | None = None,
    fields: Iterable[str] = (),
    reason: str = "",
) -> AuditEvent:
    """Add one event. `actor` defaults to the request's signed-in user."""
    if actor is None and request is not None and isinstance(request.user, User):
        actor = request.user
    target_type, target_id = target_label(target)
    return AuditEvent.objects.create(
        actor=actor,
        actor_role=getattr(actor, "role", "") or "",
        action=action,
        target_type=target_type,
        target_id=target_id,
        fields=sorted(fields),
        reason=reason[:500],
        ip_address=client_ip(request),
    )


def audit_events_for(target: models.Model) -> models.QuerySet[AuditEvent]:
    target_type, target_id = target_label(target)
    return AuditEvent.objects.filter(target_type=target_type, target_id=target_id)


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
