"""Emails to a candidate about their registration, in the language they chose for CAI
information: "registered" (with the activation link), "sign_in" (a one-time sign-in
link), "access_link" (the private booking link again) and "registration_attempt"
(someone tried to register with their number). Each is a text template
`registration/email/<kind>.txt` whose first line is the subject; `notifications`
delivers it (once, retried, listed for the officers when it cannot be delivered). To
a candidate who gave only a postal address, the same message goes as a letter.
"""

import secrets

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils.translation import gettext_noop
from django_tasks import task

from accueil.notifications.services import (
    LetterContent,
    compose,
    compose_message,
    deliver,
    queue,
)
from accueil.registration import accounts as account_links
from accueil.registration import selectors
from accueil.registration.models import Candidate

# What each email is for, as officers see it (`notifications` shows it translated).
PURPOSES = {
    "registered": gettext_noop("Registration, with the activation link"),
    "sign_in": gettext_noop("Sign-in link"),
    "access_link": gettext_noop("Private booking link"),
    "registration_attempt": gettext_noop("Notice of an attempt to register with their number"),
    "email_confirm": gettext_noop("Confirmation of a new email address"),
}


def message(kind: str, candidate: Candidate, **extra: str) -> EmailMessage | LetterContent:
    """The email of this kind to the candidate, in their language (a letter when they
    gave only a postal address)."""
    return compose_message(
        f"registration/email/{kind}.txt",
        {
            "candidate": candidate,
            "link": selectors.access_url(candidate),
            "site_url": settings.SITE_URL,
            **extra,
        },
        language=candidate.information_language,
        to=candidate.email,
        name=selectors.postal_name(candidate),
        postal_address=candidate.postal_address,
    )


@task()
def send_candidate_email(kind: str, candidate_id: str, key: str = "") -> bool:
    """One of this module's emails (see its docstring). `key` names this one email."""
    candidate = Candidate.objects.select_related("user").filter(pk=candidate_id).first()
    if candidate is None or not selectors.reachable(candidate):
        return False
    if kind == "sign_in":
        if candidate.user is None:
            return False
        url = account_links.sign_in_url(candidate.user)
    elif kind == "registered":
        url = "" if candidate.user_id else account_links.activation_url(candidate)
    else:
        url = ""
    key = key or secrets.token_hex(12)
    return deliver(
        f"{kind}:candidate:{key}",
        kind,
        selectors.email_about(candidate.pk),
        PURPOSES.get(kind, kind),
        lambda: message(kind, candidate, action_url=url),
        again=(send_candidate_email, [kind, str(candidate.pk), key]),
    )


def candidate_email(kind: str, candidate_id) -> None:
    """Queue the email of this kind to the candidate, with the current transaction."""
    queue(send_candidate_email, kind, str(candidate_id), secrets.token_hex(12))


@task()
def send_email_confirmation(candidate_id: str, email: str, key: str) -> bool:
    """The link that confirms `email` as the candidate's new address, sent to that
    address, while it is the one waiting."""
    candidate = Candidate.objects.filter(pk=candidate_id, pending_email=email).first()
    if candidate is None or not email:
        return False
    url = settings.SITE_URL.rstrip("/") + reverse(
        "registration:email_confirm", args=[selectors.email_confirm_token(candidate, email)]
    )
    return deliver(
        f"email_confirm:candidate:{key}",
        "email_confirm",
        selectors.email_about(candidate.pk),
        PURPOSES["email_confirm"],
        lambda: compose(
            "registration/email/email_confirm.txt",
            {"candidate": candidate, "action_url": url, "site_url": settings.SITE_URL},
            language=candidate.information_language,
            to=email,
        ),
        again=(send_email_confirmation, [str(candidate.pk), email, key]),
    )


def email_confirmation(candidate_id, email: str) -> None:
    """Queue the confirmation link to the new address, with the current transaction."""
    queue(send_email_confirmation, str(candidate_id), email, secrets.token_hex(12))
