"""The officers' page of emails not delivered: for whom (the role) and what for, when,
how many attempts and what kind of error, never the content or the address; and a
button that sends one again. And the letters to print (for people who gave only a
postal address): each one's PDF, and a button to mark it posted (audited)."""

import smtplib
import socket

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from accueil.accounts import access
from accueil.accounts.decorators import role_required
from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.notifications import jobs, services
from accueil.notifications.models import Letter, Notification
from accueil.notifications.selectors import letters_to_print, undelivered_emails

PER_PAGE = 50

UNREACHABLE = gettext_lazy("The mail server could not be reached")
REFUSED = gettext_lazy("The mail server refused the email")
ERRORS = {
    **{
        cls.__name__: UNREACHABLE
        for cls in (
            ConnectionError,
            ConnectionRefusedError,
            ConnectionResetError,
            ConnectionAbortedError,
            TimeoutError,
            OSError,
            socket.gaierror,
            smtplib.SMTPServerDisconnected,
            smtplib.SMTPConnectError,
        )
    },
    "timeout": UNREACHABLE,
    smtplib.SMTPRecipientsRefused.__name__: gettext_lazy("The mail server refused the address"),
    smtplib.SMTPAuthenticationError.__name__: gettext_lazy(
        "The mail server refused Accueil's sign-in"
    ),
    smtplib.SMTPSenderRefused.__name__: REFUSED,
    smtplib.SMTPDataError.__name__: REFUSED,
    smtplib.SMTPResponseException.__name__: REFUSED,
}


def error_kind(name: str) -> str:
    return str(ERRORS.get(name, gettext_lazy("An error in Accueil")))


@require_GET
@role_required(access.can_follow_up_emails)
def undelivered(request: AuthenticatedHttpRequest) -> HttpResponse:
    found = undelivered_emails().order_by("-last_attempt_at", "-pk")
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    for record in page.object_list:
        record.error_kind = error_kind(record.last_error)  # type: ignore[attr-defined]  # for the template
    return render(request, "notifications/officer/undelivered.html", {"page": page})


@require_POST
@role_required(access.can_follow_up_emails)
def send_again(request: AuthenticatedHttpRequest, notification_id: int) -> HttpResponse:
    record = get_object_or_404(Notification, pk=notification_id)
    if services.send_again(record):
        audit_record(
            action=Action.UPDATE,
            target=record,
            request=request,
            fields=["status"],
            reason="email queued to be sent again",
        )
        messages.success(
            request,
            _("The email “%(purpose)s” will be sent again.") % {"purpose": _(record.purpose)},
        )
    else:
        messages.info(request, _("This email is already being sent again."))
    return redirect("notifications:undelivered")


@require_GET
@role_required(access.can_follow_up_emails)
def letters(request: AuthenticatedHttpRequest) -> HttpResponse:
    found = letters_to_print().select_related("notification")
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "notifications/officer/letters.html", {"page": page})


@require_GET
@role_required(access.can_follow_up_emails)
def letter_pdf(request: AuthenticatedHttpRequest, letter_id: int) -> HttpResponse:
    letter = get_object_or_404(Letter.objects.select_related("notification"), pk=letter_id)
    # A letter carries the person's name and address: reading it is in the trail, about
    # them ("registration.candidate:<id>", audit.services turns what is not an id to None).
    audit_record(
        action=Action.EXPORT,
        target=letter,
        request=request,
        reason="letter pdf",
        subject=letter.notification.about.rpartition(":")[2],
    )
    response = HttpResponse(bytes(letter.pdf), content_type="application/pdf")
    name = slugify(f"letter-{letter.pk}-{letter.notification.kind}")
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@role_required(access.can_follow_up_emails)
def letter_posted(request: AuthenticatedHttpRequest, letter_id: int) -> HttpResponse:
    letter = get_object_or_404(Letter.objects.select_related("notification"), pk=letter_id)
    if services.letter_posted(letter, request.user):
        audit_record(
            action=Action.UPDATE,
            target=letter,
            request=request,
            fields=["posted_at"],
            reason="letter marked posted",
        )
        messages.success(
            request,
            _("The letter “%(purpose)s” is marked posted.")
            % {"purpose": _(letter.notification.purpose)},
        )
    else:
        messages.info(request, _("This letter was marked posted already."))
    return redirect("letters:to_print")


@require_GET
@role_required(access.can_see_scheduled_jobs)
def scheduled_jobs(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The administrators' page of scheduled jobs: what each does, how often, its last
    run and how it ended; those failing now first."""
    found = sorted(jobs.statuses(), key=lambda status: not status.failing)
    rows = [
        (
            status,
            error_kind(status.last.error)
            if status.failing and status.last and status.last.error
            else "",
        )
        for status in found
    ]
    return render(request, "notifications/admin/jobs.html", {"rows": rows})
