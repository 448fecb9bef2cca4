"""Attendance at a course's sessions and the skills-assessment report (issue 12, points 6-7).

Seed, "Language training": "Attendance is compulsory and is documented in an attendance
certificate issued by the training organization", and "The skills acquired at the end
of the courses are evaluated in a detailed skills assessment report issued by the
training organization." Provider staff record one attendance per enrolled person and
session (present, absent or excused, with the hours attended) and, for a language
course, the level reached in each skill of the Common European Framework of Reference.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accueil.rules.facts import CEFR_LEVELS


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    ABSENT = "absent", _("Absent")
    EXCUSED = "excused", _("Excused")


class Attendance(models.Model):
    """One person (an enrolment) at one session of the course. The hours lie between 0
    and the session's length (checked by training.attendance, which writes every row);
    absent or excused means 0 hours."""

    enrolment = models.ForeignKey(
        "training.Enrolment", on_delete=models.CASCADE, related_name="attendances"
    )
    session = models.ForeignKey(
        "training.CourseSession", on_delete=models.CASCADE, related_name="attendances"
    )
    status = models.CharField(_("attendance"), max_length=10, choices=AttendanceStatus.choices)
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=2)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"))

    class Meta:
        ordering = ["session", "enrolment"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "session"], name="attendance_once_per_session"
            ),
            models.CheckConstraint(
                condition=Q(status__in=AttendanceStatus.values), name="attendance_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(hours__gte=0) & (Q(status=AttendanceStatus.PRESENT) | Q(hours=0)),
                name="attendance_hours_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id} at {self.session_id}: {self.status}"


# The skills of the assessment report, in the order of the Common European Framework.
SKILLS = ("listening", "reading", "spoken_interaction", "spoken_production", "writing")
LEVEL_CHOICES = [(level, level) for level in CEFR_LEVELS if level != "none"]
LEVELS = [level for level, _label in LEVEL_CHOICES]


def _level_field(label):
    return models.CharField(label, max_length=5, choices=LEVEL_CHOICES, blank=True)


class SkillsAssessment(models.Model):
    """The level reached in each skill at the end of a language course (blank: not
    assessed)."""

    enrolment = models.OneToOneField(
        "training.Enrolment", on_delete=models.CASCADE, related_name="skills_assessment"
    )
    listening = _level_field(_("listening"))
    reading = _level_field(_("reading"))
    spoken_interaction = _level_field(_("spoken interaction"))
    spoken_production = _level_field(_("spoken production"))
    writing = _level_field(_("writing"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"))

    class Meta:
        verbose_name = _("skills assessment")
        verbose_name_plural = _("skills assessments")
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{skill}__in": ["", *LEVELS]}),
                name=f"skills_assessment_{skill}_valid",
            )
            for skill in SKILLS
        ]

    def __str__(self) -> str:
        return f"skills of {self.enrolment_id}"

    def levels(self) -> list[tuple[str, str]]:
        """(skill, level) in the framework's order."""
        return [(skill, getattr(self, skill)) for skill in SKILLS]
