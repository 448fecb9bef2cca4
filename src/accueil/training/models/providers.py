"""Which organisations are approved course providers (issue 12, point 1).

Seed, "Language training": "candidates may choose among approved courses offered by
communes, associations, secondary schools, and the National Institute for Languages";
the Department of Adult Education gives the citizenship course and the ministry the
orientation days. An organisation of any kind may be approved; only an approved
provider's courses can be published. Officers (or the administrator) approve, through
`training.catalogue`, which audits each change.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accueil.accounts.models import Organisation


class ProviderApproval(models.Model):
    organisation = models.OneToOneField(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="provider_approval",
    )
    approved = models.BooleanField(_("approved"), default=False)
    # When and by whom the approval was last given or withdrawn.
    since = models.DateTimeField(_("since"), null=True, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("provider approval")
        verbose_name_plural = _("provider approvals")

    def __str__(self) -> str:
        return f"{self.organisation_id}: {'approved' if self.approved else 'not approved'}"
