"""Writing and reading the audit trail. Every capability records through here.

Each event is one INSERT in the transaction of the change it records; inside
`audit_together()` the events wait and are written in one INSERT at its end.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import models
from django.http import HttpRequest

from accueil.audit.models import Action, AuditEvent

_waiting: ContextVar[list[AuditEvent] | None] = ContextVar("audit_waiting", default=None)


def client_ip(request: HttpRequest | None) -> str | None:
    """The client's address, trusting X-Forwarded-For only as far as our own proxies."""
    if request is None:
        return None
    hops = settings.TRUSTED_PROXIES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if hops and forwarded:
        chain = [part.strip() for part in forwarded.split(",") if part.strip()]
        if len(chain) >= hops:
            return chain[-hops]
    return request.META.get("REMOTE_ADDR") or None


def target_label(target: models.Model | None) -> tuple[str, str]:
    if target is None:
        return "", ""
    return target._meta.label_lower, str(target.pk)


def audit_record(
    *,
    action: Action | str,
    actor=None,
    target: models.Model | None = None,
    request: HttpRequest | None = None,
    fields: Iterable[str] = (),
    reason: str = "",
) -> AuditEvent:
    """Add one event. `actor` defaults to the request's signed-in user."""
    if actor is None and request is not None and request.user.is_authenticated:
        actor = request.user
    target_type, target_id = target_label(target)
    event = AuditEvent(
        actor=actor,
        actor_role=getattr(actor, "role", "") or "",
        action=action,
        target_type=target_type,
        target_id=target_id,
        fields=sorted(fields),
        reason=reason[:500],
        ip_address=client_ip(request),
    )
    if (waiting := _waiting.get()) is not None:
        waiting.append(event)
    else:
        event.save(force_insert=True)
    return event


@contextmanager
def audit_together() -> Iterator[None]:
    """Write the events recorded inside in one INSERT when the block ends without an
    error (nothing when it raises). Use it inside the transaction of the changes it
    records, so that they are committed together or not at all, and only around code
    that recovers from no error inside it (a savepoint rolled back inside would leave
    its events waiting here)."""
    if _waiting.get() is not None:  # already inside: the outer block writes them
        yield
        return
    events: list[AuditEvent] = []
    token = _waiting.set(events)
    try:
        yield
    finally:
        _waiting.reset(token)
    AuditEvent.objects.bulk_create(events)


def audit_events_for(target: models.Model) -> models.QuerySet[AuditEvent]:
    target_type, target_id = target_label(target)
    return AuditEvent.objects.filter(target_type=target_type, target_id=target_id)
