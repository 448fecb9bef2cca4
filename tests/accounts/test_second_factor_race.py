"""A code used by ten requests at once signs in one of them (issue 14, point 7: a
recovery code is single-use, an app's code is taken once), on PostgreSQL (row locks;
SQLite serialises every write and would prove nothing)."""

import contextlib
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from accueil.accounts import services
from accueil.accounts.models import Role
from tests import factories
from tests.accounts.codes import current_code, device_of

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
THREADS = 10


@pytest.fixture(autouse=True)
def on_postgres(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locking); SQLite serialises every write")


def at_once(work, times=THREADS) -> list:
    start = threading.Barrier(times)

    def one(_n):
        try:
            with contextlib.suppress(threading.BrokenBarrierError):
                start.wait(timeout=30)
            return work()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=times) as pool:
        return list(pool.map(one, range(times)))


def test_one_recovery_code_sent_ten_times_at_once_signs_in_once():
    officer = factories.user(Role.OFFICER)
    static = StaticDevice.objects.create(user=officer, name="Recovery codes", confirmed=True)
    StaticToken.objects.create(device=static, token="race2345")
    outcomes = at_once(lambda: services.second_factor_verify(officer, "race2345"))
    assert len([o for o in outcomes if o is not None]) == 1
    assert not StaticToken.objects.filter(device=static).exists()


def test_one_app_code_sent_ten_times_at_once_signs_in_once():
    officer = factories.user(Role.OFFICER)
    code = current_code(device_of(officer))
    outcomes = at_once(lambda: services.second_factor_verify(officer, code))
    assert len([o for o in outcomes if o is not None]) == 1
