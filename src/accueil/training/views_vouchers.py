"""Pages of vouchers and enrolment: the candidate's vouchers and courses, enrolling in
a course (the candidate, or the provider's staff for a named person), and the
officer's vouchers of a candidate (issue, revoke). Every write goes through
`training.services`, which audits; provider staff reach only their own courses."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accueil.accounts.access import has_role
from accueil.accounts.decorators import role_required
from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.accounts.models import Role, User
from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.core import clock
from accueil.core.http import posted
from accueil.registration import access as registration_access
from accueil.registration.models import Candidate
from accueil.rules.parameters import parameter
from accueil.training import access as training_access
from accueil.training import services
from accueil.training.enrolment import (
    VOUCHER_KINDS,
    EnrolmentError,
    enrolments_of,
)
from accueil.training.forms_vouchers import (
    NORMAL_FEE,
    EnrolPersonForm,
    FeeChoiceForm,
    RevokeForm,
    normal_fee_choice,
    voucher_choice,
)
from accueil.training.models import Course, CourseStatus
from accueil.training.vouchers import (
    VoucherError,
    contract_in_force,
    issuable,
    state,
    usable_vouchers,
    vouchers_of,
    vouchers_per_contract,
)


def is_candidate(user: User) -> bool:
    return has_role(user, Role.CANDIDATE)


def is_provider(user: User) -> bool:
    return has_role(user, Role.PROVIDER)


def is_officer(user: User) -> bool:
    return has_role(user, Role.OFFICER)


def own_candidate(user: User) -> Candidate:
    candidate = registration_access.candidates_for_user(user).first()
    if candidate is None:
        raise Http404
    return candidate


def voucher_rows(candidate: Candidate) -> list[dict]:
    today = clock.today()
    return [{"voucher": v, "state": state(v, today)} for v in vouchers_of(candidate)]


@require_http_methods(["GET"])
@role_required(is_candidate)
def my_courses(request: AuthenticatedHttpRequest) -> HttpResponse:
    candidate = own_candidate(request.user)
    contract = contract_in_force(candidate)
    context = {
        "candidate": candidate,
        "contract": contract,
        "vouchers": voucher_rows(candidate),
        "can_get_voucher": issuable(contract),
        "voucher_count": vouchers_per_contract(clock.today()),
        "validity_months": parameter("cai.language_voucher_validity_months", clock.today()),
        "enrolments": enrolments_of(candidate),
    }
    return render(request, "training/vouchers/my_courses.html", context)


@require_POST
@role_required(is_candidate)
def voucher_get(request: AuthenticatedHttpRequest) -> HttpResponse:
    candidate = own_candidate(request.user)
    contract = contract_in_force(candidate)
    if contract is None:
        raise Http404
    try:
        voucher = services.voucher_issue(contract=contract, actor=request.user)
    except VoucherError as refusal:
        messages.error(request, str(refusal.message))
    else:
        messages.success(
            request, _("Your voucher %(code)s is ready.") % {"code": voucher.code_display}
        )
    return redirect("training:my_courses")


def published_course(course_id: int) -> Course:
    course = Course.objects.select_related("provider").filter(pk=course_id).first()
    if course is None or course.status != CourseStatus.PUBLISHED:
        raise Http404
    return course


def fee_options(course: Course, candidate: Candidate) -> list[tuple[str, str]]:
    options = [
        (v.code, voucher_choice(v.number, v.code_display, course.reduced_fee))
        for v in usable_vouchers(candidate)
    ]
    options.append((NORMAL_FEE, normal_fee_choice(course.fee)))
    return options


@require_http_methods(["GET", "POST"])
@login_required
def enrol(request: AuthenticatedHttpRequest, course_id: int) -> HttpResponse:
    """The candidate enrols themselves; provider staff are sent to their own form."""
    if is_provider(request.user):
        return redirect("training:enrol_person", course_id=course_id)
    if not is_candidate(request.user):
        raise Http404
    candidate = own_candidate(request.user)
    course = published_course(course_id)
    with_fee = course.kind in VOUCHER_KINDS
    form = FeeChoiceForm(
        posted(request), options=fee_options(course, candidate) if with_fee else ()
    )
    refusal = ""
    if request.method == "POST" and (not with_fee or form.is_valid()):
        code = form.cleaned_data.get("fee", "") if with_fee else ""
        try:
            enrolment, created = services.enrol(
                course_id=course.pk,
                candidate=candidate,
                actor=request.user,
                voucher_code="" if code == NORMAL_FEE else code,
            )
        except (EnrolmentError, VoucherError) as error:
            refusal = str(error.message)
            if with_fee:
                form.add_error("fee", refusal)
        else:
            messages.success(request, enrolled_message(enrolment.status, created))
            return redirect("training:my_courses")
    context = {
        "course": course,
        "form": form,
        "with_fee": with_fee,
        "refusal": refusal,
        "has_contract": contract_in_force(candidate) is not None,
    }
    return render(request, "training/vouchers/enrol.html", context)


def enrolled_message(status: str, created: bool) -> str:
    if not created:
        return _("You were already on this course's list: nothing has changed.")
    if status == "waitlisted":
        return _(
            "The course is full: you are on its waiting list, and get a place as soon as "
            "one frees up, in turn. This page shows it."
        )
    return _("You are enrolled in the course.")


@require_http_methods(["GET", "POST"])
@role_required(is_provider)
def enrol_person(request: AuthenticatedHttpRequest, course_id: int) -> HttpResponse:
    course = training_access.get_course_for_provider(request.user, course_id)
    form = EnrolPersonForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            candidate = services.person_for_enrolment(
                national_id=data["national_id"], surname=data["surname"]
            )
            enrolment, created = services.enrol(
                course_id=course.pk,
                candidate=candidate,
                actor=request.user,
                voucher_code=data["voucher_code"],
            )
        except VoucherError as refusal:
            form.add_error("voucher_code", str(refusal.message))
        except EnrolmentError as refusal:
            field = "national_id" if refusal.code == "person_unknown" else None
            form.add_error(field, str(refusal.message))
        else:
            if not created:
                text = _("This person was already on the course's list: nothing has changed.")
            elif enrolment.status == "waitlisted":
                text = _("The course is full: the person is on its waiting list.")
            else:
                text = _("The person is enrolled.")
            messages.success(request, text)
            return redirect("training:enrol_person", course_id=course.pk)
    return render(request, "training/vouchers/enrol_person.html", {"course": course, "form": form})


@require_POST
@login_required
def enrolment_cancel(request: AuthenticatedHttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = training_access.get_enrolment_for_user(request.user, enrolment_id)
    services.enrolment_cancel(enrolment=enrolment, actor=request.user)
    messages.success(request, _("The enrolment is cancelled."))
    if is_provider(request.user):
        return redirect("training:enrol_person", course_id=enrolment.course_id)
    return redirect("training:my_courses")


@require_http_methods(["GET", "POST"])
@role_required(is_officer)
def candidate_vouchers(request: AuthenticatedHttpRequest, candidate_id) -> HttpResponse:
    candidate = registration_access.get_candidate_for_user(request.user, candidate_id)
    contract = contract_in_force(candidate)
    if request.method == "POST":
        if contract is None:
            raise Http404
        try:
            services.voucher_issue(contract=contract, actor=request.user)
        except VoucherError as refusal:
            messages.error(request, str(refusal.message))
        else:
            messages.success(request, _("The voucher is issued."))
        return redirect("training:candidate_vouchers", candidate_id=candidate.pk)
    audit_record(action=Action.VIEW, target=candidate, request=request, reason="vouchers page")
    context = {
        "candidate": candidate,
        "contract": contract,
        "vouchers": voucher_rows(candidate),
        "can_issue": issuable(contract),
        "enrolments": enrolments_of(candidate),
    }
    return render(request, "training/vouchers/candidate_vouchers.html", context)


@require_http_methods(["GET", "POST"])
@role_required(is_officer)
def voucher_revoke(request: AuthenticatedHttpRequest, voucher_id: int) -> HttpResponse:
    voucher = training_access.get_voucher_for_officer(request.user, voucher_id)
    form = RevokeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.voucher_revoke(
            voucher=voucher, actor=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("The voucher is revoked."))
        return redirect("training:candidate_vouchers", candidate_id=voucher.candidate_id)
    return render(request, "training/vouchers/revoke.html", {"voucher": voucher, "form": form})
