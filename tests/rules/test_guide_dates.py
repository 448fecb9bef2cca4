"""The guide's dated calculators at their boundaries: the day before, the day of, month ends."""

from datetime import date, timedelta

import pytest

from accueil.rules import FactError, evaluate
from accueil.rules.dates import add_months
from accueil.rules.guide import deadlines


@pytest.mark.parametrize(
    ("expiry", "request_by"),
    [
        (date(2027, 5, 31), date(2027, 3, 31)),
        (date(2027, 4, 30), date(2027, 2, 28)),
        (date(2028, 4, 30), date(2028, 2, 29)),
        (date(2028, 4, 29), date(2028, 2, 29)),
        (date(2028, 2, 29), date(2027, 12, 29)),
        (date(2027, 12, 31), date(2027, 10, 31)),
        (date(2027, 3, 31), date(2027, 1, 31)),
        (date(2027, 1, 15), date(2026, 11, 15)),
    ],
)
def test_renewal_is_asked_for_2_months_before_expiry_with_month_ends_clamped(expiry, request_by):
    assert deadlines.renewal_request_by(expiry) == request_by


def test_the_request_day_is_never_less_than_two_months_before_expiry():
    # Every day of two years, a leap year among them: same day two months earlier, or the
    # end of that month when the day does not exist there.
    expiry = date(2027, 1, 1)
    while expiry < date(2029, 1, 1):
        request_by = deadlines.renewal_request_by(expiry)
        assert add_months(request_by, 2) <= expiry, expiry
        assert (request_by.year * 12 + request_by.month) + 2 == expiry.year * 12 + expiry.month
        assert (
            request_by.day == expiry.day
            or request_by.day < expiry.day == 31
            or (request_by.month == 2 and request_by.day < expiry.day)
        )
        expiry += timedelta(days=1)


@pytest.mark.parametrize(
    ("kind", "due"),
    [
        ("general", date(2027, 1, 31)),
        ("salaried", date(2027, 2, 28)),
        ("family_tcn", date(2027, 7, 31)),
        ("family_eu", date(2027, 1, 31)),
        ("long_term", date(2027, 4, 30)),
    ],
)
def test_decisions_are_due_months_after_the_complete_file(kind, due):
    assert deadlines.decision_due(kind, date(2026, 10, 31)) == due


def test_a_decision_due_from_29_february_keeps_the_day():
    assert deadlines.decision_due("general", date(2028, 2, 29)) == date(2028, 5, 29)
    assert deadlines.decision_due("family_tcn", date(2028, 2, 29)) == date(2028, 11, 29)


def test_the_adem_certificate_may_be_asked_for_three_weeks_after_the_declaration():
    assert deadlines.adem_certificate_earliest(date(2026, 5, 18)) == date(2026, 6, 8)
    assert deadlines.adem_certificate_earliest(date(2028, 2, 8)) == date(2028, 2, 29)


def test_adem_sends_the_certificate_five_working_days_after_the_request():
    assert deadlines.adem_certificate_expected(date(2026, 6, 8)) == date(2026, 6, 15)
    assert deadlines.adem_certificate_expected(date(2026, 6, 19)) == date(2026, 6, 29)


def test_the_eu_family_receipt_counts_for_six_months():
    assert deadlines.eu_receipt_valid_until(date(2026, 1, 15)) == date(2026, 7, 14)
    assert deadlines.eu_receipt_valid_until(date(2026, 8, 31)) == date(2027, 2, 27)


def value(rule, facts, key):
    return evaluate(rule, facts).values[key]


def outcome(rule, facts):
    return evaluate(rule, facts).outcome


def test_the_arrival_declaration_is_in_time_on_the_last_day_and_late_the_day_after():
    facts = {"entry_date": "2026-06-19"}
    assert value("guide.arrival_declaration", facts, "deadline") == date(2026, 6, 25)
    on_time = evaluate("guide.arrival_declaration", {**facts, "on": "2026-06-25"})
    late = evaluate("guide.arrival_declaration", {**facts, "on": "2026-06-26"})
    assert on_time.reasons[0].met is True
    assert late.reasons[0].met is False
    assert "25 June 2026" in late.reasons[0].message["en"]
    assert "25 juin 2026" in late.reasons[0].message["fr"]


def test_the_arrival_declaration_lists_the_holidays_it_skipped():
    decision = evaluate("guide.arrival_declaration", {"entry_date": "2026-06-19"})
    assert decision.reason("guide.arrival_declaration.holidays").params == {
        "holidays": "2026-06-23"
    }
    plain = evaluate("guide.arrival_declaration", {"entry_date": "2026-03-02"})
    assert [reason.code for reason in plain.reasons] == ["guide.arrival_declaration.deadline"]


def test_the_certificate_asked_the_day_before_the_earliest_is_too_early():
    declared = {"vacancy_declared_on": "2026-05-18"}
    assert outcome("guide.adem_certificate", declared) == "earliest"
    early = {**declared, "certificate_requested_on": "2026-06-07"}
    assert outcome("guide.adem_certificate", early) == "asked_too_early"
    assert value("guide.adem_certificate", early, "expected_by") is None
    right = {**declared, "certificate_requested_on": "2026-06-08"}
    assert outcome("guide.adem_certificate", right) == "expected"
    assert value("guide.adem_certificate", right, "expected_by") == date(2026, 6, 15)


def test_the_renewal_is_late_the_day_after_the_request_date():
    facts = {"permit_expiry": "2027-04-30"}
    assert outcome("guide.renewal_date", {**facts, "on": "2027-02-28"}) == "request_by"
    assert outcome("guide.renewal_date", {**facts, "on": "2027-03-01"}) == "late"
    assert outcome("guide.renewal_date", facts) == "request_by"


def test_a_decision_is_overdue_the_day_after_it_is_due():
    facts = {"procedure": "salaried", "file_complete_on": "2026-10-31"}
    assert value("guide.decision_due", facts, "due") == date(2027, 2, 28)
    assert outcome("guide.decision_due", {**facts, "on": "2027-02-28"}) == "due"
    assert outcome("guide.decision_due", {**facts, "on": "2027-03-01"}) == "overdue"


def test_the_deadline_in_force_is_given_for_each_kind():
    months = {
        kind: value("guide.decision_deadline", {"procedure": kind, "on": "2026-12-01"}, "months")
        for kind in deadlines.PROCEDURE_KINDS
    }
    assert months == {"general": 3, "salaried": 4, "family_tcn": 9, "family_eu": 3, "long_term": 6}


@pytest.mark.parametrize(
    ("rule", "facts", "fact"),
    [
        ("guide.arrival_declaration", {}, "entry_date"),
        ("guide.arrival_declaration", {"entry_date": "2026-02-30"}, "entry_date"),
        ("guide.arrival_declaration", {"entry_date": "2008-08-28"}, "entry_date"),
        ("guide.arrival_declaration", {"entry_date": "2200-01-01"}, "entry_date"),
        ("guide.renewal_date", {"permit_expiry": "2027-04-30", "today": "x"}, "today"),
        (
            "guide.decision_due",
            {"procedure": "visit", "file_complete_on": "2026-01-01"},
            "procedure",
        ),
        ("guide.decision_deadline", {"procedure": "general"}, "on"),
        ("guide.contacts", {"codes": ["nobody"]}, "codes"),
    ],
)
def test_bad_facts_are_named(rule, facts, fact):
    with pytest.raises(FactError) as error:
        evaluate(rule, facts)
    assert error.value.fact == fact
