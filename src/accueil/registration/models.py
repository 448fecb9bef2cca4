"""A person who has registered for the CAI (seed: "How to proceed").

The seed lists what a registration holds: surname and first name, social security
number, telephone number, postal address or email address, the language for CAI
information and whether an interpreter is needed at the information session.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from accueil.core import references


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    PHONE = "phone", _("By phone")
    EMAIL = "email", _("By email")
    IN_PERSON = "in_person", _("In person")


# An officer records how the candidate reached them; online registrations are the
# candidate's own.
OFFICER_CHANNELS = [(value, label) for value, label in Channel.choices if value != Channel.ONLINE]


class InformationLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    GERMAN = "de", _("German")


class Candidate(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="candidate",
    )
    surname = models.CharField(_("surname"), max_length=150)
    first_name = models.CharField(_("first name"), max_length=150)
    # NULL only once the person is erased (privacy.erasure; NULL, not "", so that the
    # unique index takes any number of erased people): see the constraints.
    national_id = models.CharField(  # noqa: DJ001
        _("national identification number"), max_length=13, unique=True, null=True
    )
    # The number the candidate quotes (core.references), shown when they register.
    reference = models.CharField(
        _("reference number"), max_length=12, unique=True, default=references.registration_reference
    )
    birth_date = models.DateField(_("date of birth"))
    phone = models.CharField(_("telephone number"), max_length=40)
    email = models.EmailField(_("email address"), blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    # A new email address the candidate gave, used once they confirm it from the link
    # sent to it (services.email_change_ask); the old one stays until then.
    pending_email = models.EmailField(_("new email address, not confirmed yet"), blank=True)
    nationalities = models.JSONField(_("nationalities"), default=list)
    information_language = models.CharField(
        _("language for CAI information"), max_length=8, choices=InformationLanguage.choices
    )
    interpreter_needed = models.BooleanField(_("interpreter needed"), default=False)
    interpreter_language = models.CharField(_("interpreter language"), max_length=60, blank=True)
    legal_residence_confirmed = models.BooleanField(_("legally resident"), default=False)
    wishes_to_settle = models.BooleanField(_("wishes to settle permanently"), default=False)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    consent_at = models.DateTimeField(_("agreed to the data-protection notice on"), null=True)
    # The form's one-time key: a second submit of the same form finds this registration
    # instead of creating another.
    submission_id = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    # Raising it revokes every private link sent so far (see registration.selectors); it is
    # raised each time the link is sent again.
    access_version = models.PositiveIntegerField(default=1)
    # The same for the calendar feed's address (contracts.calendar), which the candidate
    # resets on their path page; kept apart so a link sent again leaves the feed alone.
    feed_version = models.PositiveIntegerField(default=1)
    registered_at = models.DateTimeField(_("registered on"), auto_now_add=True)
    # When the person was erased (privacy.erasure.erase_candidate): the row stays, for
    # what refers to it (a contract's number, a certificate issued), without anything
    # personal in it (constraint candidate_erased_holds_nothing).
    erased_at = models.DateTimeField(_("erased on"), null=True, blank=True)
    # Lower-case copies kept by the database, indexed for the officers' name search
    # (a prefix search: PostgreSQL adds a pattern index so LIKE 'x%' uses it).
    surname_key = models.GeneratedField(
        expression=Lower("surname"),
        output_field=models.CharField(max_length=150),
        db_persist=True,
        db_index=True,
    )
    first_name_key = models.GeneratedField(
        expression=Lower("first_name"),
        output_field=models.CharField(max_length=150),
        db_persist=True,
        db_index=True,
    )

    class Meta:
        ordering = ["surname", "first_name"]
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        indexes = [models.Index(fields=["surname", "first_name"])]
        constraints = [
            # Seed: "postal address or email address".
            models.CheckConstraint(
                condition=~Q(email="") | ~Q(postal_address="") | Q(erased_at__isnull=False),
                name="candidate_has_address",
            ),
            # Seed 000, "Forms / Online services": the information is kept "for as long
            # as it is required"; a person erased keeps no way to reach or name them.
            models.CheckConstraint(
                condition=Q(erased_at__isnull=True, national_id__isnull=False)
                | Q(
                    erased_at__isnull=False,
                    national_id__isnull=True,
                    email="",
                    pending_email="",
                    postal_address="",
                    phone="",
                ),
                name="candidate_erased_holds_nothing",
            ),
            models.CheckConstraint(
                condition=Q(interpreter_needed=False) | ~Q(interpreter_language=""),
                name="candidate_interpreter_language_given",
            ),
            models.CheckConstraint(
                condition=Q(national_id__regex=r"^[0-9]{13}$"),
                name="candidate_national_id_13_digits",
            ),
            models.CheckConstraint(
                condition=Q(channel__in=Channel.values), name="candidate_channel_valid"
            ),
        ]

    def __str__(self) -> str:
        if self.erased_at is not None:
            return str(_("Person erased"))
        return f"{self.surname.upper()} {self.first_name}"


class Resubmission(models.Model):
    """A registration sent again for an identification number registered already: the
    sender was shown a reference number like anyone registering (the page must not say
    who is registered), kept here so that the reference they quote finds the registration
    it matched (registration.selectors.candidate_search)."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="resubmissions")
    reference = models.CharField(_("reference number"), max_length=12, unique=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return self.reference


class Correction(models.Model):
    """An officer's correction of a candidate's details (registration.services.
    candidate_correct): when, by whom, which fields, and the reason they typed, kept
    here with the candidate (and erased with them), not in the audit trail, which
    records the change with the fields' names only (issue 14, point 5)."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="corrections")
    at = models.DateTimeField(_("when"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    fields = models.JSONField(_("fields"), default=list)
    reason = models.CharField(_("reason"), max_length=500)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M}"
