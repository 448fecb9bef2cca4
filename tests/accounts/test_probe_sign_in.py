"""The sign-in probe (issue 9, point 5): staff sign-in, on our page and the admin
site's, is throttled per account and per address, locked for a while after repeated
failures, and every failure is in the audit trail, without the typed text. It used to
take 100 wrong passwords, then the right one, and sign in, with no trace on
/admin/login/.
"""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from accueil.audit.models import Action, AuditEvent
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
ADMIN_LOGIN = "/admin/login/"
OURS = reverse("accounts:login")


@pytest.fixture(autouse=True)
def limits(settings):
    settings.RATE_LIMIT_PUBLIC = "0"
    settings.AXES_FAILURE_LIMIT = 10


def sign_in(client, url: str, email: str, password: str, address: str = "192.0.2.10"):
    return client.post(url, {"username": email, "password": password}, REMOTE_ADDR=address)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def failures() -> int:
    return AuditEvent.objects.filter(action=Action.SIGN_IN_FAILED).count()


@pytest.mark.slow
@pytest.mark.parametrize("url", [ADMIN_LOGIN, OURS])
def test_a_hundred_wrong_passwords_then_the_right_one_does_not_sign_in(client, administrator, url):
    administrator.is_staff = True
    administrator.save()
    statuses = [sign_in(client, url, administrator.email, "wrong").status_code for _ in range(100)]
    assert 429 in statuses and statuses.index(429) <= 10
    right = sign_in(client, url, administrator.email, PASSWORD)
    assert right.status_code == 429 and not signed_in(client)
    # Every failure, the refused right password too, is in the audit trail, on the account.
    assert failures() == 101
    assert (
        AuditEvent.objects.filter(
            action=Action.SIGN_IN_FAILED, target_id=str(administrator.pk), ip_address="192.0.2.10"
        ).count()
        == 101
    )


def test_the_lock_lifts_after_the_cool_off(client, officer, settings):
    for _ in range(10):
        sign_in(client, OURS, officer.email, "wrong")
    assert sign_in(client, OURS, officer.email, PASSWORD).status_code == 429
    later = timezone.now() + timedelta(minutes=settings.SIGN_IN_LOCKOUT_MINUTES + 1)
    with time_machine.travel(later, tick=False):
        assert sign_in(client, OURS, officer.email, PASSWORD).status_code == 302
    assert signed_in(client)


def test_an_account_is_locked_whatever_the_addresses_tried_from(client, officer):
    for n in range(10):
        sign_in(client, OURS, officer.email, "wrong", address=f"198.51.100.{n}")
    response = sign_in(client, OURS, officer.email, PASSWORD, address="203.0.113.1")
    assert response.status_code == 429 and not signed_in(client)


def test_an_address_is_locked_whatever_the_accounts_tried(client, officer):
    for n in range(10):
        sign_in(client, OURS, f"guess{n}@example.test", "wrong")
    response = sign_in(client, OURS, officer.email, PASSWORD)
    assert response.status_code == 429 and not signed_in(client)
    # From another address, the account itself is not locked.
    assert sign_in(client, OURS, officer.email, PASSWORD, address="203.0.113.1").status_code == 302


def test_the_address_is_read_through_the_trusted_proxies(client, officer, settings):
    """A client that writes another address into X-Forwarded-For for each attempt is
    still one address, unless the request comes from our proxy."""
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    for n in range(10):
        client.post(
            OURS,
            {"username": f"guess{n}@example.test", "password": "wrong"},
            REMOTE_ADDR="192.0.2.10",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        )
    assert sign_in(client, OURS, officer.email, PASSWORD).status_code == 429
    assert set(AuditEvent.objects.values_list("ip_address", flat=True)) == {"192.0.2.10"}


@pytest.mark.parametrize(
    ("lang", "says"),
    [("en", "Signing in is paused"), ("fr", "connexion est suspendue"), ("de", "Anmeldung ist")],
)
def test_the_lock_out_says_the_same_whether_or_not_the_account_exists(client, officer, lang, says):
    client.cookies["accueil_language"] = lang
    pages = []
    for email, address in ((officer.email, "192.0.2.1"), ("nobody@example.test", "192.0.2.2")):
        for _ in range(10):
            sign_in(client, OURS, email, "wrong", address=address)
        locked = sign_in(client, OURS, email, "wrong", address=address)
        assert locked.status_code == 429
        pages.append(locked.content.decode().replace(email, "EMAIL"))
    assert pages[0] == pages[1] and says in pages[0]


def test_nothing_typed_is_stored(client, officer):
    from axes.models import AccessAttempt

    sign_in(client, OURS, "Someone.Else@example.test", "secret-guess")
    sign_in(client, OURS, officer.email, "another-guess")
    stored = " ".join(
        str(row)
        for row in [
            *AuditEvent.objects.values_list("reason", "target_id"),
            *AccessAttempt.objects.values_list("username", "post_data", "get_data"),
        ]
    ).lower()
    for typed in ("someone.else@example.test", officer.email.lower(), "guess"):
        assert typed not in stored
    # The unknown address's failures can still be told apart, by a keyed hash.
    [unknown] = AuditEvent.objects.filter(target_id="").values_list("reason", flat=True)
    assert unknown.startswith("no such account (")


def test_signing_in_to_ones_own_account_does_not_wipe_the_failures(client, officer, candidate_user):
    """Someone with an account of their own (a candidate) cannot sign in between
    guesses to start counting again."""
    for _ in range(9):
        sign_in(client, OURS, officer.email, "wrong")
    assert sign_in(client, OURS, candidate_user.email, PASSWORD).status_code == 302
    client.logout()
    assert sign_in(client, OURS, officer.email, "wrong").status_code == 429  # the 10th locks
    assert sign_in(client, OURS, officer.email, PASSWORD).status_code == 429
