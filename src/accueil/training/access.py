"""The course calendar's events and organisers an officer may edit."""

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404

from accueil.accounts.access import can_manage_course_calendar, has_role, require_role
from accueil.accounts.models import Organisation, OrganisationKind, Role, User
from accueil.training.models import (
    Course,
    CourseEvent,
    CourseKind,
    Enrolment,
    EnrolmentStatus,
    TrainingCertificate,
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


# Certificates (issue 12, point 8). Who certifies what (seed): the training organisation
# its language courses and literacy classes; the Department of Adult Education the
# citizenship course; the Ministry's Integration Department (its staff, or the
# integration officers) orientation days. Anyone else gets a 404.


def _certifier_courses(user: User) -> Q | None:
    """The courses whose participants this user may certify, as a filter on Course."""
    if has_role(user, Role.OFFICER):
        return Q(kind=CourseKind.ORIENTATION)
    if not has_role(user, Role.PROVIDER) or user.organisation is None:
        return None
    organisation = user.organisation
    kinds = [CourseKind.LANGUAGE, CourseKind.LITERACY]
    if organisation.kind == OrganisationKind.ADULT_EDUCATION:
        kinds.append(CourseKind.CITIZENSHIP)
    if organisation.kind == OrganisationKind.INTEGRATION_DEPARTMENT:
        kinds.append(CourseKind.ORIENTATION)
    return Q(provider=organisation, kind__in=kinds)


def certifiable_enrolments_for_user(user: User) -> QuerySet[Enrolment]:
    """The enrolments this user may issue a certificate for (enrolled, not waiting)."""
    courses = _certifier_courses(user)
    if courses is None:
        return Enrolment.objects.none()
    return Enrolment.objects.filter(status=EnrolmentStatus.ENROLLED).filter(
        **{"course__in": _course_ids(courses)}
    )


def _course_ids(courses: Q) -> QuerySet[Course]:
    return Course.objects.filter(courses)


def get_enrolment_for_certificate(user: User, enrolment_id) -> Enrolment:
    try:
        return (
            certifiable_enrolments_for_user(user)
            .select_related("course__provider", "candidate")
            .get(pk=enrolment_id)
        )
    except (Enrolment.DoesNotExist, ValueError, ValidationError) as missing:
        raise Http404 from missing


def certificates_for_user(user: User) -> QuerySet[TrainingCertificate]:
    """The certificates a user may read and download: the holder's own, their issuer's
    (the staff who may certify that course), and every one for officers."""
    if has_role(user, Role.OFFICER):
        return TrainingCertificate.objects.all()
    if has_role(user, Role.CANDIDATE):
        return TrainingCertificate.objects.filter(enrolment__candidate__user=user)
    return TrainingCertificate.objects.filter(
        enrolment__in=Enrolment.objects.filter(
            course__in=_course_ids(_certifier_courses(user) or Q(pk__in=[]))
        )
    )


def get_certificate_for_user(user: User, code: str) -> TrainingCertificate:
    try:
        return (
            certificates_for_user(user)
            .select_related("enrolment__course__provider", "enrolment__candidate", "issuer")
            .get(code=code)
        )
    except TrainingCertificate.DoesNotExist as missing:
        raise Http404 from missing


def can_revoke_certificate(user: User, certificate: TrainingCertificate) -> bool:
    """The issuer's staff, or an integration officer."""
    if has_role(user, Role.OFFICER):
        return True
    courses = _certifier_courses(user)
    return (
        courses is not None
        and Enrolment.objects.filter(
            pk=certificate.enrolment_id, course__in=_course_ids(courses)
        ).exists()
    )
