"""Enrolment under concurrency, on PostgreSQL (row locks; SQLite serialises every
write and would prove nothing): 100 people enrolling at once in a course of 10 places
give exactly 10 enrolled and 90 waiting; one voucher sent from 10 threads for 10
courses is redeemed exactly once."""

import contextlib
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from accueil.accounts.models import Role
from accueil.training import enrolment as enrolments
from accueil.training import vouchers
from accueil.training.models import EnrolmentStatus, VoucherRedemption
from tests import factories
from tests.training.vouchers_helpers import course, signatory

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
THREADS = 20  # connections at once; the hundred enrolments queue on them


@pytest.fixture(autouse=True)
def on_postgres(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locking); SQLite serialises every write")


def run_all(works, threads=THREADS):
    """Run each work on its own database connection, all released together; return
    what each returned or raised."""
    start = threading.Barrier(min(threads, len(works)))

    def one(work):
        try:
            with contextlib.suppress(threading.BrokenBarrierError):
                start.wait(timeout=30)
            return work()
        except Exception as error:
            return error
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=threads) as pool:
        return list(pool.map(one, works))


def test_a_hundred_enrolments_at_ten_places_enrol_exactly_ten():
    target = course(capacity=10)
    people = [signatory() for _ in range(100)]
    outcomes = run_all(
        [lambda p=p: enrolments.enrol(course_id=target.pk, candidate=p, actor=None) for p in people]
    )
    assert not [o for o in outcomes if isinstance(o, Exception)]
    statuses = list(target.enrolments.values_list("status", flat=True))
    assert statuses.count(EnrolmentStatus.ENROLLED) == 10
    assert statuses.count(EnrolmentStatus.WAITLISTED) == 90


def test_one_voucher_from_ten_threads_is_redeemed_once():
    person = signatory()
    voucher = vouchers.voucher_issue(contract=person.contracts.get(), actor=None)
    courses = [course() for _ in range(10)]
    outcomes = run_all(
        [
            lambda c=c: enrolments.enrol(
                course_id=c.pk, candidate=person, actor=None, voucher_code=voucher.code
            )
            for c in courses
        ],
        threads=10,
    )
    succeeded = [o for o in outcomes if not isinstance(o, Exception)]
    refused = [o for o in outcomes if isinstance(o, Exception)]
    assert len(succeeded) == 1
    assert all(isinstance(o, vouchers.VoucherUsed) for o in refused), refused
    assert VoucherRedemption.objects.filter(voucher=voucher).count() == 1
    assert sum(c.enrolments.count() for c in courses) == 1


def test_the_same_person_sent_ten_times_is_enrolled_once():
    person = signatory()
    target = course()
    outcomes = run_all(
        [lambda: enrolments.enrol(course_id=target.pk, candidate=person, actor=None)] * 10,
        threads=10,
    )
    assert not [o for o in outcomes if isinstance(o, Exception)]
    assert target.enrolments.count() == 1
    assert sum(1 for _, created in outcomes if created) == 1


def test_provider_staff_sending_one_voucher_for_ten_courses_redeem_it_once():
    """The API's path (`enrol_person`: the voucher read with its holder, locked)."""
    person = signatory()
    voucher = vouchers.voucher_issue(contract=person.contracts.get(), actor=None)
    staff = factories.user(Role.PROVIDER)
    courses = [course(staff.organisation) for _ in range(10)]
    outcomes = run_all(
        [
            lambda c=c: enrolments.enrol_person(
                course_id=c.pk,
                national_id=person.national_id,
                surname=person.surname,
                actor=staff,
                voucher_code=voucher.code,
            )
            for c in courses
        ],
        threads=10,
    )
    refused = [o for o in outcomes if isinstance(o, Exception)]
    assert len(refused) == 9
    assert all(isinstance(o, vouchers.VoucherUsed) for o in refused), refused
    assert VoucherRedemption.objects.filter(voucher=voucher).count() == 1


def test_the_same_person_sent_ten_times_by_staff_is_enrolled_and_emailed_once(settings):
    from django_q.models import OrmQ

    settings.TASKS = {
        "default": {"BACKEND": "accueil.notifications.queue.QueueBackend", "QUEUES": ["default"]}
    }
    person = signatory()
    staff = factories.user(Role.PROVIDER)
    target = course(staff.organisation)

    def send():
        return enrolments.enrol_person(
            course_id=target.pk,
            national_id=person.national_id,
            surname=person.surname,
            actor=staff,
        )

    outcomes = run_all([send] * 10, threads=10)
    assert not [o for o in outcomes if isinstance(o, Exception)]
    assert target.enrolments.count() == 1
    assert OrmQ.objects.count() == 1  # its email, queued once
