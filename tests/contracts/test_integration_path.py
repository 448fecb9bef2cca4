"""The candidate's integration path, their contract's PDF and their calendar feed."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from accueil.contracts import selectors as contract_selectors
from accueil.contracts.models import Certificate, Obligation
from accueil.contracts.selectors import candidate_path, covered_obligations
from tests import factories


@pytest.fixture
def signed(candidate_user):
    contract = candidate_user.candidate.contracts.get()
    start = timezone.localdate() - timedelta(days=100)
    contract.entry_into_force, contract.end_exclusive = start, start.replace(year=start.year + 2)
    contract.save()
    return contract


def certify(contract, obligation, days_ago, **fields):
    return Certificate.objects.create(
        contract=contract,
        obligation=obligation,
        issuer="INL",
        issued_on=timezone.localdate() - timedelta(days=days_ago),
        **fields,
    )


def test_the_path_shows_each_obligation_with_its_status_and_the_time_left(client, signed):
    certify(signed, Obligation.ORIENTATION_DAY, 10)
    certify(signed, Obligation.CITIZENSHIP_COURSE, 5, hours=4, sessions=2)
    path = candidate_path(signed.candidate, timezone.localdate())
    status = {step.code: step.met for step in path.steps}
    assert status == {
        "language_training": False,
        "citizenship_course": False,
        "orientation_day": True,
    }
    assert path.days_left == (signed.end_exclusive - timezone.localdate()).days
    client.force_login(signed.candidate.user)
    page = client.get(reverse("portal:home")).content.decode()
    assert "My integration path" in page
    assert "4 of the required 6 hours" in page or "only 4" in page
    assert "Certificate of" in page
    assert "days left" in page


def test_once_everything_is_certified_the_path_says_completed_and_asks_nothing(signed):
    certify(signed, Obligation.LANGUAGE_TRAINING, 30)
    certify(signed, Obligation.ORIENTATION_DAY, 20)
    certify(signed, Obligation.CITIZENSHIP_COURSE, 10, hours=6, sessions=3)
    path = candidate_path(signed.candidate, timezone.localdate())
    assert all(step.met for step in path.steps)
    assert path.decision["outcome"] == "fulfilled"
    assert path.next_steps == []


def test_someone_not_yet_signed_is_told_to_book_a_session(db):
    person = factories.candidate()
    path = candidate_path(person, timezone.localdate())
    assert path.contract is None
    assert "Book an information session" in path.next_steps[0]


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.OFFICER, 200),
        (Role.DPO, 200),
        (Role.ADMIN, 404),
        (Role.PROVIDER, 404),
        (Role.SOCIAL_WORKER, 404),
        (Role.CANDIDATE, 404),
    ],
)
def test_a_contract_pdf_is_for_its_candidate_and_officers_only(
    client, all_roles, stranger, role, status
):
    client.force_login(all_roles[role])
    contract = stranger.contracts.get()
    response = client.get(reverse("contracts:document", args=[contract.pk]))
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "application/pdf"
        assert AuditEvent.objects.filter(action=Action.EXPORT, target_id=str(contract.pk)).exists()


def test_the_candidate_downloads_their_own_contract(client, signed):
    client.force_login(signed.candidate.user)
    response = client.get(reverse("contracts:document", args=[signed.pk]))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_the_calendar_feed_lists_the_session_and_the_last_day(client, signed):
    session = factories.information_session()
    from accueil.booking.services import booking_create

    booking_create(candidate=signed.candidate, session=session)
    response = client.get(urlsplit(contract_selectors.feed_url(signed.candidate)).path)
    body = response.content.decode()
    assert response.status_code == 200
    assert "BEGIN:VCALENDAR" in body and body.count("BEGIN:VEVENT") == 2
    assert f"DTSTART;VALUE=DATE:{signed.last_day:%Y%m%d}" in body
    assert "TZID=Europe/Luxembourg" in body


def test_a_forged_calendar_address_is_not_found(client, db):
    assert client.get(reverse("contracts:calendar", args=["forged"])).status_code == 404


def test_raising_the_link_version_revokes_the_feed(client, signed):
    # The feed has its own version (Candidate.feed_version): sending the booking link
    # again raises access_version and must not break the candidate's calendar.
    url = urlsplit(contract_selectors.feed_url(signed.candidate)).path
    signed.candidate.feed_version += 1
    signed.candidate.save()
    assert client.get(url).status_code == 404


def test_a_follow_up_contract_covers_only_the_obligations_kept_in_it():
    first = {
        "obligations": [
            {"code": c} for c in ("language_training", "citizenship_course", "orientation_day")
        ]
    }
    follow_up = {"obligations": [{"code": "orientation_day"}, {"code": "citizenship_course"}]}
    assert covered_obligations(first) == (
        "language_training",
        "citizenship_course",
        "orientation_day",
    )
    assert covered_obligations(follow_up) == ("citizenship_course", "orientation_day")
    assert covered_obligations({}) == ("language_training", "citizenship_course", "orientation_day")
