"""Delivery of emails: queued with the data, sent once, retried, listed when not delivered.

A task is queued in the same transaction as the change it announces (the queue is a
table of the database, see notifications.queue): the worker sees it when the change
is committed, and never for one rolled back.

The apps own their emails (each app's `emails.py`: the content and the tasks that send
it). Every task takes ids, re-reads what it needs and does nothing when there is
nothing left to do. Every email has a record (`Notification`, keyed by kind and
booking, or by kind and a random key drawn when it is queued), checked and locked
before sending by `deliver`, so a task that runs again (a worker died, the lease ran
out) does not send an email recorded as sent. A failed send is recorded (attempts,
class of the error) and raised, for the queue to try it again later; at the last
attempt the record is marked failed and appears on the officers' "Emails not
delivered" page.

The one gap left: the SMTP server accepted the email, and the worker died (or lost
the database) before the record of the sending was committed, in the few
milliseconds between the two. The record is then not "sent", and the task, run
again after the lease, sends the email a second time. An email is never lost for
it; the candidate may get it twice. (Closing it would need the SMTP server to take
part in the transaction, which SMTP cannot do.)

`notifications` knows no other app's models: an email's record names whom it is about
(`about`, "<app_label.model>:<pk>", for `forget`) and what it is for (`purpose`, the
English text shown translated to the officers, marked with `gettext_noop` by the app
that sends it).

Someone who gave only a postal address gets letters: `compose_message` given no email address
but a postal address makes the same message a letter (`LetterContent`: a PDF in their
language, the address placed for a window envelope), and `deliver` files it, once,
in the officers' "letters to print" (`Letter`) instead of sending it. Its record is
then "sent"; the letter waits until an officer marks it posted (`letter_posted`).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django_tasks.base import Task

from accueil.accounts.models import User
from accueil.core import clock
from accueil.core.pdf import render_pdf
from accueil.notifications.models import DeliveryStatus, Letter, Notification
from accueil.notifications.queue import RUN, current_attempt, scheduled_call

# An attachment: its file name, content and MIME type.
Attachment = tuple[str, bytes | str, str]


@dataclass(frozen=True)
class LetterContent:
    """A message to be printed and posted: its subject (for the officers' list), the
    language it is written in, and its PDF."""

    subject: str
    language: str
    pdf: bytes


def compose(
    template: str,
    context: dict[str, Any],
    *,
    language: str,
    to: str,
    attachments: Iterable[Attachment] = (),
) -> EmailMessage:
    """The email of `template` rendered with `context` in `language`, to `to`. Each app
    writes its emails (its `emails.py` and text templates `<app>/email/<kind>.txt`): a
    template's first line is the subject, the rest the body;
    `notifications/email/_footer.txt` is the common footer the templates include."""
    with translation.override(language):
        text = render_to_string(template, context)
    subject, _blank, body = text.strip().partition("\n")
    message = EmailMessage(subject.strip(), body.strip() + "\n", to=[to])
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message


def compose_message(
    template: str,
    context: dict[str, Any],
    *,
    language: str,
    to: str,
    name: str,
    postal_address: str,
    attachments: Iterable[Attachment] = (),
) -> EmailMessage | LetterContent:
    """The message of `template` to a person: the email to `to` (`compose`), or, when
    they gave no email address but a postal one, the same message as a letter to
    `name` at `postal_address` (`compose_letter`; the templates see `by_post` and leave
    out what only an email carries, the attachments)."""
    if not to and postal_address.strip():
        return compose_letter(
            template, context, language=language, name=name, postal_address=postal_address
        )
    return compose(template, context, language=language, to=to, attachments=attachments)


def compose_letter(
    template: str, context: dict[str, Any], *, language: str, name: str, postal_address: str
) -> LetterContent:
    """The message of `template` as a letter in `language`: an A4 PDF whose address
    field sits where the window of a C5 or DL envelope with a left window is (DIN 5008
    form B, the layout used in Luxembourg and its neighbours: 20 mm from the left edge,
    45 mm from the top, 85 × 45 mm), with fold marks for a DL envelope."""
    with translation.override(language):
        text = render_to_string(template, {**context, "by_post": True})
        subject, _blank, body = text.strip().partition("\n")
        pdf = render_pdf(
            "notifications/letter.html",
            {
                "subject": subject.strip(),
                "paragraphs": [part.strip() for part in body.strip().split("\n\n") if part.strip()],
                "name": name,
                "address_lines": [
                    line.strip() for line in postal_address.strip().splitlines() if line.strip()
                ],
                "today": clock.today(),
                "language": language,
            },
        )
    return LetterContent(subject.strip(), language, pdf)


def queue(task: Task[Any, Any], *args: Any, run_after: datetime | None = None) -> None:
    """Queue `task` with the current transaction (see the module's docstring)."""
    if run_after is not None:
        task = task.using(run_after=run_after)
    task.enqueue(*args)


def deliver(
    key: str,
    kind: str,
    about: str,
    purpose: str,
    message_factory: Callable[[], EmailMessage | LetterContent],
    *,
    again: tuple[Task[Any, Any], list[Any]],
    on_sent: Callable[[], object] | None = None,
) -> bool:
    """Send the email recorded under `key` unless it was sent: its record is locked,
    the email sent, and the record marked sent in one transaction (a second worker
    with the same task waits for it, then finds it sent). A failed send is recorded
    and raised again. `about` names whom it is about, `purpose` what it is for (see
    the module's docstring); `again` is the task and arguments that send it;
    `on_sent` runs in the transaction once it is sent. A letter (`LetterContent`, for
    someone with no email address) is filed in the "letters to print" instead, once,
    and its record marked sent."""
    attempt = current_attempt()
    with transaction.atomic():
        record, _created = Notification.objects.select_for_update().get_or_create(
            key=key,
            defaults={
                "kind": kind,
                "about": about,
                "purpose": purpose,
                "task": again[0].module_path,
                "task_args": list(again[1]),
            },
        )
        if record.status == DeliveryStatus.SENT:
            return False
        record.attempts += 1
        record.last_attempt_at = timezone.now()
        try:
            message = message_factory()
            if isinstance(message, LetterContent):
                Letter.objects.create(
                    notification=record, language=message.language, pdf=message.pdf
                )
            else:
                message.send()
        except Exception as error:
            record.last_error = type(error).__name__[:100]
            record.status = DeliveryStatus.FAILED if attempt.last else DeliveryStatus.PENDING
            record.save(update_fields=["attempts", "last_attempt_at", "last_error", "status"])
            failure = error
        else:
            record.status = DeliveryStatus.SENT
            record.sent_at = record.last_attempt_at
            record.save(update_fields=["attempts", "last_attempt_at", "status", "sent_at"])
            if on_sent is not None:
                on_sent()
            return True
    raise failure


def queue_once(
    task: Task[Any, Any], kind: str, purpose: str, emails: Iterable[tuple[str, str, list[Any]]]
) -> int:
    """Queue `task` once per email of `emails`, each `(key, about, args)`: the emails
    not recorded yet are recorded with their task, in one transaction, and queued;
    the others are left alone (a sweep that finds them again queues nothing). The
    number queued."""
    emails = list(emails)
    queued = 0
    with transaction.atomic():
        recorded = set(
            Notification.objects.filter(key__in=[key for key, _about, _args in emails]).values_list(
                "key", flat=True
            )
        )
        for key, about, args in emails:
            if key in recorded:
                continue
            _record, created = Notification.objects.get_or_create(
                key=key,
                defaults={
                    "kind": kind,
                    "about": about,
                    "purpose": purpose,
                    "task": task.module_path,
                    "task_args": list(args),
                },
            )
            if created:
                queue(task, *args)
                queued += 1
    return queued


def send_again(record: Notification) -> bool:
    """Queue an email that was not delivered once more (the officers' button); False
    when it is no longer marked failed (sent again already, by another click)."""
    failed = Notification.objects.filter(pk=record.pk, status=DeliveryStatus.FAILED)
    if not failed.update(status=DeliveryStatus.PENDING):
        return False
    queue(import_string(record.task), *record.task_args)
    return True


def letter_posted(letter: Letter, by: User) -> bool:
    """Mark a letter posted by the officer `by`; False when it was marked already (by
    another click). The caller audits it."""
    posted = Letter.objects.filter(pk=letter.pk, posted_at__isnull=True).update(
        posted_at=timezone.now(), posted_by=by
    )
    return bool(posted)


def forget(about: str) -> int:
    """Delete the delivery records of the emails about `about` (a person erased), and
    their letters: the number of records deleted."""
    _total, by_model = Notification.objects.filter(about=about).delete()
    return by_model.get(Notification._meta.label, 0)


def _call(func: str, args: Any, kwargs: Any) -> tuple[str, list[Any], dict[str, Any]]:
    """The task a queued call runs, with its arguments: a call through `queue.run` is
    (path, args, kwargs, attempt); any other is the function itself."""
    if func == RUN and isinstance(args, list | tuple) and len(args) >= 2:
        path, task_args = args[0], args[1]
        task_kwargs = args[2] if len(args) > 2 and isinstance(args[2], dict) else {}
        return str(path), list(task_args or []), dict(task_kwargs)
    return func, list(args or []), dict(kwargs or {})


def _mentions(
    call: tuple[str, list[Any], dict[str, Any]],
    needles: list[str],
    ids: set[tuple[str, int, str]],
) -> bool:
    path, args, kwargs = call
    text = repr([*args, *kwargs.values()]).lower()
    if any(needle in text for needle in needles):
        return True
    return any((path, position, str(value)) in ids for position, value in enumerate(args))


def tasks_forget(*, needles: Iterable[str], ids: Iterable[tuple[str, int, object]] = ()) -> int:
    """Delete the tasks queued, scheduled to run later, or kept as results, whose
    arguments mention someone erased: one of `needles` (their id, email address … any
    case, anywhere in the arguments) or, for tasks that take a record's number,
    `(task path, position of the argument, number)` in `ids`. Their delivery records go
    with `forget`. The number of tasks deleted. (A task already taken by a worker finds
    the person erased when it reads them.)"""
    from django_q.models import OrmQ, Schedule
    from django_q.models import Task as TaskResult

    needles = [needle.lower() for needle in needles if needle]
    wanted = {(path, position, str(value)) for path, position, value in ids}
    deleted = 0
    doomed = [
        message.pk
        for message in OrmQ.objects.all().iterator(chunk_size=500)
        if _mentions(
            _call(
                str(message.task.get("func", "")),
                message.task.get("args"),
                message.task.get("kwargs"),
            ),
            needles,
            wanted,
        )
    ]
    deleted += OrmQ.objects.filter(pk__in=doomed).delete()[0]
    doomed = []
    for schedule in Schedule.objects.filter(func=RUN).iterator(chunk_size=500):
        try:
            path, args, kwargs, _attempt = scheduled_call(schedule)
        except (ValueError, SyntaxError, TypeError):
            continue
        if _mentions((path, list(args), dict(kwargs)), needles, wanted):
            doomed.append(schedule.pk)
    deleted += Schedule.objects.filter(pk__in=doomed).delete()[0]
    doomed = [
        result.pk
        for result in TaskResult.objects.all().iterator(chunk_size=500)
        if _mentions(_call(result.func, result.args, result.kwargs), needles, wanted)
        or any(needle in repr(result.result).lower() for needle in needles)
    ]
    deleted += TaskResult.objects.filter(pk__in=doomed).delete()[0]
    return int(deleted)
