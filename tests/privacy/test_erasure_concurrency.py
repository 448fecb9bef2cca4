"""Issue 14, point 3: erasing one person ten times at once (a double click, two
data-protection officers, the retention job meeting a request): one erasure does the
work, the others wait for its lock and find the person erased, nobody gets an error,
and the trail says "erased" once. PostgreSQL only: the guarantee rests on its row locks
(SQLite serialises every write and would prove nothing)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from accueil.audit.models import Action, AuditEvent
from accueil.privacy.erasure import erase_candidate
from accueil.registration.models import Candidate
from tests import factories

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
AT_ONCE = 10


@pytest.fixture(autouse=True)
def on_postgres(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locking); SQLite serialises every write")


def test_ten_erasures_of_one_person_at_once_erase_them_once(dpo):
    person = factories.candidate(user=factories.user("candidate"))
    factories.contract(person)
    start = threading.Barrier(AT_ONCE)

    def erase(_n: int) -> bool:
        try:
            start.wait(timeout=30)
            return erase_candidate(Candidate.objects.get(pk=person.pk), actor=dpo, reason="")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=AT_ONCE) as pool:
        answers = list(pool.map(erase, range(AT_ONCE)))

    assert sorted(answers) == [False] * (AT_ONCE - 1) + [True]
    person.refresh_from_db()
    assert person.erased_at is not None and person.national_id is None
    events = AuditEvent.objects.filter(target_id=str(person.pk), action=Action.DELETE)
    assert list(events.values_list("reason", flat=True)).count("erased") == 1
