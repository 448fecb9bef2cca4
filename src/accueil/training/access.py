"""The course calendar's events and organisers an officer may edit."""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404

from accueil.accounts.access import can_manage_course_calendar, has_role, require_role
from accueil.accounts.models import Organisation, Role, User
from accueil.training.models import Course, CourseEvent, Enrolment, Voucher


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


# Vouchers and enrolment (issue 12, points 4 and 5). Provider staff reach only their own
# organisation's courses and the enrolments in them; a candidate only their own; any
# other object is a 404, whether it exists or not.


def provider_courses_for_user(user: User) -> QuerySet[Course]:
    """The courses whose participants this user may enrol and see: their organisation's."""
    if has_role(user, Role.PROVIDER) and user.organisation_id:
        return Course.objects.filter(provider_id=user.organisation_id)
    return Course.objects.none()


def get_course_for_provider(user: User, course_id) -> Course:
    try:
        return provider_courses_for_user(user).get(pk=course_id)
    except (Course.DoesNotExist, ValueError, ValidationError) as missing:
        raise Http404 from missing


def get_enrolment_for_user(user: User, enrolment_id) -> Enrolment:
    """The candidate's own enrolment, or one in the provider's own courses."""
    if has_role(user, Role.PROVIDER):
        enrolments = Enrolment.objects.filter(course__in=provider_courses_for_user(user))
    elif has_role(user, Role.CANDIDATE) and hasattr(user, "candidate"):
        enrolments = Enrolment.objects.filter(candidate=user.candidate)
    else:
        enrolments = Enrolment.objects.none()
    try:
        return enrolments.select_related("course").get(pk=enrolment_id)
    except (Enrolment.DoesNotExist, ValueError, ValidationError) as missing:
        raise Http404 from missing


def get_voucher_for_officer(user: User, voucher_id) -> Voucher:
    if not has_role(user, Role.OFFICER):
        raise Http404
    try:
        return Voucher.objects.select_related("candidate").get(pk=voucher_id)
    except (Voucher.DoesNotExist, ValueError, ValidationError) as missing:
        raise Http404 from missing
