"""The audit trail: who did what to which record, when, and from where.

Events are only ever added. They name the record by type and id, never by its
content, and list the names of changed fields rather than their values, so the
trail itself holds as little personal data as it can.
"""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accueil.accounts.models import Organisation, Role

# A reason is a code the program writes ("in_force -> withdrawn", "signed (paper)"),
# never text someone typed: lower-case ASCII letters, digits, spaces and a little
# punctuation, on one line. A sentence typed into a form (capitals, accents, line
# breaks, "@" or "+" of an address or a telephone number) does not match; what a person
# typed is kept with its record (Contract.withdrawal_reason ...), shown to those who
# need it, never copied into the trail (issue 14, point 5).
REASON_CODE = r"[a-z0-9 _,.:;()>=/#-]*"
REASON_LENGTH = 200


class Action(models.TextChoices):
    VIEW = "view", _("Viewed")
    LIST = "list", _("Shown in a list")
    SEARCH = "search", _("Found by a search")
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Deleted")
    TRANSITION = "transition", _("Changed status")
    EXPORT = "export", _("Exported")
    SIGN_IN = "sign_in", _("Signed in")
    SIGN_IN_FAILED = "sign_in_failed", _("Failed sign-in")
    SIGN_OUT = "sign_out", _("Signed out")


class AuditEvent(models.Model):
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Kept beside the foreign key so the event still says which role acted
    # after the account is deleted.
    actor_role = models.CharField(_("role"), max_length=20, blank=True)
    # And the organisation the actor acted for, at the time (what the candidate is told:
    # a role and an organisation, never a personal name).
    actor_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("what"), max_length=20, choices=Action.choices)
    target_type = models.CharField(_("record type"), max_length=80, blank=True)
    target_id = models.CharField(_("record"), max_length=64, blank=True)
    fields = models.JSONField(_("fields"), default=list, blank=True)
    reason = models.CharField(_("why"), max_length=500, blank=True)
    ip_address = models.GenericIPAddressField(_("from"), null=True, blank=True)
    # The person the event is about: the id of a registration.candidate (not a foreign
    # key: audit sits below registration, and the trail outlives the record), so that
    # the candidate can see who read their data and the data-protection officer can
    # search by person (seed 000, "Forms / Online services").
    subject = models.UUIDField(_("about"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [
            models.Index(fields=["target_type", "target_id", "-at"]),
            models.Index(fields=["subject", "-at"], name="audit_subject_at"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(action__in=Action.values), name="audit_action_valid"
            ),
            models.CheckConstraint(
                condition=Q(reason__regex=rf"\A{REASON_CODE}\Z"), name="audit_reason_is_a_code"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.target_type}:{self.target_id}"

    def field_labels(self) -> list[str]:
        """The changed fields named as their forms and pages name them, in the reader's
        language ("end of term (exclusive)", not "end_exclusive")."""
        try:
            meta = apps.get_model(self.target_type)._meta
        except (LookupError, ValueError):
            return [str(name) for name in self.fields]
        labels = []
        for name in self.fields:
            try:
                labels.append(str(meta.get_field(name).verbose_name))
            except FieldDoesNotExist:
                labels.append(str(name))
        return labels

    def target_kind(self) -> str:
        """The kind of record in the reader's language ("contract"), "" for none."""
        if not self.target_type:
            return ""
        try:
            return str(apps.get_model(self.target_type)._meta.verbose_name)
        except (LookupError, ValueError):
            return self.target_type

    def actor_role_label(self) -> str:
        """The actor's role in the reader's language ("Integration officer")."""
        if self.actor_role in Role.values:
            return str(Role(self.actor_role).label)
        return self.actor_role
