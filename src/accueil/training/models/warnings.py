"""Signals of the officers' early-warning list marked handled (issue 12, point 9).

The signals themselves are computed (`training.warnings`); only "handled" is stored. A
signal's occurrence has a key of its own (the attendance that made the absences a run,
the voucher, the contract), unique with its kind: a handled occurrence stays handled,
and a new occurrence (a new run of absences) is a new key and shows again.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class WarningKind(models.TextChoices):
    ABSENCES = "absences", _("Absences in a row")
    VOUCHER_EXPIRING = "voucher_expiring", _("Vouchers expiring unused")
    NOTHING_BOOKED = "nothing_booked", _("No course booked since signing")


class HandledWarning(models.Model):
    kind = models.CharField(_("kind of signal"), max_length=20, choices=WarningKind.choices)
    candidate = models.ForeignKey(
        "registration.Candidate",
        verbose_name=_("candidate"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    # The occurrence: an Attendance id, a Voucher id (as text) or a Contract's number.
    key = models.CharField(_("occurrence"), max_length=64)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("handled on"))
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["-handled_at", "pk"]
        verbose_name = _("handled warning")
        verbose_name_plural = _("handled warnings")
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="warning_handled_once"),
            models.CheckConstraint(
                condition=Q(kind__in=WarningKind.values), name="warning_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"
