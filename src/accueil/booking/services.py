"""Booking seats at information sessions: book, move, cancel, the waitlist, and the
officers' planning and cancelling of sessions.

How a seat is never booked twice over: taking a seat is one conditional UPDATE
(`seats_taken = seats_taken + 1 WHERE seats_taken < capacity`), which PostgreSQL
runs under the row's lock and SQLite under its write lock, and the check
constraint `seats_taken <= capacity` refuses anything else. A candidate never holds
two bookings: the partial unique constraint on active bookings refuses the second.
Every function here runs in one transaction, with its emails queued in it (see
`notifications.services.queue`; the emails are in booking.emails).
"""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from accueil.accounts.models import User
from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.booking import emails
from accueil.booking.models import (
    Booking,
    BookingStatus,
    CancellationCause,
    InformationSession,
    SessionStatus,
    WaitlistEntry,
    WaitlistStatus,
    session_suits,
)
from accueil.core import clock
from accueil.registration import selectors as registration_selectors
from accueil.registration import services as registration
from accueil.registration.models import Candidate, Channel
from accueil.registration.services import AlreadyRegistered, RegistrationData


class BookingError(Exception):
    """A booking that cannot be made; `code` says why (for messages and the API)."""

    code = "booking"


class SessionFull(BookingError):
    code = "session_full"


class SessionClosed(BookingError):
    """Cancelled, or already started: nobody books, moves or cancels any more."""

    code = "session_closed"


class AlreadyBooked(BookingError):
    code = "already_booked"


class BookingEnded(BookingError):
    code = "booking_ended"


class NoSuchSession(SessionClosed):
    """No session has this number: closed, to whoever chose it from a list."""


class BookedSince(BookingError):
    """The candidate holds a booking that undoing an absence cannot take back (they
    booked it themselves since): it stays, and the absence stays recorded."""

    code = "booked_since"

    def __init__(self, booking: Booking) -> None:
        super().__init__(booking)
        self.booking = booking


class CapacityBelowTaken(BookingError):
    """A session's seats cannot be fewer than the seats booked already."""

    code = "capacity_below_taken"

    def __init__(self, seats_taken: int):
        super().__init__(seats_taken)
        self.seats_taken = seats_taken


def _take_seat_sql() -> str:
    """UPDATE ... RETURNING, which the ORM cannot write; PostgreSQL and SQLite run it.
    Identifiers come from the model, values are parameters."""
    meta = InformationSession._meta
    columns = ", ".join(f'"{field.column}"' for field in meta.concrete_fields)
    return (
        f'UPDATE "{meta.db_table}" SET "seats_taken" = "seats_taken" + 1 '  # noqa: S608
        'WHERE "id" = %s AND "status" = %s AND "starts_at" > %s '
        f'AND "seats_taken" < "capacity" RETURNING {columns}'
    )


TAKE_SEAT = _take_seat_sql()


def _take_seat(session_id: int, now: datetime) -> InformationSession:
    """Take a seat with one conditional UPDATE, which returns the session as it now
    stands (no read before it: one round trip)."""
    when = connection.ops.adapt_datetimefield_value(now)
    taken = list(
        InformationSession.objects.raw(TAKE_SEAT, [session_id, SessionStatus.SCHEDULED, when])
    )
    if taken:
        return taken[0]
    check_bookable(session_id, now)
    raise SessionFull


def check_bookable(session_id: int, now: datetime | None = None) -> None:
    """Raise what taking a seat at this session would raise (NoSuchSession,
    SessionClosed, SessionFull), without taking one."""
    now = now or timezone.now()
    session = InformationSession.objects.filter(pk=session_id).first()
    if session is None:
        raise NoSuchSession
    if session.status != SessionStatus.SCHEDULED or session.starts_at <= now:
        raise SessionClosed
    if session.seats_taken >= session.capacity:
        raise SessionFull


def _free_seat(session_id: int) -> None:
    InformationSession.objects.filter(pk=session_id, seats_taken__gt=0).update(
        seats_taken=F("seats_taken") - 1
    )


def _notify(kind: str, booking: Booking) -> None:
    emails.notify(kind, booking)


@transaction.atomic
def booking_create(
    *,
    candidate: Candidate,
    session: InformationSession,
    channel: str = Channel.ONLINE,
    actor: User | None = None,
    from_waitlist: bool = False,
    after_absence: Booking | None = None,
    now: datetime | None = None,
) -> Booking:
    """Book a seat. `after_absence`: the booking the candidate missed, which this one
    replaces (their email says so, and undoing the absence takes this one back)."""
    return _book(
        candidate=candidate,
        session=session,
        channel=channel,
        actor=actor,
        from_waitlist=from_waitlist,
        rebooked_after=after_absence.pk if after_absence else None,
        now=now,
    )


def _book(
    *,
    candidate: Candidate,
    session: InformationSession,
    channel: str,
    actor: User | None,
    from_waitlist: bool,
    now: datetime | None,
    rebooked_after: int | None = None,
    may_be_waiting: bool = True,
    notify: bool = True,
) -> Booking:
    """The booking, in the caller's transaction: a refusal raises at once and the
    caller's atomic block rolls back (no savepoint here, one round trip less). Its
    email is queued unless `notify` is False (the caller queues it)."""
    now = now or timezone.now()
    session = _take_seat(session.pk, now)
    try:
        booking = Booking.objects.create(
            session=session,
            candidate=candidate,
            channel=channel,
            booked_by=actor,
            from_waitlist=from_waitlist,
            rebooked_after_id=rebooked_after,
        )
    except IntegrityError:
        raise AlreadyBooked from None
    if may_be_waiting:  # someone registered in this transaction waits for nothing yet
        WaitlistEntry.objects.filter(candidate=candidate, status=WaitlistStatus.WAITING).update(
            status=WaitlistStatus.BOOKED, booking=booking
        )
    audit_record(action=Action.CREATE, actor=actor, target=booking, fields=["session"])
    if notify:
        kind = "booked"
        if from_waitlist:
            kind = "waitlist_booked"
        elif rebooked_after:
            kind = "rebooked"
        _notify(kind, booking)
    return booking


def register_and_book(
    *,
    data: RegistrationData,
    session_id: int,
    submission_id: uuid.UUID | None = None,
    request: HttpRequest | None = None,
) -> tuple[Candidate, Booking]:
    """Register someone new online and book their seat, all or nothing, in the
    caller's transaction (there must be one) with no savepoint: a refusal
    (NotEligible, BookingError, NoSuchSession among them) leaves the caller's atomic
    block to roll back whole, with the emails of both queued in it; AlreadyRegistered
    comes before anything is written. (The two audit events are two: one INSERT of two
    rows costs PostgreSQL and Python more than two of one.)"""
    # Before the atomic block: AlreadyRegistered is raised with nothing written and
    # leaves the caller's transaction usable (candidate_submit_and_book).
    candidate = registration.candidate_create(
        data=data, submission_id=submission_id, request=request, email=False
    )
    with transaction.atomic(savepoint=False):
        booking = _book(
            candidate=candidate,
            session=InformationSession(pk=session_id),  # _take_seat reads it
            channel=Channel.ONLINE,
            actor=None,
            from_waitlist=False,
            now=None,
            may_be_waiting=False,
            notify=False,
        )
        if registration_selectors.reachable(candidate):  # by email, or else by post
            emails.welcome(candidate, booking)  # both emails in one task
    return candidate, booking


def candidate_submit_and_book(
    *,
    data: RegistrationData,
    session_id: int,
    submission_id: uuid.UUID | None = None,
    request: HttpRequest | None = None,
) -> Candidate | None:
    """A registration sent by someone anonymous (the API) with a session to book:
    registration.services.candidate_submit, booking the seat too. The new Candidate,
    or None when nobody new was registered (this submission was seen before, or the
    identification number is registered already: its owner is told, the sender nothing
    more, so that nobody can learn from the answer who is registered).

    Refusals come in the same order whether or not the number is registered:
    NotEligible first (from the answers alone), then the session's (NoSuchSession,
    SessionClosed, SessionFull). Both branches do comparable work (an insert tried, an
    audit event, an email queued) and commit it with the caller's transaction. Only a
    seat refused after the insert (the session filled up or closed meanwhile) leaves
    that transaction to roll back whole; NotEligible and AlreadyRegistered come before
    anything is written and leave it usable."""
    if not transaction.get_connection().in_atomic_block:  # all or nothing, always
        with transaction.atomic():
            return candidate_submit_and_book(
                data=data, session_id=session_id, submission_id=submission_id, request=request
            )
    if registration.submitted(submission_id):
        return None
    try:
        return register_and_book(
            data=data, session_id=session_id, submission_id=submission_id, request=request
        )[0]
    except AlreadyRegistered:  # raised before anything was written
        pass
    if registration.submitted(submission_id):  # a twin of this submission got there first
        return None
    check_bookable(session_id)  # what a new registration would have been refused
    registration.owner_tell(data, request)
    return None


def _end(booking: Booking, status: str, now: datetime) -> None:
    """End the active booking. Its calendar event changes unless it was moved (the new
    booking carries the event on): its sequence goes up for the cancellation."""
    changes: dict[str, Any] = {"status": status, "ended_at": now}
    if status != BookingStatus.MOVED:
        changes["calendar_sequence"] = F("calendar_sequence") + 1
    ended = Booking.objects.filter(pk=booking.pk, status=BookingStatus.ACTIVE).update(**changes)
    if not ended:
        raise BookingEnded
    booking.status, booking.ended_at = status, now
    if status != BookingStatus.MOVED:
        booking.calendar_sequence += 1


def _check_open(booking: Booking, now: datetime) -> None:
    if booking.status != BookingStatus.ACTIVE:
        raise BookingEnded
    if booking.session.starts_at <= now:
        raise SessionClosed


@transaction.atomic
def booking_move(
    *,
    booking: Booking,
    to_session: InformationSession,
    actor: User | None = None,
    now: datetime | None = None,
) -> Booking:
    """Move to another session: the old booking ends as "moved", a new one is made."""
    now = now or timezone.now()
    _check_open(booking, now)
    if to_session.pk == booking.session_id:
        return booking
    _end(booking, BookingStatus.MOVED, now)
    _free_seat(booking.session_id)
    _take_seat(to_session.pk, now)
    moved = Booking.objects.create(
        session=to_session,
        candidate=booking.candidate,
        channel=booking.channel,
        booked_by=actor,
        rebooked_after_id=booking.rebooked_after_id,
        # The same calendar event, changed: its UID and a higher sequence.
        calendar_series=booking.calendar_series or booking.pk,
        calendar_sequence=booking.calendar_sequence + 1,
    )
    audit_record(
        action=Action.UPDATE,
        actor=actor,
        target=moved,
        fields=["session"],
        reason=f"moved from booking {booking.pk}",
    )
    _notify("moved", moved)
    waitlist_promote(session=booking.session, now=now)
    return moved


@transaction.atomic
def booking_cancel(
    *,
    booking: Booking,
    actor: User | None = None,
    now: datetime | None = None,
    kind: str = "cancelled",
) -> Booking:
    """Cancel the booking and tell the candidate with the email `kind` ("cancelled"; or
    "rebooking_withdrawn", a re-booking taken back with the absence it followed)."""
    now = now or timezone.now()
    _check_open(booking, now)
    _end(booking, BookingStatus.CANCELLED, now)
    _free_seat(booking.session_id)
    audit_record(
        action=Action.TRANSITION, actor=actor, target=booking, fields=["status"], reason=kind
    )
    _notify(kind, booking)
    waitlist_promote(session=booking.session, now=now)
    return booking


@dataclass(frozen=True)
class Withdrawn:
    """What undoing an absence took back: the booking made after it (cancelled), or
    the candidate's place on the waitlist."""

    booking: Booking | None = None
    left_waitlist: bool = False


@transaction.atomic
def rebooking_withdraw(
    *, absent: Booking, actor: User | None = None, now: datetime | None = None
) -> Withdrawn:
    """Take back what the absence `absent` led to, before it is undone: the booking made
    after it (moved since or not, from the waitlist or not) is cancelled and the
    candidate told; a place on the waitlist it gave is left (and the candidate told).
    A booking the candidate made themselves since raises BookedSince (it stays)."""
    now = now or timezone.now()
    active = (
        Booking.objects.select_related("session", "candidate")
        .filter(candidate_id=absent.candidate_id, status=BookingStatus.ACTIVE)
        .first()
    )
    if active is not None:
        if active.rebooked_after_id != absent.pk:
            raise BookedSince(active)
        booking_cancel(booking=active, actor=actor, now=now, kind="rebooking_withdrawn")
        return Withdrawn(booking=active)
    left = WaitlistEntry.objects.filter(
        candidate_id=absent.candidate_id, status=WaitlistStatus.WAITING, after_absence=absent
    ).update(status=WaitlistStatus.LEFT)
    if left:
        _notify("waitlist_withdrawn", absent)
    return Withdrawn(left_waitlist=bool(left))


@transaction.atomic
def waitlist_join(
    *,
    candidate: Candidate,
    language: str = "",
    weekdays: str = "",
    part_of_day: str = "",
    actor: User | None = None,
    after_absence: Booking | None = None,
) -> WaitlistEntry:
    """Wait for a seat; booked automatically (and told) when one frees up at a session
    that suits: in `language` (if given), on one of `weekdays` (digits, Monday 0) and
    in `part_of_day` (PartOfDay), if given. Joining again keeps the first place and
    what was asked then. `after_absence`: the booking the candidate missed, which put
    them here (they are told so by email, and undoing the absence takes them off the
    list)."""
    if Booking.objects.filter(candidate=candidate, status=BookingStatus.ACTIVE).exists():
        raise AlreadyBooked
    wishes = {
        "language": language,
        "weekdays": "".join(sorted(set(weekdays))),
        "part_of_day": part_of_day,
    }
    entry, _created = WaitlistEntry.objects.get_or_create(
        candidate=candidate,
        status=WaitlistStatus.WAITING,
        defaults={**wishes, "after_absence": after_absence},
    )
    audit_record(action=Action.CREATE, actor=actor, target=entry)
    if after_absence is not None:
        _notify("absent_waitlisted", after_absence)
    return entry


def waitlist_leave(*, candidate: Candidate) -> None:
    WaitlistEntry.objects.filter(candidate=candidate, status=WaitlistStatus.WAITING).update(
        status=WaitlistStatus.LEFT
    )


def _suits(entry: WaitlistEntry, session: InformationSession) -> bool:
    return session_suits(
        session,
        language=entry.language,
        interpreter_needed=entry.candidate.interpreter_needed,
        weekdays=entry.weekdays,
        part_of_day=entry.part_of_day,
    )


def waitlist_promote(*, session: InformationSession, now: datetime | None = None) -> list[Booking]:
    """Give the session's free seats to the longest-waiting candidates it suits."""
    now = now or timezone.now()
    session.refresh_from_db()
    if session.status != SessionStatus.SCHEDULED or session.starts_at <= now:
        return []
    booked: list[Booking] = []
    waiting = (
        WaitlistEntry.objects.select_for_update(skip_locked=True)
        .select_related("candidate")
        .filter(status=WaitlistStatus.WAITING)
    )
    for entry in waiting:
        if session.seats_free <= len(booked):
            break
        if not _suits(entry, session):
            continue
        try:
            with transaction.atomic():  # a refusal skips this candidate only
                booked.append(
                    _book(
                        candidate=entry.candidate,
                        session=session,
                        channel=Channel.ONLINE,
                        actor=None,
                        from_waitlist=True,
                        rebooked_after=entry.after_absence_id,
                        now=now,
                    )
                )
        except (AlreadyBooked, SessionFull):
            continue
    return booked


WALK_IN_SQL = TAKE_SEAT.replace('AND "starts_at" > %s ', 'AND "starts_at" < %s ')


@transaction.atomic
def walk_in(
    *, candidate: Candidate, session: InformationSession, actor: User, now: datetime | None = None
) -> Booking:
    """Someone came to the session without a booking: they take a seat and are marked
    present at once (on the day, once check-in is open). A booking they held at
    another session is moved here, its seat given to the waitlist; their waitlist
    entry is done. Refused: SessionClosed (cancelled, or another day), SessionFull,
    AlreadyBooked (booked on this very session: check them in instead)."""
    now = now or timezone.now()
    current = (
        Booking.objects.select_for_update()
        .filter(candidate=candidate, status=BookingStatus.ACTIVE)
        .select_related("session")
        .first()
    )
    if current is not None and current.session_id == session.pk:
        raise AlreadyBooked
    today = timezone.localdate(now, timezone=clock.LUXEMBOURG)
    local_end_of_day = clock.start_of_day(today + timedelta(days=1))
    when = connection.ops.adapt_datetimefield_value(local_end_of_day)
    taken = list(
        InformationSession.objects.raw(WALK_IN_SQL, [session.pk, SessionStatus.SCHEDULED, when])
    )
    if not taken:
        locked = InformationSession.objects.filter(pk=session.pk).first()
        if locked is None or locked.status != SessionStatus.SCHEDULED:
            raise SessionClosed
        if locked.starts_at >= local_end_of_day:
            raise SessionClosed
        raise SessionFull
    if current is not None:
        _end(current, BookingStatus.MOVED, now)
        _free_seat(current.session_id)
    booking = Booking.objects.create(
        session=taken[0],
        candidate=candidate,
        channel=Channel.IN_PERSON,
        booked_by=actor,
        status=BookingStatus.ATTENDED,
        ended_at=now,
    )
    WaitlistEntry.objects.filter(candidate=candidate, status=WaitlistStatus.WAITING).update(
        status=WaitlistStatus.BOOKED, booking=booking
    )
    audit_record(
        action=Action.CREATE,
        actor=actor,
        target=booking,
        fields=["session", "status"],
        reason="walk-in" + (f", moved from booking {current.pk}" if current else ""),
    )
    if current is not None:
        waitlist_promote(session=current.session, now=now)
    return booking


@dataclass(frozen=True)
class SessionPlan:
    starts_at: datetime
    place: str
    address: str
    capacity: int
    languages: list[str]
    interpreter_available: bool
    place_fr: str = ""  # the place in French and German (core.translated)
    place_de: str = ""


@transaction.atomic
def session_plan(*, plan: SessionPlan, actor: User) -> InformationSession:
    session = InformationSession.objects.create(
        starts_at=plan.starts_at,
        place=plan.place,
        place_fr=plan.place_fr,
        place_de=plan.place_de,
        address=plan.address,
        capacity=plan.capacity,
        languages=plan.languages,
        interpreter_available=plan.interpreter_available,
    )
    audit_record(action=Action.CREATE, actor=actor, target=session)
    waitlist_promote(session=session)
    return session


# What the booked candidates are told about when it changes (the seats are not theirs).
TOLD_OF = ("starts_at", "place", "address", "languages", "interpreter_available")


@transaction.atomic
def session_change(
    *, session: InformationSession, plan: SessionPlan, actor: User, now: datetime | None = None
) -> list[Booking]:
    """Change a planned session (time, place, address, languages, interpreter, seats),
    under the session's lock: a seat taken meanwhile waits for it (the conditional
    UPDATE of `_take_seat` reads the new number of seats), and the seats are never
    fewer than those taken (CapacityBelowTaken). Everyone booked is told by email with
    the updated invitation, when something they see changed; free seats go to the
    waitlist. Returns the bookings whose candidates are told."""
    now = now or timezone.now()
    locked = InformationSession.objects.select_for_update().get(pk=session.pk)
    if locked.status != SessionStatus.SCHEDULED or locked.starts_at <= now:
        raise SessionClosed
    if plan.capacity < locked.seats_taken:
        raise CapacityBelowTaken(locked.seats_taken)
    changed = [
        name for name in (*TOLD_OF, "capacity") if getattr(locked, name) != getattr(plan, name)
    ]
    if not changed:
        return []
    for name in changed:
        setattr(locked, name, getattr(plan, name))
    locked.changes += 1
    locked.save(update_fields=[*changed, "changes"])
    audit_record(action=Action.UPDATE, actor=actor, target=locked, fields=changed)
    told: list[Booking] = []
    if any(name in TOLD_OF for name in changed):
        told = list(locked.bookings.filter(status=BookingStatus.ACTIVE).select_related("candidate"))
        # The updated invitation replaces the event in their calendars: same UID, a
        # higher SEQUENCE (see booking.ics).
        Booking.objects.filter(pk__in=[b.pk for b in told]).update(
            calendar_sequence=F("calendar_sequence") + 1
        )
        for booking in told:
            booking.calendar_sequence += 1
            emails.session_changed(booking, locked.changes)
    waitlist_promote(session=locked, now=now)
    return told


@transaction.atomic
def session_cancel(
    *,
    session: InformationSession,
    cause: CancellationCause | str,
    reason: str = "",
    actor: User,
    now: datetime | None = None,
) -> list[Booking]:
    """Cancel a session: every booked candidate is told (the `cause` in their language,
    the officer's `reason` after it) and offered another session."""
    now = now or timezone.now()
    locked = InformationSession.objects.select_for_update().get(pk=session.pk)
    if locked.status != SessionStatus.SCHEDULED or locked.starts_at <= now:
        raise SessionClosed
    bookings = list(locked.bookings.filter(status=BookingStatus.ACTIVE).select_related("candidate"))
    Booking.objects.filter(pk__in=[b.pk for b in bookings]).update(
        status=BookingStatus.SESSION_CANCELLED,
        ended_at=now,
        calendar_sequence=F("calendar_sequence") + 1,
    )
    for booking in bookings:
        booking.calendar_sequence += 1
    locked.status, locked.seats_taken = SessionStatus.CANCELLED, 0
    locked.cancellation_cause, locked.cancellation_reason = cause, reason[:300]
    locked.save(
        update_fields=["status", "seats_taken", "cancellation_cause", "cancellation_reason"]
    )
    audit_record(
        action=Action.TRANSITION,
        actor=actor,
        target=locked,
        fields=["status"],
        reason=str(cause),  # the officer's words stay with the session (cancellation_reason)
    )
    for booking in bookings:
        _notify("session_cancelled", booking)
    return bookings


def bookings_forget(candidate: Candidate, *, now: datetime | None = None) -> list[str]:
    """An erased person's bookings (privacy.erasure), in the caller's transaction: a
    booking of a session to come is cancelled without an email (nobody is left to tell)
    and its seat goes to the waiting list; the bookings stay, with nothing personal in
    them (a session's attendance counts them); the days that suited them on the waiting
    list go. The names of the fields changed."""
    now = now or timezone.now()
    changed: set[str] = set()
    coming = Booking.objects.select_related("session").filter(
        candidate=candidate, status=BookingStatus.ACTIVE, session__starts_at__gt=now
    )
    for booking in coming:
        _end(booking, BookingStatus.CANCELLED, now)
        _free_seat(booking.session_id)
        changed.add("status")
        waitlist_promote(session=booking.session, now=now)
    deleted, _by_model = WaitlistEntry.objects.filter(candidate=candidate).delete()
    if deleted:
        changed.add("waitlist")
    return sorted(changed)
