"""The Welcome and Integration Contract itself and its states.

Seed: "It is optional and is concluded for a maximum term of 2 years." The term's
dates come from `accueil.rules` (rule `cai.term`); the database makes sure a
contract never ends before it starts and that a candidate holds one live contract.
"""

import uuid
from datetime import date, timedelta

from django.conf import settings
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


class ContractLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    GERMAN = "de", _("German")


class SignatureMethod(models.TextChoices):
    # How the candidate's signature was obtained (issue: "record how").
    PAPER = "paper", _("Signed paper copy, scan attached")
    CONFIRMED = "confirmed", _("Candidate's confirmation after an identity check")


class ContractCounter(models.Model):
    """The last contract number given each year: numbers are unique and gap-free."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


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
    language = models.CharField(
        _("language of the contract"),
        max_length=8,
        choices=ContractLanguage.choices,
        default=ContractLanguage.ENGLISH,
    )
    # What the rules gave for this candidate when the contract was drafted (rule
    # cai.obligations), so the contract keeps the obligations it was signed with.
    obligations = models.JSONField(_("obligations"), default=dict, blank=True)
    signature_method = models.CharField(
        _("how it was signed"), max_length=20, choices=SignatureMethod.choices, blank=True
    )
    signed_at = models.DateTimeField(_("signed on"), null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed for the Ministry by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    signed_scan = models.FileField(
        _("scan of the signed copy"), upload_to="contracts/scans/", blank=True
    )
    document = models.FileField(_("contract (PDF)"), upload_to="contracts/", blank=True)
    withdrawal_reason = models.CharField(_("reason for withdrawal"), max_length=500, blank=True)
    follows = models.OneToOneField(
        "self",
        verbose_name=_("follow-up of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_up",
    )
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    # The end of the contract (seed, "The end of the CAI contract"). The review at term
    # (contracts.review, a scheduled job) evaluates rule cai.fulfilment and keeps what it
    # found: {"on": day, "met": [...], "unmet": [...]}. A fulfilled contract is closed
    # there and then; the others wait in the officers' review queue for a decision.
    reviewed_at = models.DateTimeField(_("reviewed on"), null=True, blank=True)
    review = models.JSONField(_("what the review found"), default=dict, blank=True)
    # The decision: by an officer (decided_by), or by the review itself for a contract
    # fulfilled (decided_by empty).
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # "not fulfilled for a legitimate reason": the reason, as the officer recorded it;
    # it opens the way to a follow-up contract (rule cai.follow_up).
    reason_legitimate = models.BooleanField(_("for a legitimate reason"), default=False)
    decision_reason = models.CharField(_("reasons for the decision"), max_length=2000, blank=True)
    # When the contract was fulfilled (the date of the last certificate it needed), and
    # the code that verifies its completion certificate (given when first printed).
    fulfilled_on = models.DateField(_("fulfilled on"), null=True, blank=True)
    completion_code = models.CharField(_("verification code"), max_length=16, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        indexes = [
            models.Index(fields=["status", "end_exclusive"]),
            # The officers' review queue: contracts under review, oldest term first.
            models.Index(
                fields=["end_exclusive"],
                condition=Q(status="under_review"),
                name="contract_review_queue",
            ),
            # The statistics of the current month, counted in the contracts (accueil.
            # statistics): those signed, and those reviewed, in a few days' range.
            models.Index(
                fields=["entry_into_force"],
                include=["candidate"],
                condition=Q(entry_into_force__isnull=False),
                name="contract_signed_on",
            ),
            models.Index(
                fields=["reviewed_at"],
                include=["status"],
                condition=Q(reviewed_at__isnull=False),
                name="contract_reviewed_on",
            ),
        ]
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
            models.CheckConstraint(
                condition=Q(signed_at__isnull=True) | ~Q(signature_method=""),
                name="contract_signature_says_how",
            ),
            # A fulfilled contract says when; only a fulfilled contract has that date.
            models.CheckConstraint(
                condition=Q(status=ContractStatus.FULFILLED, fulfilled_on__isnull=False)
                | Q(fulfilled_on__isnull=True) & ~Q(status=ContractStatus.FULFILLED),
                name="contract_fulfilled_says_when",
            ),
            # A decision at the end (fulfilled, not fulfilled, then superseded) was taken.
            models.CheckConstraint(
                condition=~Q(
                    status__in=[
                        ContractStatus.FULFILLED,
                        ContractStatus.NOT_FULFILLED,
                        ContractStatus.SUPERSEDED,
                    ]
                )
                | Q(decided_at__isnull=False),
                name="contract_decision_dated",
            ),
            # A legitimate reason is recorded, and only for a contract not fulfilled.
            models.CheckConstraint(
                condition=Q(reason_legitimate=False)
                | Q(
                    status__in=[ContractStatus.NOT_FULFILLED, ContractStatus.SUPERSEDED],
                    decision_reason__gt="",
                ),
                name="contract_legitimate_reason_recorded",
            ),
            models.UniqueConstraint(
                fields=["completion_code"],
                condition=~Q(completion_code=""),
                name="contract_completion_code_once",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def last_day(self) -> date | None:
        return self.end_exclusive - timedelta(days=1) if self.end_exclusive else None


class Obligation(models.TextChoices):
    # Seed: language training, the citizenship course, an orientation day.
    LANGUAGE_TRAINING = "language_training", _("Language training")
    CITIZENSHIP_COURSE = "citizenship_course", _("Citizenship course")
    ORIENTATION_DAY = "orientation_day", _("Orientation day")


class CertificateOrigin(models.TextChoices):
    # Issued in Accueil by the training's certifier (with a verification code), or a
    # certificate brought on paper and recorded by an officer.
    ISSUED = "issued", _("Issued in Accueil")
    PAPER = "paper", _("Brought on paper, recorded by an officer")


class Certificate(models.Model):
    """Proof that an obligation was met: an attendance certificate (seed: "Attendance is
    compulsory and is documented in an attendance certificate issued by the training
    organization"; "The Department of Adult Education ... certifies candidates'
    attendance"; orientation-day attendance "is attested to by a certificate")."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="certificates")
    obligation = models.CharField(_("obligation"), max_length=30, choices=Obligation.choices)
    issued_on = models.DateField(_("date of the certificate"))
    issuer = models.CharField(_("issued by"), max_length=200)
    literacy = models.BooleanField(_("literacy classes"), default=False)
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1, null=True, blank=True)
    sessions = models.PositiveSmallIntegerField(_("sessions"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    origin = models.CharField(
        _("origin"),
        max_length=10,
        choices=CertificateOrigin.choices,
        default=CertificateOrigin.PAPER,
    )
    # A certificate issued in Accueil: its verification code (training's certificates),
    # which leads to its PDF and its public verification page.
    code = models.CharField(_("verification code"), max_length=16, blank=True)

    class Meta:
        ordering = ["issued_on"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.CheckConstraint(
                condition=Q(obligation__in=Obligation.values), name="certificate_obligation_valid"
            ),
            models.CheckConstraint(
                condition=Q(hours__isnull=True) | Q(hours__gte=0), name="certificate_hours_positive"
            ),
            # A paper certificate is recorded once; one issued in Accueil is known by its
            # code (two certificates of one issuer on one day are two courses).
            models.UniqueConstraint(
                fields=["contract", "obligation", "issued_on", "issuer"],
                condition=Q(origin="paper"),
                name="certificate_recorded_once",
            ),
            models.UniqueConstraint(
                fields=["code"], condition=~Q(code=""), name="certificate_code_once"
            ),
            models.CheckConstraint(
                condition=Q(origin="paper", code="") | Q(origin="issued") & ~Q(code=""),
                name="certificate_origin_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.obligation} {self.issued_on}"
