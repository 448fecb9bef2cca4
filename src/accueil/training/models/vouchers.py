"""Reduced-rate language vouchers and their redemption (issue 12, point 4).

Seed, "Language training": "Candidates who have signed a CAI contract with the
Luxembourg State are offered language training at a reduced rate". How that reduced
rate reaches a provider is the programme's: each contract in force gives up to three
vouchers (`cai.language_vouchers`), each valid six months from its issue
(`cai.language_voucher_validity_months`), each covering one language course or
literacy class. The provider checks the voucher's code when it enrols the person.

A voucher is "used" while a redemption of it is current (not given back); the
database holds that at most one is (`voucher_redeemed_once`), whatever the code does.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accueil.training.models import Enrolment

# The voucher's code: 16 symbols of Crockford's base32 (0-9 and the letters but I, L,
# O and U), 80 bits from `secrets`, shown in four groups (ABCD-EFGH-JKMN-PQRS). Typed
# codes are read leniently (case, spaces, dashes, O for 0, I and L for 1).
VOUCHER_CODE_LENGTH = 16


class Voucher(models.Model):
    contract = models.ForeignKey(
        "contracts.Contract",
        verbose_name=_("contract"),
        on_delete=models.PROTECT,
        related_name="vouchers",
    )
    # The contract's holder, kept beside it: every check of a code compares it.
    candidate = models.ForeignKey(
        "registration.Candidate",
        verbose_name=_("holder"),
        on_delete=models.CASCADE,
        related_name="vouchers",
    )
    number = models.PositiveSmallIntegerField(_("voucher number"))
    code = models.CharField(_("code"), max_length=VOUCHER_CODE_LENGTH, unique=True)
    issued_at = models.DateTimeField(_("issued on"))
    # The first day on which the voucher is no longer valid (exclusive, as a contract's term).
    expires_on = models.DateField(_("valid until (exclusive)"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked on"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoke_reason = models.CharField(_("reason for revoking"), max_length=500, blank=True)

    class Meta:
        ordering = ["contract", "number"]
        verbose_name = _("language voucher")
        verbose_name_plural = _("language vouchers")
        constraints = [
            models.UniqueConstraint(fields=["contract", "number"], name="voucher_number_once"),
            # The upper bound is the parameter cai.language_vouchers (3); the services
            # read it, the database keeps numbers positive and unique per contract.
            models.CheckConstraint(condition=Q(number__gte=1), name="voucher_number_positive"),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revoke_reason=""),
                name="voucher_revoked_with_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contract_id} #{self.number}"

    @property
    def last_day(self) -> date:
        """The last day the voucher may be used."""
        return self.expires_on - timedelta(days=1)

    @property
    def code_display(self) -> str:
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))


class VoucherRedemption(models.Model):
    """A voucher used for an enrolment. Given back (`returned_at`) when the enrolment is
    cancelled before the course starts; at most one current redemption per voucher."""

    voucher = models.ForeignKey(Voucher, on_delete=models.PROTECT, related_name="redemptions")
    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.CASCADE, related_name="voucher_redemption"
    )
    redeemed_at = models.DateTimeField(_("redeemed on"), auto_now_add=True)
    redeemed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("redeemed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    returned_at = models.DateTimeField(_("given back on"), null=True, blank=True)

    class Meta:
        ordering = ["redeemed_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["voucher"],
                condition=Q(returned_at__isnull=True),
                name="voucher_redeemed_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.voucher_id} for {self.enrolment_id}"
