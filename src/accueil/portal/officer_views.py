"""The officers' pages that compose several capabilities: the list of candidates (with
their contracts, filtered by booking and contract), one candidate's record, and finding
a candidate to book (by name, identification number or contract number), a candidate's
task list at the information session (intake, social and contracts), and the
formalities document (contracts and training; the candidate's own too)."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accueil.accounts import access
from accueil.accounts.decorators import role_required
from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.audit.models import Action
from accueil.audit.services import audit_record, audit_shown
from accueil.booking import selectors as booking_selectors
from accueil.contracts import selectors as contract_selectors
from accueil.contracts.models import ContractStatus
from accueil.core import clock
from accueil.portal import selectors
from accueil.portal.documents import FORMALITIES_EXPORT, formalities_pdf
from accueil.portal.forms import CandidateFilterForm, CandidateFindForm
from accueil.portal.models import TaskStatus
from accueil.registration import access as registration_access
from accueil.registration import selectors as registration_selectors
from accueil.registration.models import Candidate

PAGE_SIZE = 25
CANDIDATES_SHOWN = 25


@require_GET
@role_required(access.can_list_candidates)
def candidate_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = CandidateFilterForm(request.GET or None)
    filters = form.filters() if form.is_valid() else selectors.CandidateFilters()
    candidates = selectors.candidate_filter(
        registration_access.candidates_for_user(request.user), filters
    )
    page = Paginator(contract_selectors.with_contracts(candidates), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    # Each candidate shown is in the trail, the filters are not (issue 14, point 4).
    audit_shown(request=request, targets=page.object_list, action=Action.LIST)
    context = {"page": page, "form": form, "query": request.GET.urlencode()}
    return render(request, "portal/candidate_list.html", context)


@require_GET
@login_required
def candidate_detail(request: AuthenticatedHttpRequest, candidate_id) -> HttpResponse:
    candidate = registration_access.get_candidate_for_user(request.user, candidate_id)
    audit_record(action=Action.VIEW, target=candidate, request=request)
    context = {
        "candidate": candidate,
        "can_manage_sessions": access.can_manage_sessions(request.user),
        "corrections": registration_selectors.corrections(candidate),
        **selectors.candidate_summary(candidate),
    }
    return render(request, "portal/candidate_detail.html", context)


@require_GET
@role_required(access.can_manage_sessions)
def candidate_find(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = CandidateFindForm(request.GET, auto_id="%s")
    query = form.query()
    candidates = selectors.candidate_search(
        registration_access.candidates_for_user(request.user), query
    )
    found = (
        list(booking_selectors.with_active_booking(candidates)[:CANDIDATES_SHOWN]) if query else []
    )
    # Each candidate found is in the trail, never what was typed (a national id, say).
    audit_shown(request=request, targets=found, action=Action.SEARCH)
    for_session = request.GET.get("session", "")
    context = {
        "form": form,
        "query": query,
        "candidates": found,
        "shown": CANDIDATES_SHOWN,
        # ASCII digits only: isdigit() takes "١٢" too, which no URL of a session matches.
        "for_session": for_session if for_session.isascii() and for_session.isdigit() else "",
    }
    return render(request, "portal/candidate_find.html", context)


# The task list of one candidate at the information session.


@dataclass
class Task:
    key: str
    name: str
    url: str | None
    status: TaskStatus
    status_label: str
    hint: str = ""


# The page of each task: intake's, portal's (the formalities document), contracts'.
TASK_PAGES = {
    "document": "intake:document",
    "profile": "intake:profile",
    "orientation": "intake:orientation",
    "interview": "intake:interview",
    "formalities": "portal:formalities",
    "contract": "contracts:task",
}


def document_status(record: dict) -> TaskStatus:
    if record["document"] is None:
        return TaskStatus.NOT_STARTED
    return TaskStatus.COMPLETED if record["valid_document"] else TaskStatus.INVALID


def contract_status(record: dict) -> TaskStatus:
    contract = record["contract"]
    if contract is None or contract.status == ContractStatus.WITHDRAWN:
        return TaskStatus.NOT_STARTED if record["profile"] else TaskStatus.CANNOT_START
    if contract.status == ContractStatus.DRAFT:
        return TaskStatus.IN_PROGRESS
    return TaskStatus.COMPLETED


def candidate_tasks(candidate: Candidate, record: dict) -> list[Task]:
    def task(key, name, status: TaskStatus, hint="") -> Task:
        link = (
            reverse(TASK_PAGES[key], args=[candidate.pk])
            if status != TaskStatus.CANNOT_START
            else None
        )
        return Task(key, name, link, status, str(status.label), hint)

    def done_or(value, otherwise: TaskStatus) -> TaskStatus:
        return TaskStatus.COMPLETED if value else otherwise

    profile = record["profile"]
    needs_profile = "" if profile else _("Record the linguistic profile first")
    return [
        task("document", _("Check the residence document"), document_status(record)),
        task("profile", _("Linguistic profile"), done_or(profile, TaskStatus.NOT_STARTED)),
        task(
            "orientation",
            _("Orientation and guidance"),
            done_or(
                record["orientation"],
                TaskStatus.NOT_STARTED if profile else TaskStatus.CANNOT_START,
            ),
            needs_profile,
        ),
        task(
            "interview",
            _("Interview with a social worker"),
            done_or(record["interview"], TaskStatus.NOT_STARTED),
            _("Optional: only if the candidate needs one"),
        ),
        task(
            "formalities",
            _("Formalities document (PDF)"),
            done_or(record["formalities_given"], TaskStatus.NOT_STARTED),
            _(
                "Print it or send it to the candidate: "
                "it lists the dates and places of what comes next"
            ),
        ),
        task("contract", _("The contract"), contract_status(record), needs_profile),
    ]


@require_GET
@role_required(access.can_run_sessions)
def tasks(request: AuthenticatedHttpRequest, candidate_id) -> HttpResponse:
    candidate = registration_access.get_candidate_for_user(request.user, candidate_id)
    audit_record(action=Action.VIEW, target=candidate, request=request)
    record = selectors.session_record(candidate, clock.today())
    all_tasks = candidate_tasks(candidate, record)
    context = {
        "candidate": candidate,
        "session": selectors.attended_session(candidate),
        "tasks": all_tasks,
        "completed": sum(t.status == TaskStatus.COMPLETED for t in all_tasks),
        **record,
    }
    return render(request, "portal/tasks.html", context)


@require_GET
@login_required
def formalities(request: AuthenticatedHttpRequest, candidate_id) -> HttpResponse:
    """The formalities document, in the candidate's language: for officers, and for the
    candidate from their own pages."""
    candidate = registration_access.get_candidate_for_formalities(request.user, candidate_id)
    pdf = formalities_pdf(candidate)
    audit_record(action=Action.EXPORT, target=candidate, request=request, reason=FORMALITIES_EXPORT)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="next-steps.pdf"'
    return response
