"""The end of the contract for officers (issue 13, points 3 and 4): the review queue, the
review of one contract with the evaluation now and its evidence, the decision, and the
follow-up contract.

Seed, "The end of the CAI contract": "the Integration Department will verify whether the
signatory has met the requirements of the contract"; "If, for reasons the Integration
Department considers legitimate, the signatory has not fulfilled their obligations by
the end of the contract, they may conclude a new contract, which will only apply to those
obligations that were not fulfilled within the scope of the first contract." Writes go
through `contracts.services` (contract_decide, contract_follow_up); the follow-up is then
signed on the usual signing page (`contracts:task`).
"""

from dataclasses import dataclass, field
from datetime import date

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accueil.accounts import access
from accueil.accounts.decorators import role_required
from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.audit.models import Action
from accueil.audit.services import audit_record, audit_shown
from accueil.contracts import access as contracts_access
from accueil.contracts import forms, selectors, services
from accueil.contracts.models import Certificate, Contract, ContractStatus, Obligation
from accueil.core import clock
from accueil.core.http import posted
from accueil.rules import Reason

PAGE_SIZE = 25
LABELS = dict(Obligation.choices)


def labels(codes) -> list[str]:
    return [str(LABELS.get(code, code)) for code in codes or []]


@require_GET
@role_required(access.can_manage_contracts)
def review_queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The contracts under review, oldest term first, each with what was met and not."""
    contracts = selectors.review_queue(contracts_access.contracts_for_user(request.user))
    page = Paginator(contracts, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        (
            contract,
            labels((contract.review or {}).get("met")),
            labels((contract.review or {}).get("unmet")),
        )
        for contract in page.object_list
    ]
    audit_shown(request=request, targets=page.object_list)  # each contract listed (issue 14)
    return render(request, "contracts/officer/review_queue.html", {"page": page, "rows": rows})


@dataclass
class ObligationReview:
    code: str
    label: str
    met: bool
    reasons: list[dict]
    certificates: list[Certificate] = field(default_factory=list)


def said(reasons, lang: str) -> list[dict]:
    """Reasons of the rules in the reader's language, with their source."""
    return [{"message": r.message[lang], "source": r.source, "met": r.met} for r in reasons]


def evaluation(contract: Contract, today: date) -> tuple[list[ObligationReview], Reason | None]:
    """Rule cai.fulfilment evaluated today from the certificates recorded now (a paper
    certificate recorded during the review counts), obligation by obligation."""
    decision = selectors.fulfilment(contract, today)
    if decision is None:
        return [], None
    certificates = list(contract.certificates.select_related("recorded_by"))
    met = set(decision.values["met"])
    lang = get_language() or "en"
    rows = [
        ObligationReview(
            code,
            str(LABELS[code]),
            code in met,
            said(
                [
                    r
                    for r in decision.reasons
                    if r.code.startswith(f"cai.fulfilment.{code}.")
                    or r.code == f"cai.fulfilment.{code}"
                ],
                lang,
            ),
            [c for c in certificates if c.obligation == code],
        )
        for code in selectors.covered_obligations(contract.obligations)
    ]
    return rows, decision.reason("cai.fulfilment.contract")


def review_url(contract: Contract) -> str:
    return reverse("officer_contracts:review", args=[contract.pk])


@require_http_methods(["GET", "POST"])
@role_required(access.can_manage_contracts)
def contract_review(request: AuthenticatedHttpRequest, contract_id) -> HttpResponse:
    """One contract: the evaluation now with its evidence, and the decision (a form while
    it is under review; the decision, and the follow-up, once decided)."""
    contract = contracts_access.get_contract_for_user(request.user, contract_id)
    today = clock.today()
    rows, summary = evaluation(contract, today)
    fulfilled = summary is not None and summary.met is True
    under_review = contract.status == ContractStatus.UNDER_REVIEW
    if request.method == "POST" and not under_review:
        return decided_already(request, contract)
    data = posted(request) if under_review else None
    form = forms.ContractDecisionForm(data, fulfilled=fulfilled)
    if request.method == "POST" and under_review and form.is_valid():
        outcome = form.cleaned_data["outcome"]
        try:
            decided = services.contract_decide(
                contract=contract,
                actor=request.user,
                outcome=(
                    ContractStatus.FULFILLED
                    if outcome == forms.FULFILLED
                    else ContractStatus.NOT_FULFILLED
                ),
                reason=form.cleaned_data["reason"],
                legitimate=outcome == forms.LEGITIMATE,
                request=request,
            )
        except services.AlreadyDecided as done:
            return decided_already(request, done.contract)
        except services.DecisionRefused as refused:
            if refused.outcome == ContractStatus.FULFILLED:
                form.add_error(
                    "outcome", _("The certificates recorded now do not meet every obligation")
                )
            else:
                form.add_error(
                    "outcome",
                    _(
                        "The certificates recorded now meet every obligation: the contract "
                        "is fulfilled"
                    ),
                )
        else:
            messages.success(
                request,
                _("Your decision on contract %(number)s is recorded: %(status)s.")
                % {"number": decided.number, "status": decided.get_status_display()},
            )
            return redirect(review_url(contract))
    audit_record(action=Action.VIEW, target=contract, request=request, reason="review")
    follow_up = Contract.objects.filter(follows=contract).first()
    # What the term review found (kept under "at_term" once a decision brought it up to date).
    at_term = (contract.review or {}).get("at_term", contract.review or {})
    can_follow_up = (
        contract.status == ContractStatus.NOT_FULFILLED
        and contract.reason_legitimate
        and follow_up is None
    )
    context = {
        "contract": contract,
        "candidate": contract.candidate,
        "rows": rows,
        "summary": summary,
        "fulfilled": fulfilled,
        "today": today,
        "summary_said": said([summary], get_language() or "en") if summary else [],
        "at_term": at_term,
        "met_at_term": labels(at_term.get("met")),
        "unmet_at_term": labels(at_term.get("unmet")),
        "form": form if under_review else None,
        "follow_up": follow_up,
        "can_follow_up": can_follow_up,
        "follow_up_covers": labels(follow_up_codes(contract)) if can_follow_up else [],
        "unmet_reasons": (
            said(selectors.unmet_reasons(contract), get_language() or "en")
            if not under_review
            else []
        ),
    }
    return render(request, "contracts/officer/review.html", context)


def decided_already(request: AuthenticatedHttpRequest, contract: Contract) -> HttpResponse:
    """A second decision (two officers at once, a double submit): nothing changes."""
    messages.info(
        request,
        _("Contract %(number)s is decided already (%(status)s): your decision was not recorded.")
        % {"number": contract.number, "status": contract.get_status_display()},
    )
    return redirect(review_url(contract))


def follow_up_codes(contract: Contract) -> tuple[str, ...]:
    try:
        return services.follow_up_obligations(contract)[0]
    except services.FollowUpRefused:
        return ()


@require_POST
@role_required(access.can_manage_contracts)
def contract_follow_up(request: AuthenticatedHttpRequest, contract_id) -> HttpResponse:
    """Open the follow-up (a draft), then sign it on the usual signing page."""
    contract = contracts_access.get_contract_for_user(request.user, contract_id)
    try:
        follow_up = services.contract_follow_up(
            contract=contract, actor=request.user, request=request
        )
    except services.FollowUpRefused:
        messages.info(
            request,
            _(
                "No follow-up contract can be opened: the contract is not decided as not "
                "fulfilled for a legitimate reason, or the candidate holds another contract."
            ),
        )
        return redirect(review_url(contract))
    messages.success(
        request,
        _("Follow-up contract %(number)s is drafted. Now sign it with the candidate.")
        % {"number": follow_up.number},
    )
    return redirect("contracts:task", contract.candidate_id)
