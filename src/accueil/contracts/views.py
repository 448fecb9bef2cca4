"""Contract documents and the candidate's calendar feed."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from accueil.accounts import access
from accueil.audit.models import Action
from accueil.audit.service import audit_record
from accueil.contracts import calendar
from accueil.contracts.documents import contract_pdf


@require_GET
@login_required
def document(request: HttpRequest, contract_id) -> HttpResponse:
    """The signed contract as stored, or the draft rendered now, for those who may see it."""
    contract = access.get_contract_for_user(request.user, contract_id)
    pdf = contract.document.read() if contract.document else contract_pdf(contract)
    audit_record(action=Action.EXPORT, target=contract, request=request, reason="contract PDF")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{contract.number}.pdf"'
    return response


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    candidate = calendar.candidate_for_feed(token)
    if candidate is None:
        raise Http404
    response = HttpResponse(calendar.path_calendar(candidate), content_type="text/calendar")
    response["Content-Disposition"] = 'inline; filename="integration-path.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response
