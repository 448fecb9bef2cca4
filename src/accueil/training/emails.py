"""Emails about enrolments in courses (issue 12, point 5), in the language the person
chose for CAI information, and the task that sends them through `notifications` (once,
retried, listed for the officers when they cannot be delivered).

The same pattern as `booking.emails`: each kind is a text template
`training/emails/<kind>.txt` whose first line is the subject; `notify` queues the task
in the transaction of the change it announces (one row of the queue, nothing more on
the enrolment's path: the worker sees it once the enrolment is committed, never when
it is rolled back); the task takes the enrolment's id, re-reads what it needs and
hands the message to `notifications.services.deliver`, whose record, keyed
"<kind>:enrolment:<id>", makes each email about an enrolment go once. To a person who
gave only a postal address, each goes as a letter (`compose_message`).

An email is queued only where the change is made: a new enrolment (`enrolled`, or
`waitlisted`), a seat given from the waiting list (`promoted`) and a cancellation
(`cancelled`); a re-submitted enrolment changes nothing and queues nothing.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils.translation import gettext_noop
from django_tasks import task

from accueil.notifications.services import LetterContent, compose_message, deliver, queue
from accueil.registration import selectors as registration_selectors
from accueil.registration.models import Candidate
from accueil.training.models import Enrolment, EnrolmentStatus

# What each email is for, as officers see it (`notifications` shows it translated).
PURPOSES = {
    "enrolled": gettext_noop("Enrolment in a course"),
    "waitlisted": gettext_noop("Waiting list of a course"),
    "promoted": gettext_noop("Place in a course (from the waiting list)"),
    "cancelled": gettext_noop("Cancellation of an enrolment in a course"),
}


def notify(kind: str, enrolment: Enrolment, candidate: Candidate) -> None:
    """Queue the email of this kind about the enrolment (in the caller's transaction).
    Nothing is queued for someone who gave neither an email nor a postal address."""
    if registration_selectors.reachable(candidate):
        queue(send_enrolment_email, kind, enrolment.pk)


def message(kind: str, enrolment: Enrolment) -> EmailMessage | LetterContent:
    """The email of this kind about the enrolment, to its person, in their language:
    the course, its provider, its first session and place, and the voucher; a letter
    when they gave only a postal address."""
    candidate: Candidate = enrolment.candidate
    course = enrolment.course
    redemption = getattr(enrolment, "voucher_redemption", None)
    return compose_message(
        f"training/emails/{kind}.txt",
        {
            "candidate": candidate,
            "enrolment": enrolment,
            "course": course,
            "provider": course.provider,
            "first_session": course.sessions.order_by("starts_at").first(),
            "voucher_used": redemption is not None,
            "voucher_returned": redemption is not None and redemption.returned_at is not None,
            "courses_url": settings.SITE_URL.rstrip("/") + reverse("training:my_courses"),
        },
        language=candidate.information_language,
        to=candidate.email,
        name=registration_selectors.postal_name(candidate),
        postal_address=candidate.postal_address,
    )


@task()
def send_enrolment_email(kind: str, enrolment_id: int) -> bool:
    """Send the email, unless it was sent. Nothing when the enrolment is gone (the
    person erased), when they cannot be reached, or when an email about being enrolled
    or waiting finds the enrolment cancelled already (its cancellation says it all)."""
    enrolment = (
        Enrolment.objects.select_related(
            "candidate", "course", "course__provider", "voucher_redemption"
        )
        .filter(pk=enrolment_id)
        .first()
    )
    if enrolment is None or not registration_selectors.reachable(enrolment.candidate):
        return False
    if kind != "cancelled" and enrolment.status == EnrolmentStatus.CANCELLED:
        return False
    return deliver(
        f"{kind}:enrolment:{enrolment.pk}",
        kind,
        registration_selectors.email_about(enrolment.candidate_id),
        PURPOSES.get(kind, kind),
        lambda: message(kind, enrolment),
        again=(send_enrolment_email, [kind, enrolment.pk]),
    )
