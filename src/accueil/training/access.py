"""The course calendar's events and organisers an officer may edit."""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404

from accueil.accounts.access import can_manage_course_calendar, has_role, require_role
from accueil.accounts.models import Organisation, Role, User
from accueil.training.models import (
    Course,
    CourseEvent,
    CourseSession,
    Enrolment,
    EnrolmentStatus,
)


def course_organisers_for_user(user: User) -> QuerySet[Organisation]:
    """The organisations an officer may name as an event's organiser: all of them."""
    if can_manage_course_calendar(user):
        return Organisation.objects.all()
    return Organisation.objects.none()


def get_course_event_for_editing(user: User, event_id) -> CourseEvent:
    require_role(user, Role.OFFICER)
    try:
        return CourseEvent.objects.get(pk=event_id)
    except (CourseEvent.DoesNotExist, ValueError, ValidationError) as missing:
        raise Http404 from missing


# Attendance and skills assessment (issue 12, points 6-7): provider staff reach only their
# own organisation's courses; anything else is a 404, as if it did not exist.


def attendance_courses_for_user(user: User) -> QuerySet[Course]:
    """The courses whose attendance this user records: their organisation's."""
    if has_role(user, Role.PROVIDER) and user.organisation_id:
        return Course.objects.filter(provider_id=user.organisation_id)
    return Course.objects.none()


def get_course_for_attendance(user: User, course_id) -> Course:
    require_role(user, Role.PROVIDER)
    try:
        return attendance_courses_for_user(user).select_related("provider").get(pk=course_id)
    except (Course.DoesNotExist, ValueError, ValidationError) as missing:
        raise Http404 from missing


def get_session_for_attendance(user: User, session_id) -> CourseSession:
    require_role(user, Role.PROVIDER)
    try:
        return CourseSession.objects.select_related("course").get(
            pk=session_id, course__in=attendance_courses_for_user(user)
        )
    except (CourseSession.DoesNotExist, ValueError, ValidationError) as missing:
        raise Http404 from missing


def get_enrolment_for_assessment(user: User, enrolment_id) -> Enrolment:
    require_role(user, Role.PROVIDER)
    try:
        return Enrolment.objects.select_related("course", "candidate").get(
            pk=enrolment_id,
            status=EnrolmentStatus.ENROLLED,
            course__in=attendance_courses_for_user(user),
        )
    except (Enrolment.DoesNotExist, ValueError, ValidationError) as missing:
        raise Http404 from missing
