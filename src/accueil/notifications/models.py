"""One record per email: whom it is about, what it is for, how many attempts, whether
it was sent. It makes sending idempotent (a task that runs again finds its record
sent and sends nothing), and lists for the officers the emails that could not be
delivered. It never holds the email's content or address, and knows no other app's
models: the app that sends an email names its subject (`about`) and its purpose.

A message to someone who gave no email address is a letter: the same record, "sent"
when its PDF (`Letter`) is made, which waits in the officers' "letters to print" until
it is marked posted. The letter holds its content, to be printed; `services.forget`
deletes it with its record."""

from django.conf import settings
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


class Letter(models.Model):
    """A message sent by post, to someone who gave only a postal address: its PDF (the
    same content as the email, with the address placed for a window envelope), in the
    officers' "letters to print" until an officer marks it posted. Its `notification`
    keys it like an email, so it is made once."""

    notification = models.OneToOneField(
        Notification, on_delete=models.CASCADE, related_name="letter"
    )
    language = models.CharField(max_length=10)
    pdf = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)
    posted_at = models.DateTimeField(null=True, blank=True)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=Q(posted_at__isnull=True),
                name="letter_to_print",
            )
        ]

    def __str__(self) -> str:
        return f"letter {self.notification.kind}"


class JobOutcome(models.TextChoices):
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")
    ABANDONED = "abandoned", _("Stopped with its worker")


class JobRun(models.Model):
    """One run of a scheduled job (notifications.jobs): when, which attempt, and how it
    ended: what it returned (a count) or the class of its error, never its text. A run
    without an end is in progress; the database allows one per job."""

    name = models.CharField(max_length=60)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    attempt = models.PositiveIntegerField(default=1)
    outcome = models.CharField(max_length=10, choices=JobOutcome.choices, blank=True)
    result = models.CharField(max_length=40, blank=True)
    error = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        indexes = [models.Index(fields=["name", "-started_at"], name="jobrun_latest")]
        constraints = [
            models.UniqueConstraint(
                fields=["name"],
                condition=Q(finished_at__isnull=True),
                name="jobrun_one_running",
            ),
            models.CheckConstraint(
                condition=Q(finished_at__isnull=True, outcome="")
                | (Q(finished_at__isnull=False) & Q(outcome__in=JobOutcome.values)),
                name="jobrun_outcome_when_finished",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.started_at:%Y-%m-%d %H:%M} {self.outcome or 'running'}"
