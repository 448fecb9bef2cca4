"""The calculators: one dated rule each, usable on its own.

Each calculator is a form, the facts it gives its rule, and the dates it reads back
from the decision. The rules (registry names guide.*) do the arithmetic and explain it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, cast

from babel.numbers import format_currency
from django import forms
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accueil.core import clock
from accueil.core.govuk import DayField, GovukForm, yes_no
from accueil.core.language_names import language_choices, language_name
from accueil.guide import engine
from accueil.guide.candidate_forms import ApplicationKindForm
from accueil.rules import Decision, parameter


def day_field(label, hint, required_message, *, required: bool = True) -> DayField:
    return DayField(
        label=label,
        help_text=hint,
        required=required,
        error_messages={"required": required_message},
    )


class RenewalForm(GovukForm):
    expires_on = day_field(
        _("When does your residence permit expire?"),
        _("As written on your residence permit, for example 27 3 2027."),
        _("Enter the date your residence permit expires"),
    )


class DecisionForm(ApplicationKindForm):
    complete_on = day_field(
        _("When was your file complete?"),
        _(
            "The day the Immigration Directorate had every document it needed, for example 3 11 "
            "2026."
        ),
        _("Enter the date your file was complete"),
    )


class ArrivalForm(GovukForm):
    entered_on = day_field(
        _("When did you enter Luxembourg?"),
        _("The day you arrived with your temporary residence authorisation, for example 5 1 2027."),
        _("Enter the date you entered Luxembourg"),
    )


class AdemForm(GovukForm):
    declared_on = day_field(
        _("When did the employer declare the vacancy to ADEM?"),
        _("For example 2 2 2027."),
        _("Enter the date the vacancy was declared"),
    )
    requested_on = day_field(
        _("When was the certificate asked for? (optional)"),
        _("Leave empty if the certificate has not been asked for yet."),
        "",
        required=False,
    )

    def clean(self):
        data = cast("dict[str, Any]", super().clean())
        declared, requested = data.get("declared_on"), data.get("requested_on")
        if declared and requested and requested < declared:
            self.add_error(
                "requested_on",
                _("The certificate cannot be asked for before the vacancy is declared"),
            )
        return data


MAX_STAY_DAYS = 3650
MAX_RENT = Decimal("100000")


class ShortStayForm(GovukForm):
    arrival_on = day_field(
        _("When do you arrive in Luxembourg?"),
        _("The first day of your stay, for example 1 3 2027."),
        _("Enter the date you arrive in Luxembourg"),
    )
    days = forms.IntegerField(
        label=_("How many days will you stay?"),
        help_text=_("Count the day you arrive and the day you leave, for example 92."),
        min_value=1,
        max_value=MAX_STAY_DAYS,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-5"}),
        error_messages={
            "required": _("Enter how many days you will stay"),
            "invalid": _("Enter the number of days as a whole number, like 92"),
            "min_value": _("The stay must be at least 1 day long"),
            "max_value": _("Enter a stay of at most %(limit_value)s days"),
        },
    )


class GuarantorForm(GovukForm):
    signed_on = day_field(
        _("When was the guarantee signed?"),
        _(
            "The day the person in Luxembourg signed the guarantee (prise en charge) for you, "
            "for example 15 3 2026."
        ),
        _("Enter the date the guarantee was signed"),
    )


class TranslationForm(GovukForm):
    language = forms.ChoiceField(
        label=_("In which language is the document written?"),
        error_messages={
            "required": _("Select the language of the document"),
            "invalid_choice": _("Select the language of the document from the list"),
        },
    )

    def __init__(self, *args, lang: str, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", str(_("Select a language"))), *language_choices(lang)]
        cast(forms.ChoiceField, self.fields["language"]).choices = choices


class SchoolForm(GovukForm):
    born_on = day_field(
        _("What is the child's date of birth?"),
        _("For example 29 2 2020."),
        _("Enter the child's date of birth"),
    )
    on = day_field(
        _("On which day? (optional)"),
        _("Leave empty for today."),
        "",
        required=False,
    )

    def clean(self):
        data = cast("dict[str, Any]", super().clean())
        born, on = data.get("born_on"), data.get("on") or clock.today()
        if born and born > on:
            self.add_error("born_on", _("The date of birth must be on or before the day"))
        return data


class HousingForm(GovukForm):
    rent = forms.DecimalField(
        label=_("What is the monthly rent, in euros?"),
        help_text=_("For example 1000 or 1250.50."),
        min_value=Decimal("0.01"),
        max_value=MAX_RENT,
        max_digits=8,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
        error_messages={
            "required": _("Enter the monthly rent"),
            "invalid": _("Enter the monthly rent as an amount in euros, like 1000 or 1250.50"),
            "min_value": _("The monthly rent must be more than 0"),
            "max_value": _("Enter a monthly rent of at most %(limit_value)s euros"),
            "max_digits": _("Enter a monthly rent of at most 100000 euros"),
            "max_whole_digits": _("Enter a monthly rent of at most 100000 euros"),
            "max_decimal_places": _("Enter the monthly rent with at most 2 decimals"),
        },
    )
    through_agency = yes_no(
        _("Do you rent through an estate agency?"),
        _("Select yes if you rent through an estate agency"),
    )


def _lang() -> str:
    return (get_language() or "en")[:2]


def money(amount: Any) -> str:
    """An amount in euros as the page's language writes it (babel)."""
    return format_currency(Decimal(str(amount)), "EUR", locale=_lang())


def money_range(low: Any, high: Any) -> str:
    return str(_("%(low)s to %(high)s") % {"low": money(low), "high": money(high)})


def short_stay_output(decision: Decision) -> list[tuple[Any, Any]]:
    values = decision.values
    months = {"months": decision.reasons[0].params["months"]}
    verdict = (
        _("Your stay fits within the %(months)s months") % months
        if decision.outcome == "fits"
        else _("Your stay is longer than the %(months)s months") % months
    )
    return [
        (_("Result"), verdict),
        (_("Last day of your stay"), values["last_day"]),
        (_("Last day that fits"), values["last_day_that_fits"]),
    ]


def guarantor_output(decision: Decision) -> list[tuple[Any, Any]]:
    values = decision.values
    found: list[tuple[Any, Any]] = [(_("Liable until, included"), values["liable_until"])]
    if values["liable_on_day"] is not None:
        today = _("Still liable today") if values["liable_on_day"] else _("No longer liable today")
        found.append((_("Today"), today))
    return found


def translation_output(decision: Decision) -> list[tuple[Any, Any]]:
    values = decision.values
    needed = (
        _("A sworn translation is needed")
        if values["translation_needed"]
        else _("No translation is needed")
    )
    return [
        (_("Language of the document"), language_name(values["language"], _lang())),
        (_("Result"), needed),
        (_("Every document"), _("Apostilled, or legalised and authenticated by the embassy")),
    ]


def school_output(decision: Decision) -> list[tuple[Any, Any]]:
    values = decision.values
    ages = values["school_ages"]
    verdict = (
        _("School is compulsory on that day")
        if values["compulsory"]
        else _("School is not compulsory on that day")
    )
    return [
        (_("Result"), verdict),
        (_("The child turns %(age)s on") % {"age": ages["from"]}, values["turns_start_age_on"]),
        (_("The child turns %(age)s on") % {"age": ages["until"]}, values["turns_end_age_on"]),
    ]


def housing_output(decision: Decision) -> list[tuple[Any, Any]]:
    values = decision.values
    return [
        (_("Agency fee"), money(values["agency_fee"])),
        (_("Deposit"), money_range(values["deposit_min"], values["deposit_max"])),
        (
            _("To pay at once"),
            money_range(values["to_pay_at_once_min"], values["to_pay_at_once_max"]),
        ),
    ]


# The calculators' facts (see engine.*_facts) and the fields they come from.
FACT_FIELDS = {
    "permit_expiry": "expires_on",
    "procedure": "kind",
    "file_complete_on": "complete_on",
    "entry_date": "entered_on",
    "vacancy_declared_on": "declared_on",
    "certificate_requested_on": "requested_on",
    "arrival_date": "arrival_on",
    "days": "days",
    "signed_on": "signed_on",
    "language": "language",
    "birth_date": "born_on",
    "on": "on",
    "monthly_rent": "rent",
    "through_agency": "through_agency",
}


YOUR_DATE = _("Your date")


def _number(name: str, day: date) -> Any:
    """A parameter's value on `day`; "name.key" reads one key of a parameter's mapping."""
    try:
        return parameter(name, day)
    except LookupError:
        base, _dot, key = name.rpartition(".")
        return parameter(base, day)[key]


@dataclass(frozen=True)
class Calculator:
    slug: str
    rule: str
    title: Promise
    # The summary's numbers come from the rules' parameters in force today, so the
    # text follows the law when a parameter changes: placeholder -> parameter name.
    summary_text: Promise
    summary_numbers: dict[str, str]
    form: type[GovukForm]
    facts: Callable[[dict], dict]
    dates: Callable[[Decision], list[tuple[Any, Any]]]
    heading: Promise = YOUR_DATE

    def field_of(self, fact: str) -> str:
        """The form field that gave the rule's fact `fact` (for its error message)."""
        field = FACT_FIELDS.get(fact)
        return field if field in self.form.base_fields else next(iter(self.form.base_fields))

    @property
    def summary(self) -> str:
        today = clock.today()
        numbers = {key: _number(name, today) for key, name in self.summary_numbers.items()}
        return str(self.summary_text) % numbers if numbers else str(self.summary_text)


CALCULATORS = {
    c.slug: c
    for c in (
        Calculator(
            "renewal",
            engine.RENEWAL,
            _("When to ask for the renewal of your residence permit"),
            _("A renewal is asked for %(months)s months before the residence permit expires."),
            {"months": "guide.renewal_notice_months"},
            RenewalForm,
            lambda data: engine.renewal_facts(data["expires_on"]),
            engine.renewal_dates,
        ),
        Calculator(
            "decision",
            engine.DECISION_DUE,
            _("When the Immigration Directorate should decide on your application"),
            _(
                "The deadline depends on the kind of application and runs from the day the file "
                "is complete."
            ),
            {},
            DecisionForm,
            lambda data: engine.decision_facts(data["kind"], data["complete_on"]),
            engine.decision_dates,
        ),
        Calculator(
            "arrival",
            engine.ARRIVAL,
            _("The last day to declare your arrival at the commune"),
            _(
                "A salaried worker declares their arrival at the commune within %(days)s working "
                "days of entering Luxembourg."
            ),
            {"days": "guide.arrival_declaration_working_days"},
            ArrivalForm,
            lambda data: engine.arrival_facts(data["entered_on"]),
            engine.arrival_dates,
        ),
        Calculator(
            "adem",
            engine.ADEM,
            _("When the employer can ask ADEM for the certificate, and when it arrives"),
            _(
                "The certificate can be asked for %(weeks)s weeks after the vacancy is declared at "
                "the earliest; ADEM sends it %(days)s working days after the request."
            ),
            {
                "weeks": "guide.adem_certificate_wait_weeks",
                "days": "guide.adem_certificate_working_days",
            },
            AdemForm,
            lambda data: engine.adem_facts(data["declared_on"], data.get("requested_on")),
            engine.adem_dates,
        ),
        Calculator(
            "short-stay",
            engine.SHORT_STAY_FIT,
            _("Does your visit fit within the short stay's 3 months?"),
            _(
                "A stay without a residence authorisation lasts %(months)s months at most; a "
                "visa is valid for %(stay)s months at most within a period of %(period)s months."
            ),
            {
                "months": "guide.short_stay_max_months",
                "stay": "guide.visa_limits_months.stay",
                "period": "guide.visa_limits_months.period",
            },
            ShortStayForm,
            lambda data: engine.short_stay_facts(data["arrival_on"], data["days"]),
            short_stay_output,
            _("Your answer"),
        ),
        Calculator(
            "guarantor",
            engine.GUARANTOR,
            _("Until when the person who signed your guarantee is liable"),
            _(
                "The person who signs a guarantee for you is jointly liable with you for "
                "%(years)s years for the costs of stay, health and return."
            ),
            {"years": "guide.guarantor_liability_years"},
            GuarantorForm,
            lambda data: engine.guarantor_facts(data["signed_on"]),
            guarantor_output,
            _("Your date"),
        ),
        Calculator(
            "translation",
            engine.TRANSLATION,
            _("Does your document need a sworn translation?"),
            _(
                "Documents not written in German, French or English need a translation by a "
                "sworn translator in Luxembourg."
            ),
            {},
            TranslationForm,
            lambda data: engine.translation_facts(data["language"]),
            translation_output,
            _("Your answer"),
        ),
        Calculator(
            "school",
            engine.SCHOOL,
            _("Must your child go to school?"),
            _("School is compulsory for every child from %(start)s to %(end)s years old."),
            {
                "start": "guide.compulsory_school_ages.from",
                "end": "guide.compulsory_school_ages.until",
            },
            SchoolForm,
            lambda data: engine.school_facts(data["born_on"], data.get("on")),
            school_output,
            _("Your answer"),
        ),
        Calculator(
            "housing",
            engine.HOUSING,
            _("What to plan for a rent: agency fee, deposit and what to pay at once"),
            _(
                "Through an agency, the fee is probably %(fee)s month of rent; the landlord may "
                "ask in advance for a deposit of %(low)s to %(high)s months of rent."
            ),
            {
                "fee": "guide.housing_months_of_rent.agency_fee",
                "low": "guide.housing_months_of_rent.deposit_min",
                "high": "guide.housing_months_of_rent.deposit_max",
            },
            HousingForm,
            lambda data: engine.housing_facts(data["rent"], data["through_agency"]),
            housing_output,
            _("Your costs"),
        ),
    )
}
