"""Contract documents and the candidate's calendar feed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accueil.accounts import access
from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.accounts.models import Role
from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.contracts import access as contracts_access
from accueil.contracts import calendar, completion, selectors
from accueil.contracts.documents import contract_pdf
from accueil.core import clock
from accueil.core.uploads import HEAD_BYTES, detected_type
from accueil.registration import access as registration_access


@require_GET
@login_required
def document(request: AuthenticatedHttpRequest, contract_id) -> HttpResponse:
    """The signed contract as stored, or the draft rendered now, for those who may see it."""
    contract = contracts_access.get_contract_for_user(request.user, contract_id)
    pdf = contract.document.read() if contract.document else contract_pdf(contract)
    audit_record(action=Action.EXPORT, target=contract, request=request, reason="contract pdf")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{contract.number}.pdf"'
    return response


@require_GET
@login_required
def signed_scan(request: AuthenticatedHttpRequest, contract_id) -> FileResponse:
    """The scan of the signed paper copy (issue 14, point 10), for the officers and the
    candidate who signed it (404 for anyone else): always downloaded, never shown in
    the page (Content-Disposition: attachment), with the type its first bytes show and
    nosniff, so that no browser takes it for a page of this site."""
    contract = contracts_access.get_contract_for_scan(request.user, contract_id)
    try:
        handle = contract.signed_scan.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    found = detected_type(handle.read(HEAD_BYTES))
    handle.seek(0)
    content_type, extension = found or ("application/octet-stream", ".bin")
    audit_record(action=Action.EXPORT, target=contract, request=request, reason="signed scan")
    response = FileResponse(
        handle,
        content_type=content_type,
        as_attachment=True,
        filename=f"{contract.number}-signed{extension}",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@login_required
def completion_certificate(request: AuthenticatedHttpRequest, contract_id) -> HttpResponse:
    """The certificate of completion of a fulfilled contract (contracts.completion), for
    its holder or an officer; 404 for a contract not fulfilled. Its code is given the
    first time it is printed."""
    contract = contracts_access.get_contract_for_completion_certificate(request.user, contract_id)
    try:
        completion.completion_code_issue(contract, actor=request.user, request=request)
    except completion.NotFulfilled as not_fulfilled:
        raise Http404 from not_fulfilled
    pdf = completion.completion_pdf(contract)
    audit_record(
        action=Action.EXPORT, target=contract, request=request, reason="certificate of completion"
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"certificate-of-completion-{contract.number}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    candidate = calendar.candidate_for_feed(token)
    if candidate is None:
        raise Http404
    if selectors.feed_ended(candidate, clock.today()):
        with translation.override(candidate.information_language):
            gone = _("This calendar has ended with your contract.")
        return HttpResponse(gone + "\n", status=410, content_type="text/plain; charset=utf-8")
    response = HttpResponse(calendar.path_calendar(candidate), content_type="text/calendar")
    response["Content-Disposition"] = 'inline; filename="integration-path.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response


@require_POST
@login_required
def calendar_reset(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The signed-in candidate gets a new calendar address; the old one stops working."""
    if not access.has_role(request.user, Role.CANDIDATE):  # staff see every candidate
        raise Http404
    candidate = registration_access.candidates_for_user(request.user).first()
    if candidate is None:
        raise Http404
    calendar.feed_reset(candidate, request=request)
    messages.success(
        request,
        _(
            "Your calendar address has changed. The old address no longer works: add the "
            "new one to your calendar app."
        ),
    )
    return redirect(f"{reverse('portal:home')}#calendar")
