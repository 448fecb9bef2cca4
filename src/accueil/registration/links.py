"""Private links that let a candidate see, move or cancel their booking with no account.

A link carries a signed token naming the candidate and the version of their links;
it reveals nothing about the person, cannot be forged, and raising the candidate's
`access_version` revokes every link sent before. It expires after LINK_DAYS; the
booking itself can be changed only until the session starts.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

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
