"""Staff sign in with a second factor (issue 14, point 7: "Staff sign in with a second
factor (TOTP, with recovery codes); sessions expire"): setting up the app at the first
sign-in, the code step after the password, recovery codes used once, wrong codes
counted by django-axes, unverified sessions refused, an administrator's reset, and the
sessions' idle and absolute lifetimes."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accueil.accounts import services
from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from tests import factories
from tests.accounts.codes import current_code, device_of

CODE_STEP = reverse("accounts:second_factor")
SET_UP = reverse("accounts:second_factor_setup")
HOME = reverse("portal:home")


def password_step(client, user, follow=True):
    return client.post(
        reverse("accounts:login"),
        {"username": user.email, "password": factories.PASSWORD},
        follow=follow,
    )


def unverify(client) -> None:
    """Signed in with the password only: the session names no verified device."""
    session = client.session
    session.pop(DEVICE_ID_SESSION_KEY, None)
    session.save()


def test_the_first_sign_in_of_staff_sets_up_an_app_then_shows_ten_recovery_codes_once(
    client, officer
):
    response = password_step(client, officer)
    assert response.redirect_chain[-1][0] == f"{SET_UP}?next=%2Fhome%2F"
    page = response.content.decode()
    assert 'src="data:image/png;base64,' in page  # the QR code, drawn here
    secret = response.context["secret"]
    assert len(secret.replace(" ", "")) == 32 and secret in page  # typed by hand instead
    assert client.get(HOME)["Location"].startswith(CODE_STEP)  # not verified yet

    key = client.session["accueil.second_factor_key"]
    code = f"{TOTP(bytes.fromhex(key)).token():06d}"
    response = client.post(SET_UP + "?next=/home/", {"code": code, "next": "/home/"}, follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("accounts:recovery_codes"))
    codes = response.context["codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    assert all(code in response.content.decode() for code in codes)
    # Shown once: the page again leads on, without them.
    again = client.get(reverse("accounts:recovery_codes"))
    assert again.status_code == 302 and again["Location"] == HOME
    assert client.get(HOME).status_code == 200
    device = TOTPDevice.objects.get(user=officer)
    assert device.confirmed and device.key == key
    assert StaticToken.objects.filter(device__user=officer).count() == 10
    assert AuditEvent.objects.filter(
        action=Action.UPDATE, target_id=str(officer.pk), reason="second factor set up"
    ).exists()


@pytest.mark.parametrize(
    ("lang", "says"),
    [
        ("en", "The security code is not right"),
        ("fr", "Le code de sécurité n’est pas bon"),
        ("de", "Der Sicherheitscode stimmt nicht"),
    ],
)
def test_a_wrong_code_at_set_up_is_said_next_to_the_field_and_sets_nothing_up(
    client, officer, lang, says
):
    client.cookies["accueil_language"] = lang
    password_step(client, officer)
    response = client.post(SET_UP, {"code": "000000"})
    page = response.content.decode()
    assert response.status_code == 200
    assert says in page and 'id="id_code-error"' in page and 'href="#id_code"' in page
    assert 'value="000000"' in page  # what was typed is kept
    assert not TOTPDevice.objects.filter(user=officer).exists()
    assert AuditEvent.objects.filter(
        action=Action.SIGN_IN_FAILED, target_id=str(officer.pk), reason="wrong code"
    ).exists()


def test_later_sign_ins_ask_for_the_code_after_the_password(client, officer):
    device = device_of(officer)
    response = password_step(client, officer)
    assert response.redirect_chain[-1][0] == f"{CODE_STEP}?next=%2Fhome%2F"
    assert client.get(HOME)["Location"] == f"{CODE_STEP}?next=%2Fhome%2F"
    wrong = client.post(CODE_STEP, {"code": "123456", "next": "/home/"})
    assert "The security code is not right" in wrong.content.decode()
    # django-otp's own throttle then refuses any code for a second (doubling each time).
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    right = client.post(CODE_STEP, {"code": current_code(device), "next": "/home/"})
    assert right.status_code == 302 and right["Location"] == HOME
    assert client.get(HOME).status_code == 200


def test_a_code_is_taken_once(client, officer):
    device = device_of(officer)
    code = current_code(device)
    password_step(client, officer)
    assert client.post(CODE_STEP, {"code": code})["Location"] == HOME
    client.post(reverse("accounts:logout"))
    password_step(client, officer)
    replayed = client.post(CODE_STEP, {"code": code})
    assert replayed.status_code == 200  # refused: the same code again
    assert client.get(HOME).status_code == 302


def test_a_recovery_code_works_once_and_says_how_many_are_left(client, officer):
    device_of(officer)
    static = StaticDevice.objects.create(user=officer, name="Recovery codes", confirmed=True)
    StaticToken.objects.create(device=static, token="abcd2345")
    StaticToken.objects.create(device=static, token="efgh6723")
    password_step(client, officer)
    response = client.post(CODE_STEP, {"code": "ABCD 2345"}, follow=True)
    assert response.redirect_chain[-1][0] == HOME
    assert "You have 1 left" in response.content.decode()
    assert AuditEvent.objects.filter(reason="recovery code used", actor=officer).exists()
    client.post(reverse("accounts:logout"))
    password_step(client, officer)
    assert client.post(CODE_STEP, {"code": "abcd2345"}).status_code == 200  # used up
    assert client.get(HOME).status_code == 302


def test_another_persons_recovery_code_does_not_sign_in(client, officer, dpo):
    device_of(officer)
    static = StaticDevice.objects.create(user=dpo, name="Recovery codes", confirmed=True)
    StaticToken.objects.create(device=static, token="theirs23")
    password_step(client, officer)
    assert client.post(CODE_STEP, {"code": "theirs23"}).status_code == 200
    assert StaticToken.objects.filter(token="theirs23").exists()


def test_candidates_are_not_asked_for_a_code(client, candidate_user):
    response = password_step(client, candidate_user)
    assert response.redirect_chain[-1][0] == HOME
    assert response.status_code == 200


@pytest.mark.parametrize("role", [r for r in Role if r != Role.CANDIDATE])
def test_an_unverified_staff_session_is_refused_on_every_staff_page(client, all_roles, role):
    client.force_login(all_roles[role])
    assert client.get(HOME).status_code == 200  # verified, as force_login does in tests
    unverify(client)
    for path in [HOME, reverse("portal:candidate_list"), "/admin/", "/audit/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(f"{CODE_STEP}?next="), path


def test_an_unverified_staff_session_is_refused_on_the_staff_api(client, provider):
    url = "/api/v1/attendance/sessions/1"
    client.force_login(provider)
    assert client.get(url).status_code == 404  # verified: the API answers (no such session)
    unverify(client)
    response = client.get(url)
    assert response.status_code == 401
    assert response.json()["error"]


def test_the_query_string_is_not_carried_to_the_code_step(client, officer):
    client.force_login(officer)
    unverify(client)
    response = client.get(reverse("portal:candidate_list") + "?q=850517123")
    assert "850517123" not in response["Location"]


def test_wrong_codes_are_counted_with_wrong_passwords_and_lock_the_code_step(
    client, officer, settings
):
    device = device_of(officer)
    password_step(client, officer)
    for _ in range(settings.SIGN_IN_FAILURE_LIMIT):
        TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
        client.post(CODE_STEP, {"code": "000000"})
    locked = client.post(CODE_STEP, {"code": current_code(device)})
    assert locked.status_code == 429
    assert client.get(HOME).status_code == 302
    assert AuditEvent.objects.filter(action=Action.SIGN_IN_FAILED, reason="wrong code").count() >= (
        settings.SIGN_IN_FAILURE_LIMIT - 1
    )


def test_an_administrator_resets_a_second_factor_and_the_person_sets_up_a_new_app(
    client, officer, administrator
):
    device_of(officer)
    StaticDevice.objects.create(user=officer, name="Recovery codes", confirmed=True)
    client.force_login(administrator)
    response = client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [officer.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert not TOTPDevice.objects.filter(user=officer).exists()
    assert not StaticDevice.objects.filter(user=officer).exists()
    event = AuditEvent.objects.get(reason="second factor reset")
    assert (event.actor, event.target_id) == (administrator, str(officer.pk))
    client.post(reverse("accounts:logout"))
    assert password_step(client, officer).redirect_chain[-1][0].startswith(SET_UP)


def test_the_reset_service_removes_every_device(officer, administrator):
    device_of(officer)
    StaticDevice.objects.create(user=officer, name="Recovery codes", confirmed=True)
    assert services.second_factor_reset(actor=administrator, user=officer) == 2
    assert services.second_factor_reset(actor=administrator, user=officer) == 0


def test_a_staff_session_ends_after_thirty_idle_minutes(client, officer, settings):
    client.force_login(officer)
    assert client.get(HOME).status_code == 200
    assert client.session.get_expiry_age() == settings.STAFF_IDLE_MINUTES * 60
    with time_machine.travel(timezone.now() + timedelta(minutes=20), tick=False):
        assert client.get(HOME).status_code == 200  # a request moves the expiry on
    with time_machine.travel(timezone.now() + timedelta(minutes=45), tick=False):
        assert client.get(HOME).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(minutes=80), tick=False):
        assert client.get(HOME)["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("role", [Role.OFFICER, Role.CANDIDATE])
def test_any_session_ends_at_its_absolute_lifetime_however_busy(client, all_roles, settings, role):
    settings.STAFF_IDLE_MINUTES = 24 * 60
    settings.SESSION_ABSOLUTE_HOURS = 2
    client.force_login(all_roles[role])
    with time_machine.travel(timezone.now() + timedelta(minutes=110), tick=False):
        assert client.get(HOME).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(minutes=130), tick=False):
        response = client.get(HOME)
        assert response["Location"].startswith(reverse("accounts:login"))
        assert "_auth_user_id" not in client.session


def test_the_admin_sites_own_sign_in_page_leads_to_the_code_step_too(client, administrator):
    device_of(administrator)
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": administrator.email, "password": factories.PASSWORD, "next": "/admin/"},
    )
    assert response.status_code == 302
    admin_home = client.get("/admin/")
    assert admin_home.status_code == 302
    assert admin_home["Location"] == f"{CODE_STEP}?next=%2Fadmin%2F"
