"""Staff views of candidates: the list and one candidate's record."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from accueil.accounts import access
from accueil.accounts.decorators import role_required
from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.registration import access as registration_access
from accueil.registration import selectors
from accueil.registration.filters import CandidateFilterForm

PAGE_SIZE = 25


@require_GET
@role_required(access.can_list_candidates)
def candidate_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = CandidateFilterForm(request.GET or None)
    filters = form.filters() if form.is_valid() else selectors.CandidateFilters()
    candidates = selectors.candidate_filter(
        registration_access.candidates_for_user(request.user), filters
    )
    page = Paginator(selectors.with_contracts(candidates), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {"page": page, "form": form, "query": request.GET.urlencode()}
    return render(request, "registration/candidate_list.html", context)


@require_GET
@login_required
def candidate_detail(request: AuthenticatedHttpRequest, candidate_id) -> HttpResponse:
    candidate = registration_access.get_candidate_for_user(request.user, candidate_id)
    audit_record(action=Action.VIEW, target=candidate, request=request)
    context = {
        "candidate": candidate,
        "can_manage_sessions": access.can_manage_sessions(request.user),
        **selectors.candidate_summary(candidate),
    }
    return render(request, "registration/candidate_detail.html", context)
