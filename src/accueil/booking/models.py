"""Information sessions, the bookings of their seats, and the waitlist.

Seed, "How to proceed": candidates contact the Integration Department "to obtain an
appointment for an information and guidance session"; "The information session":
"The purpose of this 1 hour session ...".

The database guarantees what must never happen: a session never has more seats
taken than it has (check constraint on the counter, changed only by conditional
updates), and a candidate never holds two active bookings at once (partial unique
constraint).
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from accueil.core import references
from accueil.core.clock import LUXEMBOURG
from accueil.core.translated import in_language
from accueil.registration.models import Candidate, Channel

SESSION_LENGTH = timedelta(hours=1)  # seed: "The purpose of this 1 hour session"


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


class CancellationCause(models.TextChoices):
    """Why the Integration Department cancels a session, as the booked candidates read
    it in their own language; the officer's free text only adds to it."""

    LEADER_UNAVAILABLE = "leader_unavailable", _("The person leading the session cannot be there")
    ROOM_UNAVAILABLE = "room_unavailable", _("The room is not available")
    TOO_FEW_BOOKED = "too_few_booked", _("Too few people booked the session")
    WEATHER_OR_TRANSPORT = "weather_or_transport", _("Severe weather or a transport strike")
    OTHER = "other", _("Another reason")


class InformationSession(models.Model):
    # Set by views and selectors for the templates, not stored.
    language_names: list[str]
    waitlist_length: int
    understood: bool

    starts_at = models.DateTimeField(_("starts at"))
    place = models.CharField(_("place"), max_length=200)
    # The place in French and German (core.translated: empty means "as in English").
    place_fr = models.CharField(_("place in French"), max_length=200, blank=True)
    place_de = models.CharField(_("place in German"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300)
    capacity = models.PositiveSmallIntegerField(_("seats"))
    seats_taken = models.PositiveSmallIntegerField(_("seats taken"), default=0)
    languages = models.JSONField(_("languages spoken"), default=list)
    interpreter_available = models.BooleanField(_("interpreter available"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED
    )
    cancellation_cause = models.CharField(
        _("reason for cancelling"), max_length=30, choices=CancellationCause.choices, blank=True
    )
    # What the officer added to the cause, in their own words (not translated).
    cancellation_reason = models.CharField(_("details of the reason"), max_length=300, blank=True)
    # How many times an officer changed it: each change's email goes once per booking.
    changes = models.PositiveIntegerField(_("times changed"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("information session")
        verbose_name_plural = _("information sessions")
        indexes = [models.Index(fields=["status", "starts_at"])]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="session_has_seats"),
            models.CheckConstraint(
                condition=Q(seats_taken__lte=F("capacity")), name="session_never_overbooked"
            ),
            models.CheckConstraint(
                condition=Q(status__in=SessionStatus.values), name="session_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M} {self.place}"

    @property
    def place_name(self) -> str:
        """The place in the active language."""
        return in_language(self, "place")

    @property
    def ends_at(self):
        return self.starts_at + SESSION_LENGTH

    @property
    def seats_free(self) -> int:
        return self.capacity - self.seats_taken


class BookingStatus(models.TextChoices):
    ACTIVE = "active", _("Booked")
    MOVED = "moved", _("Moved to another session")
    CANCELLED = "cancelled", _("Cancelled by the candidate")
    SESSION_CANCELLED = "session_cancelled", _("Session cancelled")
    ATTENDED = "attended", _("Attended")
    ABSENT = "absent", _("Absent")


class Booking(models.Model):
    # Set by the check-in page for the templates, not stored.
    rebooked: "Booking | None"
    waitlisted: bool

    session = models.ForeignKey(
        InformationSession, on_delete=models.PROTECT, related_name="bookings"
    )
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="bookings")
    # The number the candidate quotes (core.references), shown on its confirmations.
    reference = models.CharField(
        _("reference number"), max_length=12, unique=True, default=references.booking_reference
    )
    status = models.CharField(
        _("status"), max_length=20, choices=BookingStatus.choices, default=BookingStatus.ACTIVE
    )
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    from_waitlist = models.BooleanField(default=False)
    # The absent booking this one was made for (intake's re-booking of an absentee),
    # so that undoing the absence undoes the re-booking too.
    rebooked_after = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The calendar event: a move makes a new Booking but keeps the event of the first
    # booking of the chain (its id, `calendar_series`; empty: this booking's own), and
    # every change sent to the candidate (a move, a cancellation) raises the stored
    # sequence, so a calendar that imports the emails in order keeps one event.
    calendar_series = models.PositiveBigIntegerField(null=True, blank=True)
    calendar_sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["session__starts_at", "candidate__surname"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        constraints = [
            models.UniqueConstraint(
                fields=["candidate"],
                condition=Q(status="active"),
                name="booking_one_active_per_candidate",
            ),
            models.CheckConstraint(
                condition=Q(status__in=BookingStatus.values), name="booking_status_valid"
            ),
        ]
        indexes = [models.Index(fields=["session", "status"])]

    def __str__(self) -> str:
        return f"{self.candidate} @ {self.session}"

    @property
    def calendar_uid(self) -> str:
        """The UID of the booking's calendar event, kept across moves ("booking-<id>@<host>",
        the id of the first booking of the chain: what the emails have always carried)."""
        return f"booking-{self.calendar_series or self.pk}@{settings.ALLOWED_HOSTS[0]}"


class WaitlistStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting")
    BOOKED = "booked", _("Booked")
    LEFT = "left", _("Left the waitlist")


class PartOfDay(models.TextChoices):
    ANY = "", _("Any time of day")
    MORNING = "morning", _("Mornings (starting before noon)")
    AFTERNOON = "afternoon", _("Afternoons (starting at noon or later)")


NOON = 12  # a session starting before 12:00, Luxembourg time, is in the morning


class WaitlistEntry(models.Model):
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="waitlist")
    language = models.CharField(_("language wanted"), max_length=8, blank=True)
    # The days that suit the person, as weekday digits (Monday 0 ... Sunday 6), and
    # the part of the day; empty: any day, any time.
    weekdays = models.CharField(_("days that suit"), max_length=7, blank=True)
    part_of_day = models.CharField(
        _("time of day that suits"), max_length=10, choices=PartOfDay.choices, blank=True
    )
    status = models.CharField(
        max_length=20, choices=WaitlistStatus.choices, default=WaitlistStatus.WAITING
    )
    booking = models.OneToOneField(
        Booking, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The absent booking that put the candidate here (intake), so that undoing the
    # absence takes them off the list again.
    after_absence = models.ForeignKey(
        Booking, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("waitlist entry")
        verbose_name_plural = _("waitlist")
        constraints = [
            models.UniqueConstraint(
                fields=["candidate"],
                condition=Q(status="waiting"),
                name="waitlist_once_per_candidate",
            )
        ]

    def __str__(self) -> str:
        return f"{self.candidate} ({self.status})"


def session_suits_candidate(session: InformationSession, candidate: Candidate) -> bool:
    """Whether the candidate understands the session: their language for CAI information
    is spoken there, and an interpreter is available when they need one. (Sessions
    record whether an interpreter is available, not for which language.)"""
    return session_suits(
        session,
        language=candidate.information_language,
        interpreter_needed=candidate.interpreter_needed,
    )


def session_suits(
    session: InformationSession,
    *,
    language: str,
    interpreter_needed: bool,
    weekdays: str = "",
    part_of_day: str = "",
) -> bool:
    """Whether a session suits someone waiting: the language they asked for (if any) is
    spoken there, an interpreter is available when they need one, and it falls on a
    day and at a time of day they said suit them (if they said)."""
    if language and language not in session.languages:
        return False
    if interpreter_needed and not session.interpreter_available:
        return False
    return session_on_days(session, weekdays=weekdays, part_of_day=part_of_day)


def session_on_days(session: InformationSession, *, weekdays: str, part_of_day: str) -> bool:
    """Whether the session starts on one of `weekdays` (digits, Monday 0; empty: any
    day) and in `part_of_day` (a PartOfDay; empty: any time), in Luxembourg time."""
    local = session.starts_at.astimezone(LUXEMBOURG)
    if weekdays and str(local.weekday()) not in weekdays:
        return False
    if part_of_day == PartOfDay.MORNING:
        return local.hour < NOON
    if part_of_day == PartOfDay.AFTERNOON:
        return local.hour >= NOON
    return True


def session_understood(session: InformationSession, candidate: Candidate) -> bool:
    """Whether the person can follow the session: one of its languages is the one they
    chose for CAI information, or they asked for an interpreter and one is available.
    (Seed, "How to proceed": "The candidate should also specify whether an
    interpreter is required during the information session".)"""
    if candidate.information_language in session.languages:
        return True
    return candidate.interpreter_needed and session.interpreter_available
