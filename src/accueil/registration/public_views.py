"""The candidate's online registration, with no account (seed, "How to proceed").

The start page explains the contract; a short check says whether a person may sign
(rule `cai.eligibility`) and why; the question pages ask what the seed lists, one
topic a page, keeping the answers in the session so nothing typed is lost; "Check
your answers" sends them to `registration.services.candidate_submit` with a
one-time submission id, so a second submit of the same form registers nothing more.
Whether the person is new or the identification number is registered already, the
answer is the same "check your email" page: the private link goes to the email
address registered (the owner of a registered number is told someone tried), so
nobody learns from this site who is registered. Every POST is rate limited per
client address.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from accueil.core import clock, countries, references
from accueil.core.http import posted
from accueil.core.languages import use_their_language
from accueil.core.ratelimit import limit_posts
from accueil.registration import forms, selectors, services
from accueil.registration.emails import candidate_email
from accueil.registration.models import Candidate, InformationLanguage
from accueil.rules import Decision, evaluate
from accueil.rules.messages import addressed_to_reader

ANSWERS = "register.answers"  # the answers typed so far, in the session
DONE = "register.done"  # the registration this browser just made, and its submission id


def _always(answers: dict) -> bool:
    return True


@dataclass(frozen=True)
class Step:
    slug: str
    form: type[forms.AnswerForm]
    # Whether the page is asked at all, given the answers so far.
    applies: Callable[[dict], bool] = _always

    def is_open(self, answers: dict) -> bool:
        return self.applies(answers) and not self.form.is_answered(answers)


@dataclass(frozen=True)
class Flow:
    """A sequence of question pages, between a page before and a page after."""

    url_name: str
    steps: tuple[Step, ...]
    end: str
    # Skip pages already answered (in the eligibility check) on the way forward.
    skip_answered: bool

    def step(self, slug: str) -> Step:
        for step in self.steps:
            if step.slug == slug:
                return step
        raise Http404

    def url(self, step: Step) -> str:
        return reverse(self.url_name, args=[step.slug])

    def back_url(self, step: Step, answers: dict) -> str:
        earlier = [s for s in self.steps[: self.steps.index(step)] if s.applies(answers)]
        return self.url(earlier[-1]) if earlier else reverse("register:start")

    def next_url(self, step: Step, answers: dict) -> str:
        later = [s for s in self.steps[self.steps.index(step) + 1 :] if s.applies(answers)]
        if self.skip_answered:
            later = [s for s in later if s.is_open(answers)]
        return self.url(later[0]) if later else reverse(self.end)

    def first_missing(self, answers: dict) -> Step | None:
        return next((s for s in self.steps if s.is_open(answers)), None)


NATIONALITY = Step("nationality", forms.NationalitiesForm)
RESIDENCE = Step("residence", forms.LegalResidenceForm)
SETTLE = Step("settle", forms.SettlementForm)
CHECK = Flow(
    url_name="register:check",
    steps=(Step("date-of-birth", forms.DateOfBirthForm), NATIONALITY, RESIDENCE, SETTLE),
    end="register:check_result",
    skip_answered=False,
)
REGISTER = Flow(
    url_name="register:question",
    steps=(
        Step("name", forms.NameForm),
        Step("national-id", forms.NationalIdForm),
        Step("telephone", forms.PhoneForm),
        Step("contact", forms.ContactForm),
        NATIONALITY,
        RESIDENCE,
        SETTLE,
        Step("language", forms.LanguageForm),
        Step("interpreter", forms.InterpreterForm),
        Step(
            "interpreter-language",
            forms.InterpreterLanguageForm,
            applies=lambda answers: answers.get("interpreter_needed") is True,
        ),
        Step("privacy", forms.ConsentForm),
    ),
    end="register:check_answers",
    skip_answered=True,
)


def _answers(request: HttpRequest) -> dict:
    return dict(request.session.get(ANSWERS) or {})


def _language() -> str:
    lang = get_language() or "en"
    return lang if lang in dict(settings.LANGUAGES) else "en"


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "registration/public/start.html", {"first_check": CHECK.steps[0]})


@require_http_methods(["GET", "POST"])
@limit_posts("steps")
def check_question(request: HttpRequest, slug: str) -> HttpResponse:
    return _question(request, CHECK, slug)


@require_http_methods(["GET", "POST"])
@limit_posts("steps")
def question(request: HttpRequest, slug: str) -> HttpResponse:
    return _question(request, REGISTER, slug)


def _question(request: HttpRequest, flow: Flow, slug: str) -> HttpResponse:
    step = flow.step(slug)
    answers = _answers(request)
    if not step.applies(answers):
        return redirect(flow.next_url(step, answers))
    # A "Change" link from "Check your answers" returns there, and so does its back link.
    changing = flow is REGISTER and request.GET.get("change") == "1"
    initial = step.form.initial_from(answers)
    if request.method == "POST":
        form = step.form(request.POST, initial=initial)
        if form.is_valid():
            answers.update(form.answers())
            request.session[ANSWERS] = answers
            # After a change, "Check your answers" sends on to any question it opened.
            return redirect(reverse(flow.end) if changing else flow.next_url(step, answers))
    else:
        form = step.form(initial=initial)
    context = {
        "form": form,
        "back_url": reverse(flow.end) if changing else flow.back_url(step, answers),
        "in_check": flow is CHECK,
    }
    return render(request, f"registration/public/{step.slug}.html", context)


def _decision_context(decision: Decision) -> dict:
    age = decision.reason("cai.eligibility.age")
    return {
        # The page speaks to the person: "you are 36 years old" (issue 11, point 7).
        "decision": addressed_to_reader(decision).to_dict(_language()),
        "unmet": {reason.code for reason in decision.reasons if reason.met is False},
        "eligible_from": age.params["eligible_from"],
        "minimum_age": age.params["minimum_age"],
    }


@require_GET
def check_result(request: HttpRequest) -> HttpResponse:
    answers = _answers(request)
    if missing := CHECK.first_missing(answers):
        return redirect(CHECK.url(missing))
    decision = evaluate(
        "cai.eligibility",
        {
            "birth_date": answers["check_birth_date"],
            "on": clock.today().isoformat(),
            "nationalities": answers["nationalities"],
            "legally_resident": answers["legally_resident"],
            "wishes_to_settle": answers["wishes_to_settle"],
        },
    )
    context = {**_decision_context(decision), "back_url": CHECK.url(CHECK.steps[-1])}
    return render(request, "registration/public/check_result.html", context)


def _summary_rows(answers: dict) -> list[dict]:
    """The rows of "Check your answers", each with the page that changes it."""
    yes, no = _("Yes"), _("No")
    born = date_format(date.fromisoformat(answers["birth_date"]), "DATE_FORMAT")
    rows = [
        (_("Name"), f"{answers['first_name']} {answers['surname']}", "name"),
        (_("National identification number"), answers["national_id"], "national-id"),
        (_("Date of birth"), born, None),
        (_("Telephone number"), answers["phone"], "telephone"),
        (_("Email address"), answers["email"] or _("Not given"), "contact"),
        (_("Postal address"), answers["postal_address"] or _("Not given"), "contact"),
        (
            _("Nationality"),
            countries.names(answers["nationalities"]),
            "nationality",
        ),
        (_("Lives legally in Luxembourg"), yes if answers["legally_resident"] else no, "residence"),
        (
            _("Wishes to settle in Luxembourg permanently"),
            yes if answers["wishes_to_settle"] else no,
            "settle",
        ),
        (
            _("Language for information about the contract"),
            InformationLanguage(answers["information_language"]).label,
            "language",
        ),
        (
            _("Interpreter at the information session"),
            answers.get("interpreter_language") or _("Not needed"),
            "interpreter",
        ),
    ]
    return [
        {
            "key": key,
            "value": value,
            "url": f"{reverse('register:question', args=[slug])}?change=1" if slug else "",
        }
        for key, value, slug in rows
    ]


def _registration_data(answers: dict) -> services.RegistrationData:
    return services.RegistrationData(
        surname=answers["surname"],
        first_name=answers["first_name"],
        national_id=answers["national_id"],
        birth_date=date.fromisoformat(answers["birth_date"]),
        phone=answers["phone"],
        information_language=answers["information_language"],
        nationalities=list(answers["nationalities"]),
        email=answers["email"],
        postal_address=answers["postal_address"],
        interpreter_needed=answers["interpreter_needed"],
        interpreter_language=answers.get("interpreter_language", "")
        if answers["interpreter_needed"]
        else "",
        legally_resident=answers["legally_resident"],
        wishes_to_settle=answers["wishes_to_settle"],
    )


@require_http_methods(["GET", "POST"])
@limit_posts("public")
def check_answers(request: HttpRequest) -> HttpResponse:
    answers = _answers(request)
    if request.method == "POST":
        return _submit(request, answers)
    if missing := REGISTER.first_missing(answers):
        return redirect(REGISTER.url(missing))
    if "submission_id" not in answers:
        answers["submission_id"] = str(uuid.uuid4())
        request.session[ANSWERS] = answers
    context = {
        "rows": _summary_rows(answers),
        "submission_id": answers["submission_id"],
        "back_url": REGISTER.url(REGISTER.steps[-1]),
    }
    return render(request, "registration/public/check_answers.html", context)


def _submit(request: HttpRequest, answers: dict) -> HttpResponse:
    posted = request.POST.get("submission_id", "")
    if posted and posted == (request.session.get(DONE) or {}).get("submission_id"):
        return redirect("register:complete")  # a second click on "Send"
    if missing := REGISTER.first_missing(answers):
        return redirect(REGISTER.url(missing))
    if posted != answers.get("submission_id"):
        return redirect("register:check_answers")  # a form from an older visit
    try:
        services.candidate_submit(
            data=_registration_data(answers), submission_id=uuid.UUID(posted), request=request
        )
    except services.NotEligible as refused:
        context = {**_decision_context(refused.decision), "back_url": reverse(REGISTER.end)}
        return render(request, "registration/public/not_eligible.html", context)
    # A new registration, or a number registered already: the same answer.
    # Whether the sender gave an email address (their own answer, not whether anyone
    # was registered): the next page says where the private link goes.
    request.session[DONE] = {"submission_id": posted, "by_post": not answers["email"]}
    request.session.pop(ANSWERS, None)
    return redirect("register:complete")


@require_GET
@never_cache
def complete(request: HttpRequest) -> HttpResponse:
    """The same page whoever the registration turned out to be: "check your email", or
    "a letter is on its way" to someone who gave only a postal address, and the
    reference number, drawn from the submission (a new registration stores it; for a
    number registered already it names nothing, and the page says no more)."""
    done = request.session.get(DONE)
    if not done:
        return redirect("register:start")
    context = {
        "by_post": bool(done.get("by_post")),
        "reference": _reference(done.get("submission_id")),
    }
    return render(request, "registration/public/complete.html", context)


def _reference(submission_id: object) -> str | None:
    """The reference of this submission; None for a session kept from before references
    (its submission key is not a UUID), which the page then does not show."""
    try:
        return references.from_uuid("R", uuid.UUID(str(submission_id)))
    except ValueError:
        return None


@require_http_methods(["GET", "POST"])
@limit_posts("public")
def link_request(request: HttpRequest) -> HttpResponse:
    """Send the private link again; the answer never says whether anyone matched."""
    form = forms.LinkRequestForm(posted(request))
    if form.is_valid():
        candidate = Candidate.objects.filter(
            national_id=form.cleaned_data["national_id"],
            email__iexact=form.cleaned_data["email"],
        ).first()
        if candidate is not None:
            # Only the link about to be sent works from now on. The email is queued, so
            # a match answers about as fast as no match.
            services.access_renew(candidate, request=request)
            candidate_email("access_link", candidate.pk)
        return redirect("register:link_sent")
    return render(
        request,
        "registration/public/link_request.html",
        {"form": form, "back_url": reverse("register:start")},
    )


@require_GET
def link_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "registration/public/link_sent.html")


# The candidate's contact details, from their private link (issue 11 point 15).


def _from_link(request: HttpRequest, token: str) -> Candidate:
    candidate = selectors.candidate_from_token(token)
    if candidate is None:
        raise Http404
    use_their_language(request, candidate.information_language)
    return candidate


@require_http_methods(["GET", "POST"])
@limit_posts("public")
@never_cache
def my_details(request: HttpRequest, token: str) -> HttpResponse:
    """Change the telephone number, email and postal address; a new email address is
    used once confirmed from the link sent to it."""
    candidate = _from_link(request, token)
    initial = {
        "phone": candidate.phone,
        "email": candidate.pending_email or candidate.email,
        "postal_address": candidate.postal_address,
    }
    form = forms.ContactDetailsForm(
        posted(request), initial=initial, has_account=candidate.user_id is not None
    )
    if request.method == "POST" and form.is_valid():
        changed = services.contact_details_change(candidate, **form.cleaned_data, request=request)
        if "pending_email" in changed and candidate.pending_email:
            messages.success(
                request,
                _("Your details are saved. Open the link we sent to %(email)s to use it.")
                % {"email": candidate.pending_email},
            )
        elif changed:
            messages.success(request, _("Your details are saved."))
        else:
            messages.info(request, _("Nothing was changed."))
        return redirect("registration:my_details", token)
    context = {
        "form": form,
        "candidate": candidate,
        "manage_url": reverse("booking:manage", args=[token]),
    }
    return render(request, "registration/public/my_details.html", context)


@require_http_methods(["GET", "POST"])
@limit_posts("public")
@never_cache
def email_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; only the POST confirms, so that mail scanners opening the
    link do not use it."""
    found = selectors.email_to_confirm(token)
    if found is None:
        return render(request, "registration/public/email_confirm_expired.html", status=404)
    candidate, email = found
    use_their_language(request, candidate.information_language)
    context = {"candidate": candidate, "email": email}
    if request.method == "POST":
        try:
            confirmed = services.email_change_confirm(candidate, email, request=request)
        except services.EmailTaken:
            context["taken"] = True
            return render(request, "registration/public/email_confirm.html", context, status=409)
        if not confirmed:
            return render(request, "registration/public/email_confirm_expired.html", status=404)
        context["done"] = True
    return render(request, "registration/public/email_confirm.html", context)
