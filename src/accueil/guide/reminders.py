"""Reminder emails about a candidate's residence dates, in the candidate's language:
on the day to ask for the renewal of the permit, and a week before a decision is due.

A reminder is queued with the change that makes it (see notifications.services.queue)
for 08:00 in Luxembourg on its day. The task re-reads everything: if the date has
moved since (the candidate changed it), or the item is gone, or the reminder was
already sent (one `Reminder` row per item and date, written with the email's
delivery record, see notifications.services.deliver), it sends nothing.
"""

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.mail import EmailMessage
from django.utils import timezone, translation
from django.utils.translation import gettext_noop
from django_tasks import task

from accueil.core.clock import LUXEMBOURG
from accueil.guide import dates
from accueil.guide.models import Procedure, Reminder, ResidencePermit
from accueil.notifications.services import compose, deliver, queue
from accueil.registration.selectors import email_about

BEFORE_DECISION = timedelta(days=7)  # the brief: "a week before the decision is due"
SEND_AT = time(8, 0)

# What each reminder is for, as officers see it (`notifications` shows it translated).
PURPOSES = {
    "renewal": gettext_noop("Reminder to ask for the renewal of the residence permit"),
    "decision": gettext_noop("Reminder that a decision on a procedure is due"),
}


def _at(day: date) -> datetime:
    return datetime.combine(day, SEND_AT, tzinfo=LUXEMBOURG)


def _queue(kind: str, item_id: int, due_on: date, send_on: date) -> None:
    if _at(send_on) > timezone.now():
        queue(send_guide_reminder, kind, item_id, due_on.isoformat(), run_after=_at(send_on))


def schedule_renewal(permit: ResidencePermit) -> None:
    item = dates.renewal_item(permit, "en")
    _queue("renewal", permit.pk, item.on, item.on)


def schedule_decision(procedure: Procedure) -> None:
    item = dates.decision_item(procedure, "en")
    _queue("decision", procedure.pk, item.on, item.on - BEFORE_DECISION)


def _current(kind: str, item_id: int):
    """The item as it is now, with its dated view, or None when it is gone."""
    model = ResidencePermit if kind == "renewal" else Procedure
    found = model.objects.select_related("candidate").filter(pk=item_id).first()
    if found is None:
        return None, None
    with translation.override(found.candidate.information_language):
        make: Callable[[Any, str], Any] = (
            dates.renewal_item if kind == "renewal" else dates.decision_item
        )
        return found, make(found, found.candidate.information_language)


@task()
def send_guide_reminder(kind: str, item_id: int, due_on: str) -> bool:
    found, item = _current(kind, item_id)
    if found is None or item.on.isoformat() != due_on or not found.candidate.email:
        return False
    candidate = found.candidate
    reminder = {"candidate": candidate, "kind": kind, "item": str(item_id), "due_on": item.on}
    if Reminder.objects.filter(**reminder).exists():
        return False  # already sent
    # Sent once, retried and listed for the officers when not delivered, as every email.
    return deliver(
        f"guide_{kind}:{item_id}:{item.on.isoformat()}",
        f"guide_{kind}",
        email_about(candidate.pk),
        PURPOSES[kind],
        lambda: _email(kind, candidate, item),
        again=(send_guide_reminder, [kind, item_id, due_on]),
        on_sent=lambda: Reminder.objects.create(**reminder),
    )


def _email(kind: str, candidate, item) -> EmailMessage:
    from django.conf import settings
    from django.urls import reverse

    return compose(
        f"guide/email/{kind}.txt",
        {
            "candidate": candidate,
            "item": item,
            "url": settings.SITE_URL.rstrip("/") + reverse("guide:my_dates"),
        },
        language=candidate.information_language,
        to=candidate.email,
    )
