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

from accueil.core import clock, references, validation
from accueil.registration.models import Candidate, Correction, Resubmission
from accueil.rules import evaluate

# What a telephone number is typed with: digits, spaces, "+", brackets, dots, dashes.
PHONE_LIKE = re.compile(r"[0-9+()./\s-]+")


def candidate_search(candidates: QuerySet[Candidate], query: str) -> QuerySet[Candidate]:
    """Filter by name, national identification number, registration reference, email
    address or telephone number (a search by contract number or booking reference too is
    portal's:
    portal.selectors.candidate_search)."""
    query = query.strip()
    if not query:
        return candidates
    reference = references.normalise(query)
    if reference and reference.startswith("R"):
        # Its own reference, or one shown to someone who sent it again (Resubmission).
        again = Resubmission.objects.filter(reference=reference).values("candidate_id")
        return candidates.filter(Q(reference=reference) | Q(pk__in=again))
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


def reachable(candidate: Candidate) -> bool:
    """Whether a message can reach the candidate: by email, or else by post (a letter,
    see `notifications.services.compose_message`)."""
    return bool(candidate.email or candidate.postal_address.strip())


def postal_name(candidate: Candidate) -> str:
    """The candidate's name as a letter's address field shows it."""
    return f"{candidate.first_name} {candidate.surname}"


# How an officer's correction of a candidate's details is recorded in the audit trail
# (registration.services.candidate_correct): this code, the fields' names; the reason
# typed is kept with the candidate (`Correction`).
CORRECTED = "details corrected by an officer"


def corrections(candidate: Candidate) -> list[dict]:
    """The officers' corrections of the candidate's details, newest first: when, by
    whom, which fields (their names in the active language) and why."""
    return [
        {
            "at": correction.at,
            "actor": correction.by,
            "fields": [
                str(getattr(Candidate._meta.get_field(name), "verbose_name", name))
                for name in correction.fields
            ],
            "reason": correction.reason,
        }
        for correction in Correction.objects.filter(candidate=candidate).select_related("by")
    ]


EMAIL_SALT = "accueil.registration.new-email"
EMAIL_CONFIRM_DAYS = 3


def email_confirm_token(candidate: Candidate, email: str) -> str:
    """The token of the link that confirms `email` as the candidate's new address."""
    return signing.dumps([str(candidate.pk), email], salt=EMAIL_SALT)


def email_to_confirm(token: str) -> tuple[Candidate, str] | None:
    """The candidate and the new address the token confirms, while it is still the one
    waiting (a later change makes an earlier link useless) and the link is recent."""
    try:
        pk, email = signing.loads(token, salt=EMAIL_SALT, max_age=EMAIL_CONFIRM_DAYS * 24 * 3600)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    candidate = Candidate.objects.filter(pk=pk, pending_email=email).exclude(pending_email="")
    found = candidate.select_related("user").first()
    return (found, email) if found is not None else None


# Whom the audit trail is about (audit.services.person_finders_register, from receivers).


def candidate_ids_of_user(user_id: str) -> list:
    """The candidate (one at most) whose account is `user_id`."""
    return list(Candidate.objects.filter(user_id=user_id).values_list("pk", flat=True))


def candidate_ids_of_national_id(national_id: str) -> list:
    """The candidate registered with this national identification number (spaces
    ignored, as the officers' search reads it); none for anything else."""
    digits = "".join(national_id.split())
    if not (digits.isascii() and digits.isdigit() and len(digits) == 13):
        return []
    return list(Candidate.objects.filter(national_id=digits).values_list("pk", flat=True))
