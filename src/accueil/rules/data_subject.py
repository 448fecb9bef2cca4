"""The deadline to answer a data subject's request (issue 14, point 2).

Seed 000, "Forms / Online services": "Under the terms of Regulation (EU) 2016/679 [...]
you have the right to access, rectify or, where applicable, remove any information
relating to you. You are also entitled to withdraw your consent at any time." The
regulation's article 12(3) sets the time to answer: "without undue delay and in any
event within one month of receipt of the request. That period may be extended by two
further months where necessary, taking into account the complexity and number of the
requests."

Convention (`dates.add_months`): one month from receipt is the same day of the next
month, or the last day of that month when the day does not exist (31 January gives
28 February, 29 in a leap year). An extension counts from receipt too: one further
month gives the same day two months after receipt, two further months three months
after, so that 31 January extended by two months is 30 April, not 28 April.
"""

from datetime import date

from accueil.rules.dates import add_months

RULE = "gdpr.art12_3"
SOURCE = (
    "Regulation (EU) 2016/679, article 12(3): within one month of receipt of the request. "
    "That period may be extended by two further months where necessary"
)
MONTHS_TO_ANSWER = 1
MOST_FURTHER_MONTHS = 2


def answer_deadline(received_on: date) -> date:
    """The last day to answer a request received on `received_on`: one month later."""
    return add_months(received_on, MONTHS_TO_ANSWER)


def extended_deadline(received_on: date, further_months: int) -> date:
    """The last day to answer once extended by `further_months` (1 or 2) further months."""
    if not 1 <= further_months <= MOST_FURTHER_MONTHS:
        raise ValueError("a deadline may be extended by one or two further months")
    return add_months(received_on, MONTHS_TO_ANSWER + further_months)


def is_overdue(deadline: date, today: date) -> bool:
    """A request not answered is overdue the day after its deadline."""
    return today > deadline
