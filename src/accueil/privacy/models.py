"""The data subject's requests (issue 14, points 1 and 2).

Seed 000, "Forms / Online services": "you have the right to access, rectify or, where
applicable, remove any information relating to you. You are also entitled to withdraw
your consent at any time. Additionally, unless the processing of your personal data is
compulsory, you may, with legitimate reasons, oppose the processing of such data."

Access is the copy the candidate downloads themselves (selectors.personal_data); the
other rights are requests, answered by the data-protection officer within the deadline
of `rules.data_subject` (a rectification of identity details is decided by an
integration officer). The requester's free text (`details`, and the new values of a
rectification, `changes`) is kept here only, never in the audit trail, and blanked by
`services.forget_requests_of` when the person is erased: the request stays, anonymised
(its kind, dates and status), as the record that it was answered.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from accueil.registration.models import Candidate


class RequestKind(models.TextChoices):
    RECTIFICATION = "rectification", _("Correct my identity details")
    WITHDRAWAL = "withdrawal", _("Withdraw my consent")
    OBJECTION = "objection", _("Object to the processing of my data")
    ERASURE = "erasure", _("Erase my data")


class RequestStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    IN_PROGRESS = "in_progress", _("In progress")
    EXTENDED = "extended", _("Deadline extended")
    ANSWERED = "answered", _("Answered")
    REFUSED = "refused", _("Refused")


OPEN_STATUSES = (RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS, RequestStatus.EXTENDED)
CLOSED_STATUSES = (RequestStatus.ANSWERED, RequestStatus.REFUSED)


class DataSubjectRequest(models.Model):
    # SET_NULL: the request outlives an erased person, as an anonymised record.
    candidate = models.ForeignKey(
        Candidate,
        verbose_name=_("candidate"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="data_subject_requests",
    )
    kind = models.CharField(_("request"), max_length=20, choices=RequestKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.RECEIVED
    )
    received_at = models.DateTimeField(_("received on"), auto_now_add=True)
    # The day of receipt in Luxembourg and the deadline computed from it
    # (rules.data_subject); `deadline` moves only by an extension, with its reason.
    received_on = models.DateField(_("day of receipt"))
    first_deadline = models.DateField(_("deadline before any extension"))
    deadline = models.DateField(_("deadline to answer"))
    extension_reason = models.TextField(_("why the deadline is extended"), blank=True)
    details = models.TextField(_("your reasons"), blank=True)
    changes = models.JSONField(_("corrections asked"), default=dict, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(_("answered on"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    forgotten_at = models.DateTimeField(_("anonymised on"), null=True, blank=True)

    class Meta:
        ordering = ["deadline", "received_at", "pk"]
        verbose_name = _("data-rights request")
        verbose_name_plural = _("data-rights requests")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=RequestKind.values), name="privacy_request_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=RequestStatus.values), name="privacy_request_status_valid"
            ),
            # An extension has its reason and a later deadline; no reason, no extension.
            models.CheckConstraint(
                condition=(Q(extension_reason="") & Q(deadline=F("first_deadline")))
                | (~Q(extension_reason="") & Q(deadline__gt=F("first_deadline"))),
                name="privacy_request_extension_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(first_deadline__gt=F("received_on")),
                name="privacy_request_deadline_after_receipt",
            ),
            models.CheckConstraint(
                condition=~Q(status=RequestStatus.EXTENDED) | ~Q(extension_reason=""),
                name="privacy_request_extended_has_reason",
            ),
            # Answered or refused exactly when it has an answer date.
            models.CheckConstraint(
                condition=(Q(status__in=CLOSED_STATUSES) & Q(answered_at__isnull=False))
                | (~Q(status__in=CLOSED_STATUSES) & Q(answered_at__isnull=True)),
                name="privacy_request_answered_has_date",
            ),
            # A rectification says what to correct, until the person is erased.
            models.CheckConstraint(
                condition=~Q(kind=RequestKind.RECTIFICATION)
                | ~Q(changes={})
                | Q(forgotten_at__isnull=False),
                name="privacy_request_rectification_has_changes",
            ),
            # One open request of a kind per person: a form sent twice makes one.
            models.UniqueConstraint(
                fields=["candidate", "kind"],
                condition=Q(status__in=OPEN_STATUSES),
                name="privacy_request_one_open_per_kind",
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.received_on} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES
