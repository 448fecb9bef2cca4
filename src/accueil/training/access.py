"""Who may see and change what in the course catalogue.

Provider staff (Role.PROVIDER with an organisation) see and change only their own
organisation's courses and sessions: any other one is "not found" (404), never
"forbidden", so ids of other providers reveal nothing. Officers and the administrator
approve providers.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404

from accueil.accounts.access import has_role
from accueil.accounts.models import Organisation, Role, User
from accueil.training.models import Course, CourseSession


def can_edit_courses(user) -> bool:
    return has_role(user, Role.PROVIDER) and bool(user.organisation_id)


def can_approve_providers(user) -> bool:
    return has_role(user, Role.OFFICER, Role.ADMIN)


def provider_of(user: User) -> Organisation:
    """The organisation whose courses the user edits; 403 for anyone else."""
    if not can_edit_courses(user):
        raise PermissionDenied
    return user.organisation  # type: ignore[return-value]


def courses_for_provider(user: User) -> QuerySet[Course]:
    return Course.objects.filter(provider=provider_of(user))


def get_course_for_provider(user: User, course_id) -> Course:
    try:
        return courses_for_provider(user).select_related("provider").get(pk=course_id)
    except (Course.DoesNotExist, ValueError, ValidationError) as missing:
        raise Http404 from missing


def get_session_for_provider(user: User, course: Course, session_id) -> CourseSession:
    try:
        return CourseSession.objects.get(
            pk=session_id, course=course, course__provider=provider_of(user)
        )
    except (CourseSession.DoesNotExist, ValueError, ValidationError) as missing:
        raise Http404 from missing


def organisations_to_approve(user: User) -> QuerySet[Organisation]:
    if not can_approve_providers(user):
        raise PermissionDenied
    return Organisation.objects.select_related("provider_approval").order_by("name")


def get_organisation_to_approve(user: User, organisation_id) -> Organisation:
    try:
        return organisations_to_approve(user).get(pk=organisation_id)
    except (Organisation.DoesNotExist, ValueError, ValidationError) as missing:
        raise Http404 from missing
