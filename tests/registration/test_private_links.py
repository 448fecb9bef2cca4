"""Links that are private stay private (issue 9, points 6, 7 and 9; point 8's race is in
test_one_time_link_race): a link sent again revokes the earlier ones; the calendar
feed's address can be reset and ends with the contract; the guide's private link
opened elsewhere is read-only; the new registrant's link is shown once."""

import re
from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accueil.accounts import services as link_services
from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from accueil.contracts import selectors as contract_selectors
from accueil.contracts.models import ContractStatus
from accueil.guide import services as guide_services
from accueil.guide.models import GuideAnswers
from accueil.registration import accounts as account_services
from accueil.registration import selectors as links
from accueil.registration.models import Candidate
from tests import factories
from tests.guide.test_guide_fake import use_fake_guide  # noqa: F401 (a fixture)
from tests.guide.test_guide_questionnaire import answer_all, q

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.RATE_LIMIT_PUBLIC = "0"
    settings.RATE_LIMIT_STEPS = "0"


def manage(token: str) -> str:
    return reverse("booking:manage", args=[token])


def emailed_link(email) -> str:
    return re.search(r"https?://\S+(/my-booking/\S+/)", email.body).group(1)


def ask_again(client, person, capture) -> None:
    with capture(execute=True):
        response = client.post(
            reverse("register:link_request"),
            {"national_id": person.national_id, "email": person.email},
        )
    assert response["Location"] == reverse("register:link_sent")


# Point 6: a link sent again revokes the earlier ones.


def test_sending_the_link_again_revokes_the_earlier_ones(
    client, django_capture_on_commit_callbacks, run_tasks
):
    person = factories.candidate(email="ana@example.test")
    earlier = links.access_token(person)
    assert client.get(manage(earlier)).status_code == 200
    ask_again(client, person, django_capture_on_commit_callbacks)
    run_tasks()
    [email] = mail.outbox
    assert client.get(manage(earlier)).status_code == 404
    assert client.get(emailed_link(email)).status_code == 200
    assert AuditEvent.objects.filter(
        action=Action.UPDATE, target_id=str(person.pk), fields=["access_version"]
    ).exists()


def test_after_two_requests_the_latest_link_works_and_the_one_sent_before_does_not(
    client, django_capture_on_commit_callbacks, run_tasks
):
    person = factories.candidate(email="ana@example.test")
    ask_again(client, person, django_capture_on_commit_callbacks)
    run_tasks()  # the first email goes out
    ask_again(client, person, django_capture_on_commit_callbacks)
    run_tasks()
    first, second = mail.outbox
    assert client.get(emailed_link(first)).status_code == 404
    assert client.get(emailed_link(second)).status_code == 200


def test_two_requests_before_the_worker_runs_both_carry_the_latest_link(
    client, django_capture_on_commit_callbacks, run_tasks
):
    person = factories.candidate(email="ana@example.test")
    ask_again(client, person, django_capture_on_commit_callbacks)
    ask_again(client, person, django_capture_on_commit_callbacks)
    run_tasks()
    first, second = mail.outbox
    assert emailed_link(first) == emailed_link(second)
    assert client.get(emailed_link(second)).status_code == 200
    assert Candidate.objects.get(pk=person.pk).access_version == 3


def test_sending_the_link_again_leaves_the_calendar_feed_alone(
    client, django_capture_on_commit_callbacks
):
    person = factories.candidate(email="ana@example.test")
    feed = urlsplit(contract_selectors.feed_url(person)).path
    ask_again(client, person, django_capture_on_commit_callbacks)
    assert client.get(feed).status_code == 200


# Point 6: the candidate resets their calendar feed's address; feeds end with the contract.


@pytest.fixture
def candidate_client(client, candidate_user):
    client.force_login(candidate_user)
    return client


def test_a_candidate_resets_their_calendar_address(candidate_client, candidate_user):
    person = candidate_user.candidate
    old = urlsplit(contract_selectors.feed_url(person)).path
    assert candidate_client.get(old).status_code == 200
    home = candidate_client.get(reverse("portal:home")).content.decode()
    assert reverse("contracts:calendar_reset") in home
    response = candidate_client.post(reverse("contracts:calendar_reset"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("portal:home"))
    page = response.content.decode()
    assert "Your calendar address has changed" in page
    person.refresh_from_db()
    new = urlsplit(contract_selectors.feed_url(person)).path
    assert new != old and new in page
    assert candidate_client.get(old).status_code == 404
    assert candidate_client.get(new).status_code == 200
    assert AuditEvent.objects.filter(
        action=Action.UPDATE, target_id=str(person.pk), fields=["feed_version"]
    ).exists()


def test_resetting_the_calendar_address_needs_a_post_with_its_csrf_token(candidate_user):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(candidate_user)
    assert browser.get(reverse("contracts:calendar_reset")).status_code == 405
    assert browser.post(reverse("contracts:calendar_reset")).status_code == 403
    assert Candidate.objects.get(user=candidate_user).feed_version == 1


def test_staff_and_strangers_cannot_reset_a_calendar_address(client, officer):
    assert client.post(reverse("contracts:calendar_reset")).status_code == 302  # sign in first
    client.force_login(officer)
    assert client.post(reverse("contracts:calendar_reset")).status_code == 404


@pytest.mark.parametrize(
    "status",
    [
        ContractStatus.WITHDRAWN,
        ContractStatus.FULFILLED,
        ContractStatus.NOT_FULFILLED,
        ContractStatus.SUPERSEDED,
    ],
)
def test_the_feed_is_gone_once_the_contract_has_ended(client, status):
    person = factories.candidate()
    factories.contract(person, status=status)
    response = client.get(urlsplit(contract_selectors.feed_url(person)).path)
    assert response.status_code == 410
    assert "BEGIN:VCALENDAR" not in response.content.decode()


def test_the_feed_is_gone_once_the_term_is_over(client):
    person = factories.candidate()
    today = timezone.localdate()
    factories.contract(person, entry_into_force=today - timedelta(days=730), end_exclusive=today)
    assert client.get(urlsplit(contract_selectors.feed_url(person)).path).status_code == 410


def test_the_feed_answers_before_any_contract_and_during_the_term(client):
    registered = factories.candidate()
    assert client.get(urlsplit(contract_selectors.feed_url(registered)).path).status_code == 200
    signed = factories.candidate()
    today = timezone.localdate()
    factories.contract(signed, entry_into_force=today, end_exclusive=today + timedelta(days=1))
    assert client.get(urlsplit(contract_selectors.feed_url(signed)).path).status_code == 200


def test_a_follow_up_contract_brings_the_feed_back(client):
    person = factories.candidate()
    ended = factories.contract(person, status=ContractStatus.SUPERSEDED)
    factories.contract(person, follows=ended)
    assert client.get(urlsplit(contract_selectors.feed_url(person)).path).status_code == 200


# Point 8 (without the race): a used activation link does not sign in again.


def test_a_second_activation_of_the_same_candidate_is_refused(db):
    person = factories.candidate(email="olena@example.org")
    activate = account_services.candidate_account_activate
    activate(candidate=person, password="a-long-and-unusual-passphrase")
    with pytest.raises(getattr(account_services, "AlreadyActivated", ())):
        activate(candidate=person, password="a-long-and-unusual-passphrase")


def test_a_sign_in_link_is_used_once_even_when_both_posts_passed_the_check(client, db):
    user = factories.user(Role.CANDIDATE)
    factories.candidate(user=user)
    token = urlsplit(account_services.sign_in_url(user)).path.rstrip("/").rsplit("/", 1)[1]
    assert link_services.sign_in_use(token) == user
    assert link_services.sign_in_use(token) is None


# Point 7: the guide's private link opened in another browser is read-only.


@pytest.fixture
def owner(client, use_fake_guide):  # noqa: F811 (the fixture imported above)
    answer_all(client)
    client.post(reverse("guide:check"))
    return client


def test_the_guide_link_opened_elsewhere_shows_the_result_read_only(owner):
    link = reverse("guide:saved", args=[owner.session["guide.token"]])
    other = Client()
    assert other.get(link).url == reverse("guide:result")
    page = other.get(reverse("guide:result")).content.decode()
    assert "Residence permit for a salaried worker" in page
    assert 'id="read-only"' in page
    assert link in page  # the same link, to copy
    assert 'id="read-only"' not in owner.get(reverse("guide:result")).content.decode()


def test_changing_answers_elsewhere_makes_a_new_copy_and_leaves_the_owners_alone(owner):
    token = owner.session["guide.token"]
    other = Client()
    other.get(reverse("guide:saved", args=[token]))
    other.post(q("purpose") + "?change=1", {"answer": "study"})
    saved = GuideAnswers.objects.get(token_hash=guide_services.token_hash(token))
    assert saved.answers["purpose"] == "work"  # the owner's answers are untouched
    assert other.post(reverse("guide:check")).url == reverse("guide:result")
    theirs = other.session["guide.token"]
    assert theirs != token
    copy = GuideAnswers.objects.get(token_hash=guide_services.token_hash(theirs))
    assert copy.answers["purpose"] == "study"
    assert GuideAnswers.objects.get(pk=saved.pk).answers["purpose"] == "work"
    # Each browser edits its own: the other's next change follows its copy only.
    other.post(q("languages") + "?change=1", {"answer": ["de"]})
    assert GuideAnswers.objects.get(pk=copy.pk).answers["languages"] == ["de"]
    assert GuideAnswers.objects.get(pk=saved.pk).answers["languages"] == ["fr"]
    # The owner's browser keeps editing its own answers.
    owner.post(q("children") + "?change=1", {"answer": "yes"})
    assert GuideAnswers.objects.get(pk=saved.pk).answers["children"] is True


def test_the_owner_reopening_their_link_keeps_editing_it(owner):
    token = owner.session["guide.token"]
    other_token = guide_services.answers_save(
        answers=dict(owner.session["guide.answers"]), language="en", token=None
    )
    owner.get(reverse("guide:saved", args=[other_token]))  # someone else's link
    assert "guide.token" not in owner.session
    owner.get(reverse("guide:saved", args=[token]))  # then their own again
    assert owner.session["guide.token"] == token
    owner.post(q("purpose") + "?change=1", {"answer": "study"})
    assert (
        GuideAnswers.objects.get(token_hash=guide_services.token_hash(token)).answers["purpose"]
        == "study"
    )
    assert (
        GuideAnswers.objects.get(token_hash=guide_services.token_hash(other_token)).answers[
            "purpose"
        ]
        == "work"
    )


# Point 9: the new registrant's private link is not on the screen for the next person at
# that computer. Since the answer must not tell a new registration from an identification
# number registered already (point 3), the confirmation never shows it: it goes by email.


@pytest.fixture
def just_registered(client):
    person = factories.candidate(email="ana@example.test", information_language="en")
    session = client.session
    session["register.done"] = {"submission_id": "x", "candidate": str(person.pk)}
    session.save()
    return person


def test_the_registrants_confirmation_never_shows_the_private_link_and_is_not_cached(
    client, just_registered
):
    token = links.access_token(just_registered)
    for _visit in ("first", "reload"):
        answer = client.get(reverse("register:complete"))
        page = answer.content.decode()
        assert answer.status_code == 200 and "no-store" in answer["Cache-Control"]
        assert "/my-booking/" not in page and token not in page
        assert "Check your email" in page
        assert reverse("register:link_request") in page


def test_without_an_email_the_later_visit_says_whom_to_call(client):
    person = factories.candidate(email="", postal_address="1 rue de la Gare, Luxembourg")
    session = client.session
    session["register.done"] = {"submission_id": "x", "candidate": str(person.pk)}
    session.save()
    client.get(reverse("register:complete"))
    page = client.get(reverse("register:complete")).content.decode()
    assert "/my-booking/" not in page and "247-85785" in page


def test_the_path_page_offers_no_calendar_once_the_contract_has_ended(client, candidate_user):
    candidate_user.candidate.contracts.update(
        status=ContractStatus.FULFILLED, decided_at=timezone.now(), fulfilled_on=date(2026, 3, 2)
    )
    client.force_login(candidate_user)
    page = client.get(reverse("portal:home")).content.decode()
    assert "/calendar/" not in page


def test_an_address_taken_while_activating_is_refused_not_a_server_error(db, monkeypatch):
    """Two candidates with one address activating at once: the second INSERT meets the
    unique constraint after the check passed; it is 'account exists', not a 500."""
    from accueil.accounts.models import User

    person = factories.candidate(email="shared@example.org")

    def meanwhile(password, user):  # runs between the check and the INSERT
        User.objects.create_user(email="shared@example.org", role=Role.CANDIDATE)

    monkeypatch.setattr(account_services, "validate_password", meanwhile)
    with pytest.raises(account_services.AccountExists):
        account_services.candidate_account_activate(candidate=person, password="x" * 20)
    assert Candidate.objects.get(pk=person.pk).user is None
