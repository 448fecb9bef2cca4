"""The officers' pages that compose several capabilities: the list of candidates (with
their contracts, filtered by booking and contract), one candidate's record, and finding
a candidate to book (by name, identification number or contract number)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from accueil.accounts import access
from accueil.accounts.decorators import role_required
from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.audit.models import Action
from accueil.audit.service import audit_record
from accueil.booking import selectors as booking_selectors
from accueil.contracts import selectors as contract_selectors
from accueil.portal import selectors
from accueil.portal.forms import CandidateFilterForm

PAGE_SIZE = 25
CANDIDATES_SHOWN = 25


@require_GET
@role_required(access.can_list_candidates)
def candidate_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = CandidateFilterForm(request.GET or None)
    filters = form.filters() if form.is_valid() else selectors.CandidateFilters()
    candidates = selectors.candidate_filter(access.candidates_for_user(request.user), filters)
    page = Paginator(contract_selectors.with_contracts(candidates), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {"page": page, "form": form, "query": request.GET.urlencode()}
    return render(request, "portal/candidate_list.html", context)


@require_GET
@login_required
def candidate_detail(request: AuthenticatedHttpRequest, candidate_id) -> HttpResponse:
    candidate = access.get_candidate_for_user(request.user, candidate_id)
    audit_record(action=Action.VIEW, target=candidate, request=request)
    context = {
        "candidate": candidate,
        "can_manage_sessions": access.can_manage_sessions(request.user),
        **selectors.candidate_summary(candidate),
    }
    return render(request, "portal/candidate_detail.html", context)


@require_GET
@role_required(access.can_manage_sessions)
def candidate_find(request: AuthenticatedHttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:100].strip()
    candidates = selectors.candidate_search(access.candidates_for_user(request.user), query)
    found = booking_selectors.with_active_booking(candidates)[:CANDIDATES_SHOWN] if query else []
    for_session = request.GET.get("session", "")
    context = {
        "query": query,
        "candidates": found,
        "shown": CANDIDATES_SHOWN,
        # ASCII digits only: isdigit() takes "١٢" too, which no URL of a session matches.
        "for_session": for_session if for_session.isascii() and for_session.isdigit() else "",
    }
    return render(request, "portal/candidate_find.html", context)
