"""The email (or letter) telling the candidate their data-rights request is answered
(issue 14, point 2), in the language they chose for CAI information, through
`notifications` like `contracts.emails`: `notify_answer` queues the task in the
transaction of the answer (sent if and only if the answer is committed); the task
re-reads the request and hands the message to `notifications.services.deliver`, keyed
"privacy-answer:request:<id>": one message per request, however often the task runs.

A granted erasure leaves nobody to read again: `notify_answer_before_erasure` makes the
message before the person is erased and sends it once the erasure is committed; its
delivery record names the request, not the person, and the message itself is never
written to the database or the queue.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_noop
from django_tasks import task

from accueil.notifications.services import LetterContent, compose_message, deliver, queue
from accueil.privacy.models import CLOSED_STATUSES, DataSubjectRequest
from accueil.registration import selectors as registration_selectors

PURPOSES = {
    "answer": gettext_noop("Answer to a data-rights request"),
    "extended": gettext_noop("More time to answer a data-rights request"),
}


def _key(subject_request: DataSubjectRequest) -> str:
    return f"privacy-answer:request:{subject_request.pk}"


def notify_answer(subject_request: DataSubjectRequest) -> None:
    """Queue the answer's message (in the caller's transaction); nothing for someone
    who gave neither an email nor a postal address."""
    if subject_request.candidate and registration_selectors.reachable(subject_request.candidate):
        queue(send_answer_email, subject_request.pk)


def notify_extension(subject_request: DataSubjectRequest) -> None:
    """Queue the message saying the deadline is extended, and why (GDPR art. 12(3):
    "The controller shall inform the data subject of any such extension [...] together
    with the reasons for the delay"), in the caller's transaction."""
    if subject_request.candidate and registration_selectors.reachable(subject_request.candidate):
        queue(send_extension_email, subject_request.pk, subject_request.deadline.isoformat())


def message(
    subject_request: DataSubjectRequest, template: str = "privacy/emails/answer.txt"
) -> EmailMessage | LetterContent:
    candidate = subject_request.candidate
    assert candidate is not None
    return compose_message(
        template,
        {
            "candidate": candidate,
            "subject_request": subject_request,
            "rights_url": settings.SITE_URL.rstrip("/") + reverse("privacy:my_data"),
        },
        language=candidate.information_language,
        to=candidate.email,
        name=registration_selectors.postal_name(candidate),
        postal_address=candidate.postal_address,
    )


@task()
def send_answer_email(request_id: int) -> bool:
    """Send the message unless it was sent; nothing when the request is gone, not
    answered, or its person cannot be reached (erased since)."""
    subject_request = (
        DataSubjectRequest.objects.select_related("candidate").filter(pk=request_id).first()
    )
    if subject_request is None or subject_request.status not in CLOSED_STATUSES:
        return False
    candidate = subject_request.candidate
    if candidate is None or not registration_selectors.reachable(candidate):
        return False
    return deliver(
        _key(subject_request),
        "privacy_answer",
        f"privacy.datasubjectrequest:{subject_request.pk}",
        PURPOSES["answer"],
        lambda: message(subject_request),
        again=(send_answer_email, [subject_request.pk]),
    )


@task()
def send_extension_email(request_id: int, deadline: str) -> bool:
    """Send the extension's message, once per new deadline; nothing when the request is
    gone, answered since, or its person cannot be reached."""
    subject_request = (
        DataSubjectRequest.objects.select_related("candidate").filter(pk=request_id).first()
    )
    if subject_request is None or subject_request.status in CLOSED_STATUSES:
        return False
    candidate = subject_request.candidate
    if candidate is None or not registration_selectors.reachable(candidate):
        return False
    return deliver(
        f"privacy-extended:request:{subject_request.pk}:{deadline}",
        "privacy_extended",
        f"privacy.datasubjectrequest:{subject_request.pk}",
        PURPOSES["extended"],
        lambda: message(subject_request, "privacy/emails/extended.txt"),
        again=(send_extension_email, [subject_request.pk, deadline]),
    )


def notify_answer_before_erasure(subject_request: DataSubjectRequest) -> None:
    """Make the answer's message now, while the person's address is known, and send it
    when the transaction (the erasure with it) is committed."""
    candidate = subject_request.candidate
    if candidate is None or not registration_selectors.reachable(candidate):
        return
    made = message(subject_request)
    key, pk = _key(subject_request), subject_request.pk

    def send() -> None:
        deliver(
            key,
            "privacy_answer",
            f"privacy.datasubjectrequest:{pk}",
            PURPOSES["answer"],
            lambda: made,
            again=(send_answer_email, [pk]),
        )

    # robust: a mail server down must not turn the committed answer into an error page.
    transaction.on_commit(send, robust=True)
