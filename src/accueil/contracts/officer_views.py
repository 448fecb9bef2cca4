"""The contract at the information session and after: drafting and signing it (the last
task of the officer's task list), its page with the status history, and withdrawing it.

Seed: "The contract can be signed after the information session"; "It is optional"
(so its holder, or an officer for them, may withdraw it). Writes go through
`contracts.services`; the status history is read from the audit trail.
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accueil.accounts import access
from accueil.accounts.decorators import role_required
from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.accounts.models import Role
from accueil.audit.models import Action
from accueil.audit.services import audit_events_for, audit_record
from accueil.contracts import access as contracts_access
from accueil.contracts import forms, services
from accueil.contracts.models import CertificateOrigin, Contract, ContractStatus
from accueil.contracts.selectors import live_contract
from accueil.core import clock
from accueil.core.http import posted, posted_files
from accueil.core.uploads import limit_uploads, too_large
from accueil.intake.selectors import valid_document
from accueil.registration import access as registration_access

WITHDRAWABLE = (ContractStatus.DRAFT, ContractStatus.IN_FORCE)
REVIEWED = (
    ContractStatus.UNDER_REVIEW,
    ContractStatus.FULFILLED,
    ContractStatus.NOT_FULFILLED,
    ContractStatus.SUPERSEDED,
)


def page_url(name: str, contract_id) -> str:
    return reverse(f"officer_contracts:{name}", args=[contract_id])


# Drafting and signing: the task list's last task.


@require_http_methods(["GET", "POST"])
@role_required(access.can_manage_contracts)
@limit_uploads(forms.MAX_SCAN_BYTES)
def contract_task(request: AuthenticatedHttpRequest, candidate_id) -> HttpResponse:
    candidate = registration_access.get_candidate_for_user(request.user, candidate_id)
    contract = live_contract(candidate)
    audit_record(action=Action.VIEW, target=contract or candidate, request=request)
    today = clock.today()
    context: dict = {
        "candidate": candidate,
        "contract": contract,
        "profile": getattr(candidate, "linguistic_profile", None),
        "has_valid_document": valid_document(candidate, today) is not None,
    }
    if contract is None or contract.status != ContractStatus.DRAFT:
        if contract:
            context["contract_page"] = page_url("detail", contract.pk)
        return render(request, "contracts/officer/task.html", context)
    form = forms.ContractSignForm(
        posted(request),
        posted_files(request),
        drafted_on=timezone.localdate(contract.created_at),
        today=today,
        scan_too_large="scan" in too_large(request),
    )
    if request.method == "POST" and form.is_valid():
        try:
            signed = sign(request, contract, form.cleaned_data)
        except services.NoValidDocument:
            context["no_valid_document"] = True
            form.add_error(None, _("No residence document valid today is recorded"))
        except services.TransitionNotAllowed:
            messages.info(request, _("This contract is not a draft any more."))
            return redirect("contracts:task", candidate.pk)
        else:
            messages.success(
                request,
                _("Contract %(number)s is signed and in force from %(day)s.")
                % {
                    "number": signed.number,
                    "day": date_format(cast(date, signed.entry_into_force), "DATE_FORMAT"),
                },
            )
            return redirect("contracts:task", candidate.pk)
    context.update(form=form, contract_page=page_url("detail", contract.pk))
    return render(request, "contracts/officer/task.html", context)


def sign(request: AuthenticatedHttpRequest, contract: Contract, data: dict) -> Contract:
    # The service names the scan's file (services.scan_name): never the client's name.
    return services.contract_sign(
        contract=contract,
        actor=request.user,
        method=data["method"],
        entry_into_force=data["entry_into_force"],
        scan=data["scan"],
        request=request,
    )


@require_POST
@role_required(access.can_manage_contracts)
def contract_draft(request: AuthenticatedHttpRequest, candidate_id) -> HttpResponse:
    candidate = registration_access.get_candidate_for_user(request.user, candidate_id)
    profile = getattr(candidate, "linguistic_profile", None)
    if profile is None:
        messages.info(request, _("Record the linguistic profile first."))
        return redirect("intake:profile", candidate.pk)
    if live_contract(candidate) is None:
        try:
            services.contract_draft(
                candidate=candidate,
                actor=request.user,
                language_levels=profile.levels(),
                needs_literacy=profile.literacy_needed,
                request=request,
            )
        except IntegrityError:
            pass  # drafted a moment ago, by a second click: the page shows it
        else:
            messages.success(request, _("The contract is drafted. Now sign it with the candidate."))
    return redirect("contracts:task", candidate.pk)


# The contract's page, its history, and withdrawal.


@dataclass
class HistoryEntry:
    at: datetime
    who: str
    role: str
    change: str
    why: str


def status_label(code: str) -> str:
    return str(dict(ContractStatus.choices).get(code, code))


def contract_history(contract: Contract, *, with_reasons: bool = True) -> list[HistoryEntry]:
    """Drafting and every change of status, oldest first, with who and why. The audit
    trail keeps a change as "<from> -> <to>: <code>"; the reason for a withdrawal is the
    contract's own (`withdrawal_reason`)."""
    events = (
        audit_events_for(contract)
        .filter(action__in=[Action.CREATE, Action.TRANSITION])
        .select_related("actor")
        .order_by("at", "id")
    )
    roles = dict(Role.choices)
    history = []
    for event in events:
        who = str(event.actor) if event.actor else _("Unknown")
        role = str(roles.get(event.actor_role, ""))
        if event.action == Action.CREATE:
            history.append(HistoryEntry(event.at, who, role, _("Drafted"), ""))
            continue
        change, _sep, why = event.reason.partition(": ")
        source, _arrow, target = change.partition(" -> ")
        if target == ContractStatus.WITHDRAWN:
            # The reason given is the contract's, not the trail's, shown to those who
            # need it: the officers and the candidate (issue 14, point 5).
            why = contract.withdrawal_reason if with_reasons else ""
        label = _("%(from)s to %(to)s") % {"from": status_label(source), "to": status_label(target)}
        history.append(HistoryEntry(event.at, who, role, label, why))
    return sorted(history + review_history(contract), key=lambda entry: entry.at)


def review_history(contract: Contract) -> list[HistoryEntry]:
    """The steps of the review at term (contracts.review), read from the contract: the
    review writes one audit event per run, not one per contract."""
    entries = []
    who = _("Review at term")
    if contract.reviewed_at:
        label = _("%(from)s to %(to)s") % {
            "from": status_label(ContractStatus.IN_FORCE),
            "to": status_label(ContractStatus.UNDER_REVIEW),
        }
        entries.append(HistoryEntry(contract.reviewed_at, who, "", label, ""))
    if contract.decided_at and contract.decided_by_id is None:
        label = _("%(from)s to %(to)s") % {
            "from": status_label(ContractStatus.UNDER_REVIEW),
            "to": status_label(ContractStatus.FULFILLED),
        }
        entries.append(HistoryEntry(contract.decided_at, who, "", label, ""))
    return entries


@require_GET
@login_required
def contract_detail(request: AuthenticatedHttpRequest, contract_id) -> HttpResponse:
    contract = contracts_access.get_contract_for_viewing(request.user, contract_id)
    audit_record(action=Action.VIEW, target=contract, request=request)
    # The reason for a withdrawal (it may tell of health or family): to the officers
    # handling the contract and to the candidate, not to the read-only data-protection
    # officer (issue 14, point 5).
    with_reasons = access.has_role(request.user, Role.OFFICER, Role.CANDIDATE)
    context = {
        "contract": contract,
        "candidate": contract.candidate,
        "history": contract_history(contract, with_reasons=with_reasons),
        "with_reasons": with_reasons,
        "is_officer": access.can_manage_contracts(request.user),
        "can_withdraw": contract.status in WITHDRAWABLE
        and contracts_access.can_withdraw_contract(request.user, contract),
        "withdraw_url": page_url("withdraw", contract.pk),
        "review_statuses": REVIEWED,
        "certificates": contract.certificates.all(),
        "can_record_certificate": access.can_manage_contracts(request.user)
        and contract.entry_into_force is not None,
        "can_download_completion": contracts_access.can_download_completion_certificate(
            request.user, contract
        ),
        "can_download_scan": bool(contract.signed_scan)
        and access.has_role(request.user, Role.OFFICER, Role.CANDIDATE),
    }
    return render(request, "contracts/officer/detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def contract_withdraw(request: AuthenticatedHttpRequest, contract_id) -> HttpResponse:
    contract = contracts_access.get_contract_for_withdrawal(request.user, contract_id)
    if not contracts_access.can_withdraw_contract(request.user, contract):
        raise PermissionDenied
    if request.method == "GET":
        audit_record(action=Action.VIEW, target=contract, request=request, reason="withdraw page")
    detail = page_url("detail", contract.pk)
    if contract.status not in WITHDRAWABLE:
        messages.info(request, _("This contract cannot be withdrawn: it is not in force."))
        return redirect(detail)
    form = forms.ContractWithdrawForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.contract_withdraw(
                contract=contract,
                actor=request.user,
                reason=form.cleaned_data["reason"],
                request=request,
            )
        except services.TransitionNotAllowed:
            messages.info(request, _("This contract cannot be withdrawn: it is not in force."))
        else:
            messages.success(
                request, _("Contract %(number)s is withdrawn.") % {"number": contract.number}
            )
        return redirect(detail)
    context = {
        "contract": contract,
        "form": form,
        "detail_url": detail,
        "own": contract.candidate.user_id == request.user.pk,
    }
    return render(request, "contracts/officer/withdraw.html", context)


@require_http_methods(["GET", "POST"])
@role_required(access.can_manage_contracts)
def paper_certificate_add(request: AuthenticatedHttpRequest, contract_id) -> HttpResponse:
    """An officer records a certificate the candidate brought on paper (origin "paper")."""
    contract = contracts_access.get_contract_for_user(request.user, contract_id)
    if request.method == "GET":
        audit_record(
            action=Action.VIEW, target=contract, request=request, reason="paper certificate page"
        )
    detail = page_url("detail", contract.pk)
    if contract.entry_into_force is None:
        messages.info(request, _("A certificate can be recorded once the contract is signed."))
        return redirect(detail)
    form = forms.PaperCertificateForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.certificate_record(
                contract=contract,
                obligation=data["obligation"],
                issued_on=data["issued_on"],
                issuer=data["issuer"],
                hours=data["hours"],
                sessions=data["sessions"],
                literacy=data["literacy"],
                origin=CertificateOrigin.PAPER,
                actor=request.user,
                request=request,
            )
        except services.CertificateAlreadyRecorded:
            form.add_error(None, _("This certificate is already recorded on the contract."))
        else:
            messages.success(request, _("The certificate is recorded."))
            return redirect(detail)
    context = {"contract": contract, "form": form, "detail_url": detail}
    return render(request, "contracts/officer/certificate_add.html", context)
