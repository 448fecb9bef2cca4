"""The enumeration probe (issue 9, point 3): can an anonymous client learn from the
answer whether a national identification number is registered?

It sends the same registration twice over, once with a registered number and once
with an unregistered one of the same birth date, on the API (alone, with an open, a
closed, a full and an unknown session) and on the web form, and compares status,
headers that matter, body and time. It used to answer 409 already_registered against
201 with a token (and with a closed session, already_registered against
session_closed), unthrottled and unaudited.
"""

import re
import time
from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from accueil.audit.models import AuditEvent
from accueil.booking.models import Booking, SessionStatus
from accueil.core import national_id
from accueil.registration.models import Candidate
from accueil.registration.selectors import candidate_search
from tests import factories
from tests.api.test_api_booking import answers
from tests.registration.test_public_registration import ANSWERS, step

pytestmark = pytest.mark.django_db
BORN = date(1988, 7, 2)
REGISTERED = national_id.make(BORN, 101)


@pytest.fixture(autouse=True)
def owner(settings):
    settings.RATE_LIMIT_PUBLIC = settings.RATE_LIMIT_STEPS = "0"
    return factories.candidate(national_id=REGISTERED, birth_date=BORN, email="owner@example.test")


def unregistered(n: int = 0) -> str:
    return national_id.make(BORN, 200 + n)


def api(client, number: str, **fields):
    body = answers(national_id=number, email="prober@example.test") | fields
    return client.post("/api/v1/registrations", body, content_type="application/json")


def seen(response) -> tuple:
    """What a client sees of an answer."""
    return (
        response.status_code,
        response.get("Content-Type"),
        response.get("Content-Length"),
        response.get("Location"),
        response.content,
    )


SESSIONS = {
    "no session": None,
    "open session": {},
    "closed session": {"status": SessionStatus.CANCELLED},
    "full session": {"capacity": 1, "seats_taken": 1},
}


@pytest.mark.parametrize("case", list(SESSIONS))
def test_the_api_answers_a_registered_number_as_an_unregistered_one(client, case):
    fields = {}
    if (session := SESSIONS[case]) is not None:
        fields["session_id"] = factories.information_session(**session).pk
    assert seen(api(client, REGISTERED, **fields)) == seen(api(client, unregistered(), **fields))


def test_an_unknown_session_is_refused_alike(client):
    unknown = {"session_id": 999_999}
    assert seen(api(client, REGISTERED, **unknown)) == seen(api(client, unregistered(), **unknown))


def test_someone_who_may_not_sign_is_refused_alike(client):
    # A registered number whose answers say "not legally resident", and a new one.
    not_resident = {"legally_resident": False}
    assert seen(api(client, REGISTERED, **not_resident)) == seen(
        api(client, unregistered(), **not_resident)
    )


def test_the_two_answers_take_the_same_time_within_noise(client):
    """Both do comparable work (an insert tried, an audit event, an email queued): the
    fastest of 15 interleaved attempts each stay within a factor of 2. The fastest, not
    the median: another process on the machine only ever adds time, so the fastest
    attempt is the one least disturbed (the medians failed on a machine at load 10)."""
    api(client, unregistered(99))  # warm up
    times = {"registered": [], "new": []}
    for n in range(15):
        for kind, number in (("registered", REGISTERED), ("new", unregistered(n))):
            start = time.perf_counter()
            api(client, number)
            times[kind].append(time.perf_counter() - start)
    ratio = min(times["registered"]) / min(times["new"])
    assert 0.5 < ratio < 2, times


def test_every_attempt_counts_towards_the_limit_and_is_audited(client, settings):
    settings.RATE_LIMIT_PUBLIC = "10/600"
    statuses = [
        api(client, unregistered(n) if n % 2 else REGISTERED).status_code for n in range(12)
    ]
    assert statuses == [202] * 10 + [429] * 2
    # Five new registrations and five attempts at the registered number, all audited.
    assert AuditEvent.objects.filter(reason__startswith="refused").count() == 5
    assert Candidate.objects.count() == 1 + 5


def test_the_owner_is_told_and_the_prober_learns_nothing_by_email(
    client, run_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        api(client, REGISTERED)
    run_tasks()
    assert [email.to for email in mail.outbox] == [["owner@example.test"]]
    assert not Booking.objects.exists()


# The web form


def web(client, number: str):
    """Answer every question with `number`, send, and read the page it leads to."""
    client.cookies.clear()
    for slug, data in ANSWERS.items():
        data = {"national_id": number} if slug == "national-id" else data
        client.post(step(slug), data)
    submission_id = client.get(reverse("register:check_answers")).context["submission_id"]
    sent = client.post(reverse("register:check_answers"), {"submission_id": submission_id})
    page = client.get(sent["Location"])
    # The CSRF token differs from one visit to the next, whoever registers.
    content = re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", page.content)
    # So does the reference number, drawn from each submission's id, whoever registers.
    content = re.sub(rb'class="accueil-reference">[^<]+<', b"", content)
    return (sent.status_code, sent["Location"], page.status_code, content)


def test_the_web_form_answers_a_registered_number_as_an_unregistered_one(client):
    assert web(client, REGISTERED) == web(client, unregistered())
    assert Candidate.objects.count() == 2


def test_the_owner_is_emailed_once_a_day_however_often_the_number_is_sent(
    client, run_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(5):
            assert api(client, REGISTERED).status_code == 202
    run_tasks()
    assert [email.to for email in mail.outbox] == [["owner@example.test"]]
    # Every attempt is in the audit trail all the same.
    assert AuditEvent.objects.filter(reason__startswith="refused").count() == 5


def test_the_reference_shown_after_registering_again_finds_the_registration(client):
    """The page shows a reference to whoever sends the form; sent for a number registered
    already, the reference quoted to an officer leads to that registration."""
    web(client, REGISTERED)
    page = client.get(reverse("register:complete")).content.decode()
    shown = re.search(r'class="accueil-reference">([^<]+)<', page).group(1)
    owner = Candidate.objects.get(national_id=REGISTERED)
    assert shown != owner.reference
    assert list(candidate_search(Candidate.objects.all(), shown)) == [owner]
    assert list(candidate_search(Candidate.objects.all(), owner.reference)) == [owner]
