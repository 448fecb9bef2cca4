"""Erasure of a person: no personal data of theirs left anywhere in the database,
while what the law requires is kept in anonymised form (issue 14, point 3).

Seed 000, "Forms / Online services" (the data-protection notice): "That information is
kept by the administration in question for as long as it is required to achieve the
purpose of the processing operation(s)", and the person may ask for its deletion.

`erase_candidate` keeps the candidate's row (its id is what contracts, bookings,
enrolments and certificates refer to) with every personal field blank
(`registration.Candidate.erased_at`, constraint `candidate_erased_holds_nothing`),
and asks each app to forget what it holds of them, through its services:

- registration: the candidate (names, identification number, birth day, telephone,
  addresses; kept: first nationality and year of birth, for the statistics), their
  account (inactive, no password, no name, an address naming no one);
- booking: sessions to come cancelled without email, the waiting list's wishes;
- intake: residence documents, linguistic profile, orientation notes deleted;
- social: the reasons and outcomes of interview requests;
- contracts: reasons written about them, the scan and the PDF (files deleted after
  commit); kept: number, dates, status, obligations, certificates;
- training: reasons and notes; kept: that a certificate was issued (its code, date,
  issuer), enrolments and attendance;
- guide: permit, procedures, reminders, and the anonymous answers that mention them;
- notifications: delivery records, letters, and tasks queued, scheduled or kept whose
  arguments mention them;
- audit: the free text of events about them and the addresses of their own events.

Besides: their sessions (signed in, or holding a half-filled form that mentions them),
django-axes' records of sign-ins at their address (kept under a keyed hash), and the
names the admin site's log keeps of their account and registration.

One transaction, the candidate's row locked first: two erasures of one person run one
after the other, and the second finds nothing left (safe to run twice). A worker that
dies before the commit erases nothing; after it, only files may be left, which the
retention job's sweep deletes (`privacy.retention`). The audit event names the
candidate by id and lists the kinds of records changed, never values nor the
reason typed (which the data-protection officer's request keeps).
"""

from collections.abc import Iterable

from django.contrib.sessions.models import Session
from django.db import models, transaction
from django.utils import timezone

from accueil.accounts.models import User
from accueil.accounts.selectors import account_key
from accueil.audit.models import Action
from accueil.audit.services import audit_forget, audit_record, target_label
from accueil.booking import services as booking_services
from accueil.booking.models import Booking
from accueil.contracts import services as contracts_services
from accueil.contracts.models import Certificate, Contract
from accueil.guide import services as guide_services
from accueil.guide.models import Procedure, ResidencePermit
from accueil.intake import services as intake_services
from accueil.intake.models import LinguisticProfile, Orientation, ResidenceDocument
from accueil.notifications import services as notifications
from accueil.privacy import services as privacy_services
from accueil.registration import selectors as registration_selectors
from accueil.registration import services as registration_services
from accueil.registration.models import Candidate
from accueil.social import services as social_services
from accueil.social.models import InterviewRequest
from accueil.training import services as training_services
from accueil.training.models import (
    Enrolment,
    HandledWarning,
    TrainingCertificate,
    Voucher,
)

# The tasks that take a booking's or an enrolment's number, and its position among
# their arguments (the others take the candidate's or the contract's id, which the
# search for their identifiers finds; the guide's reminders take a permit's or a
# procedure's number, deleted with them, and do nothing without it).
BOOKING_TASKS = (
    ("accueil.booking.emails.send_session_changed", 0),
    ("accueil.booking.emails.send_welcome", 1),
    ("accueil.booking.emails.send_booking_email", 1),
    ("accueil.booking.emails.send_booking_reminder", 0),
)
ENROLMENT_TASKS = (("accueil.training.emails.send_enrolment_email", 1),)
# The reasons of the erasure's own audit events (kept when it runs again).
ERASED, ERASED_AGAIN = "erased", "erased again"


def phone_forms(phone: str) -> list[str]:
    """The telephone number as typed and in the forms it may be stored or shown in:
    digits only, and E.164 (+352 for a Luxembourg number given without its prefix)."""
    typed = phone.strip()
    digits = "".join(ch for ch in typed if ch.isdigit())
    forms = [typed]
    if digits:
        forms.append(digits)
        if typed.startswith("+"):
            forms.append("+" + digits)
        elif typed.startswith("00"):
            forms.append("+" + digits[2:])
        else:
            forms.append("+352" + digits)
    return [form for form in forms if len(form) >= 6]


def identifiers(candidate: Candidate, user: User | None) -> tuple[list[str], list[str]]:
    """What names or reaches the person, lower-case, to find it where it is stored as
    text: (what is theirs alone, found inside any text: their id, identification
    number, email addresses and telephone in its forms; their names, found only as a
    whole value, since "Ana" is inside "Banana")."""
    strong = [
        str(candidate.pk),
        candidate.national_id or "",
        candidate.email,
        candidate.pending_email,
        *phone_forms(candidate.phone),
    ]
    names = [candidate.surname, candidate.first_name, f"{candidate.first_name} {candidate.surname}"]
    if user is not None:
        strong.append(user.email)
        names += [user.first_name, user.last_name, user.get_full_name()]
    return (
        sorted({text.strip().lower() for text in strong if len(text.strip()) >= 6}),
        sorted({text.strip().lower() for text in names if text.strip()}),
    )


def strings_in(value: object) -> Iterable[str]:
    """Every string inside a decoded value (dicts, lists, tuples), keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(key)
            yield from strings_in(item)
    elif isinstance(value, list | tuple | set):
        for item in value:
            yield from strings_in(item)


def mentions(value: object, strong: list[str], names: list[str]) -> bool:
    """Whether `value` holds one of `strong` anywhere in a string, or one of `names`
    as a whole string (any case)."""
    for text in strings_in(value):
        lowered = text.strip().lower()
        if lowered in names or any(needle in lowered for needle in strong):
            return True
    return False


def their_records(candidate: Candidate, user: User | None) -> list[tuple[str, str]]:
    """(record type, id) of every record about them, as the audit trail names them."""
    records: list[models.Model] = [candidate]
    if user is not None:
        records.append(user)
    for model, lookup in (
        (Booking, "candidate"),
        (Contract, "candidate"),
        (Certificate, "contract__candidate"),
        (Enrolment, "candidate"),
        (TrainingCertificate, "enrolment__candidate"),
        (Voucher, "candidate"),
        (HandledWarning, "candidate"),
        (InterviewRequest, "candidate"),
        (ResidenceDocument, "candidate"),
        (LinguisticProfile, "candidate"),
        (Orientation, "candidate"),
        (ResidencePermit, "candidate"),
        (Procedure, "candidate"),
    ):
        records.extend(model.objects.filter(**{lookup: candidate}))
    return [target_label(record) for record in records]


def sessions_forget(user: User | None, strong: list[str], names: list[str]) -> int:
    """Delete the sessions signed in as `user`, and any session whose data mention them
    (`mentions`: a registration or a change left half-filled). Each session is decoded,
    in batches; the number deleted."""
    doomed = []
    for session in Session.objects.all().iterator(chunk_size=1000):
        data = session.get_decoded()
        theirs = user is not None and str(data.get("_auth_user_id", "")) == str(user.pk)
        if theirs or mentions(data, strong, names):
            doomed.append(session.pk)
    deleted = 0
    for start in range(0, len(doomed), 1000):
        deleted += Session.objects.filter(pk__in=doomed[start : start + 1000]).delete()[0]
    return deleted


def sign_in_attempts_forget(addresses: Iterable[str]) -> int:
    """Delete django-axes' records of sign-ins at these addresses (failures, lock-outs,
    its log), which it keeps under the keyed hash of the address typed
    (`accounts.signin.account_key`), or the address itself."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    keys: set[str] = set()
    for address in addresses:
        if address:
            keys.add(address)
            keys.add(address.lower())
            key = account_key(None, {"username": address})
            if key:
                keys.add(key)
    if not keys:
        return 0
    return sum(
        model.objects.filter(username__in=keys).delete()[0]
        for model in (AccessAttempt, AccessFailureLog, AccessLog)
    )


def admin_log_forget(targets: Iterable[tuple[str, str]]) -> int:
    """Blank the name the admin site's log (`django_admin_log`) keeps of each of these
    records (its `object_repr`, e.g. a user's full name or address); the entries stay
    (who changed which record, when, which fields)."""
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    changed = 0
    for label, pk in targets:
        app_label, _dot, model = label.partition(".")
        content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
        if content_type is not None:
            changed += (
                LogEntry.objects.filter(content_type=content_type, object_id=pk)
                .exclude(object_repr=ERASED)
                .update(object_repr=ERASED)
            )
    return changed


def erase_candidate(
    candidate: Candidate, *, actor: User | None, reason: str, search_text: bool = True
) -> bool:
    """Erase everything personal about `candidate`, in one transaction, audited
    without personal data. Safe to run twice: True when this call erased them, False
    when they were erased already (what refers to them by id is swept again).

    `reason` (why: the data subject's request, the end of a retention period) is the
    caller's to keep with the request; the trail gets no free text.

    `search_text=False` (the retention job, for people untouched for years) skips
    reading every session and every set of the guide's answers for their name or
    address: sessions expire within hours and the guide's answers within a year of
    their last use, and both are deleted by the retention policy anyway."""
    now = timezone.now()
    with transaction.atomic():
        person = registration_services.candidate_lock(candidate.pk)
        first_time = person.erased_at is None
        user = (
            User.objects.select_for_update(no_key=True).filter(pk=person.user_id).first()
            if person.user_id is not None
            else None
        )
        strong, names = identifiers(person, user)
        addresses = [person.email, person.pending_email, user.email if user else ""]
        targets = their_records(person, user)
        ids = [
            *(
                (path, position, pk)
                for path, position in BOOKING_TASKS
                for pk in person.bookings.values_list("pk", flat=True)
            ),
            *(
                (path, position, pk)
                for path, position in ENROLMENT_TASKS
                for pk in person.enrolments.values_list("pk", flat=True)
            ),
        ]
        contract_ids = [str(pk) for pk in person.contracts.values_list("pk", flat=True)]

        changed: dict[str, list[str]] = {
            "booking": booking_services.bookings_forget(person, now=now),
            "intake": intake_services.intake_forget(person),
            "social": social_services.interview_requests_forget(person),
            "contracts": contracts_services.contracts_forget(person),
            "training": training_services.training_forget(person),
            "guide": guide_services.guide_forget(person, strong if search_text else []),
        }
        requests = privacy_services.forget_requests_of(person)
        notifications.forget(registration_selectors.email_about(person.pk))
        tasks = notifications.tasks_forget(needles=[*strong, *contract_ids], ids=ids)
        sessions = sessions_forget(user, strong, names) if search_text else 0
        attempts = sign_in_attempts_forget(addresses)
        audit_forget(
            targets=targets,
            user=user,
            mentioning=[
                key for key in (account_key(None, {"username": a}) for a in addresses) if key
            ],
            keep=[ERASED, ERASED_AGAIN],
        )
        admin_entries = admin_log_forget(targets)
        changed["account"] = registration_services.account_forget(user)
        changed["candidate"] = registration_services.candidate_forget(person, now=now)
        fields = sorted(
            {f"{app}.{name}" for app, kinds in changed.items() for name in kinds}
            | ({"tasks"} if tasks else set())
            | ({"sessions"} if sessions else set())
            | ({"sign_in_attempts"} if attempts else set())
            | ({"admin_log"} if admin_entries else set())
            | ({"data_subject_requests"} if requests else set())
        )
        audit_record(
            action=Action.DELETE,
            actor=actor,
            target=person,
            fields=fields,
            reason=ERASED if first_time else ERASED_AGAIN,
        )
    candidate.refresh_from_db()
    return first_time
