"""The audit trail's pages.

- The data-protection officer searches the whole trail (by person, record, the actor's
  role or organisation, action, dates) and exports it as CSV; an administrator, the
  part `access.audit_events_for_user` gives them. The search is a POST form: a person is
  found by their national identification number, which must not go into an address.
- A candidate sees who accessed their data and when (seed 000, "Forms / Online
  services"): the role and the organisation, never a personal name; their own actions
  as "you".
"""

import csv
from collections.abc import Iterator
from datetime import timedelta
from typing import cast

from django.core.paginator import Paginator
from django.db.models import Max, QuerySet
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accueil.accounts import access
from accueil.accounts.decorators import role_required
from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.accounts.models import Role
from accueil.audit import access as audit_access
from accueil.audit.forms import TrailSearchForm
from accueil.audit.models import Action, AuditEvent
from accueil.audit.services import audit_about, audit_record, subjects_of_national_id
from accueil.core import clock

PAGE_SIZE = 50
EXPORT_REASON = "audit trail csv"
SEARCH_REASON = "audit trail searched by person"


def _filtered(events: QuerySet[AuditEvent], data: dict, subjects: list) -> QuerySet[AuditEvent]:
    if data.get("person"):
        events = events.filter(subject__in=subjects)
    if data.get("record_type"):
        events = events.filter(target_type=data["record_type"])
    if data.get("record"):
        events = events.filter(target_id=data["record"])
    if data.get("role"):
        events = events.filter(actor_role=data["role"])
    if data.get("organisation"):
        events = events.filter(actor_organisation=data["organisation"])
    if data.get("action"):
        events = events.filter(action=data["action"])
    if data.get("since"):
        events = events.filter(at__gte=clock.start_of_day(data["since"]))
    if data.get("until"):  # DayField: a year up to 2199, so the day after exists
        events = events.filter(at__lt=clock.start_of_day(data["until"] + timedelta(days=1)))
    return events


@require_http_methods(["GET", "POST"])
@role_required(access.can_see_audit_trail)
def event_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    by_person = audit_access.can_search_by_person(request.user)
    events = audit_access.audit_events_for_user(request.user).select_related(
        "actor", "actor_organisation"
    )
    form = TrailSearchForm(
        request.POST if request.method == "POST" else None, by_person=by_person, auto_id="%s"
    )
    searched = request.method == "POST" and form.is_valid()
    subjects: list = []
    # What was in the trail when the request came: the search's own events are not found.
    last = AuditEvent.objects.aggregate(last=Max("pk"))["last"] or 0
    events = events.filter(pk__lte=last)
    if searched:
        person = form.cleaned_data.get("person", "")
        subjects = subjects_of_national_id(person) if person else []
        events = _filtered(events, form.cleaned_data, subjects)
        if "export" in request.POST:
            return _export(request, events, form, subjects)
        if subjects:
            audit_about(
                request=request, subjects=subjects, action=Action.SEARCH, reason=SEARCH_REASON
            )
    elif request.method == "POST":
        events = events.none()
    page = Paginator(events, PAGE_SIZE).get_page(request.POST.get("page"))
    context = {"page": page, "form": form, "searched": searched, "Role": Role}
    return render(request, "audit/event_list.html", context)


def _cell(value: object) -> str:
    """A cell a spreadsheet will not read as a formula."""
    text = str(value) if value is not None else ""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class _Line:
    def write(self, value: str) -> str:
        return value


def _rows(events: QuerySet[AuditEvent]) -> Iterator[str]:
    writer = csv.writer(_Line(), lineterminator="\r\n")
    yield writer.writerow(
        [
            "at",
            "actor_id",
            "actor",
            "actor_role",
            "actor_organisation",
            "action",
            "record_type",
            "record_id",
            "subject",
            "fields",
            "reason",
            "ip_address",
        ]
    )
    for event in events.order_by("at", "id").iterator(chunk_size=2000):
        yield writer.writerow(
            _cell(value)
            for value in (
                event.at.isoformat(),
                event.actor_id or "",
                event.actor or "",
                event.actor_role,
                event.actor_organisation.name if event.actor_organisation else "",
                event.action,
                event.target_type,
                event.target_id,
                event.subject or "",
                " ".join(event.fields),
                event.reason,
                event.ip_address or "",
            )
        )


def _export(
    request: AuthenticatedHttpRequest,
    events: QuerySet[AuditEvent],
    form: TrailSearchForm,
    subjects: list,
) -> HttpResponse:
    """The events found, as CSV (streamed: a whole trail may not fit in memory); the
    export is in the trail itself (the filters' names, never what was typed in them),
    once for each person searched for."""
    if subjects:
        audit_about(
            request=request,
            subjects=subjects,
            action=Action.EXPORT,
            reason=EXPORT_REASON,
            fields=form.used(),
        )
    else:
        audit_record(
            action=Action.EXPORT, request=request, reason=EXPORT_REASON, fields=form.used()
        )
    response = StreamingHttpResponse(_rows(events), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audit-trail.csv"'
    return cast(HttpResponse, response)  # the decorators pass any response on


def who_label(event: AuditEvent, user) -> str:
    """Who acted, as the candidate is told: "You", or a role and an organisation in
    their language, never a personal name."""
    if event.actor_id is not None and event.actor_id == user.pk:
        return _("You")
    if not event.actor_role:
        if event.action == Action.SIGN_IN_FAILED:
            return _("Someone trying to sign in to your account")
        if event.ip_address:  # a request without an account: a private link's
            return _("Someone with your private link (most likely you)")
        return _("Accueil, automatically")
    if event.actor_role == Role.CANDIDATE:
        return _("You")  # a candidate's own account only acts on their own data
    role = event.actor_role_label()
    if event.actor_organisation is not None:
        return _("%(role)s, %(organisation)s") % {
            "role": role,
            "organisation": str(event.actor_organisation),
        }
    return role


@require_GET
@role_required(audit_access.can_see_own_trail)
def my_trail(request: AuthenticatedHttpRequest) -> HttpResponse:
    events = audit_access.own_events(request.user).select_related("actor_organisation")
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {
            "at": event.at,
            "who": who_label(event, request.user),
            "what": event.get_action_display(),
            "record": event.target_kind(),
        }
        for event in page.object_list
    ]
    return render(request, "audit/my_trail.html", {"page": page, "rows": rows})
