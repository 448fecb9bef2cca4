"""The integration officers' pages: plan, list and cancel information sessions, print
a session's attendee list, book a candidate a seat (finding the candidate is portal's
page, registering one who called or wrote registration's). Only officers
use them (403 for other roles); writes go through the services."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accueil.accounts import access
from accueil.accounts.decorators import role_required
from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.audit.models import Action
from accueil.audit.services import audit_record, audit_shown
from accueil.booking import access as booking_access
from accueil.booking import forms, selectors, services
from accueil.booking.models import SessionStatus
from accueil.core import clock
from accueil.core.http import posted
from accueil.registration import access as registration_access
from accueil.registration.models import Channel

SESSIONS_PER_PAGE = 50


@require_GET
@role_required(access.can_manage_sessions)
def session_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = forms.SessionFilterForm(request.GET if "start_day" in request.GET else None)
    start = form.start_day(clock.today())
    sessions = selectors.session_calendar(
        booking_access.sessions_for_user(request.user), start=start
    )
    page = Paginator(sessions, SESSIONS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "start": start,
        "page": page,
        "sessions": selectors.with_calendar_details(page.object_list),
    }
    return render(request, "booking/officer/session_list.html", context)


@require_http_methods(["GET", "POST"])
@role_required(access.can_manage_sessions)
def session_plan(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = forms.SessionPlanForm(posted(request), now=timezone.now())
    if request.method == "POST" and form.is_valid():
        session = services.session_plan(plan=form.plan(), actor=request.user)
        session.refresh_from_db(fields=["seats_taken"])  # the waitlist took seats in the database
        messages.success(
            request,
            ngettext(
                "The session is planned. %(n)d waiting candidate was booked on it.",
                "The session is planned. %(n)d waiting candidates were booked on it.",
                session.seats_taken,
            )
            % {"n": session.seats_taken},
        )
        return redirect("officer:session_detail", session.pk)
    return render(request, "booking/officer/session_plan.html", {"form": form})


@require_GET
@role_required(access.can_manage_sessions)
def session_detail(request: AuthenticatedHttpRequest, session_id: int) -> HttpResponse:
    session = booking_access.get_session_for_user(request.user, session_id)
    audit_record(action=Action.VIEW, target=session, request=request)
    attendees = list(selectors.session_attendees(session))
    audit_shown(request=request, targets=attendees)  # each person listed (issue 14, point 4)
    context = {
        "session": selectors.with_calendar_details([session])[0],
        "attendees": attendees,
        "can_change": session.status == SessionStatus.SCHEDULED
        and session.starts_at > timezone.now(),
    }
    return render(request, "booking/officer/session_detail.html", context)


@require_http_methods(["GET", "POST"])
@role_required(access.can_manage_sessions)
def session_edit(request: AuthenticatedHttpRequest, session_id: int) -> HttpResponse:
    """Change a planned session's time, place, languages or seats; everyone booked is
    told by email."""
    session = booking_access.get_session_for_user(request.user, session_id)
    if session.status != SessionStatus.SCHEDULED or session.starts_at <= timezone.now():
        messages.info(request, _("This session has started or was cancelled: it cannot change."))
        return redirect("officer:session_detail", session.pk)
    form = forms.SessionEditForm(posted(request), session=session, now=timezone.now())
    if request.method == "POST" and form.is_valid():
        try:
            told = services.session_change(session=session, plan=form.plan(), actor=request.user)
        except services.CapacityBelowTaken as refused:
            form.add_error("capacity", forms.seats_taken_message(refused.seats_taken))
        except services.SessionClosed:
            messages.info(
                request, _("This session has started or was cancelled: it cannot change.")
            )
            return redirect("officer:session_detail", session.pk)
        else:
            messages.success(request, changed_message(len(told)))
            return redirect("officer:session_detail", session.pk)
    context = {"session": selectors.with_calendar_details([session])[0], "form": form}
    return render(request, "booking/officer/session_edit.html", context)


def changed_message(told: int) -> str:
    if not told:
        return _("The session is saved.")
    return ngettext(
        "The session is saved. %(n)d booked candidate is told by email.",
        "The session is saved. %(n)d booked candidates are told by email.",
        told,
    ) % {"n": told}


@require_http_methods(["GET", "POST"])
@role_required(access.can_manage_sessions)
def session_cancel(request: AuthenticatedHttpRequest, session_id: int) -> HttpResponse:
    session = booking_access.get_session_for_user(request.user, session_id)
    if session.status != SessionStatus.SCHEDULED:
        messages.info(request, _("This session is cancelled already."))
        return redirect("officer:session_detail", session.pk)
    form = forms.SessionCancelForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            told = services.session_cancel(
                session=session,
                cause=form.cleaned_data["cause"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except services.SessionClosed:
            messages.info(request, _("This session is cancelled already."))
            return redirect("officer:session_detail", session.pk)
        messages.success(request, cancelled_message(len(told)))
        return redirect("officer:session_list")
    context = {"session": selectors.with_calendar_details([session])[0], "form": form}
    return render(request, "booking/officer/session_cancel.html", context)


def cancelled_message(told: int) -> str:
    return ngettext(
        "The session is cancelled. %(n)d booked candidate is told by email and offered "
        "another session.",
        "The session is cancelled. %(n)d booked candidates are told by email and offered "
        "another session.",
        told,
    ) % {"n": told}


@require_http_methods(["GET", "POST"])
@role_required(access.can_manage_sessions)
def candidate_book(request: AuthenticatedHttpRequest, candidate_id) -> HttpResponse:
    candidate = registration_access.get_candidate_for_user(request.user, candidate_id)
    state = selectors.booking_state(candidate)
    sessions = selectors.bookable_sessions(
        booking_access.sessions_for_user(request.user),
        now=timezone.now(),
        exclude=state.booking.session_id if state.booking else None,
    )
    initial = {
        "session": request.GET.get("session", ""),
        "channel": candidate.channel if candidate.channel != Channel.ONLINE else "",
    }
    form = forms.BookingForm(
        posted(request), sessions=sessions, moving=bool(state.booking), initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            book(request, candidate, state, form.cleaned_data)
        except services.BookingError as refused:
            form.add_error("session", forms.booking_error_message(refused.code))
        else:
            return redirect("officer:candidate_book", candidate.pk)
    else:
        audit_record(action=Action.VIEW, target=candidate, request=request)
    context = {
        "candidate": candidate,
        "state": state,
        "form": form,
        "sessions": selectors.for_candidate(selectors.with_calendar_details(sessions), candidate),
        "waitlist_form": forms.WaitlistForm(initial={"language": candidate.information_language}),
    }
    return render(request, "booking/officer/candidate_book.html", context)


def book(request: AuthenticatedHttpRequest, candidate, state, data: dict) -> None:
    """Book the chosen session, or move the booking the candidate holds to it."""
    if state.booking:
        services.booking_move(booking=state.booking, to_session=data["session"], actor=request.user)
        done = _("The booking is moved.")
    else:
        services.booking_create(
            candidate=candidate,
            session=data["session"],
            channel=data["channel"],
            actor=request.user,
        )
        done = _("The session is booked.")
    if candidate.email:
        told = _("The candidate is told by email.")
    else:
        told = _("The candidate has no email address: tell them by phone or post.")
    messages.success(request, f"{done} {told}")


@require_POST
@role_required(access.can_manage_sessions)
def candidate_waitlist(request: AuthenticatedHttpRequest, candidate_id) -> HttpResponse:
    candidate = registration_access.get_candidate_for_user(request.user, candidate_id)
    form = forms.WaitlistForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Select a language from the list"))
        return redirect("officer:candidate_book", candidate.pk)
    try:
        services.waitlist_join(candidate=candidate, actor=request.user, **form.wishes())
    except services.AlreadyBooked:
        messages.error(request, forms.booking_error_message("already_booked"))
    else:
        messages.success(
            request,
            _("The candidate is on the waitlist: they are booked when a seat that suits frees up."),
        )
    return redirect("officer:candidate_book", candidate.pk)
