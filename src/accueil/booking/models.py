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
    status = models.CharField(
        _("status"), max_length=20, choices=BookingStatus.choices, default=BookingStatus.ACTIVE
    )
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    from_waitlist = models.BooleanField(default=False)
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


class WaitlistStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting")
    BOOKED = "booked", _("Booked")
    LEFT = "left", _("Left the waitlist")


class WaitlistEntry(models.Model):
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="waitlist")
    language = models.CharField(_("language wanted"), max_length=8, blank=True)
    status = models.CharField(
        max_length=20, choices=WaitlistStatus.choices, default=WaitlistStatus.WAITING
    )
    booking = models.OneToOneField(
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


def session_suits(session: InformationSession, *, language: str, interpreter_needed: bool) -> bool:
    """Whether a session suits someone waiting: the language they asked for (if any) is
    spoken there, and an interpreter is available when they need one."""
    if language and language not in session.languages:
        return False
    return not interpreter_needed or session.interpreter_available
