"""Emails to candidates, in the language they chose for CAI information.

Each kind of email is a text template `notifications/email/<kind>.txt` whose first
line is the subject. The private link lets the candidate see, move or cancel their
booking without an account.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from accueil.booking.models import Booking
from accueil.notifications.ics import session_invitation
from accueil.registration import links
from accueil.registration.models import Candidate

# Kinds whose email carries the session as a calendar invitation.
WITH_INVITATION = {"booked", "moved", "waitlist_booked", "reminder"}
WITH_CANCELLATION = {"cancelled", "session_cancelled"}


def render(kind: str, candidate: Candidate, booking: Booking | None, **extra: str) -> EmailMessage:
    with translation.override(candidate.information_language):
        text = render_to_string(
            f"notifications/email/{kind}.txt",
            {
                "candidate": candidate,
                "booking": booking,
                "session": booking.session if booking else None,
                "link": links.access_url(candidate),
                "site_url": settings.SITE_URL,
                **extra,
            },
        )
        subject, _blank, body = text.strip().partition("\n")
        message = EmailMessage(subject.strip(), body.strip() + "\n", to=[candidate.email])
        if booking and kind in WITH_INVITATION | WITH_CANCELLATION:
            invitation = session_invitation(booking, cancelled=kind in WITH_CANCELLATION)
            method = "CANCEL" if kind in WITH_CANCELLATION else "REQUEST"
            message.attach(
                "information-session.ics",
                invitation,
                f"text/calendar; charset=utf-8; method={method}",
            )
    return message
