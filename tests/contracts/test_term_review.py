"""The review at term (`contracts.review.term_review`, job "term-review"): every contract in
force whose term has ended is evaluated with rule cai.fulfilment and closed as fulfilled
or put under review, once."""

from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accueil.audit.models import Action, AuditEvent
from accueil.contracts import review as review_module
from accueil.contracts.models import Certificate, Contract, ContractStatus, Obligation
from accueil.contracts.officer_views import contract_history
from accueil.contracts.review import term_review, term_review_job
from accueil.contracts.selectors import fulfilment
from accueil.notifications import jobs
from tests import factories

ENTRY = date(2024, 3, 1)
END = date(2026, 3, 1)  # end_exclusive: the last day of the term is 2026-02-28
TODAY = END  # the first day after the term
ALL = ["language_training", "citizenship_course", "orientation_day"]

pytestmark = pytest.mark.django_db


def contract(**fields) -> Contract:
    fields.setdefault("entry_into_force", ENTRY)
    fields.setdefault("end_exclusive", END)
    return factories.contract(factories.candidate(), **fields)


def certify(
    contract: Contract, obligation: str, day: date, *, hours=None, sessions=None, literacy=False
):
    return Certificate.objects.create(
        contract=contract,
        obligation=obligation,
        issued_on=day,
        issuer=f"Issuer {Certificate.objects.count()}",
        hours=hours,
        sessions=sessions,
        literacy=literacy,
    )


def certify_all(contract: Contract, day: date = date(2025, 5, 20)) -> None:
    certify(contract, Obligation.LANGUAGE_TRAINING, date(2024, 6, 1))
    certify(contract, Obligation.CITIZENSHIP_COURSE, day, hours=Decimal("6"), sessions=2)
    certify(contract, Obligation.ORIENTATION_DAY, date(2024, 4, 2))


def test_a_fulfilled_contract_is_closed_with_the_day_it_was_fulfilled():
    done = contract()
    certify_all(done, day=date(2025, 5, 20))
    assert term_review(TODAY) == {"reviewed": 1, "fulfilled": 1, "to_review": 0}
    done.refresh_from_db()
    assert done.status == ContractStatus.FULFILLED
    assert done.fulfilled_on == date(2025, 5, 20)
    assert done.review == {"on": "2026-03-01", "met": ALL, "unmet": []}
    assert done.reviewed_at is not None and done.decided_at == done.reviewed_at
    assert done.decided_by is None


def test_a_contract_with_an_obligation_unmet_goes_under_review_with_what_was_met():
    short = contract()
    certify(short, Obligation.LANGUAGE_TRAINING, date(2024, 6, 1))
    # Citizenship course too short: 4 hours in one session.
    certify(short, Obligation.CITIZENSHIP_COURSE, date(2025, 1, 9), hours=Decimal("4"), sessions=1)
    assert term_review(TODAY) == {"reviewed": 1, "fulfilled": 0, "to_review": 1}
    short.refresh_from_db()
    assert short.status == ContractStatus.UNDER_REVIEW
    assert short.review == {
        "on": "2026-03-01",
        "met": ["language_training"],
        "unmet": ["citizenship_course", "orientation_day"],
    }
    assert short.reviewed_at is not None
    assert (short.decided_at, short.fulfilled_on) == (None, None)
    assert Contract.objects.filter(status=ContractStatus.UNDER_REVIEW).count() == 1


def test_a_certificate_dated_after_the_term_does_not_count():
    late = contract()
    certify(late, Obligation.LANGUAGE_TRAINING, date(2024, 6, 1))
    certify(late, Obligation.CITIZENSHIP_COURSE, date(2025, 1, 9), hours=6, sessions=2)
    certify(late, Obligation.ORIENTATION_DAY, END)  # the 2nd anniversary: after the term
    term_review(END + timedelta(days=3))
    late.refresh_from_db()
    assert late.status == ContractStatus.UNDER_REVIEW
    assert late.review["unmet"] == ["orientation_day"]


def test_a_certificate_dated_after_the_day_of_review_is_not_read():
    """Recorded ahead (a typing error): the rule would refuse it; the review ignores it."""
    ahead = contract()
    certify_all(ahead)
    certify(ahead, Obligation.CITIZENSHIP_COURSE, TODAY + timedelta(days=30), hours=1, sessions=1)
    term_review(TODAY)
    ahead.refresh_from_db()
    assert ahead.status == ContractStatus.FULFILLED


def follow_up(**fields) -> Contract:
    person = factories.candidate()
    first = factories.contract(
        person,
        status=ContractStatus.SUPERSEDED,
        entry_into_force=date(2022, 2, 1),
        end_exclusive=date(2024, 2, 1),
        reason_legitimate=True,
        decision_reason="Long illness",
    )
    return factories.contract(
        person,
        follows=first,
        entry_into_force=ENTRY,
        end_exclusive=END,
        obligations={"obligations": [{"code": "citizenship_course", "min_hours": 6}]},
        **fields,
    )


def test_a_follow_up_contract_covering_only_the_citizenship_course():
    done, short = follow_up(), follow_up()
    certify(done, Obligation.CITIZENSHIP_COURSE, date(2024, 9, 3), hours=3, sessions=1)
    certify(done, Obligation.CITIZENSHIP_COURSE, date(2024, 9, 10), hours=3, sessions=1)
    certify(
        short, Obligation.CITIZENSHIP_COURSE, date(2024, 9, 3), hours=Decimal("5.5"), sessions=3
    )
    assert term_review(TODAY) == {"reviewed": 2, "fulfilled": 1, "to_review": 1}
    done.refresh_from_db()
    short.refresh_from_db()
    assert (done.status, done.fulfilled_on) == (ContractStatus.FULFILLED, date(2024, 9, 10))
    assert done.review == {"on": "2026-03-01", "met": ["citizenship_course"], "unmet": []}
    assert short.status == ContractStatus.UNDER_REVIEW
    assert short.review == {"on": "2026-03-01", "met": [], "unmet": ["citizenship_course"]}


def test_contracts_whose_term_has_not_ended_are_untouched():
    running = contract(end_exclusive=TODAY + timedelta(days=1), entry_into_force=date(2024, 3, 2))
    certify_all(running)
    assert term_review(TODAY)["reviewed"] == 0
    running.refresh_from_db()
    assert (running.status, running.reviewed_at, running.review) == ("in_force", None, {})


@pytest.mark.parametrize(
    "status", [ContractStatus.WITHDRAWN, ContractStatus.DRAFT, ContractStatus.UNDER_REVIEW]
)
def test_contracts_not_in_force_are_untouched(status):
    dates = {} if status == ContractStatus.DRAFT else {"entry_into_force": ENTRY}
    other = factories.contract(
        factories.candidate(),
        status=status,
        **dates,
        **({"end_exclusive": END} if dates else {}),
    )
    if dates:
        certify_all(other)
    assert term_review(TODAY)["reviewed"] == 0
    other.refresh_from_db()
    assert (other.status, other.reviewed_at, other.review) == (status, None, {})


def test_a_second_run_the_same_day_does_nothing():
    done, short = contract(), contract()
    certify_all(done)
    term_review(TODAY)
    before = list(Contract.objects.order_by("pk").values())
    assert term_review(TODAY) == {"reviewed": 0, "fulfilled": 0, "to_review": 0}
    assert list(Contract.objects.order_by("pk").values()) == before
    assert short.pk in [row["id"] for row in before]


def test_batches_follow_one_another_and_the_run_is_one_audit_event():
    made = [contract() for _ in range(7)]
    for done in made[:4]:
        certify_all(done)
    assert term_review(TODAY, batch=2) == {"reviewed": 7, "fulfilled": 4, "to_review": 3}
    assert not Contract.objects.filter(status=ContractStatus.IN_FORCE).exists()
    events = AuditEvent.objects.filter(action=Action.TRANSITION)
    assert events.count() == 1
    assert events.get().reason == (
        "review at term on 2026-03-01: 7 contracts reviewed, 4 fulfilled, 3 under review"
    )
    term_review(TODAY)  # nothing done: no event
    assert AuditEvent.objects.filter(action=Action.TRANSITION).count() == 1


def test_a_failure_in_a_batch_leaves_the_batches_before_done_and_the_rest_for_next_time(
    monkeypatch,
):
    for _ in range(5):
        certify_all(contract())
    real, calls = review_module._write, []

    def failing(*args):
        calls.append(1)
        if len(calls) == 2:
            real(*args)  # written, then rolled back with its batch
            raise RuntimeError("database gone")
        return real(*args)

    monkeypatch.setattr(review_module, "_write", failing)
    with pytest.raises(RuntimeError):
        term_review(TODAY, batch=2)
    done = Contract.objects.filter(status=ContractStatus.FULFILLED)
    assert done.count() == 2
    assert all(c.review["met"] == ALL and c.fulfilled_on for c in done)
    waiting = Contract.objects.filter(status=ContractStatus.IN_FORCE)
    assert waiting.count() == 3
    assert all(c.review == {} and c.reviewed_at is None for c in waiting)
    # The run is in the trail with what it did before failing.
    assert "2 contracts reviewed" in AuditEvent.objects.get(action=Action.TRANSITION).reason
    monkeypatch.setattr(review_module, "_write", real)
    assert term_review(TODAY, batch=2)["reviewed"] == 3


def test_a_contract_the_rule_refuses_is_left_in_force_and_the_others_reviewed():
    before_law = contract(entry_into_force=date(2001, 1, 1), end_exclusive=date(2003, 1, 1))
    certify_all(contract())
    assert term_review(TODAY)["reviewed"] == 1
    before_law.refresh_from_db()
    assert before_law.status == ContractStatus.IN_FORCE


def test_the_job_is_declared_and_returns_the_number_reviewed():
    job = jobs.job_named("term-review")
    assert job.func == "accueil.contracts.review.term_review_job"
    assert job.every == timedelta(hours=1)
    certify_all(contract(entry_into_force=date(2020, 3, 1), end_exclusive=date(2022, 3, 1)))
    assert term_review_job() == 1
    assert term_review_job() == 0


def test_the_contract_s_history_shows_the_review_and_the_decision():
    done, short = contract(), contract()
    certify_all(done)
    term_review(TODAY)
    done.refresh_from_db()
    short.refresh_from_db()
    steps = [(entry.change, entry.who) for entry in contract_history(done)]
    assert steps[-2:] == [
        ("In force to Under review", "Review at term"),
        ("Under review to Fulfilled", "Review at term"),
    ]
    assert [entry.change for entry in contract_history(short)][-1] == "In force to Under review"


@pytest.mark.slow
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    certificates=st.lists(
        st.tuples(
            st.sampled_from(Obligation.values),
            st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 3, 10)),
            st.integers(min_value=0, max_value=8),
            st.integers(min_value=0, max_value=3),
            st.booleans(),
        ),
        max_size=6,
    ),
    covers=st.sets(st.sampled_from(Obligation.values), min_size=1),
    today=st.dates(min_value=END, max_value=date(2026, 3, 5)),
)
def test_the_review_decides_as_the_rule_does(certificates, covers, today):
    """For any certificates, what the review writes is what cai.fulfilment says (through
    `fulfilment`, which reads each certificate) for that contract on that day."""
    with transaction.atomic():
        kept = {"obligations": [{"code": code} for code in sorted(covers)]}
        one = contract(obligations=kept)
        for obligation, day, hours, sessions, literacy in certificates:
            certify(one, obligation, day, hours=hours, sessions=sessions, literacy=literacy)
        expected = fulfilment(one, today)
        assert expected is not None
        term_review(today)
        one.refresh_from_db()
        assert one.review == {
            "on": today.isoformat(),
            "met": expected.values["met"],
            "unmet": expected.values["unmet"],
        }
        assert one.fulfilled_on == expected.values["fulfilled_on"]
        status = {"fulfilled": "fulfilled", "not_fulfilled": "under_review"}[expected.outcome]
        assert one.status == status
        transaction.set_rollback(True)


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_decide_each_contract_once():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locking); SQLite serialises every write")
    made = [contract() for _ in range(40)]
    for done in made[::2]:
        certify_all(done)

    def run():
        try:
            return term_review(TODAY, batch=7)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=4) as pool:
        counts = list(pool.map(lambda _: run(), range(4)))
    assert sum(c["reviewed"] for c in counts) == 40
    assert sum(c["fulfilled"] for c in counts) == 20
    assert not Contract.objects.filter(status=ContractStatus.IN_FORCE).exists()
    assert Contract.objects.filter(status=ContractStatus.FULFILLED).count() == 20
    events = AuditEvent.objects.filter(action=Action.TRANSITION)
    assert sum(int(e.reason.split(": ")[1].split()[0]) for e in events) == 40


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_the_parts_are_reviewed_at_once_each_contract_once(monkeypatch):
    """Outside a transaction (the job), PostgreSQL reviews the contracts in parts, each on
    a connection of its own: together they review every contract, each once."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (the parts run on connections of their own)")
    made = [contract() for _ in range(30)]
    for done in made[::3]:
        certify_all(done)
    parts, real = [], review_module._review_part

    def counted(today, size, part, counts, lock):
        parts.append(part)
        return real(today, size, part, counts, lock)

    monkeypatch.setattr(review_module, "PARTS", 3)
    monkeypatch.setattr(review_module, "_review_part", counted)
    counts = term_review(TODAY, batch=4)
    assert sorted(parts) == [0, 1, 2]
    assert counts == {"reviewed": 30, "fulfilled": 10, "to_review": 20}
    assert not Contract.objects.filter(status=ContractStatus.IN_FORCE).exists()
    assert term_review(TODAY)["reviewed"] == 0
