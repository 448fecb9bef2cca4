"""What the guide keeps: a person's answers behind a private link, and a signed-in
candidate's residence permit and procedures in progress, with the reminders sent.

The private link's token is never stored, only its SHA-256 hash, so the table alone
cannot open anyone's answers. Answers expire after RETENTION without use (purged by
`accueil guide_purge`).
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accueil.registration.models import Candidate

RETENTION = timedelta(days=365)  # deleted 12 months after the last use


class GuideAnswers(models.Model):
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    answers = models.JSONField(default=dict)
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("guide answers")
        verbose_name_plural = _("guide answers")

    def __str__(self) -> str:
        return f"guide answers {self.pk}"


class ResidencePermit(models.Model):
    """The expiry of a candidate's residence permit, as the candidate gave it."""

    candidate = models.OneToOneField(
        Candidate, on_delete=models.CASCADE, related_name="guide_permit"
    )
    expires_on = models.DateField(_("expiry date"))
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"permit until {self.expires_on}"


class Procedure(models.Model):
    """A procedure in progress: its kind (as rule guide.decision_due names it) and the
    day the file was complete, from which the decision deadline runs."""

    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="guide_procedures"
    )
    kind = models.CharField(_("kind of application"), max_length=40)
    complete_on = models.DateField(_("date the file was complete"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["complete_on", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} complete on {self.complete_on}"


class Reminder(models.Model):
    """An email sent about a dated item; the unique key makes the task idempotent."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20)  # "renewal" or "decision"
    item = models.CharField(max_length=40)  # the permit or the procedure's id
    due_on = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "kind", "item", "due_on"], name="guide_reminder_once"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["renewal", "decision"]), name="guide_reminder_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} reminder for {self.due_on}"
