"""Reading candidates: the search by name or number, the eligibility decision, and the
private links that let a candidate see, move or cancel their booking with no account.

A link carries a signed token naming the candidate and the version of their links;
it reveals nothing about the person, cannot be forged, and raising the candidate's
`access_version` revokes every link sent before: sending the link again does so
(`services.access_renew`), so only the latest link works. It expires after LINK_DAYS;
the booking itself can be changed only until the session starts.

Emails render the link when they are sent, with the version of that moment: after two
requests in a row, both emails may carry the latest link, and a link emailed before
the second request stops working once it is made.
"""

import re

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import get_language

from accueil.core import clock, validation
from accueil.registration.models import Candidate
from accueil.rules import evaluate

# What a telephone number is typed with: digits, spaces, "+", brackets, dots, dashes.
PHONE_LIKE = re.compile(r"[0-9+()./\s-]+")


def candidate_search(candidates: QuerySet[Candidate], query: str) -> QuerySet[Candidate]:
    """Filter by name, national identification number, email address or telephone
    number (a search by contract number too is portal's:
    portal.selectors.candidate_search)."""
    query = query.strip()
    if not query:
        return candidates
    digits = "".join(query.split())
    if digits.isdigit() and len(digits) == 13:
        return candidates.filter(national_id=digits)
    if "@" in query:
        return candidates.filter(email__iexact=query)
    if PHONE_LIKE.fullmatch(query):
        # Stored as validation.clean_phone writes it (+352 621 123 456): read the same.
        try:
            return candidates.filter(phone=validation.clean_phone(query))
        except ValidationError:
            return candidates.none()
    key = query.lower()
    return candidates.filter(Q(surname_key__startswith=key) | Q(first_name_key__startswith=key))


def eligibility(candidate: Candidate):
    """The CAI eligibility decision for this candidate today, with its reasons."""
    facts = {
        "birth_date": candidate.birth_date.isoformat(),
        "on": clock.today().isoformat(),
        "nationalities": candidate.nationalities,
        "legally_resident": candidate.legal_residence_confirmed,
        "wishes_to_settle": candidate.wishes_to_settle,
    }
    return evaluate("cai.eligibility", facts).to_dict(get_language() or "en")


SALT = "accueil.registration.links"  # the name the links were first signed with: kept
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


def email_about(candidate_id) -> str:
    """How a delivery record names the candidate it is about (`notifications.services.forget`)."""
    return f"registration.candidate:{candidate_id}"
