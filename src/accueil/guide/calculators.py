"""The calculators: one dated rule each, usable on its own.

Each calculator is a form, the facts it gives its rule, and the dates it reads back
from the decision. The rules (registry names guide.*) do the arithmetic and explain it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accueil.core import clock
from accueil.core.govuk import DayField, GovukForm
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


# The calculators' facts (see engine.*_facts) and the fields they come from.
FACT_FIELDS = {
    "permit_expiry": "expires_on",
    "procedure": "kind",
    "file_complete_on": "complete_on",
    "entry_date": "entered_on",
    "vacancy_declared_on": "declared_on",
    "certificate_requested_on": "requested_on",
}


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
    dates: Callable[[Decision], list[tuple[str, date]]]

    def field_of(self, fact: str) -> str:
        """The form field that gave the rule's fact `fact` (for its error message)."""
        return FACT_FIELDS.get(fact) or next(iter(self.form.base_fields))

    @property
    def summary(self) -> str:
        today = clock.today()
        numbers = {key: parameter(name, today) for key, name in self.summary_numbers.items()}
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
    )
}
