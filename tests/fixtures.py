"""The Django tests' fixtures: personas, one per role, and the settings every Django test
runs with. A plugin, not a conftest, so that the rules' tests do not inherit it:
tests/plugin.py registers it whenever Django is configured."""

import pytest
from django.test import Client
from django.utils import translation
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from accueil.accounts.models import Role
from accueil.accounts.selectors import needs_second_factor
from accueil.booking.models import BookingStatus
from tests import factories


@pytest.fixture
def officer(db):
    return factories.user(Role.OFFICER)


@pytest.fixture
def dpo(db):
    return factories.user(Role.DPO)


@pytest.fixture
def administrator(db):
    return factories.user(Role.ADMIN)


@pytest.fixture
def provider(db):
    return factories.user(Role.PROVIDER)


@pytest.fixture
def social_worker(db):
    return factories.user(Role.SOCIAL_WORKER)


@pytest.fixture
def candidate_user(db):
    """A candidate with an account, a registration and a contract in force."""
    user = factories.user(Role.CANDIDATE)
    person = factories.candidate(user=user)
    factories.contract(person)
    return user


@pytest.fixture
def stranger(db):
    """Another candidate's registration, which nobody but staff may see."""
    person = factories.candidate()
    factories.contract(person)
    return person


@pytest.fixture
def all_roles(officer, dpo, administrator, provider, social_worker, candidate_user):
    return {
        Role.OFFICER: officer,
        Role.DPO: dpo,
        Role.ADMIN: administrator,
        Role.PROVIDER: provider,
        Role.SOCIAL_WORKER: social_worker,
        Role.CANDIDATE: candidate_user,
    }


def verified_device(user) -> TOTPDevice:
    """The user's authenticator app: the confirmed TOTP device, made if they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Tests", confirmed=True)


@pytest.fixture(autouse=True)
def force_login_verifies(monkeypatch):
    """`client.force_login(staff)` signs in with the second factor too, as the code step
    would (issue 14, point 7): the session is marked verified with a device made for
    that user, so that hundreds of tests of staff pages need not go through the code
    step. The code step itself is tested in tests/accounts/test_second_factor.py, and a
    test wanting an unverified session removes the session's device
    (`unverify(client)`)."""
    plain_login = Client._login

    def login_verified(self, user, backend=None):
        plain_login(self, user, backend)
        if needs_second_factor(user):
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = verified_device(user).persistent_id
            session.save()

    monkeypatch.setattr(Client, "_login", login_verified)


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Hashing is deliberately slow in production; tests need not wait for it."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def default_language_between_tests():
    """Each test starts in the default language: a request through the test client, or a
    test, that activates French or German leaves it active in the thread (Django's
    LocaleMiddleware does not switch back), and a later test of code run outside a
    request (a CSV's messages, an email) would read German where it expects English."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded and generated files go to a temporary folder, not ./data."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def queued_tasks(settings):
    """Background tasks are collected, not run, unless a test runs them (`run_tasks`)."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}
    }
    from django_tasks import default_task_backend

    default_task_backend.clear()
    return default_task_backend


@pytest.fixture
def run_tasks(queued_tasks):
    """Run what was queued, as the worker would; deferred tasks only if their time has come."""
    from django.utils import timezone

    def run(*, include_deferred: bool = False) -> int:
        done = 0
        for result in list(queued_tasks.results):
            deferred = result.task.run_after and result.task.run_after > timezone.now()
            if deferred and not include_deferred:
                continue
            result.task.call(*result.args, **result.kwargs)
            done += 1
        queued_tasks.clear()
        return done

    return run


@pytest.fixture
def today_session(db):
    """An information session at 9 o'clock today."""
    return factories.information_session(starts_at=factories.on_day(0), capacity=5)


@pytest.fixture
def present(today_session, officer):
    """A candidate checked in as present at today's session."""
    return factories.book(today_session, status=BookingStatus.ATTENDED).candidate
