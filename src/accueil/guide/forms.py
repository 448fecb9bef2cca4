"""One form per question of the guide, built from the rules' `Question`.

A question of kind yes_no, choice, multi_choice, date, country_list or number becomes
the matching GOV.UK input. The rules read what the form sent (`parse_answer`) and the
form gives back the answer as the JSON value the rules keep; what they refuse is shown
next to the field, in the page's language.
"""

from collections.abc import Mapping

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accueil.core import countries
from accueil.core.govuk import YES_NO, Checkboxes, DayField, GovukForm, Radios
from accueil.guide import engine
from accueil.rules import FactError

COUNTRIES = 3  # as many selects as registration offers for nationalities
REFUSED = {
    "yes_no": _("Select yes or no"),
    "choice": _("Select one of the answers"),
    "multi_choice": _("Select the answers that apply"),
    "date": _("The date must be a real date, like 27 3 2026"),
    "country_list": _("Select a country from the list"),
    "number": _("Enter a number, like 3"),
}


def text(labels: Mapping[str, str] | str, lang: str) -> str:
    """A rules label in the page's language (labels come as {en, fr, de})."""
    if isinstance(labels, str):
        return labels
    return labels.get(lang) or labels.get("en", "")


def _choices(q, lang: str) -> list[tuple[str, str]]:
    return [(c.value, text(c.label, lang)) for c in q.choices]


def _field(q, lang: str) -> forms.Field:
    label, hint = text(q.label, lang), text(q.hint, lang) if q.hint else ""
    refused = {"required": REFUSED[q.kind], "invalid_choice": REFUSED[q.kind]}
    if q.kind == "yes_no":
        choices = _choices(q, lang) if q.choices else YES_NO
        return forms.ChoiceField(
            label=label, help_text=hint, choices=choices, widget=Radios, error_messages=refused
        )
    if q.kind == "choice":
        return forms.ChoiceField(
            label=label,
            help_text=hint,
            choices=_choices(q, lang),
            widget=Radios,
            error_messages=refused,
        )
    if q.kind == "multi_choice":
        return forms.MultipleChoiceField(
            label=label,
            help_text=hint,
            choices=_choices(q, lang),
            widget=Checkboxes,
            required=False,
            error_messages=refused,
        )
    if q.kind == "date":
        return DayField(label=label, help_text=hint, required=not q.optional)
    return forms.CharField(
        label=label,
        help_text=hint,
        max_length=20,
        required=not q.optional,
        error_messages={"required": REFUSED["number"]},
    )


class QuestionForm(GovukForm):
    """The page of one question; `value()` is the answer to keep."""

    def __init__(self, question, lang: str, *args, answer=None, answered=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.question, self.lang = question, lang
        if question.kind == "country_list":
            self._add_country_fields()
        else:
            self.fields["answer"] = _field(question, lang)
        if answered and not self.is_bound:
            self.initial = self._initial(answer)

    def _add_country_fields(self) -> None:
        choices = [("", _("Select a country")), *countries.country_choices()]
        labels = (_("Country"), _("Second country (optional)"), _("Third country (optional)"))
        for n, label in enumerate(labels[:COUNTRIES], start=1):
            self.fields[f"country_{n}"] = forms.ChoiceField(
                label=label,
                choices=choices,
                required=False,
                error_messages={"invalid_choice": REFUSED["country_list"]},
            )

    def _initial(self, answer) -> dict:
        """The page as the person left it, from the kept JSON answer."""
        kind = self.question.kind
        if kind == "country_list":
            return {f"country_{n}": code for n, code in enumerate(answer or [], start=1)}
        if kind == "date":
            if not answer:
                return {}
            year, month, day = str(answer).split("-")
            return {"answer": [int(day), int(month), int(year)]}
        if kind == "yes_no":
            return {"answer": {True: "yes", False: "no", None: "unknown"}[answer]}
        if kind == "number":
            return {"answer": "" if answer is None else str(answer)}
        return {"answer": answer}

    def clean(self):
        if self.errors:
            return self.cleaned_data
        raw = self._raw()
        if self.question.kind == "country_list" and not raw:
            self.add_error("country_1", ValidationError(_("Select at least one country")))
            return self.cleaned_data
        try:
            self.cleaned_data["value"] = engine.parse(self.question, raw)
        except FactError as refused:
            self.add_error(next(iter(self.fields)), ValidationError(self._message(refused)))
        return self.cleaned_data

    def _raw(self):
        data = self.cleaned_data
        if self.question.kind == "country_list":
            codes = [data.get(f"country_{n}") for n in range(1, COUNTRIES + 1)]
            return list(dict.fromkeys(code for code in codes if code))
        if self.question.kind == "date":
            return data["answer"].isoformat() if data["answer"] else ""
        return data["answer"]

    def _message(self, refused: FactError) -> str:
        messages = getattr(refused, "messages", None)
        return text(messages, self.lang) if messages else str(REFUSED[self.question.kind])

    def value(self):
        """The answer as the rules keep it (JSON)."""
        return self.cleaned_data["value"]


class EmailLinkForm(GovukForm):
    """Where to send the private link; the address is used once and not kept."""

    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("We use it only to send you the link. It is not kept."),
        max_length=254,
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
    )
