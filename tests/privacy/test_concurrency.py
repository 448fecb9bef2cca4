"""Ten at once (PostgreSQL, row locks): ten submits of the same request make one, ten
answers to one request answer it once and queue one message."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from accueil.privacy import emails, services
from accueil.privacy.models import DataSubjectRequest, RequestKind, RequestStatus
from tests import factories

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def on_postgres(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locking); SQLite serialises every write")


def in_thread(work):
    try:
        return work()
    except Exception as error:
        return error
    finally:
        connection.close()


def test_ten_submits_make_one_request():
    person = factories.candidate()

    def submit(_n):
        return in_thread(
            lambda: services.request_submit(person, kind=RequestKind.ERASURE, details="x")
        )

    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(submit, range(10)))
    assert not [r for r in results if isinstance(r, Exception)], results
    assert DataSubjectRequest.objects.count() == 1
    assert [created for _made, created in results].count(True) == 1
    assert AuditEvent.objects.filter(action=Action.CREATE).count() == 1


def test_ten_answers_answer_once(monkeypatch):
    told = []  # the task backend is per thread: count the messages queued instead
    monkeypatch.setattr(emails, "notify_answer", told.append)
    person = factories.candidate()
    made, _created = services.request_submit(person, kind=RequestKind.OBJECTION, details="x")
    officers = [factories.user(Role.DPO) for _ in range(3)]

    def answer(n):
        return in_thread(
            lambda: services.request_answer(
                subject_request=made,
                granted=n % 2 == 0,
                answer=f"answer {n}",
                actor=officers[n % 3],
            )
        )

    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(answer, range(10)))
    refused = [r for r in results if isinstance(r, services.AlreadyAnswered)]
    assert len(refused) == 9, results
    made.refresh_from_db()
    assert made.status in (RequestStatus.ANSWERED, RequestStatus.REFUSED)
    assert [item.pk for item in told] == [made.pk]
