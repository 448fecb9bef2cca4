"""The officers' early-warning list (issue 12, point 9): each signal at its boundaries,
handled signals stay handled, a new occurrence shows again, constant queries."""

import pytest

from accueil.audit.models import AuditEvent
from accueil.core import clock
from accueil.training.models import EnrolmentStatus, HandledWarning, WarningKind
from accueil.training.warnings import (
    WarningError,
    absence_signals,
    nothing_booked_signals,
    signals,
    voucher_signals,
    warning_mark_handled,
)
from tests import factories
from tests.training.warnings_helpers import attend, enrolled, signed, voucher

pytestmark = pytest.mark.django_db

A, P, E = "absent", "present", "excused"


def keys(rows):
    return [row.key for row in rows]


# Absences in a row ---------------------------------------------------------------------


def test_two_absences_in_a_row_are_a_signal_keyed_by_the_second():
    enrolment = enrolled()
    rows = attend(enrolment, P, A, A)
    found = absence_signals(clock.today())
    assert keys(found) == [str(rows[2].pk)]
    assert found[0].candidate_id == enrolment.candidate_id
    assert found[0].detail["course"] == enrolment.course


def test_absences_separated_by_a_present_are_no_signal():
    attend(enrolled(), A, P, A, P)
    assert absence_signals(clock.today()) == []


def test_an_excused_session_is_not_an_absence_and_does_not_break_the_run():
    attend(enrolled(), A, E)
    assert absence_signals(clock.today()) == []
    rows = attend(enrolled(), A, E, A)
    assert keys(absence_signals(clock.today())) == [str(rows[2].pk)]


def test_a_long_run_is_one_occurrence_and_a_new_run_is_another():
    rows = attend(enrolled(), A, A, A, P, A, A)
    assert keys(absence_signals(clock.today())) == [str(rows[1].pk), str(rows[5].pk)]


def test_absences_in_two_courses_do_not_add_up():
    person = factories.candidate()
    attend(enrolled(person), A)
    attend(enrolled(person), A)
    assert absence_signals(clock.today()) == []


def test_a_cancelled_enrolment_gives_no_signal():
    enrolment = enrolled()
    attend(enrolment, A, A)
    enrolment.status = EnrolmentStatus.CANCELLED
    enrolment.save()
    assert absence_signals(clock.today()) == []


# Vouchers expiring unused --------------------------------------------------------------


@pytest.mark.parametrize(
    ("days_left", "shown"), [(0, False), (1, True), (29, True), (30, True), (31, False)]
)
def test_an_unused_voucher_is_a_signal_within_30_days_of_expiring(days_left, shown):
    made = voucher(days_left)
    assert keys(voucher_signals(clock.today())) == ([str(made.pk)] if shown else [])


def test_used_or_revoked_vouchers_are_no_signal():
    voucher(10, used=True)
    voucher(10, revoked=True)
    assert voucher_signals(clock.today()) == []


# Nothing booked 8 weeks after signing --------------------------------------------------


@pytest.mark.parametrize(("days_ago", "shown"), [(55, False), (56, True), (57, True)])
def test_nothing_booked_from_exactly_8_weeks_after_signing(days_ago, shown):
    contract = signed(days_ago)
    found = nothing_booked_signals(clock.today())
    assert keys(found) == ([contract.number] if shown else [])


def test_any_current_enrolment_counts_as_booked_a_cancelled_one_does_not():
    booked = signed(70)
    enrolled(booked.candidate)
    waiting = signed(70)
    enrolment = enrolled(waiting.candidate)
    enrolment.status = EnrolmentStatus.WAITLISTED
    enrolment.save()
    cancelled = signed(70)
    gone = enrolled(cancelled.candidate)
    gone.status = EnrolmentStatus.CANCELLED
    gone.save()
    assert keys(nothing_booked_signals(clock.today())) == [cancelled.number]


def test_an_unsigned_or_ended_contract_is_no_signal():
    signed(70, status="fulfilled")
    factories.contract(factories.candidate())  # in force, no signature recorded
    assert nothing_booked_signals(clock.today()) == []


# Marking handled -----------------------------------------------------------------------


def test_a_handled_signal_stays_handled_and_is_audited(officer):
    rows = attend(enrolled(), A, A)
    mark = warning_mark_handled(kind=WarningKind.ABSENCES, key=str(rows[1].pk), actor=officer)
    assert mark.handled_by == officer and mark.candidate_id == rows[1].enrolment.candidate_id
    assert absence_signals(clock.today()) == []
    assert AuditEvent.objects.filter(target_id=str(mark.pk)).exists()
    again = warning_mark_handled(kind=WarningKind.ABSENCES, key=str(rows[1].pk), actor=officer)
    assert again == mark and HandledWarning.objects.count() == 1
    shown = signals(clock.today(), include_handled=True)[WarningKind.ABSENCES]
    assert keys(shown) == [str(rows[1].pk)] and shown[0].handled == mark


def test_a_new_run_of_absences_shows_again_after_the_first_was_handled(officer):
    enrolment = enrolled()
    rows = attend(enrolment, A, A)
    warning_mark_handled(kind=WarningKind.ABSENCES, key=str(rows[1].pk), actor=officer)
    more = attend(enrolment, P, A, A)  # later sessions: present, then two absences
    assert keys(absence_signals(clock.today())) == [str(more[2].pk)]


def test_only_an_open_signal_can_be_marked(officer):
    made = voucher(60)
    with pytest.raises(WarningError):
        warning_mark_handled(kind=WarningKind.VOUCHER_EXPIRING, key=str(made.pk), actor=officer)
    with pytest.raises(WarningError):
        warning_mark_handled(kind="other", key="1", actor=officer)
    assert not HandledWarning.objects.exists()


def test_handled_vouchers_and_contracts(officer):
    made = voucher(5)
    contract = signed(60)
    warning_mark_handled(kind=WarningKind.VOUCHER_EXPIRING, key=str(made.pk), actor=officer)
    warning_mark_handled(kind=WarningKind.NOTHING_BOOKED, key=contract.number, actor=officer)
    assert voucher_signals(clock.today()) == [] and nothing_booked_signals(clock.today()) == []


# Queries -------------------------------------------------------------------------------


def populate(n: int, officer) -> None:
    for _ in range(n):
        attend(enrolled(), A, A)
        voucher(10)
        signed(60)
    handled = signals(clock.today())
    for kind, rows in handled.items():
        warning_mark_handled(kind=kind, key=rows[0].key, actor=officer)


@pytest.mark.parametrize("n", [2, 6])
def test_the_signals_take_a_constant_number_of_queries(n, officer, django_assert_num_queries):
    populate(n, officer)
    with django_assert_num_queries(3):
        found = signals(clock.today())
    assert all(len(rows) == n - 1 for rows in found.values())
    with django_assert_num_queries(4):
        found = signals(clock.today(), include_handled=True)
        names = [s.handled.handled_by.pk for rows in found.values() for s in rows if s.handled]
    assert len(names) == 3
