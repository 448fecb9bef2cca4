"""The officer's day: today's and upcoming information sessions, checking candidates in,
and, for each candidate present, the task list of the session (residence document,
linguistic profile, orientation, social-worker request, formalities document, contract).

Seed, "The information session". Only officers use these pages (403 for other roles);
the formalities document is also the candidate's own. Writes go through
`intake.services`, which audit; the reads below are small enough to live here.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
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
from accueil.audit.services import audit_events_for, audit_record
from accueil.booking import access as booking_access
from accueil.booking.models import Booking, BookingStatus, SessionStatus, WaitlistStatus
from accueil.contracts.models import LIVE_STATUSES, ContractStatus
from accueil.core import clock
from accueil.core.http import posted
from accueil.intake import forms, services
from accueil.intake.documents import formalities_pdf
from accueil.registration import access as registration_access
from accueil.registration.models import Candidate
from accueil.social.models import RequestStatus

UPCOMING_SHOWN = 20
CHECK_IN_STATUSES = (BookingStatus.ACTIVE, BookingStatus.ATTENDED, BookingStatus.ABSENT)
FORMALITIES_EXPORT = "formalities document"


# The day and check-in.


@require_GET
@role_required(access.can_run_sessions)
def day(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = clock.today()
    sessions = (
        booking_access.sessions_for_user(request.user)
        .filter(status=SessionStatus.SCHEDULED, starts_at__gte=clock.start_of_day(today))
        .annotate(
            booked=Count("bookings", filter=Q(bookings__status__in=CHECK_IN_STATUSES)),
            waiting=Count("bookings", filter=Q(bookings__status=BookingStatus.ACTIVE)),
            present=Count("bookings", filter=Q(bookings__status=BookingStatus.ATTENDED)),
        )
        .order_by("starts_at", "pk")
    )
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


def with_outcomes(bookings: list[Booking]) -> list[Booking]:
    """For absentees, `rebooked` (their active booking, if any) and `waitlisted`."""
    absent = [b.candidate_id for b in bookings if b.status == BookingStatus.ABSENT]
    active = {
        b.candidate_id: b
        for b in Booking.objects.filter(
            candidate_id__in=absent, status=BookingStatus.ACTIVE
        ).select_related("session")
    }
    waiting = set(
        Candidate.objects.filter(
            pk__in=absent, waitlist__status=WaitlistStatus.WAITING
        ).values_list("pk", flat=True)
    )
    for booking in bookings:
        booking.rebooked = active.get(booking.candidate_id)
        booking.waitlisted = booking.candidate_id in waiting
    return bookings


@require_GET
@role_required(access.can_run_sessions)
def check_in(request: AuthenticatedHttpRequest, session_id: int) -> HttpResponse:
    session = booking_access.get_session_for_user(request.user, session_id)
    bookings = (
        session.bookings.filter(status__in=CHECK_IN_STATUSES)
        .select_related("candidate")
        .order_by("candidate__surname", "candidate__first_name", "pk")
    )
    audit_record(action=Action.VIEW, target=session, request=request)
    context = {
        "session": session,
        "bookings": with_outcomes(list(bookings)),
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


def checked_in_message(candidate: Candidate, present: bool, offered: Booking | None) -> str:
    if present:
        return _("%(name)s is present.") % {"name": candidate}
    if offered:
        return _(
            "%(name)s is absent and is booked into the session of %(when)s, "
            "and told by email when they gave an address."
        ) % {
            "name": candidate,
            "when": date_format(timezone.localtime(offered.session.starts_at), "DATETIME_FORMAT"),
        }
    return _("%(name)s is absent. No later session has a seat: they are on the waitlist.") % {
        "name": candidate
    }


# The task list of one candidate.


@dataclass
class Task:
    key: str
    name: str
    url: str | None
    status: str  # completed, not_started, in_progress, invalid, cannot_start
    status_label: str
    hint: str = ""


def status_label(status: str) -> str:
    labels = {
        "completed": _("Completed"),
        "not_started": _("Not started"),
        "in_progress": _("In progress"),
        "invalid": _("Not valid today"),
        "cannot_start": _("Cannot start yet"),
    }
    return labels[status]


def session_record(candidate: Candidate, today: date) -> dict:
    """What was recorded for the candidate at the session, for the task list."""
    profile = getattr(candidate, "linguistic_profile", None)
    live = candidate.contracts.filter(status__in=LIVE_STATUSES).first()
    return {
        "document": candidate.residence_documents.first(),
        "valid_document": services.valid_document(candidate, today),
        "profile": profile,
        "orientation": getattr(candidate, "orientation", None),
        "interview": candidate.interview_requests.order_by("-requested_at").first(),
        "formalities_given": audit_events_for(candidate)
        .filter(action=Action.EXPORT, reason=FORMALITIES_EXPORT)
        .exists(),
        "contract": live or candidate.contracts.first(),
    }


def document_status(record: dict) -> str:
    if record["document"] is None:
        return "not_started"
    return "completed" if record["valid_document"] else "invalid"


def contract_status(record: dict) -> str:
    contract = record["contract"]
    if contract is None or contract.status == ContractStatus.WITHDRAWN:
        return "not_started" if record["profile"] else "cannot_start"
    return "in_progress" if contract.status == ContractStatus.DRAFT else "completed"


def candidate_tasks(candidate: Candidate, record: dict) -> list[Task]:
    def task(key, name, status, hint="") -> Task:
        link = reverse(f"intake:{key}", args=[candidate.pk]) if status != "cannot_start" else None
        return Task(key, name, link, status, status_label(status), hint)

    def done_or(value, otherwise: str) -> str:
        return "completed" if value else otherwise

    profile = record["profile"]
    needs_profile = "" if profile else _("Record the linguistic profile first")
    return [
        task("document", _("Check the residence document"), document_status(record)),
        task("profile", _("Linguistic profile"), done_or(profile, "not_started")),
        task(
            "orientation",
            _("Orientation and guidance"),
            done_or(record["orientation"], "not_started" if profile else "cannot_start"),
            needs_profile,
        ),
        task(
            "interview",
            _("Interview with a social worker"),
            done_or(record["interview"], "not_started"),
            _("Optional: only if the candidate needs one"),
        ),
        task(
            "formalities",
            _("Formalities document (PDF)"),
            done_or(record["formalities_given"], "not_started"),
            _(
                "Print it or send it to the candidate: "
                "it lists the dates and places of what comes next"
            ),
        ),
        task("contract", _("The contract"), contract_status(record), needs_profile),
    ]


def attended_session(candidate: Candidate):
    booking = (
        candidate.bookings.filter(status=BookingStatus.ATTENDED)
        .select_related("session")
        .order_by("-session__starts_at")
        .first()
    )
    return booking.session if booking else None


@require_GET
@role_required(access.can_run_sessions)
def tasks(request: AuthenticatedHttpRequest, candidate_id) -> HttpResponse:
    candidate = registration_access.get_candidate_for_user(request.user, candidate_id)
    audit_record(action=Action.VIEW, target=candidate, request=request)
    record = session_record(candidate, clock.today())
    all_tasks = candidate_tasks(candidate, record)
    context = {
        "candidate": candidate,
        "session": attended_session(candidate),
        "tasks": all_tasks,
        "completed": sum(t.status == "completed" for t in all_tasks),
        **record,
    }
    return render(request, "intake/tasks.html", context)


def task_page(request: HttpRequest, template: str, candidate: Candidate, **context) -> HttpResponse:
    return render(request, f"intake/{template}.html", {"candidate": candidate, **context})


def done(request: HttpRequest, candidate: Candidate, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("intake:tasks", candidate.pk)


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
