"""What the officer records for a candidate at the information session.

Seed, "The information session": candidates "must bring a document attesting to the
legality of their stay"; the session includes "an interview to determine the
candidate's linguistic profile", "orientation towards a language course tailored to
the candidate's abilities, and their personal and professional needs" and "general
guidance for the candidate, followed by a request for an interview with a social
worker, if required".
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accueil.registration.models import Candidate


class DocumentKind(models.TextChoices):
    RESIDENCE_CARD = "residence_card", _("Residence card")
    RESIDENCE_PERMIT = "residence_permit", _("Residence permit")
    REGISTRATION_CERTIFICATE = "registration_certificate", _("Registration certificate")
    PERMANENT_RESIDENCE_CARD = "permanent_residence_card", _("Permanent residence card")
    RECEIPT = "receipt", _("Receipt of an application (valid as a residence card)")
    OTHER = "other", _("Other document proving legal residence")


class ResidenceDocument(models.Model):
    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="residence_documents"
    )
    kind = models.CharField(_("kind of document"), max_length=40, choices=DocumentKind.choices)
    number = models.CharField(_("document number"), max_length=60)
    valid_until = models.DateField(_("valid until"))
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    checked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-checked_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=DocumentKind.values), name="residence_document_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"


class Level(models.TextChoices):
    # The Common European Framework of Reference, with A1.1 as the seed names it.
    NONE = "none", _("None")
    A11 = "A1.1", "A1.1"
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"
    C2 = "C2", "C2"


class LinguisticProfile(models.Model):
    candidate = models.OneToOneField(
        Candidate, on_delete=models.CASCADE, related_name="linguistic_profile"
    )
    luxembourgish = models.CharField(
        _("Luxembourgish"), max_length=5, choices=Level.choices, default=Level.NONE
    )
    french = models.CharField(_("French"), max_length=5, choices=Level.choices, default=Level.NONE)
    german = models.CharField(_("German"), max_length=5, choices=Level.choices, default=Level.NONE)
    english = models.CharField(
        _("English"), max_length=5, choices=Level.choices, default=Level.NONE
    )
    other_languages = models.CharField(_("other languages spoken"), max_length=200, blank=True)
    literacy_needed = models.BooleanField(_("literacy classes needed"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.candidate}: lb {self.luxembourgish}, fr {self.french}, de {self.german}"

    def levels(self) -> dict[str, str]:
        """Levels by language code, as rule cai.obligations reads them."""
        return {"lb": self.luxembourgish, "fr": self.french, "de": self.german, "en": self.english}


class Orientation(models.Model):
    """The language course(s) recommended, and general guidance notes."""

    candidate = models.OneToOneField(
        Candidate, on_delete=models.CASCADE, related_name="orientation"
    )
    # [{"language": "fr", "aim": "reach_A1.1" | "further"}], from rule cai.obligations.
    recommended_courses = models.JSONField(_("recommended language courses"), default=list)
    literacy_recommended = models.BooleanField(_("literacy classes recommended"), default=False)
    guidance_notes = models.TextField(_("general guidance notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.candidate}: {self.recommended_courses}"
