"""Requests for an interview with a social worker, made at the information session
(seed: "general guidance for the candidate, followed by a request for an interview
with a social worker, if required"), and the interview's outcome."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accueil.registration.models import Candidate


class Urgency(models.TextChoices):
    LOW = "low", _("Within a month")
    MEDIUM = "medium", _("Within a week")
    HIGH = "high", _("Urgent: within 2 working days")


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Waiting")
    DONE = "done", _("Interview held")
    CLOSED = "closed", _("Closed without interview")


class InterviewRequest(models.Model):
    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="interview_requests"
    )
    reason = models.TextField(_("reason"))
    urgency = models.CharField(_("urgency"), max_length=10, choices=Urgency.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    # While the request is open, the social worker who took it (only they see it then);
    # once handled, the one who handled it.
    social_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    taken_at = models.DateTimeField(_("taken on"), null=True, blank=True)
    interview_on = models.DateField(_("date of the interview"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)

    class Meta:
        ordering = ["status", "-urgency", "requested_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(urgency__in=Urgency.values), name="interview_urgency_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=RequestStatus.values), name="interview_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(taken_at__isnull=True) | Q(social_worker__isnull=False),
                name="interview_taken_has_worker",
            ),
            models.CheckConstraint(
                condition=~Q(status=RequestStatus.DONE)
                | (Q(interview_on__isnull=False) & Q(social_worker__isnull=False)),
                name="interview_done_has_date_and_worker",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate} ({self.urgency}, {self.status})"
