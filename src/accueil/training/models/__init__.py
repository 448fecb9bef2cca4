"""The course catalogue: courses of four kinds, their sessions and who is enrolled.

The calendar of citizenship-course sessions and orientation days that officers used to
fill in (CourseEvent) became part of this catalogue: migration 0004_catalogue turned
each event into a course with its sessions.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from accueil.accounts.models import Organisation
from accueil.core.translated import in_language

# The course catalogue (issue 12). Seed, "Language training": approved courses "offered
# by communes, associations, secondary schools, and the National Institute for
# Languages", "at a reduced rate"; "Citizenship education": a free course "at least 6
# hours long, and is divided into several sessions"; "Orientation Days": "half-day
# events and are free". A course is what a person enrols in; its sessions are the dates.


class CourseKind(models.TextChoices):
    LANGUAGE = "language", _("Language course")
    LITERACY = "literacy", _("Literacy class")
    CITIZENSHIP = "citizenship", _("Citizenship course")
    ORIENTATION = "orientation", _("Orientation day")


class CourseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


# The levels of the Common European Framework of Reference a course aims at (the seed's
# "A.1.1" and the levels above it; accueil.rules.facts.CEFR_LEVELS orders them).
CEFR_TARGETS = ("A1.1", "A1", "A2", "B1", "B2", "C1", "C2")


class Course(models.Model):
    provider = models.ForeignKey(
        Organisation,
        verbose_name=_("provider"),
        on_delete=models.PROTECT,
        related_name="courses",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=CourseKind.choices)
    title = models.CharField(_("title"), max_length=200)
    # The title and place in French and German (core.translated: empty means "as in English").
    title_fr = models.CharField(_("title in French"), max_length=200, blank=True)
    title_de = models.CharField(_("title in German"), max_length=200, blank=True)
    # Language and literacy courses: the language taught (lb, fr, de). Every course: the
    # languages it is given in (for a language course, usually the one taught).
    taught_language = models.CharField(_("language taught"), max_length=10, blank=True)
    languages = models.JSONField(_("languages of the course"), default=list)
    cefr_level = models.CharField(_("target level"), max_length=5, blank=True)
    capacity = models.PositiveIntegerField(_("places"))
    # Euros. Language courses: the normal fee and the reduced CAI rate; the others are free.
    fee = models.DecimalField(_("normal fee"), max_digits=7, decimal_places=2, default=0)
    reduced_fee = models.DecimalField(
        _("reduced CAI rate"), max_digits=7, decimal_places=2, default=0
    )
    place = models.CharField(_("place"), max_length=200)
    place_fr = models.CharField(_("place in French"), max_length=200, blank=True)
    place_de = models.CharField(_("place in German"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300)
    status = models.CharField(
        _("status"), max_length=20, choices=CourseStatus.choices, default=CourseStatus.DRAFT
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        indexes = [models.Index(fields=["status", "kind"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=CourseKind.values), name="course_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=CourseStatus.values), name="course_status_valid"
            ),
            models.CheckConstraint(condition=Q(capacity__gt=0), name="course_capacity_positive"),
            models.CheckConstraint(
                condition=Q(fee__gte=0) & Q(reduced_fee__gte=0) & Q(reduced_fee__lte=F("fee")),
                name="course_fees_valid",
            ),
            # Citizenship courses and orientation days are free (seed).
            models.CheckConstraint(
                condition=Q(kind__in=[CourseKind.LANGUAGE, CourseKind.LITERACY])
                | (Q(fee=0) & Q(reduced_fee=0)),
                name="course_free_unless_language",
            ),
            models.CheckConstraint(
                condition=Q(cefr_level="") | Q(cefr_level__in=CEFR_TARGETS),
                name="course_cefr_level_valid",
            ),
        ]

    def __str__(self) -> str:
        return in_language(self, "title")

    @property
    def title_name(self) -> str:
        return in_language(self, "title")

    @property
    def place_name(self) -> str:
        return in_language(self, "place")


class CourseSession(models.Model):
    """One date of a course: a lesson, a citizenship-course session, an orientation day."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["course", "starts_at"]), models.Index(fields=["starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="course_session_ends_after_start"
            ),
            models.UniqueConstraint(
                fields=["course", "starts_at"], name="course_session_once_per_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course_id} {self.starts_at:%Y-%m-%d %H:%M}"


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Enrolled")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class Enrolment(models.Model):
    """A person in a course, or waiting for a place in it. At most one current (enrolled
    or waiting) enrolment per person and course; the seats taken never exceed the
    course's places (training.services takes the course's row lock to count)."""

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="enrolments")
    candidate = models.ForeignKey(
        "registration.Candidate", on_delete=models.CASCADE, related_name="enrolments"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EnrolmentStatus.choices,
        default=EnrolmentStatus.ENROLLED,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["course", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=EnrolmentStatus.values), name="enrolment_status_valid"
            ),
            models.UniqueConstraint(
                fields=["course", "candidate"],
                condition=Q(status__in=[EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITLISTED]),
                name="enrolment_current_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate_id} in {self.course_id} ({self.status})"


# The other parts of the training capability keep their models in their own modules,
# imported here so that Django and other apps find them in `accueil.training.models`.
from accueil.training.models.attendance import Attendance, AttendanceStatus, SkillsAssessment  # noqa: E402, F401
from accueil.training.models.certificates import *  # noqa: E402, F403
from accueil.training.models.providers import ProviderApproval  # noqa: E402, F401
from accueil.training.models.vouchers import Voucher, VoucherRedemption  # noqa: E402, F401
from accueil.training.models.warnings import HandledWarning, WarningKind  # noqa: E402, F401
