"""The Welcome and Integration Contract itself and its states.

Seed: "It is optional and is concluded for a maximum term of 2 years." The term's
dates come from `accueil.rules` (rule `cai.term`); the database makes sure a
contract never ends before it starts and that a candidate holds one live contract.
"""

import uuid
from datetime import date, timedelta

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from accueil.registration.models import Candidate


class ContractStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_FORCE = "in_force", _("In force")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    UNDER_REVIEW = "under_review", _("Under review")
    FULFILLED = "fulfilled", _("Fulfilled")
    NOT_FULFILLED = "not_fulfilled", _("Not fulfilled")
    SUPERSEDED = "superseded", _("Superseded by a follow-up contract")


LIVE_STATUSES = (ContractStatus.DRAFT, ContractStatus.IN_FORCE, ContractStatus.UNDER_REVIEW)


class Contract(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    number = models.CharField(_("contract number"), max_length=20, unique=True)
    candidate = models.ForeignKey(
        Candidate, verbose_name=_("candidate"), on_delete=models.PROTECT, related_name="contracts"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ContractStatus.choices, default=ContractStatus.DRAFT
    )
    entry_into_force = models.DateField(_("entry into force"), null=True, blank=True)
    end_exclusive = models.DateField(_("end of term (exclusive)"), null=True, blank=True)
    follows = models.OneToOneField(
        "self",
        verbose_name=_("follow-up of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_up",
    )
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        indexes = [models.Index(fields=["status", "end_exclusive"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ContractStatus.values), name="contract_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(end_exclusive__gt=F("entry_into_force"))
                | Q(end_exclusive__isnull=True, entry_into_force__isnull=True),
                name="contract_ends_after_it_starts",
            ),
            models.CheckConstraint(
                # A draft, or a draft withdrawn before signing, has no term yet.
                condition=Q(status__in=[ContractStatus.DRAFT, ContractStatus.WITHDRAWN])
                | Q(entry_into_force__isnull=False),
                name="contract_signed_has_dates",
            ),
            models.UniqueConstraint(
                fields=["candidate"],
                condition=Q(status__in=LIVE_STATUSES),
                name="contract_one_live_per_candidate",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def last_day(self) -> date | None:
        return self.end_exclusive - timedelta(days=1) if self.end_exclusive else None
