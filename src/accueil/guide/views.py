"""The guided questionnaire: one question a page, check your answers, the personal
result, its PDF and the private link that reopens it. No account is needed.

The session keeps the draft (the raw answers and the private link's token); saving
from "Check your answers" stores the answers server-side behind that token. Only the
rules decide which questions to ask (`engine.questions`), and an answer that a change
makes irrelevant is dropped.

Only the browser that saved answers behind a link may change them: the session keeps
the hashes of the links it saved (OWNED). The link opened in any other browser shows
the saved result read-only (VIEWING); a change there starts a new copy, saved behind a
new link of that browser's own, and the owner's answers stay as they were. So a link
planted on someone cannot collect their answers.
"""

import smtplib

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accueil.accounts import access
from accueil.accounts.models import Role
from accueil.core import clock
from accueil.core.ratelimit import limit_gets, limit_posts
from accueil.guide import engine, present, services
from accueil.guide.documents import result_pdf
from accueil.guide.forms import EmailLinkForm, QuestionForm
from accueil.guide.path import path_dates

ANSWERS = "guide.answers"
TOKEN = "guide.token"  # noqa: S105 (a session key, not a secret): the link being edited
OWNED = "guide.owned"  # the hashes of the private links this browser saved
VIEWING = "guide.viewing"  # a link this browser did not save, opened read-only
MOST_OWNED = 20


def language() -> str:
    lang = get_language() or "en"
    return lang if lang in dict(settings.LANGUAGES) else "en"


def _answers(request: HttpRequest) -> dict:
    return dict(request.session.get(ANSWERS) or {})


def _keep(request: HttpRequest, answers: dict) -> None:
    """Keep the draft; once saved behind this browser's own private link, the saved copy
    follows it. A change to answers opened read-only leaves the link's copy alone: the
    draft is saved behind a new link from "Check your answers"."""
    answers = engine.relevant_only(answers)
    request.session[ANSWERS] = answers
    request.session.pop(VIEWING, None)
    if token := request.session.get(TOKEN):
        services.answers_save(answers=answers, language=language(), token=token)


def _own(request: HttpRequest, token: str) -> None:
    """Edit `token`'s answers from now on in this browser, which saved them."""
    owned = [h for h in request.session.get(OWNED, []) if h != services.token_hash(token)]
    request.session[OWNED] = [*owned, services.token_hash(token)][-MOST_OWNED:]
    request.session[TOKEN] = token
    request.session.pop(VIEWING, None)


def _link_token(request: HttpRequest) -> str | None:
    return request.session.get(TOKEN) or request.session.get(VIEWING)


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "guide/start.html", {"has_answers": bool(_answers(request))})


@require_GET
def resume(request: HttpRequest) -> HttpResponse:
    """On to the first question still open, or to the check page when none is."""
    answers = _answers(request)
    following = engine.next_open(answers)
    if following is None:
        return redirect("guide:check")
    return redirect("guide:question", fact=following.fact)


def _position(asked: tuple, fact: str) -> tuple[int, int]:
    facts = [q.fact for q in asked]
    return facts.index(fact) + 1, len(facts)


@require_http_methods(["GET", "POST"])
@limit_posts("steps")
def question(request: HttpRequest, fact: str) -> HttpResponse:
    q = engine.question(fact)
    if q is None:
        raise Http404
    answers = _answers(request)
    asked = engine.questions(answers)
    if fact not in {a.fact for a in asked}:
        return redirect("guide:resume")
    changing = request.GET.get("change") == "1"
    lang = language()
    if request.method == "POST":
        form = QuestionForm(q, lang, request.POST)
        if form.is_valid():
            answers[fact] = form.value()
            _keep(request, answers)
            return redirect("guide:check" if changing else "guide:resume")
    else:
        form = QuestionForm(q, lang, answer=answers.get(fact), answered=fact in answers)
    number, total = _position(asked, fact)
    context = {
        "form": form,
        "first_field": next(iter(form)),
        "question": present.question(q, lang),
        "number": number,
        "total": total,
        "back_url": reverse("guide:check") if changing else _back_url(asked, fact),
    }
    return render(request, "guide/question.html", context)


def _back_url(asked: tuple, fact: str) -> str:
    facts = [q.fact for q in asked]
    at = facts.index(fact)
    if at == 0:
        return reverse("guide:start")
    return reverse("guide:question", args=[facts[at - 1]])


@require_http_methods(["GET", "POST"])
@limit_posts("public")
def check(request: HttpRequest) -> HttpResponse:
    answers = _answers(request)
    following = engine.next_open(answers)
    if following is not None:
        return redirect("guide:question", fact=following.fact)
    if request.method == "POST":
        token = services.answers_save(
            answers=answers, language=language(), token=request.session.get(TOKEN)
        )
        _own(request, token)
        return redirect("guide:result")
    asked = engine.questions(answers)
    context = {
        "rows": present.summary_rows(asked, answers, language()),
        "back_url": reverse("guide:question", args=[asked[-1].fact]) if asked else "",
    }
    return render(request, "guide/check.html", context)


def current_assessment(request: HttpRequest):
    """(answers, the rules' result) behind this browser's result; None before there is one."""
    answers = _answers(request)
    if not _link_token(request) or engine.next_open(answers) is not None:
        return None
    return answers, engine.assess(answers, clock.today())


def _private_link(request: HttpRequest) -> str:
    return request.build_absolute_uri(reverse("guide:saved", args=[_link_token(request)]))


def _result_page(request: HttpRequest, assessed: tuple, form: EmailLinkForm) -> HttpResponse:
    answers, found = assessed
    context = {
        "result": present.result(found, language()),
        "for_path": path_dates(answers, found),
        "is_candidate": access.has_role(request.user, Role.CANDIDATE),
        "private_link": _private_link(request),
        "read_only": not request.session.get(TOKEN),
        "rows": present.summary_rows(engine.questions(answers), answers, language()),
        "form": form,
    }
    return render(request, "guide/result.html", context)


@require_http_methods(["GET", "POST"])
@limit_posts("public")
def result(request: HttpRequest) -> HttpResponse:
    """The result, and the form that emails its private link to an address given for
    this once (it is not stored). The form posts to this page, so a mistyped address is
    shown here, at a URL that the language switch and "sign in" can come back to."""
    assessed = current_assessment(request)
    if assessed is None:
        return redirect("guide:resume")
    if request.method != "POST":
        return _result_page(request, assessed, EmailLinkForm())
    form = EmailLinkForm(request.POST)
    if not form.is_valid():
        return _result_page(request, assessed, form)
    try:
        services.link_send(email=form.cleaned_data["email"], link=_private_link(request))
    except (OSError, smtplib.SMTPException):
        form.add_error("email", _("The email could not be sent now. Copy the link instead."))
        return _result_page(request, assessed, form)
    messages.success(request, _("We sent the link to the email address you gave."))
    return redirect("guide:result")


@require_http_methods(["GET", "POST"])
def email_link(request: HttpRequest) -> HttpResponse:
    """The form's former address: a GET (a page reloaded, a link kept) comes back to the
    result, and a POST is sent on to it as it is (HTTP 307)."""
    return redirect("guide:result", preserve_request=True)


@require_GET
@limit_gets()  # a PDF drawn by WeasyPrint, for anyone: limited per address
def pdf(request: HttpRequest) -> HttpResponse:
    assessed = current_assessment(request)
    if assessed is None:
        return redirect("guide:resume")
    answers, found = assessed
    rows = present.summary_rows(engine.questions(answers), answers, language())
    shown = present.result(found, language())
    response = HttpResponse(result_pdf(shown, rows), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="my-guide.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def saved(request: HttpRequest, token: str) -> HttpResponse:
    """The private link: the saved answers come back into this browser's session, to
    edit in the browser that saved them, read-only in any other."""
    record = services.answers_open(token=token)
    if record is None:
        return render(request, "guide/link_expired.html", status=404)
    request.session[ANSWERS] = engine.relevant_only(record.answers)
    if record.token_hash in request.session.get(OWNED, []):
        _own(request, token)
    else:
        request.session.pop(TOKEN, None)
        request.session[VIEWING] = token
    return redirect("guide:result")


@require_POST
def start_again(request: HttpRequest) -> HttpResponse:
    """Forget this browser's answers (the saved copy stays behind its link)."""
    request.session.pop(ANSWERS, None)
    request.session.pop(TOKEN, None)
    request.session.pop(VIEWING, None)
    return redirect("guide:start")
