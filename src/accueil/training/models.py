"""The calendar of citizenship-course sessions and orientation days that officers fill in.

Seed: the citizenship course "is at least 6 hours long, and is divided into several
sessions. It is delivered in German, English, French, Luxembourgish and Portuguese";
orientation days "are held at least twice a year. They are half-day events". A later
capability turns this calendar into the full course catalogue (providers, enrolment,
attendance): events already carry their provider and their languages for that.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from accueil.accounts.models import Organisation
from accueil.core.translated import in_language


class EventKind(models.TextChoices):
    CITIZENSHIP_SESSION = "citizenship_session", _("Citizenship course session")
    ORIENTATION_DAY = "orientation_day", _("Orientation day")


class CourseEvent(models.Model):
    language_names: list[str]  # set by the calendar page for its template, not stored

    kind = models.CharField(_("kind"), max_length=30, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200)
    # The place in French and German (core.translated: empty means "as in English").
    place_fr = models.CharField(_("place in French"), max_length=200, blank=True)
    place_de = models.CharField(_("place in German"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300)
    languages = models.JSONField(_("languages"), default=list)
    provider = models.ForeignKey(
        Organisation,
        verbose_name=_("organised by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="course_events",
    )

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["kind", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=EventKind.values), name="course_event_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="course_event_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.starts_at:%Y-%m-%d}"

    @property
    def place_name(self) -> str:
        """The place in the active language."""
        return in_language(self, "place")
