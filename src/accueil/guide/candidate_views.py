"""A signed-in candidate's residence dates: they add their permit's expiry and their
procedures in progress; their integration path and calendar feed then show the
renewal date and the decision due dates (see `dates`). A result of the guide can
carry its dates there too (`add_to_path`)."""

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accueil.accounts import access
from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.accounts.models import Role
from accueil.guide import dates, services
from accueil.guide import views as guide_views
from accueil.guide.candidate_forms import PermitForm, ProcedureForm
from accueil.guide.models import ResidencePermit
from accueil.guide.path import path_dates
from accueil.guide.views import language
from accueil.registration import access as registration_access
from accueil.registration.models import Candidate


def _candidate_for(request: AuthenticatedHttpRequest) -> Candidate:
    access.require_role(request.user, Role.CANDIDATE)
    candidate = registration_access.candidates_for_user(request.user).first()
    if candidate is None:
        raise Http404
    return candidate


@login_required
@require_http_methods(["GET", "POST"])
def my_dates(request: AuthenticatedHttpRequest) -> HttpResponse:
    candidate = _candidate_for(request)
    permit = ResidencePermit.objects.filter(candidate=candidate).first()
    permit_form = PermitForm(initial={"expires_on": permit.expires_on if permit else None})
    procedure_form = ProcedureForm(lang=language())
    if request.method == "POST" and request.POST.get("form") == "permit":
        permit_form = PermitForm(request.POST)
        if permit_form.is_valid():
            services.permit_set(
                candidate=candidate,
                expires_on=permit_form.cleaned_data["expires_on"],
                request=request,
            )
            return redirect("guide:my_dates")
    elif request.method == "POST":
        procedure_form = ProcedureForm(request.POST, lang=language())
        if procedure_form.is_valid():
            services.procedure_add(
                candidate=candidate, request=request, **procedure_form.cleaned_data
            )
            return redirect("guide:my_dates")
    items = dates.candidate_dates(candidate)
    due = {item.item: item for item in items if item.kind == "decision"}
    context = {
        "permit_form": permit_form,
        "procedure_form": procedure_form,
        "items": items,
        "procedures": [(p, due.get(str(p.pk))) for p in candidate.guide_procedures.all()],
    }
    return render(request, "guide/my_dates.html", context)


@login_required
@require_POST
def procedure_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    candidate = _candidate_for(request)
    if not services.procedure_remove(candidate=candidate, procedure_id=pk, request=request):
        raise Http404
    return redirect("guide:my_dates")


@require_POST
def add_to_path(request: HttpRequest) -> HttpResponse:
    """Carry the dates of the guide's result to the signed-in candidate's path."""
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("guide:result"))
    candidate = _candidate_for(cast(AuthenticatedHttpRequest, request))  # signed in, just above
    assessed = guide_views.current_assessment(request)
    if assessed is None:
        return redirect("guide:resume")
    services.path_dates_add(candidate=candidate, dates=path_dates(*assessed), request=request)
    messages.success(request, _("The dates of your result are on your integration path."))
    return redirect("portal:home")
