"""The data subject's pages (issue 14, points 1 and 2; seed 000, "Forms / Online
services"): the candidate's copy of their data and their requests; the
data-protection officer's queue; the integration officers' rectifications.

Every download of the copy is audited (Action.EXPORT); every request opened by staff
is audited (Action.VIEW). The requests are reached only through `privacy.access`.
"""

import json
from datetime import date
from typing import cast

from django.contrib import messages
from django.db.models import Field
from django.forms import ChoiceField
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accueil.accounts.decorators import role_required
from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.core import clock
from accueil.core.http import posted
from accueil.privacy import access, forms, services
from accueil.privacy.documents import personal_data_pdf
from accueil.privacy.models import CLOSED_STATUSES, DataSubjectRequest, RequestKind
from accueil.privacy.selectors import personal_data
from accueil.registration import selectors as registration_selectors
from accueil.registration.models import Candidate
from accueil.rules.data_subject import is_overdue

KINDS = {kind.value: kind for kind in RequestKind}


def _own(request: AuthenticatedHttpRequest) -> Candidate:
    candidate = access.own_candidate(request.user)
    if candidate is None:
        raise Http404
    return candidate


@require_GET
@role_required(access.can_exercise_rights)
def my_data(request: AuthenticatedHttpRequest) -> HttpResponse:
    candidate = _own(request)
    requests = list(access.requests_for_user(request.user).order_by("-received_at", "-pk"))
    details_url = reverse(
        "registration:my_details", args=[registration_selectors.access_token(candidate)]
    )
    context = {"candidate": candidate, "requests": requests, "details_url": details_url}
    context["kinds"] = list(RequestKind)
    context["open_kinds"] = {item.kind for item in requests if item.is_open}
    return render(request, "privacy/my_data.html", context)


def _export(request: AuthenticatedHttpRequest, fmt: str) -> tuple[Candidate, dict]:
    candidate = _own(request)
    audit_record(action=Action.EXPORT, target=candidate, request=request, reason=f"copy ({fmt})")
    return candidate, personal_data(candidate)


@require_GET
@role_required(access.can_exercise_rights)
def my_data_json(request: AuthenticatedHttpRequest) -> HttpResponse:
    _candidate, data = _export(request, "json")
    body = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@role_required(access.can_exercise_rights)
def my_data_pdf(request: AuthenticatedHttpRequest) -> HttpResponse:
    candidate, data = _export(request, "pdf")
    pdf = personal_data_pdf(data, name=f"{candidate.first_name} {candidate.surname}")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="my-data.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
@role_required(access.can_exercise_rights)
def ask(request: AuthenticatedHttpRequest, kind: str) -> HttpResponse:
    if kind not in KINDS:
        raise Http404
    candidate = _own(request)
    form: forms.RectificationForm | forms.ReasonsForm
    if kind == RequestKind.RECTIFICATION:
        form = forms.RectificationForm(posted(request), candidate=candidate, today=clock.today())
    else:
        form = forms.ReasonsForm(posted(request), kind=kind)
    if request.method == "POST" and form.is_valid():
        changes = form.changes() if isinstance(form, forms.RectificationForm) else None
        _made, created = services.request_submit(
            candidate,
            kind=kind,
            details=form.cleaned_data["details"],
            changes=changes,
            request=request,
        )
        if created:
            messages.success(request, _("We received your request. We answer it within a month."))
        else:
            messages.info(request, _("You already made this request: we are working on it."))
        return redirect("privacy:my_data")
    return render(request, "privacy/ask.html", {"form": form, "kind": KINDS[kind]})


def _queue_rows(requests: list[DataSubjectRequest]) -> list[dict]:
    """Overdue first, then the open ones by deadline, then those answered, latest first."""
    today = clock.today()

    def order(item: DataSubjectRequest) -> tuple:
        overdue = item.is_open and is_overdue(item.deadline, today)
        deadline = item.deadline.toordinal() * (1 if item.is_open else -1)
        return (not overdue, not item.is_open, deadline, item.pk)

    return [
        {"item": item, "overdue": item.is_open and is_overdue(item.deadline, today)}
        for item in sorted(requests, key=order)
    ]


@require_GET
@role_required(access.can_work_request_queue)
def queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    rows = _queue_rows(list(access.requests_for_user(request.user)))
    return render(
        request,
        "privacy/dpo/queue.html",
        {"rows": rows, "overdue": sum(row["overdue"] for row in rows)},
    )


@require_http_methods(["GET", "POST"])
@role_required(access.can_work_request_queue)
def answer(request: AuthenticatedHttpRequest, request_id: int) -> HttpResponse:
    """The request, and the forms to start it, extend its deadline and answer it."""
    subject_request = access.get_request_for_user(request.user, request_id)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    answer_form = forms.AnswerForm(posted(request) if action == "answer" else None)
    extend_form = forms.ExtendForm(posted(request) if action == "extend" else None)
    try:
        if action == "start":
            services.request_start(subject_request=subject_request, actor=request.user)
            return redirect("privacy:answer", subject_request.pk)
        if action == "extend" and extend_form.is_valid():
            services.request_extend(
                subject_request=subject_request,
                further_months=extend_form.cleaned_data["further_months"],
                reason=extend_form.cleaned_data["extension_reason"],
                actor=request.user,
            )
            messages.success(request, _("The deadline is extended."))
            return redirect("privacy:answer", subject_request.pk)
        if (
            action == "answer"
            and subject_request.kind != RequestKind.RECTIFICATION
            and answer_form.is_valid()
        ):
            services.request_answer(
                subject_request=subject_request,
                granted=answer_form.cleaned_data["outcome"] == forms.GRANTED,
                answer=answer_form.cleaned_data["answer"],
                actor=request.user,
            )
            messages.success(request, _("The request is answered. The candidate is told."))
            return redirect("privacy:queue")
    except services.AlreadyAnswered:
        messages.info(request, _("This request was answered already."))
        return redirect("privacy:queue")
    except services.NotExtendable:
        extend_form.add_error(
            "further_months", _("The new deadline must be later than the current one")
        )
    if request.method == "GET":
        audit_record(action=Action.VIEW, target=subject_request, request=request)
    form = extend_form if action == "extend" else answer_form
    context = {
        "subject_request": subject_request,
        "answer_form": answer_form,
        "extend_form": extend_form,
        "form": form,
        "overdue": subject_request.is_open and is_overdue(subject_request.deadline, clock.today()),
        "closed": subject_request.status in CLOSED_STATUSES,
        "asked": _asked_rows(subject_request, subject_request.candidate),
    }
    return render(request, "privacy/dpo/answer.html", context)


@require_GET
@role_required(access.can_decide_rectifications)
def rectifications(request: AuthenticatedHttpRequest) -> HttpResponse:
    rows = _queue_rows([item for item in access.requests_for_user(request.user) if item.is_open])
    return render(request, "privacy/officer/rectifications.html", {"rows": rows})


@require_http_methods(["GET", "POST"])
@role_required(access.can_decide_rectifications)
def rectification(request: AuthenticatedHttpRequest, request_id: int) -> HttpResponse:
    subject_request = access.get_request_for_user(request.user, request_id)
    if not subject_request.is_open:
        messages.info(request, _("This request was answered already."))
        return redirect("privacy:rectifications")
    form = forms.AnswerForm(posted(request))
    cast(ChoiceField, form.fields["outcome"]).choices = [
        (forms.GRANTED, _("Approve the correction")),
        (forms.REFUSED, _("Refuse the correction")),
    ]
    if request.method == "POST" and form.is_valid():
        try:
            services.rectification_decide(
                subject_request=subject_request,
                approved=form.cleaned_data["outcome"] == forms.GRANTED,
                answer=form.cleaned_data["answer"],
                actor=request.user,
            )
        except services.AlreadyAnswered:
            messages.info(request, _("This request was answered already."))
        except services.IdentityTaken:
            form.add_error(
                "outcome",
                _(
                    "Another registration has this national identification number: refuse, or"
                    " check with the candidate"
                ),
            )
        else:
            messages.success(request, _("The decision is recorded. The candidate is told."))
            return redirect("privacy:rectifications")
    if request.method == "GET":
        audit_record(action=Action.VIEW, target=subject_request, request=request)
    candidate = subject_request.candidate
    asked = _asked_rows(subject_request, candidate)
    context = {"subject_request": subject_request, "form": form, "asked": asked}
    return render(request, "privacy/officer/rectification.html", context)


def _asked_rows(subject_request: DataSubjectRequest, candidate: Candidate | None) -> list:
    """Each detail asked: its label, the value held, the value asked."""
    rows = []
    for name, value in subject_request.changes.items():
        field = cast(Field, Candidate._meta.get_field(name))
        held = getattr(candidate, name, "") if candidate else ""
        asked = date.fromisoformat(value) if name == "birth_date" else value
        rows.append({"name": name, "label": field.verbose_name, "held": held, "asked": asked})
    return rows
