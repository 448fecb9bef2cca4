"""Provider staff's pages for attendance and the skills-assessment report, and the
candidate's page of their reports (issue 12, points 6-7).

Provider staff reach only their own organisation's courses (`training.access`: 404 for
any other). Attendance is recorded in a grid of participants × sessions (one form, no
JavaScript) or by uploading a CSV file, which is checked whole before anything is
written (`training.attendance`).
"""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from accueil.accounts.access import has_role
from accueil.accounts.decorators import role_required
from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.accounts.models import Role
from accueil.audit.models import Action
from accueil.audit.services import audit_record, audit_shown
from accueil.core.http import posted, posted_files
from accueil.registration.models import Candidate
from accueil.training import access as training_access
from accueil.training import attendance
from accueil.training.forms_attendance import (
    MAX_UPLOAD_BYTES,
    MAX_UPLOAD_MB,
    SKILL_LABELS,
    AttendanceGridForm,
    AttendanceUploadForm,
    SkillsAssessmentForm,
    cell_name,
)
from accueil.training.models import CourseKind, SkillsAssessment
from accueil.training.models.attendance import SKILLS

# What a multipart body adds to the file itself (boundaries, headers, the CSRF token).
UPLOAD_OVERHEAD = 64 * 1024


def is_provider(user) -> bool:
    return has_role(user, Role.PROVIDER)


def is_candidate(user) -> bool:
    return has_role(user, Role.CANDIDATE)


@require_GET
@role_required(is_provider)
def course_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    courses = training_access.attendance_courses_for_user(request.user).order_by("pk")
    return render(request, "training/attendance/course_list.html", {"courses": courses})


def grid_rows(form: AttendanceGridForm) -> list:
    """(enrolment, [(session, status field, hours field, recorded)]) for the template,
    with the error styles on the cells that have errors. A session not begun has no
    fields, only what was recorded for it before (`recorded`, else None)."""
    for session in form.grid.sessions:
        local = timezone.localtime(session.starts_at)
        session.label = f"{date_format(local, 'SHORT_DATE_FORMAT')} {local:%H:%M}"  # type: ignore[attr-defined]
    rows = []
    for enrolment in form.grid.enrolments:
        cells: list[tuple] = []
        for session in form.grid.sessions:
            if not form.grid.is_open(session):
                # Shown, not editable: what was recorded before, if anything.
                cells.append((session, None, None, form.grid.cells.get((enrolment.pk, session.pk))))
                continue
            status = form[cell_name(enrolment.pk, session.pk, "status")]
            hours = form[cell_name(enrolment.pk, session.pk, "hours")]
            for bound, css in ((status, "govuk-select"), (hours, "govuk-input")):
                attrs = bound.field.widget.attrs
                attrs["class"] = css + (f" {css}--error" if bound.errors else "")
                if css == "govuk-input":
                    attrs["class"] += " govuk-input--width-3"
                    attrs["inputmode"] = "decimal"
                if bound.errors:
                    attrs["aria-describedby"] = f"{bound.auto_id}-error"
            cells.append((session, status, hours, None))
        rows.append((enrolment, cells))
    return rows


@require_http_methods(["GET", "POST"])
@role_required(is_provider)
def attendance_grid(request: AuthenticatedHttpRequest, course_id: int) -> HttpResponse:
    course = training_access.get_course_for_attendance(request.user, course_id)
    now = timezone.now()  # one "now" for the whole request: what is open, what is written
    grid = attendance.attendance_grid(course, now)
    form = AttendanceGridForm(posted(request), grid=grid)
    if request.method == "POST" and form.is_valid():
        applied = attendance.attendance_apply(
            course=course, entries=form.cleaned_data["entries"], actor=request.user, now=now
        )
        messages.success(request, saved_message(applied))
        return redirect("training:attendance_grid", course_id=course.pk)
    audit_shown(request=request, targets=grid.enrolments)  # each person listed (issue 14)
    context = {"course": course, "grid": grid, "form": form, "rows": grid_rows(form)}
    return render(request, "training/attendance/grid.html", context)


def saved_message(applied: attendance.Applied) -> str:
    if not applied.written:
        return _("Nothing changed: the attendance was already as you recorded it.")
    return _("Attendance recorded: %(written)s changed, %(unchanged)s unchanged.") % {
        "written": applied.written,
        "unchanged": applied.unchanged,
    }


@csrf_exempt
@require_http_methods(["GET", "POST"])
@role_required(is_provider)
def attendance_upload(request: AuthenticatedHttpRequest, course_id: int) -> HttpResponse:
    """A body larger than the limit is refused from its declared length, before Django
    reads it (hence csrf_exempt here, which would read it, and csrf_protect after)."""
    course = training_access.get_course_for_attendance(request.user, course_id)
    declared = request.META.get("CONTENT_LENGTH") or "0"
    if request.method == "POST" and (
        not declared.isdigit() or int(declared) > MAX_UPLOAD_BYTES + UPLOAD_OVERHEAD
    ):
        form = AttendanceUploadForm(data={}, files={})
        form.is_valid()
        form.errors["file"] = form.error_class(
            [
                _("The file is larger than %(size)s MB. Split it and upload each part.")
                % {"size": MAX_UPLOAD_MB}
            ]
        )
        context = {"course": course, "form": form}
        return render(request, "training/attendance/upload.html", context, status=413)
    return _upload(request, course)


@csrf_protect
def _upload(request: AuthenticatedHttpRequest, course) -> HttpResponse:
    form = AttendanceUploadForm(posted(request), posted_files(request))
    now = timezone.now()  # one "now" for the reading and the writing
    if request.method == "POST" and form.is_valid():
        reading = attendance.read_attendance_csv(form.cleaned_data["file"].read(), course, now)
        if reading.problem:
            form.add_error("file", reading.problem)
        elif reading.errors:
            context = {"course": course, "form": AttendanceUploadForm(), "reading": reading}
            return render(request, "training/attendance/upload.html", context, status=422)
        else:
            applied = attendance.attendance_apply(
                course=course, entries=reading.entries, actor=request.user, source="CSV", now=now
            )
            messages.success(request, saved_message(applied))
            return redirect("training:attendance_grid", course_id=course.pk)
    status = 422 if form.errors else 200
    return render(
        request, "training/attendance/upload.html", {"course": course, "form": form}, status=status
    )


@require_GET
@role_required(is_provider)
def attendance_template(request: AuthenticatedHttpRequest, course_id: int) -> HttpResponse:
    course = training_access.get_course_for_attendance(request.user, course_id)
    response = HttpResponse(
        "\ufeff" + attendance.attendance_csv_template(course),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="attendance-course-{course.pk}.csv"'
    return response


@require_http_methods(["GET", "POST"])
@role_required(is_provider)
def skills_assessment(request: AuthenticatedHttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = training_access.get_enrolment_for_assessment(request.user, enrolment_id)
    if enrolment.course.kind != CourseKind.LANGUAGE:
        return redirect("training:attendance_grid", course_id=enrolment.course_id)
    existing = SkillsAssessment.objects.filter(enrolment=enrolment).first()
    initial = {skill: getattr(existing, skill) for skill in SKILLS} if existing else {}
    form = SkillsAssessmentForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        attendance.skills_assessment_save(
            enrolment=enrolment, levels=form.cleaned_data, actor=request.user
        )
        messages.success(request, _("The skills assessment is saved."))
        return redirect("training:attendance_grid", course_id=enrolment.course_id)
    audit_record(
        action=Action.VIEW,
        target=existing or enrolment,
        request=request,
        subject=enrolment.candidate_id,
    )
    context = {"enrolment": enrolment, "form": form}
    return render(request, "training/attendance/skills_form.html", context)


@require_GET
@role_required(is_candidate)
def my_skills(request: AuthenticatedHttpRequest) -> HttpResponse:
    candidate = Candidate.objects.filter(user=request.user).first()
    reports = list(attendance.skills_assessments_for(candidate)) if candidate else []
    rows = [
        (report, [(SKILL_LABELS[skill], level) for skill, level in report.levels()])
        for report in reports
    ]
    return render(request, "training/attendance/my_skills.html", {"rows": rows})
