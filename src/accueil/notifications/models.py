"""One record per email: whom it is about, what it is for, how many attempts, whether
it was sent. It makes sending idempotent (a task that runs again finds its record
sent and sends nothing), and lists for the officers the emails that could not be
delivered. It never holds the email's content or address, and knows no other app's
models: the app that sends an email names its subject (`about`) and its purpose."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Not delivered")


class Notification(models.Model):
    # The email's identity: "<kind>:booking:<id>" (one per booking) or
    # "<kind>:candidate:<random>" (one per request of the candidate or an officer).
    key = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=40)
    # Whom the email is about, "<app_label.model>:<pk>" (e.g.
    # "registration.candidate:<uuid>"): `services.forget` erases a person's records.
    about = models.CharField(max_length=100, db_index=True)
    # What it is for, as officers see it: the English msgid, shown translated.
    purpose = models.CharField(max_length=200)
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
        indexes = [
            models.Index(
                fields=["-last_attempt_at"],
                condition=Q(status="failed"),
                name="notification_failed",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.status}"
