"""Certificates of attendance issued in Accueil, each with a verification code.

Seed: language training: "Attendance is compulsory and is documented in an attendance
certificate issued by the training organization"; citizenship education: "The
Department of Adult Education ... certifies candidates' attendance"; orientation
days: attendance "is attested to by a certificate issued by the Ministry of Family".
A certificate is issued for an enrolment; its code (80 random bits, typable) leads to
the public verification page; revoking it keeps the row and removes its effect on the
contract (the contract's certificate is deleted, see training.certificates).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accueil.accounts.models import Organisation
from accueil.contracts.models import Certificate
from accueil.core.codes import code_display

__all__ = ["CertificateKind", "TrainingCertificate"]


class CertificateKind(models.TextChoices):
    ATTENDANCE = "attendance", _("Attendance certificate")
    CITIZENSHIP = "citizenship", _("Citizenship course attendance certificate")
    ORIENTATION = "orientation", _("Orientation day attendance certificate")


class TrainingCertificate(models.Model):
    code = models.CharField(_("verification code"), max_length=16, unique=True)
    enrolment = models.ForeignKey(
        "training.Enrolment", on_delete=models.PROTECT, related_name="certificates"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=CertificateKind.choices)
    issuer = models.ForeignKey(
        Organisation, verbose_name=_("issued by"), on_delete=models.PROTECT, related_name="+"
    )
    issued_on = models.DateField(_("date of the certificate"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1, null=True, blank=True)
    sessions = models.PositiveSmallIntegerField(_("sessions"), null=True, blank=True)
    # The language of the PDF: the holder's (their contract's, else their CAI information language).
    language = models.CharField(_("language"), max_length=8)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked on"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    revocation_reason = models.CharField(_("reason for revocation"), max_length=500, blank=True)
    # Its entry on the holder's contract (none without a contract, none once revoked).
    record = models.OneToOneField(
        Certificate, on_delete=models.SET_NULL, null=True, blank=True, related_name="issued"
    )

    class Meta:
        ordering = ["-issued_at", "pk"]
        verbose_name = _("training certificate")
        verbose_name_plural = _("training certificates")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=CertificateKind.values), name="training_certificate_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(code__regex=r"^[0-9A-HJKMNP-TV-Z]{16}$"),
                name="training_certificate_code_valid",
            ),
            # One certificate in force per enrolment: a new one only after revoking it.
            models.UniqueConstraint(
                fields=["enrolment"],
                condition=Q(revoked_at__isnull=True),
                name="training_certificate_once_per_enrolment",
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revocation_reason=""),
                name="training_certificate_revocation_says_why",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def valid(self) -> bool:
        return self.revoked_at is None

    @property
    def code_display(self) -> str:
        """The code in groups of four, as printed and typed: XXXX-XXXX-XXXX-XXXX."""
        return code_display(self.code)
