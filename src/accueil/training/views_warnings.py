"""The officers' early-warning list (issue 12, point 9): open signals grouped by kind,
each linking to the person's record, with a "Mark as handled" button (a POST, no
JavaScript); the handled ones on request."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accueil.accounts.decorators import role_required
from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.audit.models import Action
from accueil.audit.services import audit_about
from accueil.core import clock
from accueil.rules.parameters import parameter
from accueil.training import services
from accueil.training.forms_warnings import HandleWarningForm
from accueil.training.models import WarningKind
from accueil.training.views_vouchers import is_officer
from accueil.training.warnings import WarningError, signals


@require_GET
@role_required(is_officer)
def warning_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = clock.today()
    show_handled = request.GET.get("handled") == "1"
    found = signals(today, include_handled=show_handled)
    # Each person listed is in the trail (issue 14, point 4).
    listed = {signal.candidate_id for kind in found for signal in found[kind]}
    audit_about(
        request=request, subjects=sorted(listed), action=Action.LIST, reason="early warnings"
    )
    groups = [
        {"kind": kind, "label": label, "signals": found[kind]}
        for kind, label in WarningKind.choices
    ]
    context = {
        "groups": groups,
        "show_handled": show_handled,
        "absences": parameter("cai.warning_consecutive_absences", today),
        "days": parameter("cai.warning_voucher_expiry_days", today),
        "weeks": parameter("cai.warning_nothing_booked_weeks", today),
    }
    return render(request, "training/warnings/list.html", context)


@require_POST
@role_required(is_officer)
def warning_handle(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = HandleWarningForm(request.POST)
    if not form.is_valid():
        raise Http404
    try:
        services.warning_mark_handled(
            kind=form.cleaned_data["kind"], key=form.cleaned_data["key"], actor=request.user
        )
    except WarningError as error:
        raise Http404 from error
    messages.success(request, _("The signal is marked as handled."))
    return redirect("training:warnings")
