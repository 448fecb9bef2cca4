"""The candidate's information-session pages, reached with the private link (no
account): choose a session, see the booking, move or cancel it until the session
starts, download its calendar invitation, or wait on the waiting list.

The token in the address is the only key (`registration.selectors.candidate_from_token`);
every change goes through `booking.services`, which check the seats and send the
emails. Every POST is rate limited per client address.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.booking import selectors, services
from accueil.booking.forms import PublicWaitlistForm, SessionChoiceForm
from accueil.booking.ics import session_invitation
from accueil.booking.models import Booking, BookingStatus, InformationSession
from accueil.core.http import posted
from accueil.core.languages import language_name, use_their_language
from accueil.core.ratelimit import limit_gets, limit_posts
from accueil.registration import selectors as registration_selectors
from accueil.registration.models import Candidate

MAX_LISTED = 60  # sessions shown in the chooser, earliest first


def _candidate(request: HttpRequest, token: str) -> Candidate:
    candidate = registration_selectors.candidate_from_token(token)
    if candidate is None:
        raise Http404
    # The language saved on their account (chosen on the site, on any device), then the
    # one chosen at registration; one picked in this browser wins over both.
    saved = candidate.user.language if candidate.user else ""
    use_their_language(request, saved, candidate.information_language)
    return candidate


def _started(booking: Booking) -> bool:
    return booking.session.starts_at <= timezone.now()


def _described(session: InformationSession) -> InformationSession:
    """Name the session's languages in the reader's language."""
    session.language_names = [language_name(code) for code in session.languages]
    return session


def _links(request: HttpRequest, token: str) -> dict:
    manage_url = reverse("booking:manage", args=[token])
    return {
        "token": token,
        "manage_url": manage_url,
        "private_link": request.build_absolute_uri(manage_url),
    }


def _closed(request: HttpRequest, token: str, booking: Booking) -> HttpResponse:
    context = {"session": _described(booking.session), **_links(request, token)}
    return render(request, "booking/closed.html", context)


def _cancelled_by_office(candidate: Candidate) -> Booking | None:
    """The last booking, if the Integration Department cancelled its session."""
    last = candidate.bookings.select_related("session").order_by("-created_at").first()
    return last if last and last.status == BookingStatus.SESSION_CANCELLED else None


@require_GET
def manage(request: HttpRequest, token: str) -> HttpResponse:
    candidate = _candidate(request, token)
    audit_record(action=Action.VIEW, target=candidate, request=request)
    state = selectors.booking_state(candidate)
    booking, waiting = state.booking, state.waiting
    context = {
        "candidate": candidate,
        "booking": booking,
        "session": _described(booking.session) if booking else None,
        "started": booking is not None and _started(booking),
        "waiting": waiting,
        "waiting_language": language_name(waiting.language) if waiting and waiting.language else "",
        "session_cancelled": None if booking else _cancelled_by_office(candidate),
        **_links(request, token),
    }
    return render(request, "booking/manage.html", context)


@require_http_methods(["GET", "POST"])
@limit_posts("public")
def choose(request: HttpRequest, token: str) -> HttpResponse:
    """Book a session, or move the booking to another one (the same chooser)."""
    candidate = _candidate(request, token)
    current = selectors.booking_state(candidate).booking
    if current is not None and _started(current):
        return _closed(request, token, current)
    form = SessionChoiceForm(posted(request))
    if form.is_valid():
        chosen = form.cleaned_data["session"]
        try:
            if current is None:
                services.booking_create(candidate=candidate, session=chosen)
            else:
                services.booking_move(booking=current, to_session=chosen)
        except services.SessionFull:
            form.add_error("session", _("That session has just become full: choose another one"))
        except services.SessionClosed:
            form.add_error("session", _("That session is no longer open: choose another one"))
        except (services.AlreadyBooked, services.BookingEnded):
            messages.info(request, _("Your booking changed meanwhile: here is where it stands now"))
            return redirect("booking:manage", token)
        else:
            done = reverse("booking:booked", args=[token])
            return redirect(f"{done}?moved=1" if current else done)
    sessions = selectors.bookable_sessions(
        InformationSession.objects.all(),
        now=timezone.now(),
        exclude=current.session_id if current else None,
    )[:MAX_LISTED]
    context = {
        "form": form,
        "sessions": selectors.for_candidate([_described(s) for s in sessions], candidate),
        "current": _described(current.session) if current else None,
        "candidate": candidate,
        **_links(request, token),
    }
    return render(request, "booking/choose.html", context)


@require_GET
def booked(request: HttpRequest, token: str) -> HttpResponse:
    candidate = _candidate(request, token)
    booking = selectors.booking_state(candidate).booking
    if booking is None:
        return redirect("booking:manage", token)
    context = {
        "candidate": candidate,
        "booking": booking,
        "session": _described(booking.session),
        "moved": request.GET.get("moved") == "1",
        **_links(request, token),
    }
    return render(request, "booking/booked.html", context)


@require_http_methods(["GET", "POST"])
@limit_posts("public")
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    candidate = _candidate(request, token)
    booking = selectors.booking_state(candidate).booking
    if booking is None:
        return redirect("booking:manage", token)
    if request.method == "POST":
        try:
            services.booking_cancel(booking=booking)
        except services.SessionClosed:
            return _closed(request, token, booking)
        except services.BookingEnded:
            return redirect("booking:manage", token)
        return redirect("booking:cancelled", token)
    if _started(booking):
        return _closed(request, token, booking)
    context = {"session": _described(booking.session), **_links(request, token)}
    return render(request, "booking/cancel.html", context)


@require_GET
def cancelled(request: HttpRequest, token: str) -> HttpResponse:
    candidate = _candidate(request, token)
    booking = (
        candidate.bookings.filter(status=BookingStatus.CANCELLED)
        .select_related("session")
        .order_by("-ended_at")
        .first()
    )
    context = {
        "candidate": candidate,
        "booking": booking,
        "session": _described(booking.session) if booking else None,
        **_links(request, token),
    }
    return render(request, "booking/cancelled.html", context)


@require_http_methods(["GET", "POST"])
@limit_posts("public")
def waitlist(request: HttpRequest, token: str) -> HttpResponse:
    """When no session suits: wait for a seat and be booked automatically."""
    candidate = _candidate(request, token)
    form = PublicWaitlistForm(posted(request))
    if form.is_valid():
        try:
            services.waitlist_join(candidate=candidate, **form.wishes())
        except services.AlreadyBooked:
            messages.info(request, _("You already have an information session booked"))
            return redirect("booking:manage", token)
        return redirect("booking:waitlisted", token)
    free = selectors.bookable_sessions(InformationSession.objects.all(), now=timezone.now())
    context = {
        "form": form,
        "candidate": candidate,
        # Seats free now are offered before the wait (understood ones first).
        "free_sessions": sorted(
            selectors.for_candidate([_described(s) for s in free[:MAX_LISTED]], candidate),
            key=lambda session: not session.understood,
        ),
        **_links(request, token),
    }
    return render(request, "booking/waitlist.html", context)


@require_GET
def waitlisted(request: HttpRequest, token: str) -> HttpResponse:
    candidate = _candidate(request, token)
    waiting = selectors.booking_state(candidate).waiting
    if waiting is None:
        return redirect("booking:manage", token)
    context = {"candidate": candidate, "waiting": waiting, **_links(request, token)}
    return render(request, "booking/waitlisted.html", context)


@require_POST
@limit_posts("public")
def waitlist_leave(request: HttpRequest, token: str) -> HttpResponse:
    services.waitlist_leave(candidate=_candidate(request, token))
    messages.success(request, _("You have left the waiting list"))
    return redirect("booking:manage", token)


@require_GET
@limit_gets()  # a calendar file, for anyone with the link: limited per address
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The booked session as a calendar invitation (.ics), in Luxembourg time."""
    booking = selectors.booking_state(_candidate(request, token)).booking
    if booking is None:
        raise Http404
    response = HttpResponse(
        session_invitation(booking), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="information-session.ics"'
    return response
