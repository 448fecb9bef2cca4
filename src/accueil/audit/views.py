"""The audit trail, for the data-protection officer and administrators."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from accueil.accounts import access
from accueil.accounts.decorators import role_required
from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.accounts.models import Role
from accueil.audit import access as audit_access
from accueil.audit.forms import RecordFilterForm


@require_GET
@role_required(access.can_see_audit_trail)
def event_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    events = audit_access.audit_events_for_user(request.user).select_related("actor")
    form = RecordFilterForm(request.GET, auto_id="%s")
    record = form.record_id()
    if record:
        events = events.filter(target_id=record)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    context = {"page": page, "form": form, "record": record, "Role": Role}
    return render(request, "audit/event_list.html", context)
