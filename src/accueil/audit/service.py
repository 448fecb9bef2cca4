"""Writing and reading the audit trail. Every capability records through here."""

import ipaddress
from collections.abc import Iterable
from functools import lru_cache

from django.conf import settings
from django.db import models
from django.http import HttpRequest

from accueil.audit.models import Action, AuditEvent


def client_ip(request: HttpRequest | None) -> str | None:
    """The client's address: REMOTE_ADDR, unless that is one of our own proxies
    (settings.TRUSTED_PROXIES, addresses or networks); then X-Forwarded-For is read
    from the right, each proxy having appended the address it saw, and the first
    address that is not one of our proxies is the client's. Whatever a client
    writes into X-Forwarded-For itself stands to the left of that and is never read,
    and a client that reaches the web server directly is known by its socket."""
    if request is None:
        return None
    remote = _address(request.META.get("REMOTE_ADDR", ""))
    if remote is None or not _trusted(remote):
        return str(remote) if remote is not None else None
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    client = remote
    for part in reversed(forwarded.split(",")):
        hop = _address(part)
        if hop is None:
            break  # not an address: trust stops at the proxy that passed it on
        client = hop
        if not _trusted(hop):
            break
    return str(client)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    # An IPv4 client of a dual-stack socket reads ::ffff:192.0.2.1.
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return any(address in network for network in trusted_proxies())


def trusted_proxies() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return _networks(tuple(settings.TRUSTED_PROXIES))


@lru_cache(maxsize=4)
def _networks(entries: tuple[str, ...]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [ipaddress.ip_network(entry, strict=False) for entry in entries]


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
