"""Certificates: the certifiers' list of participants, issuing and revoking a
certificate, its PDF; and the public verification page reached from its QR code.

The verification page shows only what is needed to trust the paper (kind, holder's
initials, date, issuer, valid or revoked). It answers for a contract's certificate of
completion too (contracts.completion): the holder's initials, the day the contract was
fulfilled and its number. An unknown code and a malformed one get the
same answer; every lookup counts towards the client address's limit (core.ratelimit,
scope "verify"), so codes (80 random bits) cannot be tried in bulk. Nothing about the
holder is written to the logs or the audit trail by a lookup.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accueil.accounts.decorators import role_required
from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.audit.models import Action
from accueil.audit.services import audit_record, audit_shown
from accueil.contracts import selectors as contract_selectors
from accueil.contracts.services import CertificateAlreadyRecorded
from accueil.core import clock
from accueil.core.http import posted
from accueil.core.ratelimit import is_limited, too_many
from accueil.training import access as training_access
from accueil.training.certificates import (
    CertificateAlreadyIssued,
    NothingAttended,
    attendance_summary,
    certificate_issue,
    certificate_pdf,
    certificate_revoke,
    holder_initials,
    normalise_code,
)
from accueil.training.forms_certificates import (
    CertificateIssueForm,
    CertificateRevokeForm,
    VerifyForm,
)
from accueil.training.models import AttendanceStatus, CourseKind, TrainingCertificate

VERIFY_SCOPE = "verify"


@require_GET
@role_required(training_access.can_certify)
def certificate_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The participants this user may certify, each with their certificate if issued and
    the sessions they attended (as recorded: what a certificate would state)."""
    current = TrainingCertificate.objects.filter(
        enrolment=OuterRef("pk"), revoked_at__isnull=True
    ).values("code")[:1]
    attended = Q(
        attendances__status=AttendanceStatus.PRESENT,
        attendances__session__starts_at__lte=timezone.now(),
    )
    enrolments = (
        training_access.certifiable_enrolments_for_user(request.user)
        .select_related("course__provider", "candidate")
        .annotate(
            certificate_code=Subquery(current), attended=Count("attendances", filter=attended)
        )
        .order_by("course__title", "candidate__surname", "candidate__first_name", "pk")
    )
    listed = list(enrolments)
    audit_shown(request=request, targets=listed)  # each person listed (issue 14, point 4)
    return render(request, "training/certificates/list.html", {"enrolments": listed})


@require_http_methods(["GET", "POST"])
@login_required
def certificate_issue_page(request: AuthenticatedHttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = training_access.get_enrolment_for_certificate(request.user, enrolment_id)
    if request.method == "GET":  # the person's attendance: a read, in the trail
        audit_record(action=Action.VIEW, target=enrolment, request=request)
    existing = enrolment.certificates.filter(revoked_at__isnull=True).first()
    if existing is not None:
        messages.info(request, _("A certificate is already issued for this participant."))
        return redirect("training:certificate", existing.code)
    course = enrolment.course
    now = timezone.now()  # one "now": the figures shown are the figures issued
    summary = attendance_summary(enrolment, now)
    form = CertificateIssueForm(posted(request), initial={"issued_on": clock.today()})
    status = 200
    if request.method == "POST" and summary.present and form.is_valid():
        try:
            with transaction.atomic():
                certificate = certificate_issue(
                    enrolment=enrolment,
                    actor=request.user,
                    issued_on=form.cleaned_data["issued_on"],
                    request=request,
                    now=now,
                )
        except NothingAttended as nothing:  # changed since the page was read
            summary, status = nothing.summary, 409
        except CertificateAlreadyIssued as issued:
            messages.info(request, _("A certificate is already issued for this participant."))
            return redirect("training:certificate", issued.certificate.code)
        except (CertificateAlreadyRecorded, IntegrityError):
            form.add_error(
                None, _("This certificate is already recorded: refresh the list of participants.")
            )
        else:
            messages.success(request, _("The certificate is issued."))
            return redirect("training:certificate", certificate.code)
    if request.method == "POST" and not summary.present:
        status = 409
    context = {
        "enrolment": enrolment,
        "course": course,
        "form": form,
        "summary": summary,
        "with_hours": course.kind != CourseKind.ORIENTATION,
        "grid_url": reverse("training:attendance_grid", args=[course.pk])
        if training_access.attendance_courses_for_user(request.user).filter(pk=course.pk).exists()
        else "",
    }
    return render(request, "training/certificates/issue.html", context, status=status)


@require_GET
@login_required
def certificate_detail(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    certificate = training_access.get_certificate_for_user(request.user, code)
    audit_record(
        action=Action.VIEW,
        target=certificate,
        request=request,
        subject=certificate.enrolment.candidate_id,
    )
    context = {
        "certificate": certificate,
        "enrolment": certificate.enrolment,
        "can_revoke": certificate.valid
        and training_access.can_revoke_certificate(request.user, certificate),
    }
    return render(request, "training/certificates/detail.html", context)


@require_GET
@login_required
def certificate_download(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    certificate = training_access.get_certificate_for_user(request.user, code)
    audit_record(
        action=Action.EXPORT,
        target=certificate,
        request=request,
        subject=certificate.enrolment.candidate_id,
    )
    response = HttpResponse(certificate_pdf(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificate-{certificate.code}.pdf"'
    return response


@require_http_methods(["GET", "POST"])
@login_required
def certificate_revoke_page(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    certificate = training_access.get_certificate_for_user(request.user, code)
    if not training_access.can_revoke_certificate(request.user, certificate):
        raise Http404
    detail = reverse("training:certificate", args=[certificate.code])
    if not certificate.valid:
        messages.info(request, _("This certificate is already revoked."))
        return redirect(detail)
    form = CertificateRevokeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        certificate_revoke(
            certificate=certificate,
            actor=request.user,
            reason=form.cleaned_data["reason"],
            request=request,
        )
        messages.success(request, _("The certificate is revoked."))
        return redirect(detail)
    context = {"certificate": certificate, "form": form, "detail_url": detail}
    return render(request, "training/certificates/revoke.html", context)


# The public verification page.


def _verified(request: HttpRequest, typed: str, form: VerifyForm | None = None) -> HttpResponse:
    """The answer for a typed or scanned code; every lookup counts towards the limit."""
    if is_limited(request, VERIFY_SCOPE):
        return too_many(request, VERIFY_SCOPE)
    code = normalise_code(typed)
    certificate = (
        TrainingCertificate.objects.select_related("enrolment__candidate", "issuer")
        .filter(code=code)
        .first()
        if code
        else None
    )
    # Not a certificate of attendance: maybe a contract's certificate of completion.
    completion = (
        contract_selectors.completion_by_code(code) if code and certificate is None else None
    )
    context: dict = {
        "form": form or VerifyForm(),
        "looked_up": True,
        "certificate": certificate,
        "completion": completion,
    }
    holder = (
        certificate.enrolment.candidate
        if certificate is not None
        else completion.candidate
        if completion is not None
        else None
    )
    if holder is not None and holder.erased_at is not None:
        # The holder was erased (privacy.erasure): the certificate was issued, and the
        # page says no more than that it is no longer available (410 Gone).
        context.update(certificate=None, completion=None, erased=True)
        return render(request, "training/certificates/verify.html", context, status=410)
    if holder is not None:
        context["initials"] = holder_initials(holder)
    return render(
        request,
        "training/certificates/verify.html",
        context,
        status=200 if certificate or completion else 404,
    )


@transaction.non_atomic_requests
@require_GET
def verify(request: HttpRequest) -> HttpResponse:
    """The form to type a code (GET, so the answer's address can be shared)."""
    if "code" not in request.GET:
        return render(request, "training/certificates/verify.html", {"form": VerifyForm()})
    form = VerifyForm(request.GET)
    if not form.is_valid():
        return render(request, "training/certificates/verify.html", {"form": form})
    return _verified(request, form.cleaned_data["code"], form)


@transaction.non_atomic_requests
@require_GET
def verify_code(request: HttpRequest, code: str) -> HttpResponse:
    """The page the QR code leads to."""
    return _verified(request, code)
