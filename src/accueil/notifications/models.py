"""One record per email to a candidate: what it is for, how many attempts, whether it
was sent. It makes sending idempotent (a task that runs again finds its record sent
and sends nothing), and lists for the officers the emails that could not be
delivered. It never holds the email's content or address."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accueil.booking.models import Booking
from accueil.registration.models import Candidate


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Not delivered")


# What each kind of email is for, as officers see it.
PURPOSES = {
    "booked": _("Booking confirmation"),
    "waitlist_booked": _("Booking confirmation (from the waitlist)"),
    "moved": _("New date of the information session"),
    "cancelled": _("Cancellation of the booking"),
    "session_cancelled": _("Cancellation of the information session"),
    "reminder": _("Reminder of the information session"),
    "registered": _("Registration, with the activation link"),
    "sign_in": _("Sign-in link"),
    "access_link": _("Private booking link"),
    "registration_attempt": _("Notice of an attempt to register with their number"),
    "guide_renewal": _("Reminder to ask for the renewal of the residence permit"),
    "guide_decision": _("Reminder that a decision on a procedure is due"),
}


class Notification(models.Model):
    # The email's identity: "<kind>:booking:<id>" (one per booking) or
    # "<kind>:candidate:<random>" (one per request of the candidate or an officer).
    key = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=40)
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="+")
    booking = models.ForeignKey(
        Booking, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    # The class of the last error (e.g. "SMTPServerDisconnected"), never its text.
    last_error = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # The task that sends it, to send it again from the officers' page.
    task = models.CharField(max_length=200, blank=True)
    task_args = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "booking"],
                condition=Q(booking__isnull=False),
                name="notification_once_per_booking",
            )
        ]
        indexes = [
            models.Index(
                fields=["-last_attempt_at"],
                condition=Q(status="failed"),
                name="notification_failed",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.status}"

    @property
    def purpose(self) -> str:
        return str(PURPOSES.get(self.kind, self.kind))
