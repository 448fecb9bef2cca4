"""Who may see and change what in the course catalogue.

Provider staff (Role.PROVIDER with an organisation) see and change only their own
organisation's courses and sessions: any other one is "not found" (404), never
"forbidden", so ids of other providers reveal nothing. Officers and the administrator
approve providers.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404

from accueil.accounts.access import has_role, require_role
from accueil.accounts.models import Organisation, OrganisationKind, Role, User
from accueil.training.models import (
    Course,
    CourseKind,
    CourseSession,
    Enrolment,
    EnrolmentStatus,
    TrainingCertificate,
    Voucher,
)


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


def can_certify(user: User) -> bool:
    """Whether the user certifies any kind of course (the list of participants to
    certify is theirs alone): integration officers and provider staff."""
    return _certifier_courses(user) is not None


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


# Vouchers and enrolment (issue 12, points 4 and 5). Provider staff reach only their own
# organisation's courses and the enrolments in them; a candidate only their own; any
# other object is a 404, whether it exists or not.


def provider_courses_for_user(user: User) -> QuerySet[Course]:
    """The courses whose participants this user may enrol and see: their organisation's."""
    if has_role(user, Role.PROVIDER) and user.organisation_id:
        return Course.objects.filter(provider_id=user.organisation_id)
    return Course.objects.none()


def get_course_for_provider(user: User, course_id) -> Course:
    """A course of the user's organisation; 404 for any other, and for anyone not its staff."""
    try:
        return provider_courses_for_user(user).select_related("provider").get(pk=course_id)
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
