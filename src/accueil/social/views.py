"""The queue of open interview requests, most urgent first, and the page where a social
worker records the interview or closes the request.

Least privilege: of the candidate, these pages show only the name and telephone
number (social.access.interview_requests_for_user loads nothing else). Social workers
take and handle requests, and a request taken leaves the others' queue; officers,
who make them, may read the queue.
"""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accueil.accounts import access
from accueil.accounts.decorators import role_required
from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.audit.models import Action
from accueil.audit.services import audit_record, audit_shown
from accueil.core import clock
from accueil.core.http import posted
from accueil.social import access as social_access
from accueil.social import forms, services
from accueil.social.models import RequestStatus
from accueil.social.selectors import open_requests


@require_GET
@role_required(access.can_see_interview_queue)
def queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    waiting = list(open_requests(social_access.interview_requests_for_user(request.user)))
    audit_shown(request=request, targets=waiting)  # each request listed (issue 14, point 4)
    context = {"requests": waiting, "can_handle": access.can_handle_interviews(request.user)}
    return render(request, "social/queue.html", context)


@require_http_methods(["GET", "POST"])
@role_required(access.can_handle_interviews)
def handle(request: AuthenticatedHttpRequest, request_id: int) -> HttpResponse:
    interview = social_access.get_interview_request_for_user(request.user, request_id)
    if interview.status != RequestStatus.OPEN:
        messages.info(request, _("This request was handled already."))
        return redirect("social:queue")
    form = forms.InterviewOutcomeForm(
        posted(request),
        requested_on=timezone.localdate(interview.requested_at),
        today=clock.today(),
    )
    if request.method == "POST" and form.is_valid():
        try:
            record(interview, form.cleaned_data, request.user)
        except (services.AlreadyHandled, services.TakenByAnother):
            messages.info(request, _("This request was handled already."))
        else:
            messages.success(
                request, _("The request for %(name)s is handled.") % {"name": interview.candidate}
            )
        return redirect("social:queue")
    if request.method == "GET":
        audit_record(action=Action.VIEW, target=interview, request=request)
    return render(request, "social/handle.html", {"interview": interview, "form": form})


@require_POST
@role_required(access.can_handle_interviews)
def take(request: AuthenticatedHttpRequest, request_id: int) -> HttpResponse:
    """Take a request (`give_back` in the form: give it back to the queue)."""
    interview = social_access.get_interview_request_for_user(request.user, request_id)
    give_back = "give_back" in request.POST
    try:
        if give_back:
            services.interview_release(interview=interview, actor=request.user)
        else:
            services.interview_take(interview=interview, actor=request.user)
    except (services.AlreadyHandled, services.TakenByAnother):
        messages.info(request, _("Another social worker has taken or handled this request."))
    else:
        done = (
            _("You gave back the request for %(name)s.")
            if give_back
            else _("You took the request for %(name)s: the other social workers no longer see it.")
        )
        messages.success(request, done % {"name": interview.candidate})
    return redirect("social:queue")


def record(interview, data: dict, actor) -> None:
    if data["result"] == forms.HELD:
        services.interview_record(
            interview=interview,
            interview_on=data["interview_on"],
            outcome=data["notes"],
            actor=actor,
        )
    else:
        services.interview_close(interview=interview, reason=data["notes"], actor=actor)
