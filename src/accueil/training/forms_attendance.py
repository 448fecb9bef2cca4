"""The provider's forms for attendance (the grid of participants × sessions, the CSV
upload) and for the skills-assessment report."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from accueil.core.govuk import GovukForm
from accueil.training.attendance import AttendanceError, Entry, Grid, checked_hours, session_hours
from accueil.training.models import AttendanceStatus
from accueil.training.models.attendance import LEVEL_CHOICES, SKILLS

# An attendance file of a long course (40 participants × 100 sessions) takes about
# 200 kB; anything above this is refused before it is read (views_attendance).
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_UPLOAD_MB = MAX_UPLOAD_BYTES // (1024 * 1024)


def cell_name(enrolment_id: int, session_id: int, part: str) -> str:
    return f"c{enrolment_id}_{session_id}_{part}"


class AttendanceGridForm(GovukForm):
    """One status and one number of hours per participant and session begun by the
    grid's "now"; an empty status leaves the cell unrecorded. A session to come has no
    field: whatever is posted for it is not read."""

    def __init__(self, *args, grid: Grid, **kwargs):
        initial = {}
        for (enrolment_id, session_id), row in grid.cells.items():
            initial[cell_name(enrolment_id, session_id, "status")] = row.status
            initial[cell_name(enrolment_id, session_id, "hours")] = format(
                row.hours.normalize(), "f"
            )
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.grid = grid
        choices = [("", _("Not recorded")), *AttendanceStatus.choices]
        for enrolment in grid.enrolments:
            for session in grid.open_sessions:
                self.fields[cell_name(enrolment.pk, session.pk, "status")] = forms.ChoiceField(
                    label=_("Attendance"),
                    choices=choices,
                    required=False,
                    error_messages={"invalid_choice": _("Select present, absent or excused")},
                )
                self.fields[cell_name(enrolment.pk, session.pk, "hours")] = forms.CharField(
                    label=_("Hours"),
                    required=False,
                    max_length=6,
                    error_messages={"max_length": _("Enter the hours as a number, like 1.5")},
                )

    def clean(self) -> dict[str, Any]:
        data = cast("dict[str, Any]", super().clean())
        entries = []
        for session in self.grid.open_sessions:
            length = session_hours(session)
            for enrolment in self.grid.enrolments:
                status_name = cell_name(enrolment.pk, session.pk, "status")
                hours_name = cell_name(enrolment.pk, session.pk, "hours")
                status, hours = data.get(status_name), data.get(hours_name)
                if status is None or hours is None:
                    continue  # already refused by the field
                if not status:
                    if hours.strip():
                        self.add_error(status_name, _("Select present, absent or excused"))
                    continue
                try:
                    value = checked_hours(status, hours, length)
                except AttendanceError as refusal:
                    self.add_error(hours_name, str(refusal))
                    continue
                entries.append(Entry(enrolment.pk, session.pk, status, value))
        data["entries"] = entries
        return data


class AttendanceUploadForm(GovukForm):
    file = forms.FileField(
        label=_("CSV file"),
        error_messages={
            "required": _("Choose a CSV file"),
            "empty": _("The file is empty."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "Columns enrolment, session, status and hours, separated by ; or ,. "
            "At most %(size)s MB."
        ) % {"size": MAX_UPLOAD_MB}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB. Split it and upload each part.")
                % {"size": MAX_UPLOAD_MB}
            )
        return upload


SKILL_LABELS = {
    "listening": _("Listening"),
    "reading": _("Reading"),
    "spoken_interaction": _("Spoken interaction"),
    "spoken_production": _("Spoken production"),
    "writing": _("Writing"),
}


class SkillsAssessmentForm(GovukForm):
    """The level reached in each skill; empty for a skill not assessed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for skill in SKILLS:
            self.fields[skill] = forms.ChoiceField(
                label=SKILL_LABELS[skill],
                choices=[("", _("Not assessed")), *LEVEL_CHOICES],
                required=False,
                error_messages={"invalid_choice": _("Select a level from the list")},
            )
