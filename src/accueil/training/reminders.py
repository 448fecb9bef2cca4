"""Reminders 6 months, 3 months and 1 month before the end of a contract's term (issue
13, point 2): what is left to do, and the next dates that would fit.

Seed, "The end of the CAI contract": "At the end of the CAI contract, the Integration
Department will verify whether the signatory has met the requirements of the
contract", which is "considered fulfilled when the signatory has participated in the
different courses and events within 2 years of the entry into force of the contract".
What is left is what rule `cai.fulfilment` finds unmet on the day (its `unmet`, only
among the obligations the contract covers: a follow-up contract applies "only to
those obligations that were not fulfilled"); the reminders themselves (when, what
they say) are the issue's, not the seed's.

**When.** Reminder N (6, 3 or 1) falls due on the day `end_exclusive - N months`
(`rules.dates.add_months`, clamped backwards: 6 months before a term ending on
31 August is 28 February, or 29 in a leap year; "N months before" is then never less
than N months), the day from which N months of the term are left. It stays due until
the next one falls due (the 1-month one until the term is over): a job that did not
run for a few days still sends it, late; a job that finds the 3-month one due sends
that one and never the 6-month one, outdated. `due_reminder` says which is due on a
day; `end_ranges` turns the same windows round, into the ranges of `end_exclusive`
for which each is due, so that one query finds the contracts.

**Once.** Each reminder has its delivery record, keyed
"term_reminder_<N>:contract:<contract id, 32 hex digits>", created with its task
(`notifications.services.queue_once`), and `deliver` sends it once. The query leaves
out the contracts whose record exists (NOT EXISTS on the unique key, built in SQL the
same way: `Replace(Cast(id))` gives the 32 hex digits on PostgreSQL and on SQLite).
Running the job twice, or twice at once, queues and sends nothing twice.

**To whom.** Contracts in force only (not a draft, withdrawn, under review or
decided one), whose candidate can be reached (an email address, else a postal
address: the reminder goes as a letter, `compose_message`), with something left on
the day. The task checks it all again when it runs (a certificate recorded
meanwhile, the contract withdrawn, the reminder outdated: nothing is sent).
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, cast
from uuid import UUID

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models.functions import Cast, Concat, Replace
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_noop
from django_tasks import task

from accueil.contracts import selectors as contract_selectors
from accueil.contracts.models import Contract, ContractStatus, Obligation
from accueil.core import clock
from accueil.notifications.models import Notification
from accueil.notifications.services import LetterContent, compose_message, deliver, queue_once
from accueil.registration import selectors as registration_selectors
from accueil.rules.dates import add_months
from accueil.training.models import Course, CourseKind, CourseSession, CourseStatus, Enrolment
from accueil.training.selectors import current_enrolments_by_obligation, with_seats

# Months before the end of the term, the first one first (issue 13: "6 months, 3 months
# and 1 month before the end of the term").
MONTHS = (6, 3, 1)
# The next dates listed for each obligation left.
COURSES_LISTED = 3
# How many contracts are read (with their certificates) at a time.
CHUNK = 2000

# What each reminder is for, as officers see it (`notifications` shows it translated).
PURPOSES = {
    "term_reminder_6": gettext_noop("Reminder: 6 months left in the contract"),
    "term_reminder_3": gettext_noop("Reminder: 3 months left in the contract"),
    "term_reminder_1": gettext_noop("Reminder: 1 month left in the contract"),
}

# The kinds of course that meet each obligation (seed: language training, literacy
# classes among it; the citizenship course; orientation days).
KINDS_OF_OBLIGATION = {
    Obligation.LANGUAGE_TRAINING: (CourseKind.LANGUAGE, CourseKind.LITERACY),
    Obligation.CITIZENSHIP_COURSE: (CourseKind.CITIZENSHIP,),
    Obligation.ORIENTATION_DAY: (CourseKind.ORIENTATION,),
}
CATALOGUE_KIND = {
    Obligation.LANGUAGE_TRAINING: CourseKind.LANGUAGE,
    Obligation.CITIZENSHIP_COURSE: CourseKind.CITIZENSHIP,
    Obligation.ORIENTATION_DAY: CourseKind.ORIENTATION,
}


def kind(months: int) -> str:
    return f"term_reminder_{months}"


def key(contract_id: UUID | str, months: int) -> str:
    """The delivery record's key of reminder `months` about this contract."""
    return f"{kind(months)}:contract:{UUID(str(contract_id)).hex}"


def reminder_day(end_exclusive: date, months: int) -> date:
    """The day reminder `months` falls due: `months` months before the end of the term."""
    return add_months(end_exclusive, -months)


def due_reminder(end_exclusive: date, today: date) -> int | None:
    """The reminder due on `today` for a term ending before `end_exclusive`: the last
    one whose day has come (1, 3 or 6), or None (too early, or the term is over)."""
    if today >= end_exclusive:
        return None
    for months in reversed(MONTHS):  # 1, then 3, then 6
        if reminder_day(end_exclusive, months) <= today:
            return months
    return None


def last_end(today: date, months: int) -> date:
    """The latest `end_exclusive` whose reminder `months` has fallen due by `today`
    (`reminder_day` never decreases as the end moves later; clamping makes up to
    three ends share one day, 29, 30 and 31 August all give 28 February)."""
    end = add_months(today, months)
    while reminder_day(end + timedelta(days=1), months) <= today:
        end += timedelta(days=1)
    return end


def end_ranges(today: date) -> dict[int, tuple[date, date]]:
    """For each reminder, the ends of term (exclusive) for which it is due on `today`,
    as (after, up to and including): the same windows as `due_reminder`."""
    ranges, after = {}, today
    for months in reversed(MONTHS):
        upto = last_end(today, months)
        ranges[months] = (after, upto)
        after = upto
    return ranges


def due_contracts(today: date):
    """The contracts in force with a reminder due on `today` that was not queued yet,
    and whose candidate can be reached, each annotated with `months`: one query."""
    ranges = end_ranges(today)
    due = Case(
        *(
            When(end_exclusive__gt=after, end_exclusive__lte=upto, then=Value(months))
            for months, (after, upto) in ranges.items()
        ),
        default=Value(None),
        output_field=IntegerField(),
    )
    hexid = Replace(Cast("pk", CharField()), Value("-"), Value(""))
    record_key = Concat(
        Value("term_reminder_"),
        Cast("months", CharField()),
        Value(":contract:"),
        hexid,
        output_field=CharField(),
    )
    recorded = Notification.objects.filter(key=OuterRef("record_key"))
    return (
        Contract.objects.filter(
            status=ContractStatus.IN_FORCE,
            end_exclusive__gt=today,
            end_exclusive__lte=ranges[MONTHS[0]][1],
        )
        .exclude(candidate__email="", candidate__postal_address="")
        .annotate(months=due, record_key=record_key)
        .filter(~Exists(recorded))
        .order_by("end_exclusive", "pk")
    )


def unmet(contract: Contract, today: date) -> list[str]:
    """What is left of the contract on `today` (rule cai.fulfilment's `unmet`), or
    nothing once it is fulfilled."""
    decision = contract_selectors.fulfilment(contract, today)
    if decision is None or decision.outcome == "fulfilled":
        return []
    return list(decision.values["unmet"])


def _chunks(today: date) -> Iterator[list[Contract]]:
    contracts = due_contracts(today).prefetch_related("certificates")
    batch: list[Contract] = []
    for contract in contracts.iterator(chunk_size=CHUNK):
        batch.append(contract)
        if len(batch) == CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def queue_due_term_reminders() -> int:
    """The job "term-reminders": queue each reminder due today, for a contract with
    something left to do, once (its record is written with its task). The number queued."""
    today = clock.today()
    queued = 0
    for batch in _chunks(today):
        by_months: dict[int, list[tuple[str, str, list]]] = {}
        for contract in batch:
            if not unmet(contract, today):
                continue  # nothing left: nothing is sent (and no record is kept)
            months = cast(int, contract.months)  # type: ignore[attr-defined]
            by_months.setdefault(months, []).append(
                (
                    key(contract.pk, months),
                    registration_selectors.email_about(contract.candidate_id),
                    [str(contract.pk), months],
                )
            )
        for months, emails in by_months.items():
            queued += queue_once(send_term_reminder, kind(months), PURPOSES[kind(months)], emails)
    return queued


# The email.


@dataclass
class Left:
    """An obligation left: its label, the courses the person is enrolled in for it, and
    the next courses that would fit (in the reader's language when rendered)."""

    code: str
    label: Any  # lazy: rendered in the reader's language
    catalogue_url: str
    enrolled: list[Enrolment] = field(default_factory=list)
    courses: list[Course] = field(default_factory=list)


def courses_that_fit(
    kinds: tuple[str, ...], end_exclusive: date, now: datetime, exclude: list[int]
) -> list[Course]:
    """The soonest published courses of these kinds with a free place, a session still
    to come, and every session over before the end of the term (a certificate dated
    after it would not count): at most `COURSES_LISTED`, by their next session. Each has
    `next_start`, `last_start`, `seats_left`, `session_count` and its page's `link`."""
    end = clock.start_of_day(end_exclusive)
    coming = CourseSession.objects.filter(course=OuterRef("pk"), starts_at__gte=now)
    courses = with_seats(
        Course.objects.filter(status=CourseStatus.PUBLISHED, kind__in=kinds)
        .exclude(pk__in=exclude)
        .filter(Exists(coming))
    ).filter(**{"seats_left__gt": 0})  # an annotation
    found: list[Course] = list(
        courses.annotate(
            next_start=Min("sessions__starts_at", filter=Q(sessions__starts_at__gte=now)),
            last_start=Max("sessions__starts_at"),
            last_end=Max("sessions__ends_at"),
            session_count=Count("sessions"),
        )
        .filter(last_end__lte=end)
        .select_related("provider")
        .order_by("next_start", "pk")[:COURSES_LISTED]
    )
    for course in found:
        course.link = site(reverse("training:course_detail", args=[course.pk]))  # type: ignore[attr-defined]
    return found


def site(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def left_to_do(contract: Contract, codes: list[str], now: datetime) -> list[Left]:
    """Each obligation left, in the canonical order, with what would fit."""
    enrolments = current_enrolments_by_obligation(contract.candidate)
    catalogue = reverse("training:catalogue")
    found = []
    for code in Obligation.values:
        if code not in codes:
            continue
        enrolled = enrolments.get(code, [])
        courses = courses_that_fit(
            KINDS_OF_OBLIGATION[Obligation(code)],
            cast(date, contract.end_exclusive),
            now,
            [enrolment.course_id for enrolment in enrolled],
        )
        found.append(
            Left(
                code,
                Obligation(code).label,
                site(f"{catalogue}?kind={CATALOGUE_KIND[Obligation(code)]}"),
                enrolled,
                courses,
            )
        )
    return found


def message(contract: Contract, months: int, codes: list[str]) -> EmailMessage | LetterContent:
    """The reminder in the candidate's language: the last day of the term, what is left
    and the next dates that would fit; a letter when they gave only a postal address."""
    candidate = contract.candidate
    return compose_message(
        "training/emails/term_reminder.txt",
        {
            "candidate": candidate,
            # A name typed with a line break (or several spaces) greets on one line.
            "first_name": " ".join(candidate.first_name.split()),
            "contract": contract,
            "months": months,
            "last_day": contract.last_day,
            "left": left_to_do(contract, codes, timezone.now()),
            "path_url": site(reverse("portal:home")),
        },
        language=candidate.information_language,
        to=candidate.email,
        name=registration_selectors.postal_name(candidate),
        postal_address=candidate.postal_address,
    )


@task()
def send_term_reminder(contract_id: str, months: int) -> bool:
    """Send reminder `months` about the contract, unless it was sent, or it is no longer
    the one due today, or the contract is no longer in force, or nothing is left."""
    contract = (
        Contract.objects.select_related("candidate")
        .prefetch_related("certificates")
        .filter(pk=contract_id)
        .first()
    )
    if contract is None or contract.status != ContractStatus.IN_FORCE:
        return False
    if contract.end_exclusive is None or not registration_selectors.reachable(contract.candidate):
        return False
    today = clock.today()
    if due_reminder(contract.end_exclusive, today) != months:
        return False  # outdated: the next one (if any) is queued by the job
    codes = unmet(contract, today)
    if not codes:
        return False
    return deliver(
        key(contract.pk, months),
        kind(months),
        registration_selectors.email_about(contract.candidate_id),
        PURPOSES[kind(months)],
        lambda: message(contract, months, codes),
        again=(send_term_reminder, [str(contract.pk), months]),
    )
