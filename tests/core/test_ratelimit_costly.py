"""Pages and documents anyone may ask for without signing in, and that cost the server
more than a page, are limited per client address (issue 14, point 11): the guide's PDF,
the calendar file of a booking, the public verification of a certificate's code.

Over the limit: HTTP 429, a Retry-After header, a page in the reader's language."""

import pytest
from django.urls import reverse

from accueil.booking import services as booking_services
from accueil.core.ratelimit import is_limited, limit_gets, scope_of
from accueil.registration import selectors as links
from accueil.training import certificates
from tests import factories
from tests.guide.test_guide_fake import use_fake_guide  # noqa: F401 (a fixture)
from tests.guide.test_guide_questionnaire import answer_all

pytestmark = pytest.mark.django_db

READ_LIMIT = {
    "en": "You have asked for too many pages or documents from this connection",
    "fr": "Vous avez demandé trop de pages ou de documents depuis cette connexion",
    "de": "Sie haben von dieser Verbindung aus zu viele Seiten oder Dokumente angefordert",
}


@pytest.fixture(autouse=True)
def only_the_costly_limit(settings):
    settings.RATE_LIMIT_PUBLIC = "0"
    settings.RATE_LIMIT_STEPS = "0"
    settings.RATE_LIMIT_COSTLY = "2/600"


def assert_refused(response, lang: str = "en") -> None:
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    assert READ_LIMIT[lang] in response.content.decode()


@pytest.mark.usefixtures("use_fake_guide")
@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_guides_pdf_is_limited_per_address(client, lang):
    client.cookies["accueil_language"] = lang
    answer_all(client)
    client.post(reverse("guide:check"))
    for _ in range(2):
        response = client.get(reverse("guide:pdf"))
        assert response["Content-Type"] == "application/pdf"
    refused = client.get(reverse("guide:pdf"))
    assert_refused(refused, lang)
    assert refused["Content-Type"].startswith("text/html")
    # Another address is not held back by this one.
    other = client.get(reverse("guide:pdf"), REMOTE_ADDR="192.0.2.99")
    assert other["Content-Type"] == "application/pdf"


def test_a_bookings_calendar_file_is_limited_per_address(client):
    person = factories.candidate(information_language="en")
    booking_services.booking_create(candidate=person, session=factories.information_session())
    url = reverse("booking:invitation", args=[links.access_token(person)])
    assert [client.get(url).status_code for _ in range(2)] == [200, 200]
    assert_refused(client.get(url))
    # A HEAD counts like a GET (the page answers only GET: 405 until the limit).
    heads = [client.head(url, REMOTE_ADDR="192.0.2.50").status_code for _ in range(3)]
    assert heads == [405, 405, 429]


def test_links_guessed_for_calendar_files_count_too(client):
    url = reverse("booking:invitation", args=["not-a-real-link"])
    assert [client.get(url).status_code for _ in range(3)] == [404, 404, 429]


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_verification_of_codes_answers_429_in_the_readers_language(client, settings, lang):
    settings.RATE_LIMIT_PUBLIC = "1/600"  # the verification's own count
    client.cookies["accueil_language"] = lang
    url = reverse("verify:certificate", args=[certificates.new_code()])
    assert client.get(url).status_code == 404
    response = client.get(url)
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    assert READ_LIMIT[lang] in response.content.decode()


def test_only_the_marked_views_get_requests_count(rf):
    @limit_gets()
    def costly(request):
        return None

    def plain(request):
        return None

    assert scope_of(rf.get("/"), costly) == "costly"
    assert scope_of(rf.head("/"), costly) == "costly"
    assert scope_of(rf.post("/"), costly) is None
    assert scope_of(rf.get("/"), plain) is None


def test_zero_turns_the_costly_limit_off(rf, settings):
    settings.RATE_LIMIT_COSTLY = "0"
    request = rf.get("/", REMOTE_ADDR="192.0.2.1")
    assert not any(is_limited(request, "costly") for _ in range(20))
