"""The calendar of citizenship-course sessions and orientation days: a public list of
what is coming, and the officers' pages to add and change events (through
`training.services`, which audits)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accueil.accounts import access
from accueil.accounts.decorators import role_required
from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.core import clock
from accueil.core.http import posted
from accueil.core.languages import language_name
from accueil.training import access as training_access
from accueil.training import forms, services
from accueil.training.models import CourseEvent

EVENTS_PER_PAGE = 50


@require_GET
def calendar(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Anyone may see the dates: they are on the formalities document too."""
    today = clock.start_of_day(clock.today())
    events = (
        CourseEvent.objects.filter(ends_at__gte=today)
        .select_related("provider")
        .order_by("starts_at", "pk")
    )
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    for event in page.object_list:
        event.language_names = [language_name(code) for code in event.languages]
    context = {"page": page, "can_edit": access.can_manage_course_calendar(request.user)}
    return render(request, "training/calendar.html", context)


@require_http_methods(["GET", "POST"])
@role_required(access.can_manage_course_calendar)
def event_add(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = forms.CourseEventForm(
        posted(request),
        organisers=training_access.course_organisers_for_user(request.user),
    )
    if request.method == "POST" and form.is_valid():
        services.course_event_create(data=form.event_data(), actor=request.user)
        messages.success(request, _("The event is added to the calendar."))
        return redirect("training:calendar")
    return render(request, "training/event_form.html", {"form": form, "event": None})


@require_http_methods(["GET", "POST"])
@role_required(access.can_manage_course_calendar)
def event_edit(request: AuthenticatedHttpRequest, event_id: int) -> HttpResponse:
    event = training_access.get_course_event_for_editing(request.user, event_id)
    form = forms.CourseEventForm(
        posted(request),
        organisers=training_access.course_organisers_for_user(request.user),
        initial=forms.CourseEventForm.initial_from(event),
    )
    if request.method == "POST" and form.is_valid():
        services.course_event_update(event=event, data=form.event_data(), actor=request.user)
        messages.success(request, _("The event is changed."))
        return redirect("training:calendar")
    return render(request, "training/event_form.html", {"form": form, "event": event})
