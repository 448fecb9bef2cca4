"""Writes of the guide: saving and reopening answers behind a private link, the
retention purge, and a candidate's residence permit and procedures in progress
(entered by hand, or carried over from a result of the guide).

Every write is one transaction; the candidate's own dates are audited like any other
change to their record, and queue their reminder emails with the change.
"""

import hashlib
import json
import secrets
from datetime import date, datetime
from typing import Any

from django.core.mail import EmailMessage
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.guide import reminders
from accueil.guide.models import RETENTION, GuideAnswers, Procedure, Reminder, ResidencePermit
from accueil.guide.path import PathDates
from accueil.registration.models import Candidate


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def answers_save(*, answers: dict[str, Any], language: str, token: str | None) -> str:
    """Keep the answers behind the private link `token` (a new one if None or unknown);
    returns the token, which only the person's browser and link hold."""
    with transaction.atomic():
        record = None
        if token:
            record = (
                GuideAnswers.objects.select_for_update()
                .filter(token_hash=token_hash(token))
                .first()
            )
        if record is None:
            token = secrets.token_urlsafe(32)
            record = GuideAnswers(token_hash=token_hash(token))
        record.answers, record.language = answers, language
        record.expires_at = timezone.now() + RETENTION
        record.save()
    assert token is not None  # the record was found by it, or a new one was made
    return token


def answers_open(*, token: str) -> GuideAnswers | None:
    """The answers behind a private link; opening them counts as a use (retention)."""
    with transaction.atomic():
        record = GuideAnswers.objects.filter(
            token_hash=token_hash(token), expires_at__gt=timezone.now()
        ).first()
        if record is not None:
            record.expires_at = timezone.now() + RETENTION
            record.save(update_fields=["expires_at", "updated_at"])
    return record


def link_send(*, email: str, link: str) -> None:
    """Email the private link now, in the page's language. Sent at once rather than
    queued, so neither the address nor the link is written to the task queue."""
    text = render_to_string("guide/email/link.txt", {"link": link})
    subject, _blank, body = text.strip().partition("\n")
    EmailMessage(subject.strip(), body.strip() + "\n", to=[email]).send()


def answers_purge(*, now: datetime) -> int:
    """Delete the answers not used for 12 months; returns how many went."""
    with transaction.atomic():
        deleted, _by_model = GuideAnswers.objects.filter(expires_at__lte=now).delete()
    return deleted


def expired_answers_purge() -> int:
    """The scheduled job "guide-purge" (notifications.jobs): `answers_purge` now."""
    return answers_purge(now=timezone.now())


def permit_set(
    *, candidate: Candidate, expires_on: date | None, request: HttpRequest | None = None
) -> ResidencePermit | None:
    """Record (or, with None, forget) the expiry of the candidate's residence permit."""
    with transaction.atomic():
        if expires_on is None:
            ResidencePermit.objects.filter(candidate=candidate).delete()
            permit = None
            action = Action.DELETE
        else:
            permit, created = ResidencePermit.objects.update_or_create(
                candidate=candidate, defaults={"expires_on": expires_on}
            )
            action = Action.CREATE if created else Action.UPDATE
            reminders.schedule_renewal(permit)
        audit_record(
            action=action, target=candidate, request=request, fields=["guide_permit_expiry"]
        )
    return permit


def procedure_add(
    *, candidate: Candidate, kind: str, complete_on: date, request: HttpRequest | None = None
) -> Procedure:
    with transaction.atomic():
        procedure = Procedure.objects.create(
            candidate=candidate, kind=kind, complete_on=complete_on
        )
        audit_record(
            action=Action.CREATE, target=procedure, request=request, fields=["kind", "complete_on"]
        )
        reminders.schedule_decision(procedure)
    return procedure


def procedure_remove(
    *, candidate: Candidate, procedure_id: int, request: HttpRequest | None = None
) -> bool:
    with transaction.atomic():
        procedure = Procedure.objects.filter(candidate=candidate, pk=procedure_id).first()
        if procedure is None:
            return False
        audit_record(action=Action.DELETE, target=procedure, request=request)
        procedure.delete()
    return True


def path_dates_add(
    *, candidate: Candidate, dates: PathDates, request: HttpRequest | None = None
) -> int:
    """Record the guide's dates on the candidate's path; an application already there
    (same kind, same day) is not added twice. Returns how many were recorded."""
    recorded = 0
    with transaction.atomic():
        # One addition at a time per candidate: a double submit adds nothing twice.
        Candidate.objects.select_for_update().filter(pk=candidate.pk).first()
        if dates.permit_expiry is not None:
            permit_set(candidate=candidate, expires_on=dates.permit_expiry, request=request)
            recorded += 1
        for kind, complete_on in dates.procedures:
            known = Procedure.objects.filter(
                candidate=candidate, kind=kind, complete_on=complete_on
            )
            if not known.exists():
                procedure_add(
                    candidate=candidate, kind=kind, complete_on=complete_on, request=request
                )
                recorded += 1
    return recorded


def guide_forget(candidate: Candidate, needles: list[str]) -> list[str]:
    """An erased person's guide (privacy.erasure), in the caller's transaction: their
    residence permit's expiry, procedures and reminders are deleted, and so are the
    answers behind a private link (anonymous: not tied to any candidate) in which one
    of `needles` (their name, email, telephone, identification number, lower-case)
    appears, read in batches. The names of the records deleted."""
    deleted = []
    for model, name in (
        (ResidencePermit, "guide_permit"),
        (Procedure, "guide_procedures"),
        (Reminder, "guide_reminders"),
    ):
        count, _by_model = model.objects.filter(candidate=candidate).delete()
        if count:
            deleted.append(name)
    needles = [needle.lower() for needle in needles if needle]
    if needles:
        matching = [
            pk
            for pk, answers in GuideAnswers.objects.values_list("pk", "answers").iterator(
                chunk_size=2000
            )
            if any(needle in json.dumps(answers, ensure_ascii=False).lower() for needle in needles)
        ]
        for start in range(0, len(matching), 1000):
            GuideAnswers.objects.filter(pk__in=matching[start : start + 1000]).delete()
        if matching:
            deleted.append("guide_answers")
    return deleted
