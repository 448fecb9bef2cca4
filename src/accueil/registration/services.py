"""Registering a candidate (seed, "How to proceed"), online or by an officer.

The seed lists what a registration holds: "surname and first name; social security
number; telephone number; postal address or email address; the language in which
CAI information should be communicated", and "whether an interpreter is required".
Only someone who may sign a contract (rule `cai.eligibility`) can register.
"""

import uuid
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, cast

from django.db import IntegrityError, connections, router, transaction
from django.db.models import F
from django.db.models.sql import InsertQuery
from django.http import HttpRequest
from django.utils import timezone

from accueil.accounts.models import User
from accueil.audit.models import Action
from accueil.audit.services import audit_events_for, audit_record
from accueil.core import clock, references
from accueil.registration import selectors
from accueil.registration.emails import (
    candidate_email,
    email_confirmation,
    send_candidate_email,
)
from accueil.registration.models import Candidate, Channel, Correction, Resubmission
from accueil.rules import Decision, evaluate


@dataclass(frozen=True)
class RegistrationData:
    surname: str
    first_name: str
    national_id: str
    birth_date: date
    phone: str
    information_language: str
    nationalities: list[str] = field(default_factory=list)
    email: str = ""
    postal_address: str = ""
    interpreter_needed: bool = False
    interpreter_language: str = ""
    legally_resident: bool = False
    wishes_to_settle: bool = False


class AlreadyRegistered(Exception):
    """This identification number is registered already (only staff are told so)."""


class NotEligible(Exception):
    def __init__(self, decision: Decision):
        super().__init__(decision.outcome)
        self.decision = decision


def eligibility(data: RegistrationData, on: date) -> Decision:
    return evaluate(
        "cai.eligibility",
        {
            "birth_date": data.birth_date.isoformat(),
            "on": on.isoformat(),
            "nationalities": data.nationalities,
            "legally_resident": data.legally_resident,
            "wishes_to_settle": data.wishes_to_settle,
        },
    )


def submitted(submission_id: uuid.UUID | None) -> Candidate | None:
    """The registration this submission made already, if any (a repeated submission)."""
    if submission_id is None:
        return None
    return Candidate.objects.filter(submission_id=submission_id).first()


@transaction.atomic
def candidate_register(
    *,
    data: RegistrationData,
    channel: str = Channel.ONLINE,
    actor: User | None = None,
    submission_id: uuid.UUID | None = None,
    request: HttpRequest | None = None,
) -> Candidate:
    """Create the registration; a repeated submission returns the first one.

    In its own atomic block, so a refusal leaves the caller's transaction usable."""
    if same := submitted(submission_id):
        return same
    try:
        # Only a submission_id needs a query after a refused insert (its twin may have
        # got there first), hence a savepoint; without one the function's own block
        # rolls back (two round trips less).
        with transaction.atomic(savepoint=submission_id is not None):
            return candidate_create(
                data=data,
                channel=channel,
                actor=actor,
                submission_id=submission_id,
                request=request,
            )
    except AlreadyRegistered:
        if same := submitted(submission_id):
            return same
        raise


def _insert_unless_taken(candidate: Candidate) -> bool:
    """INSERT ... ON CONFLICT DO NOTHING RETURNING id (PostgreSQL; SQLite >= 3.35):
    False when the identification number or the submission id is taken. Unlike a
    refused INSERT, it leaves the transaction usable with no savepoint around it, so
    what follows a taken number (telling its owner) costs what a new one does. Any
    other constraint still raises IntegrityError."""
    fields = [f for f in Candidate._meta.local_concrete_fields if not f.generated]
    query = InsertQuery(Candidate)
    query.insert_values(fields, [candidate])
    using = router.db_for_write(Candidate)
    [(sql, params)] = query.get_compiler(using=using).as_sql()
    pk = connections[using].ops.quote_name(cast(str, Candidate._meta.pk.column))
    with connections[using].cursor() as cursor:
        cursor.execute(f"{sql} ON CONFLICT DO NOTHING RETURNING {pk}", params)
        inserted = cursor.fetchone() is not None
    if inserted:
        candidate._state.adding, candidate._state.db = False, using
    return inserted


def candidate_create(
    *,
    data: RegistrationData,
    channel: str = Channel.ONLINE,
    actor: User | None = None,
    submission_id: uuid.UUID | None = None,
    request: HttpRequest | None = None,
    email: bool = True,
) -> Candidate:
    """A new registration, its audit event and its email (unless `email` is False: the
    caller sends it, as booking.services.register_and_book does), in the caller's transaction
    with no savepoint of its own: NotEligible, or AlreadyRegistered (the number or the
    submission_id is taken), leaves the caller's atomic block to roll back whole.
    For callers that give everything up on a refusal; others call candidate_register."""
    decision = eligibility(data, clock.today())
    if decision.outcome != "eligible":
        raise NotEligible(decision)
    fields = asdict(data)
    fields["legal_residence_confirmed"] = fields.pop("legally_resident")
    candidate = Candidate(
        **fields,
        channel=channel,
        registered_by=actor,
        consent_at=timezone.now(),
        submission_id=submission_id,
        # The number the page that confirms the submission shows (core.references).
        reference=references.from_uuid("R", submission_id)
        if submission_id
        else references.registration_reference(),
    )
    if not _insert_unless_taken(candidate):
        raise AlreadyRegistered
    audit_record(
        action=Action.CREATE,
        actor=actor,
        target=candidate,
        request=request,
        reason=f"registered ({channel})",
    )
    if email and selectors.reachable(candidate):  # by email, or else by post
        candidate_email("registered", candidate.pk)
    return candidate


def candidate_submit(
    *,
    data: RegistrationData,
    submission_id: uuid.UUID | None = None,
    request: HttpRequest | None = None,
) -> Candidate | None:
    """A registration sent by someone anonymous (the online form, the API): the new
    Candidate, or None when nobody new was registered, either because this submission
    was seen before or because the identification number is registered already. Then
    the registration's owner is told (`owner_tell`); the sender is told nothing more,
    so that nobody can learn from the answer who is registered. Registering and booking
    a session in one go is booking's (`booking.services.candidate_submit_and_book`),
    built the same way from the functions here.

    NotEligible comes whether or not the number is registered, from the answers alone.
    Both branches do comparable work (an insert tried, an audit event, an email queued)
    and commit it with the caller's transaction; NotEligible and AlreadyRegistered come
    before anything is written and leave it usable."""
    if not transaction.get_connection().in_atomic_block:  # all or nothing, always
        with transaction.atomic():
            return candidate_submit(data=data, submission_id=submission_id, request=request)
    if submitted(submission_id):
        return None
    try:
        return candidate_create(data=data, submission_id=submission_id, request=request)
    except AlreadyRegistered:  # raised before anything was written
        pass
    if submitted(submission_id):  # a twin of this submission got there first
        return None
    owner_tell(data, request, submission_id)
    return None


def owner_tell(
    data: RegistrationData, request: HttpRequest | None, submission_id: uuid.UUID | None = None
) -> None:
    """Someone tried to register this identification number again: audit the attempt
    on the registration it matched, keep the reference the sender was shown with it (so
    that quoting it finds the registration), and email its owner (once a day at most:
    someone sending the number again and again must not flood them)."""
    owner = Candidate.objects.filter(national_id=data.national_id).only("pk").first()
    if owner is None:  # registered and then erased meanwhile: nothing to tell
        return
    if submission_id is not None:
        Resubmission.objects.get_or_create(
            reference=references.from_uuid("R", submission_id), defaults={"candidate": owner}
        )
    told = (
        audit_events_for(owner)
        .filter(reason=ATTEMPT_REASON, at__gte=timezone.now() - ATTEMPT_EMAIL_EVERY)
        .exists()
    )
    audit_record(action=Action.CREATE, target=owner, request=request, reason=ATTEMPT_REASON)
    if not told:
        # Queued whether or not the owner gave an email address (the task checks),
        # so this branch costs what a new registration does.
        candidate_email(REGISTRATION_ATTEMPT, owner.pk)


# The email to the owner of a registration that someone tried to register again.
REGISTRATION_ATTEMPT = "registration_attempt"
ATTEMPT_REASON = "refused: a new registration with this identification number"
ATTEMPT_EMAIL_EVERY = timedelta(days=1)


# The private links (see registration.selectors).


def access_renew(candidate: Candidate, *, request: HttpRequest | None = None) -> None:
    """Revoke every private link made so far, before a new one is sent. Call it inside
    the transaction that queues the email."""
    version_raise(
        candidate,
        "access_version",
        request=request,
        reason="private link sent again; earlier links revoked",
    )


def version_raise(
    candidate: Candidate, field: str, *, request: HttpRequest | None, reason: str
) -> None:
    """Raise one of the candidate's link versions (`access_version`, `feed_version`),
    which revokes every link signed with the old one: one UPDATE, so requests made at
    the same moment each raise it (none is lost). Audited."""
    Candidate.objects.filter(pk=candidate.pk).update(**{field: F(field) + 1})
    candidate.refresh_from_db(fields=[field])
    audit_record(
        action=Action.UPDATE, target=candidate, request=request, fields=[field], reason=reason
    )


# Emails another capability sends with its own (registration.emails holds their content).


def email_queue(kind: str, candidate_id: object) -> None:
    """Queue the email `kind` to the candidate, with the caller's transaction."""
    candidate_email(kind, candidate_id)


def registered_email_send(candidate_id: str, key: str) -> bool:
    """Send now, from another task, the "registered" email recorded under `key`,
    unless it was sent (booking's welcome sends it with the booking's)."""
    return bool(send_candidate_email.call("registered", candidate_id, key))


# Corrections (issue 11 point 15).

CORRECTABLE = (
    "surname",
    "first_name",
    "national_id",
    "birth_date",
    "phone",
    "email",
    "postal_address",
    # A candidate's rectification approved by an officer (privacy.services, issue 14).
    "nationalities",
)


class NationalIdTaken(Exception):
    """Another registration has this identification number."""


def candidate_correct(
    candidate: Candidate,
    *,
    changes: dict[str, Any],
    reason: str,
    actor: User,
    request: HttpRequest | None = None,
) -> list[str]:
    """An officer corrects the candidate's details (any of `CORRECTABLE`, the identity
    fields included), for `reason`: the fields changed, audited (the fields' names), the
    reason kept with the candidate (`Correction`); none when nothing changed.
    NationalIdTaken when the new number is another person's."""
    with transaction.atomic():
        locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
        changed = [
            name
            for name in CORRECTABLE
            if name in changes and getattr(locked, name) != changes[name]
        ]
        if not changed:
            return []
        for name in changed:
            setattr(locked, name, changes[name])
        try:
            with transaction.atomic():
                locked.save(update_fields=changed)
        except IntegrityError as taken:
            raise NationalIdTaken from taken
        Correction.objects.create(candidate=locked, by=actor, fields=changed, reason=reason[:500])
        audit_record(
            action=Action.UPDATE,
            actor=actor,
            target=locked,
            request=request,
            fields=changed,
            reason=selectors.CORRECTED,
        )
    for name in changed:
        setattr(candidate, name, changes[name])
    return changed


class EmailTaken(Exception):
    """Another account signs in with this email address."""


def contact_details_change(
    candidate: Candidate,
    *,
    phone: str,
    email: str,
    postal_address: str,
    request: HttpRequest | None = None,
) -> list[str]:
    """The candidate changes their telephone number, postal address and email address
    (issue 11 point 15; their name and number change only through an officer). The
    telephone and postal address change at once; a new email address waits
    (`pending_email`) until they open the link sent to it (`email_change_confirm`), and
    the old one stays meanwhile; removing the email address (they keep a postal one)
    is at once. The fields changed, audited."""
    with transaction.atomic():
        locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
        changes = {"phone": phone, "postal_address": postal_address}
        if email == locked.email:
            changes["pending_email"] = ""  # back to the address in use: nothing waits
        elif email:
            changes["pending_email"] = email
        else:
            changes["email"], changes["pending_email"] = "", ""
        changed = [name for name, value in changes.items() if getattr(locked, name) != value]
        if not changed:
            return []
        for name in changed:
            setattr(locked, name, changes[name])
        locked.save(update_fields=changed)
        audit_record(
            action=Action.UPDATE,
            target=locked,
            request=request,
            fields=changed,
            reason="contact details changed by the candidate",
        )
        if locked.pending_email and "pending_email" in changed:
            email_confirmation(locked.pk, locked.pending_email)
    for name in changed:
        setattr(candidate, name, changes[name])
    return changed


def email_change_confirm(
    candidate: Candidate, email: str, *, request: HttpRequest | None = None
) -> bool:
    """The candidate opened the link sent to their new address: it replaces the old
    one (and their account's, if they have one). False when it no longer waits (used,
    or replaced by a later change); EmailTaken when another account uses it."""
    with transaction.atomic():
        locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
        if not email or locked.pending_email != email:
            return False
        if locked.user_id is not None:
            if User.objects.filter(email=email).exclude(pk=locked.user_id).exists():
                raise EmailTaken
            User.objects.filter(pk=locked.user_id).update(email=email)
        locked.email, locked.pending_email = email, ""
        locked.save(update_fields=["email", "pending_email"])
        audit_record(
            action=Action.UPDATE,
            target=locked,
            request=request,
            fields=["email", "pending_email"],
            reason="new email address confirmed by the candidate",
        )
    candidate.email, candidate.pending_email = email, ""
    return True


def candidate_lock(candidate_id: Any) -> Candidate:
    """The candidate's row, locked until the end of the caller's transaction (erasure:
    two erasures, or an erasure and a change, of one person run one after the other).
    FOR NO KEY UPDATE on PostgreSQL: a booking being inserted for them at that moment
    (a foreign key's KEY SHARE) is not blocked by it, so the two cannot deadlock over
    the session's row (such a booking holds nothing personal; its seat stays taken)."""
    return Candidate.objects.select_for_update(no_key=True).get(pk=candidate_id)


def candidate_forget(candidate: Candidate, *, now: datetime) -> list[str]:
    """Blank every personal field of `candidate` (locked by the caller, in its
    transaction) and mark it erased; the row stays, for what refers to it (its contracts'
    numbers, certificates issued). Kept: the first nationality and the year of birth (the
    statistics count contracts by them), the language, the channel, the dates. The
    private links and the calendar feed stop working (their versions are raised). The
    names of the fields changed (for the caller's audit event)."""
    kept_birth = date(candidate.birth_date.year, 1, 1)
    changes: dict[str, Any] = {
        "surname": "",
        "first_name": "",
        "national_id": None,
        "birth_date": kept_birth,
        "phone": "",
        "email": "",
        "pending_email": "",
        "postal_address": "",
        "nationalities": list(candidate.nationalities or [])[:1],
        "interpreter_needed": False,
        "interpreter_language": "",
        "submission_id": None,
        "erased_at": candidate.erased_at or now,
    }
    changed = [name for name, value in changes.items() if getattr(candidate, name) != value]
    for name, value in changes.items():
        setattr(candidate, name, value)
    candidate.access_version = F("access_version") + 1
    candidate.feed_version = F("feed_version") + 1
    candidate.save(update_fields=[*changes, "access_version", "feed_version"])
    candidate.refresh_from_db()
    Resubmission.objects.filter(candidate=candidate).delete()
    # The officers' corrections keep the reason they typed, which may name the person.
    if Correction.objects.filter(candidate=candidate).delete()[0]:
        changed.append("corrections")
    return changed


def account_forget(user: User | None) -> list[str]:
    """Close a candidate's account for good: inactive, no password, no name, an address
    that names no one (unique, as the login must be). The names of the fields changed."""
    if user is None:
        return []
    changes: dict[str, Any] = {
        "email": f"erased-{user.pk}@erased.invalid",
        "first_name": "",
        "last_name": "",
        "is_active": False,
    }
    changed = [name for name, value in changes.items() if getattr(user, name) != value]
    for name, value in changes.items():
        setattr(user, name, value)
    if user.has_usable_password():
        changed.append("password")
    user.set_unusable_password()
    user.save(update_fields=[*changes, "password"])
    return changed
