"""The officers' page to register a candidate who called or wrote (then they book the
candidate a seat, on booking's pages). Only officers use it (403 for other roles); the
registration goes through `registration.services`."""

import uuid

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accueil.accounts import access
from accueil.accounts.decorators import role_required
from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.core import clock
from accueil.core.http import posted
from accueil.registration import access as registration_access
from accueil.registration import forms
from accueil.registration import services as registration


@require_http_methods(["GET", "POST"])
@role_required(access.can_manage_sessions)
def candidate_register(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = forms.CandidateRegisterForm(
        posted(request), today=clock.today(), initial=new_submission()
    )
    context: dict = {"form": form}
    if request.method == "POST" and form.is_valid():
        try:
            candidate = registration.candidate_register(
                data=form.registration_data(),
                channel=form.cleaned_data["channel"],
                actor=request.user,
                submission_id=form.cleaned_data["submission_id"],
                request=request,
            )
        except registration.NotEligible as refused:
            context["eligibility"] = refused.decision.to_dict(get_language() or "en")
        except registration.AlreadyRegistered:
            existing = registration_access.candidates_for_user(request.user).filter(
                national_id=form.cleaned_data["national_id"]
            )
            context = {"existing": existing.first()}
            return render(
                request, "registration/officer/candidate_already_registered.html", context
            )
        else:
            walk_in = request.GET.get("walk_in", "")
            if walk_in.isascii() and walk_in.isdigit():  # came to a session unbooked
                messages.success(
                    request,
                    _("%(name)s is registered. Now add them to the session as present.")
                    % {"name": candidate},
                )
                at = reverse("intake:walk_in", args=[walk_in])
                return redirect(f"{at}?candidate={candidate.pk}")
            messages.success(
                request,
                _("%(name)s is registered. Now book their information session.")
                % {"name": candidate},
            )
            return redirect("officer:candidate_book", candidate.pk)
    return render(request, "registration/officer/candidate_register.html", context)


def new_submission() -> dict:
    return {"submission_id": uuid.uuid4()}


@require_http_methods(["GET", "POST"])
@role_required(access.can_manage_sessions)
def candidate_correct(request: AuthenticatedHttpRequest, candidate_id: uuid.UUID) -> HttpResponse:
    """An officer corrects a candidate's details, the identity fields included, with a
    reason (audited, shown in the candidate's file)."""
    candidate = registration_access.get_candidate_for_user(request.user, candidate_id)
    if request.method == "GET":  # the form shows every detail: a read, in the trail
        audit_record(action=Action.VIEW, target=candidate, request=request, reason="correct page")
    initial = {name: getattr(candidate, name) for name in registration.CORRECTABLE}
    form = forms.CandidateCorrectForm(posted(request), today=clock.today(), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            changed = registration.candidate_correct(
                candidate,
                changes=form.changes(),
                reason=form.cleaned_data["reason"],
                actor=request.user,
                request=request,
            )
        except registration.NationalIdTaken:
            form.add_error(
                "national_id", _("Another registration has this national identification number")
            )
        else:
            if changed:
                messages.success(
                    request, _("The details of %(name)s are corrected.") % {"name": candidate}
                )
            else:
                messages.info(request, _("Nothing was changed."))
            return redirect("portal:candidate_detail", candidate.pk)
    context = {"form": form, "candidate": candidate}
    return render(request, "registration/officer/candidate_correct.html", context)
