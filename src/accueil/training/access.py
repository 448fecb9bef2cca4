"""The course calendar's events and organisers an officer may edit."""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404

from accueil.accounts.access import can_manage_course_calendar, require_role
from accueil.accounts.models import Organisation, Role, User
from accueil.training.models import CourseEvent


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
