"""A log of emails sent to candidates, which also makes sending idempotent: a task
that runs twice finds its row and sends nothing the second time."""

from django.db import models
from django.db.models import Q

from accueil.booking.models import Booking
from accueil.registration.models import Candidate


class Notification(models.Model):
    kind = models.CharField(max_length=40)
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="+")
    booking = models.ForeignKey(
        Booking, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "booking"],
                condition=Q(booking__isnull=False),
                name="notification_once_per_booking",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.sent_at:%Y-%m-%d %H:%M}"
