"""Private links that let a candidate see, move or cancel their booking with no account.

A link carries a signed token naming the candidate and the version of their links;
it reveals nothing about the person, cannot be forged, and raising the candidate's
`access_version` revokes every link sent before: sending the link again does so
(`access_renew`), so only the latest link works. It expires after LINK_DAYS; the
booking itself can be changed only until the session starts.

Emails render the link when they are sent, with the version of that moment: after two
requests in a row, both emails may carry the latest link, and a link emailed before
the second request stops working once it is made.
"""

from django.conf import settings
from django.core import signing
from django.db.models import F
from django.http import HttpRequest
from django.urls import reverse

from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.registration.models import Candidate

SALT = "accueil.registration.links"
LINK_DAYS = 180


def access_token(candidate: Candidate) -> str:
    return signing.dumps([str(candidate.pk), candidate.access_version], salt=SALT)


def access_url(candidate: Candidate) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("booking:manage", args=[access_token(candidate)])


def candidate_from_token(token: str) -> Candidate | None:
    try:
        pk, version = signing.loads(token, salt=SALT, max_age=LINK_DAYS * 24 * 3600)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return Candidate.objects.filter(pk=pk, access_version=version).first()


def access_renew(candidate: Candidate, *, request: HttpRequest | None = None) -> None:
    """Revoke every private link made so far, before a new one is sent. Call it inside
    the transaction that queues the email."""
    version_raise(
        candidate,
        "access_version",
        request=request,
        reason="private link sent again; earlier links revoked",
    )


def version_raise(candidate: Candidate, field: str, *, request: HttpRequest | None, reason: str):
    """Raise one of the candidate's link versions (`access_version`, `feed_version`),
    which revokes every link signed with the old one: one UPDATE, so requests made at
    the same moment each raise it (none is lost). Audited."""
    Candidate.objects.filter(pk=candidate.pk).update(**{field: F(field) + 1})
    candidate.refresh_from_db(fields=[field])
    audit_record(
        action=Action.UPDATE, target=candidate, request=request, fields=[field], reason=reason
    )
