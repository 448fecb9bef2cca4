"""The calculators' pages: a GOV.UK form, then the result panel with its reasons and
their sources. Results are shown on the page that posted them: no date goes in a URL."""

from datetime import date

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accueil.core.http import posted
from accueil.core.ratelimit import limit_posts
from accueil.guide import engine, present
from accueil.guide.calculators import CALCULATORS, DecisionForm, TranslationForm
from accueil.guide.views import language
from accueil.rules import FactError, evaluate


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "guide/calculators/index.html", {"calculators": CALCULATORS.values()})


def _form(calculator, data=None):
    if calculator.form in (DecisionForm, TranslationForm):
        return calculator.form(data, lang=language())
    return calculator.form(data)


@require_http_methods(["GET", "POST"])
@limit_posts("steps")
def calculator(request: HttpRequest, slug: str) -> HttpResponse:
    calc = CALCULATORS.get(slug)
    if calc is None:
        raise Http404
    form = _form(calc, posted(request))
    answer = None
    lang = language()
    if form.is_bound and form.is_valid():
        try:
            decision = evaluate(calc.rule, calc.facts(form.cleaned_data))
        except FactError as refused:  # a date the rules do not cover (before 29 August 2008)
            form.add_error(calc.field_of(refused.fact), engine.refusal(refused, lang))
        else:
            answer = {
                "heading": calc.heading,
                "dates": [
                    (
                        # "Label:" as the page's language writes it (French: "Libellé :")
                        _("%(label)s:") % {"label": label},
                        present.day(value) if isinstance(value, date) else str(value),
                    )
                    for label, value in calc.dates(decision)
                ],
                "reasons": [present.reason(r, lang) for r in decision.reasons],
            }
    context = {"calculator": calc, "form": form, "answer": answer}
    return render(request, "guide/calculators/calculator.html", context)
