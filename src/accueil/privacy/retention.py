"""The retention policy: how long each kind of data is kept, and what happens then.

Seed 000, "Forms / Online services" (the data-protection notice): "That information is
kept by the administration in question for as long as it is required to achieve the
purpose of the processing operation(s)." Each kind of data below has its purpose, the
period after which it is no longer required for it, and the action then: delete the
rows, or anonymise them (a person is erased by `privacy.erasure.erase_candidate`: what
the law requires stays, with nothing that names them).

`POLICY` is the one table; `docs/retention.md` renders it for people (a test checks
that both agree). Any period can be changed without a release: `RETENTION_DAYS` in the
environment, e.g. `RETENTION_DAYS=audit_addresses=90,emails=180` (settings.py).

The scheduled job "retention" (`notifications.jobs`, `apply_policy`) applies it every
hour: each kind in batches (`BATCH` rows, or up to `ERASE_BATCH` people for at most
`ERASE_SECONDS` a run), each batch in its own transaction, so a run stopped halfway
keeps what it did and the next run goes on; running it twice, or on two machines,
does nothing twice (what is gone is not found again; an erased person is skipped).
Each run records one audit event: the kinds it acted on and how many records, never
which ones.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from accueil.audit.models import REASON_LENGTH, Action
from accueil.audit.services import audit_record, audit_retention
from accueil.booking.models import Booking
from accueil.contracts import services as contracts_services
from accueil.contracts.models import LIVE_STATUSES, Contract
from accueil.guide import services as guide_services
from accueil.guide.models import RETENTION as GUIDE_RETENTION
from accueil.notifications.models import Letter, Notification
from accueil.privacy.erasure import erase_candidate
from accueil.registration.models import Candidate

SEED = (
    "Seed 000, “Forms / Online services”: “That information is kept by the administration "
    "in question for as long as it is required to achieve the purpose of the processing "
    "operation(s).”"
)
BATCH = 1000  # rows deleted per statement
ERASE_BATCH = 200  # people erased per run at most (each in its own transaction)
# A run stops erasing after this long, well within the task's timeout (TASKS_TIMEOUT,
# 120 s by default); the next run goes on.
ERASE_SECONDS = 60.0

Action_ = Literal["delete", "anonymise", "keep anonymised"]


@dataclass(frozen=True)
class Rule:
    kind: str  # stable: the key of RETENTION_DAYS and of the job's report
    data: str  # the kind of data, in English
    days: int | None  # the default period; None: kept (anonymised) with the record it proves
    counted_from: str  # from when the period runs
    action: Action_
    reason: str  # the purpose, and the passage of the seeds or the law behind the period


POLICY: tuple[Rule, ...] = (
    Rule(
        "registrations",
        "Registrations that never led to a contract (the candidate, their bookings, "
        "interview requests, residence document, guide dates)",
        2 * 365,
        "the registration, with no contract and no session to come",
        "anonymise",
        "Registering prepares the information session and the contract (seed, “How to "
        "proceed”); two years without a contract, the purpose is gone. " + SEED,
    ),
    Rule(
        "abandoned_registrations",
        "Registrations and other forms left half-filled (kept in the session)",
        0,
        "the session's expiry (SESSION_COOKIE_AGE, 8 hours)",
        "delete",
        "A form not sent has no purpose once its session has expired. " + SEED,
    ),
    Rule(
        "contracts",
        "Contracts and the people who signed them (the candidate, scans, PDFs, reasons)",
        5 * 365,
        "the end of the person's last contract (its term; a contract withdrawn before "
        "its signature: its creation)",
        "anonymise",
        "A follow-up contract may be signed after a contract not fulfilled (seed, “The "
        "end of the CAI contract”), and a residence or nationality procedure may ask for "
        "the certificate: five years after the end. The number, dates and status stay. " + SEED,
    ),
    Rule(
        "contract_files",
        "Files of contracts no contract names any more (a scan or PDF left behind when a "
        "worker stopped between an erasure and its deleting the files)",
        1,
        "the file's last change",
        "delete",
        "A file no record names serves no purpose. " + SEED,
    ),
    Rule(
        "certificates",
        "Certificates of attendance and of completion",
        None,
        "—",
        "keep anonymised",
        "The certificate proves an obligation met (seed: attendance “is documented in an "
        "attendance certificate”); once its holder is erased, that it was issued (code, "
        "date, issuer) stays, without their name, and the verification page says it is "
        "no longer available. " + SEED,
    ),
    Rule(
        "bookings",
        "Bookings of information sessions",
        3 * 365,
        "the session",
        "delete",
        "A booking serves the session and the contract that follows it. " + SEED,
    ),
    Rule(
        "emails",
        "Delivery records of emails (no content, no address) and their tasks' arguments",
        365,
        "the email's creation",
        "delete",
        "They prove an email was sent and let officers send it again; a year covers any "
        "complaint. " + SEED,
    ),
    Rule(
        "letters",
        "Letters to print (their PDF holds the name, address and content)",
        180,
        "the letter's creation (posted or not)",
        "delete",
        "A letter is kept until posted and a little after, in case it comes back. " + SEED,
    ),
    Rule(
        "task_results",
        "Results of background tasks (their arguments may hold an address)",
        30,
        "the task's end",
        "delete",
        "Needed only to look into a failure. " + SEED,
    ),
    Rule(
        "guide_answers",
        "The guide's answers behind a private link",
        GUIDE_RETENTION.days,
        "their last use",
        "delete",
        "Kept for the person to come back to their result (guide.models.RETENTION; also "
        "the job guide-purge). " + SEED,
    ),
    Rule(
        "audit_addresses",
        "IP addresses in the audit trail",
        180,
        "the event",
        "anonymise",
        "Needed to look into an incident soon after it; the event stays without it. " + SEED,
    ),
    Rule(
        "audit",
        "Audit trail events",
        10 * 365,
        "the event",
        "delete",
        "The trail answers who saw or changed a record (the notice's “every look is "
        "traced”) for as long as the records may be questioned. " + SEED,
    ),
    Rule(
        "sign_in_attempts",
        "Failed sign-ins kept by django-axes (keyed hash of the address, IP address)",
        30,
        "the attempt",
        "delete",
        "Needed for the lock-out (SIGN_IN_LOCKOUT_MINUTES) and a little after. " + SEED,
    ),
)
BY_KIND = {rule.kind: rule for rule in POLICY}


def period(rule: Rule) -> timedelta | None:
    """The rule's period: `RETENTION_DAYS[kind]` if set, else the policy's."""
    days = getattr(settings, "RETENTION_DAYS", {}).get(rule.kind, rule.days)
    return None if days is None else timedelta(days=int(days))


def _delete_in_batches(queryset: models.QuerySet) -> int:
    """Delete the rows of `queryset` BATCH at a time, each batch in its own transaction."""
    deleted = 0
    while True:
        with transaction.atomic():
            pks = list(queryset.values_list("pk", flat=True)[:BATCH])
            if not pks:
                return deleted
            _total, by_model = queryset.model.objects.filter(pk__in=pks).delete()
            # Counted as deleted by this run (another run at once may have taken some).
            deleted += by_model.get(queryset.model._meta.label, 0)


def _erase_all(queryset: models.QuerySet, reason: str) -> int:
    """Erase the people of `queryset` not erased yet, ERASE_BATCH at most and for
    ERASE_SECONDS at most; the number erased."""
    erased = 0
    stop = time.monotonic() + ERASE_SECONDS
    for candidate in queryset.filter(erased_at__isnull=True)[:ERASE_BATCH]:
        if erase_candidate(candidate, actor=None, reason=reason, search_text=False):
            erased += 1
        if time.monotonic() > stop:
            break
    return erased


def registrations(before: datetime, now: datetime) -> int:
    coming = Booking.objects.filter(
        candidate=OuterRef("pk"), status="active", session__starts_at__gt=now
    )
    return _erase_all(
        Candidate.objects.filter(registered_at__lt=before, contracts__isnull=True)
        .exclude(Exists(coming))
        .order_by("registered_at"),
        "retention: registration without contract",
    )


def abandoned_registrations(before: datetime, now: datetime) -> int:
    return _delete_in_batches(Session.objects.filter(expire_date__lt=before))


def contracts(before: datetime, now: datetime) -> int:
    live = Contract.objects.filter(candidate=OuterRef("pk"), status__in=LIVE_STATUSES)
    recent = Contract.objects.filter(candidate=OuterRef("pk")).filter(
        Q(end_exclusive__gte=before.date()) | Q(end_exclusive__isnull=True, created_at__gte=before)
    )
    return _erase_all(
        Candidate.objects.filter(contracts__isnull=False)
        .exclude(Exists(live))
        .exclude(Exists(recent))
        .distinct()
        .order_by("registered_at"),
        "retention: contract ended",
    )


def contract_files(before: datetime, now: datetime) -> int:
    return contracts_services.unreferenced_files_delete(before=before)


def bookings(before: datetime, now: datetime) -> int:
    return _delete_in_batches(
        Booking.objects.filter(session__starts_at__lt=before).exclude(status="active")
    )


def emails(before: datetime, now: datetime) -> int:
    return _delete_in_batches(
        Notification.objects.filter(created_at__lt=before).exclude(status="pending")
    )


def letters(before: datetime, now: datetime) -> int:
    return _delete_in_batches(Letter.objects.filter(created_at__lt=before))


def task_results(before: datetime, now: datetime) -> int:
    from django_q.models import Task

    return _delete_in_batches(Task.objects.filter(stopped__lt=before))


def guide_answers(before: datetime, now: datetime) -> int:
    # The answers expire GUIDE_RETENTION after their last use: those last used before
    # `before` expire before `before + GUIDE_RETENTION`.
    return guide_services.answers_purge(now=before + GUIDE_RETENTION)


def audit_addresses(before: datetime, now: datetime) -> int:
    return audit_retention(addresses_before=before)


def audit(before: datetime, now: datetime) -> int:
    return audit_retention(events_before=before)


def sign_in_attempts(before: datetime, now: datetime) -> int:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    return (
        _delete_in_batches(AccessAttempt.objects.filter(attempt_time__lt=before))
        + _delete_in_batches(AccessFailureLog.objects.filter(attempt_time__lt=before))
        + _delete_in_batches(AccessLog.objects.filter(attempt_time__lt=before))
    )


APPLY: dict[str, Callable[[datetime, datetime], int]] = {
    "registrations": registrations,
    "abandoned_registrations": abandoned_registrations,
    "contracts": contracts,
    "contract_files": contract_files,
    "bookings": bookings,
    "emails": emails,
    "letters": letters,
    "task_results": task_results,
    "guide_answers": guide_answers,
    "audit_addresses": audit_addresses,
    "audit": audit,
    "sign_in_attempts": sign_in_attempts,
}


def apply_policy(now: datetime | None = None) -> int:
    """Apply every rule of `POLICY` once (the job "retention"): the number of records
    deleted or anonymised, recorded in one audit event by kind."""
    now = now or timezone.now()
    done: dict[str, int] = {}
    for rule in POLICY:
        kept_for = period(rule)
        if kept_for is None or rule.kind not in APPLY:
            continue
        count = APPLY[rule.kind](now - kept_for, now)
        if count:
            done[rule.kind] = count
    if done:
        # Kinds and counts, written by the program (a code for the trail), within its length.
        counts = ", ".join(f"{kind} {n}" for kind, n in sorted(done.items()))
        run_summary = f"retention: {counts}"[:REASON_LENGTH]
        audit_record(action=Action.DELETE, fields=sorted(done), reason=run_summary)
    return sum(done.values())


def retention_job() -> int:
    """The scheduled job "retention" (notifications.jobs): `apply_policy` now."""
    return apply_policy()


def period_text(days: int | None) -> str:
    if days is None:
        return "kept"
    if days == 0:
        return "at once"
    if days % 365 == 0:
        years = days // 365
        return f"{years} year" + ("s" if years > 1 else "")
    return "1 day" if days == 1 else f"{days} days"


def markdown_table() -> str:
    """The policy as docs/retention.md shows it (tests/privacy/test_retention.py checks
    that the document holds this table)."""
    lines = [
        "| Kind (`RETENTION_DAYS` key) | Data | Kept for | Counted from | Then | Why |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for rule in POLICY:
        lines.append(
            f"| `{rule.kind}` | {rule.data} | {period_text(rule.days)} | {rule.counted_from} "
            f"| {rule.action} | {rule.reason.replace(SEED, '').strip()} |"
        )
    return "\n".join(lines) + "\n"
