"""The officer's day: today's and upcoming information sessions, checking candidates in,
and the pages of the session's tasks that are intake's (residence document, linguistic
profile, orientation, social-worker request). The task list of a candidate and the
formalities document are portal's (they read contracts, social and training too); the
contract's task is contracts'.

Seed, "The information session". Only officers use these pages (403 for other roles).
Writes go through `intake.services`, which audit; reads through `intake.selectors`.
"""

import uuid
from datetime import date, datetime, timedelta

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accueil.accounts import access
from accueil.accounts.decorators import role_required
from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.audit.models import Action
from accueil.audit.services import audit_record, audit_shown
from accueil.booking import access as booking_access
from accueil.booking import services as booking_services
from accueil.booking.models import Booking, SessionStatus
from accueil.core import clock
from accueil.core.http import posted
from accueil.core.languages import language_name
from accueil.intake import forms, selectors, services
from accueil.registration import access as registration_access
from accueil.registration import selectors as registration_selectors
from accueil.registration.models import Candidate
from accueil.social.models import RequestStatus

UPCOMING_SHOWN = 20


# The day and check-in.


@require_GET
@role_required(access.can_run_sessions)
def day(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = clock.today()
    sessions = selectors.day_sessions(booking_access.sessions_for_user(request.user), today)
    tomorrow = clock.start_of_day(today + timedelta(days=1))
    context = {
        "today": today,
        "todays": list(sessions.filter(starts_at__lt=tomorrow)),
        "upcoming": list(sessions.filter(starts_at__gte=tomorrow)[:UPCOMING_SHOWN]),
    }
    return render(request, "intake/day.html", context)


def check_in_open(session, today: date) -> bool:
    """Candidates are checked in on the day of their session (or later, if forgotten)."""
    return (
        session.status == SessionStatus.SCHEDULED and timezone.localdate(session.starts_at) <= today
    )


@require_GET
@role_required(access.can_run_sessions)
def check_in(request: AuthenticatedHttpRequest, session_id: int) -> HttpResponse:
    session = booking_access.get_session_for_user(request.user, session_id)
    bookings = list(selectors.check_in_bookings(session))
    audit_record(action=Action.VIEW, target=session, request=request)
    audit_shown(request=request, targets=bookings)  # each person listed (issue 14, point 4)
    context = {
        "session": session,
        "bookings": selectors.with_outcomes(list(bookings)),
        "open": check_in_open(session, clock.today()),
    }
    return render(request, "intake/check_in.html", context)


@require_POST
@role_required(access.can_run_sessions)
def check_in_booking(
    request: AuthenticatedHttpRequest, session_id: int, booking_id: int
) -> HttpResponse:
    session = booking_access.get_session_for_user(request.user, session_id)
    booking = booking_access.get_booking_for_officer(request.user, session, booking_id)
    present = {"present": True, "absent": False}.get(request.POST.get("attendance", ""))
    if present is None or not check_in_open(session, clock.today()):
        messages.error(request, _("Choose present or absent on the day of the session."))
        return redirect("intake:check_in", session.pk)
    try:
        offered = services.check_in(booking=booking, present=present, actor=request.user)
    except services.NotCheckedIn:
        messages.info(request, _("%(name)s is checked in already.") % {"name": booking.candidate})
    else:
        messages.success(request, checked_in_message(booking.candidate, present, offered))
    return redirect(reverse("intake:check_in", args=[session.pk]) + f"#booking-{booking.pk}")


def when(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


WALK_INS_SHOWN = 10


@require_http_methods(["GET", "POST"])
@role_required(access.can_run_sessions)
def walk_in(request: AuthenticatedHttpRequest, session_id: int) -> HttpResponse:
    """Someone came without a booking: find them (or register them, then come back
    here) and add them to the session as present."""
    session = booking_access.get_session_for_user(request.user, session_id)
    if not check_in_open(session, clock.today()):
        messages.error(request, _("Check-in opens on the day of the session."))
        return redirect("intake:check_in", session.pk)
    candidates = registration_access.candidates_for_user(request.user)
    if request.method == "POST":
        chosen = forms.WalkInForm(request.POST)
        if not chosen.is_valid():
            messages.error(request, _("Choose the person from the list."))
            return redirect("intake:walk_in", session.pk)
        candidate = registration_access.get_candidate_for_user(
            request.user, chosen.cleaned_data["candidate"]
        )
        try:
            booking = booking_services.walk_in(
                candidate=candidate, session=session, actor=request.user
            )
        except booking_services.AlreadyBooked:
            messages.info(
                request,
                _("%(name)s is booked on this session: check them in from the list.")
                % {"name": candidate},
            )
            return redirect("intake:check_in", session.pk)
        except booking_services.SessionFull:
            messages.error(
                request,
                _("The session has no free seat: add seats to it first, then add %(name)s.")
                % {"name": candidate},
            )
            return redirect("intake:walk_in", session.pk)
        except booking_services.SessionClosed:
            messages.error(request, _("Check-in opens on the day of the session."))
            return redirect("intake:check_in", session.pk)
        messages.success(request, _("%(name)s is added as present.") % {"name": candidate})
        return redirect(reverse("intake:check_in", args=[session.pk]) + f"#booking-{booking.pk}")
    form = forms.WalkInSearchForm(request.GET, auto_id="%s")
    query = form.query()
    # Back from registering them: the person just registered comes first.
    just_registered = request.GET.get("candidate", "")
    shown = list(candidates.filter(pk=just_registered)) if is_uuid(just_registered) else []
    if query:
        found = registration_selectors.candidate_search(candidates, query)[:WALK_INS_SHOWN]
        shown += [person for person in found if person not in shown]
    context = {
        "session": session,
        "form": form,
        "query": query,
        "candidates": shown,
        "shown": WALK_INS_SHOWN,
    }
    return render(request, "intake/walk_in.html", context)


def is_uuid(value: str | None) -> bool:
    try:
        uuid.UUID(value or "")
    except ValueError:
        return False
    return True


def checked_in_message(candidate: Candidate, present: bool, offered: Booking | None) -> str:
    if present:
        return _("%(name)s is present.") % {"name": candidate}
    if offered:
        return _(
            "%(name)s is absent and is booked into the session of %(when)s (%(languages)s), "
            "and told by email when they gave an address."
        ) % {
            "name": candidate,
            "when": when(offered.session.starts_at),
            "languages": ", ".join(language_name(code) for code in offered.session.languages),
        }
    return _(
        "%(name)s is absent. No later session in a language they understand has a seat: "
        "they are on the waitlist, and told by email when they gave an address."
    ) % {"name": candidate}


@require_POST
@role_required(access.can_run_sessions)
def check_in_undo(
    request: AuthenticatedHttpRequest, session_id: int, booking_id: int
) -> HttpResponse:
    """Undo a check-in made by mistake (present or absent back to booked)."""
    session = booking_access.get_session_for_user(request.user, session_id)
    booking = booking_access.get_booking_for_officer(request.user, session, booking_id)
    name = {"name": booking.candidate}
    if not check_in_open(session, clock.today()):
        messages.error(request, _("Check-ins can be changed on the day of the session only."))
        return redirect("intake:check_in", session.pk)
    try:
        withdrawn = services.check_in_undo(booking=booking, actor=request.user)
    except services.NotCheckedIn:
        messages.info(request, _("%(name)s is not checked in.") % name)
    except booking_services.BookedSince as since:
        messages.error(
            request,
            _(
                "%(name)s has booked the session of %(when)s since. That booking stays and "
                "the absence stays recorded: cancel or move that booking first."
            )
            % {**name, "when": when(since.booking.session.starts_at)},
        )
    else:
        if withdrawn.booking is not None:
            message = _(
                "%(name)s is booked again for this session. The session of %(when)s booked "
                "after the absence is cancelled, and they are told by email."
            ) % {**name, "when": when(withdrawn.booking.session.starts_at)}
        elif withdrawn.left_waitlist:
            message = (
                _(
                    "%(name)s is booked again for this session and no longer on the waitlist, "
                    "and they are told by email."
                )
                % name
            )
        else:
            message = _("%(name)s is booked again for this session.") % name
        messages.success(request, message)
    return redirect(reverse("intake:check_in", args=[session.pk]) + f"#booking-{booking.pk}")


# The task pages (the task list itself is portal's: portal/officer_views.py).


def task_page(request: HttpRequest, template: str, candidate: Candidate, **context) -> HttpResponse:
    """A task's page shows the candidate's record of it: a read, in the trail."""
    audit_record(action=Action.VIEW, target=candidate, request=request, reason=f"{template} page")
    return render(request, f"intake/{template}.html", {"candidate": candidate, **context})


def done(request: HttpRequest, candidate: Candidate, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("portal:tasks", candidate.pk)


@require_http_methods(["GET", "POST"])
@role_required(access.can_run_sessions)
def document(request: AuthenticatedHttpRequest, candidate_id) -> HttpResponse:
    candidate = registration_access.get_candidate_for_user(request.user, candidate_id)
    latest = candidate.residence_documents.first()
    initial = (
        {"kind": latest.kind, "number": latest.number, "valid_until": latest.valid_until}
        if latest
        else {}
    )
    form = forms.ResidenceDocumentForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        services.residence_document_record(
            candidate=candidate, actor=request.user, **form.cleaned_data
        )
        return done(request, candidate, _("The residence document is recorded."))
    today = clock.today()
    return task_page(
        request,
        "document",
        candidate,
        form=form,
        latest=latest,
        latest_valid=bool(latest and latest.valid_until >= today),
    )


@require_http_methods(["GET", "POST"])
@role_required(access.can_run_sessions)
def profile(request: AuthenticatedHttpRequest, candidate_id) -> HttpResponse:
    candidate = registration_access.get_candidate_for_user(request.user, candidate_id)
    existing = getattr(candidate, "linguistic_profile", None)
    form = forms.ProfileForm(posted(request), initial=forms.ProfileForm.initial_from(existing))
    if request.method == "POST" and form.is_valid():
        services.profile_record(
            candidate=candidate,
            levels=form.levels(),
            other_languages=form.cleaned_data["other_languages"],
            literacy_needed=form.cleaned_data["literacy_needed"],
            actor=request.user,
        )
        return done(request, candidate, _("The linguistic profile is recorded."))
    return task_page(request, "profile", candidate, form=form)


@require_http_methods(["GET", "POST"])
@role_required(access.can_run_sessions)
def orientation(request: AuthenticatedHttpRequest, candidate_id) -> HttpResponse:
    candidate = registration_access.get_candidate_for_user(request.user, candidate_id)
    profile = getattr(candidate, "linguistic_profile", None)
    if profile is None:
        messages.info(request, _("Record the linguistic profile first."))
        return redirect("intake:profile", candidate.pk)
    existing = getattr(candidate, "orientation", None)
    recommended = services.recommended_courses(profile)
    options = recommended + [
        course
        for course in (existing.recommended_courses if existing else [])
        if course not in recommended
    ]
    form = forms.OrientationForm(
        posted(request),
        options=options,
        initial=forms.OrientationForm.initial_from(existing, recommended, profile),
    )
    if request.method == "POST" and form.is_valid():
        services.orientation_record(
            candidate=candidate,
            courses=form.chosen_courses(),
            literacy=form.cleaned_data["literacy"],
            notes=form.cleaned_data["notes"],
            actor=request.user,
        )
        return done(request, candidate, _("The orientation is recorded."))
    return task_page(request, "orientation", candidate, form=form, profile=profile)


@require_http_methods(["GET", "POST"])
@role_required(access.can_run_sessions)
def interview(request: AuthenticatedHttpRequest, candidate_id) -> HttpResponse:
    candidate = registration_access.get_candidate_for_user(request.user, candidate_id)
    pending = candidate.interview_requests.filter(status=RequestStatus.OPEN).first()
    form = forms.InterviewRequestForm(posted(request))
    if request.method == "POST" and pending is None and form.is_valid():
        services.interview_request(candidate=candidate, actor=request.user, **form.cleaned_data)
        return done(request, candidate, _("The request is sent to the social workers."))
    past = candidate.interview_requests.exclude(status=RequestStatus.OPEN).order_by("-requested_at")
    return task_page(request, "interview", candidate, form=form, pending=pending, past=list(past))
