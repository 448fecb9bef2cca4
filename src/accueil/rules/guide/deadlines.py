"""The guide's dated calculations: arrival declaration, ADEM certificate, renewal, decision.

Conventions (tests hold them at the boundaries):

* Working days: `accueil.rules.working_days` (the day of the event is not
  counted; Saturdays, Sundays and Luxembourg public holidays are not working
  days). The arrival declaration is due by the 3rd working day after the day
  of entry; ADEM sends the certificate by the 5th working day after the day
  of the request.
* "At the earliest 3 weeks after the declaration": the certificate may be asked
  for from the same weekday 3 weeks (21 calendar days) later.
* "2 months before expiry": `dates.add_months(expiry, -2)`, the last day on which
  to ask for the renewal. Month ends clamp backwards as everywhere: expiry
  31 May gives 31 March; 30 April gives 28 February (29 in a leap year);
  29 February 2028 gives 29 December 2027; 31 December gives 31 October. The
  clamp never gives a day less than 2 months before expiry.
* Decision deadlines run from the day the file is complete:
  `add_months(complete, months)` is the day by which the decision is due
  (31 October + 4 months = 28 February, or 29 in a leap year).
* Each number is the one in force on the day the period starts (entry,
  declaration, request, complete file) or, for a renewal, on the expiry day.
"""

from datetime import date, timedelta

from accueil.rules.dates import add_months
from accueil.rules.parameters import parameter
from accueil.rules.working_days import add_working_days

PROCEDURE_KINDS = ("general", "salaried", "family_tcn", "family_eu", "long_term")


def arrival_declaration_deadline(entry: date) -> date:
    """The last day to declare one's arrival at the commune."""
    return add_working_days(entry, parameter("guide.arrival_declaration_working_days", entry))


def adem_certificate_earliest(declared: date) -> date:
    """The first day on which the ADEM certificate may be asked for."""
    return declared + timedelta(weeks=parameter("guide.adem_certificate_wait_weeks", declared))


def adem_certificate_expected(requested: date) -> date:
    """The day by which ADEM sends the certificate."""
    return add_working_days(requested, parameter("guide.adem_certificate_working_days", requested))


def renewal_request_by(expiry: date) -> date:
    """The last day to ask for a permit's renewal (2 months before its expiry)."""
    return add_months(expiry, -parameter("guide.renewal_notice_months", expiry))


def decision_months(kind: str, complete: date) -> int:
    months: int = parameter("guide.decision_months", complete)[kind]
    return months


def decision_due(kind: str, complete: date) -> date:
    """The day by which the Immigration Directorate should decide on a complete file."""
    return add_months(complete, decision_months(kind, complete))


def eu_receipt_valid_until(applied: date) -> date:
    """The last day the receipt of an EU family member's card application can serve as a card."""
    return add_months(applied, parameter("guide.eu_family", applied)["receipt_months"]) - timedelta(
        days=1
    )
