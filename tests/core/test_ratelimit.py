"""Public submissions are limited per client address, in a table shared by the workers."""

import pytest
from django.core.cache import cache

from accueil.core.ratelimit import is_limited, parse_rate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def test_the_limit_counts_per_address_and_scope(rf, settings):
    settings.RATE_LIMIT_PUBLIC = "2/600"
    here = rf.post("/", REMOTE_ADDR="192.0.2.1")
    there = rf.post("/", REMOTE_ADDR="192.0.2.2")
    assert [is_limited(here, "public") for _ in range(3)] == [False, False, True]
    assert is_limited(there, "public") is False
    assert is_limited(here, "api") is False


def test_zero_turns_the_limit_off(rf, settings):
    settings.RATE_LIMIT_PUBLIC = "0"
    request = rf.post("/", REMOTE_ADDR="192.0.2.1")
    assert not any(is_limited(request, "public") for _ in range(50))


def test_the_counter_key_holds_no_address_in_clear(rf, settings):
    settings.RATE_LIMIT_PUBLIC = "5/600"
    is_limited(rf.post("/", REMOTE_ADDR="192.0.2.77"), "public")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute('SELECT "key" FROM accueil_rate_limit')
        keys = [row[0] for row in cursor.fetchall()]
    assert keys and not any("192.0.2.77" in key for key in keys)


def test_a_rate_reads_as_count_per_seconds():
    assert parse_rate("20/600") == (20, 600)
    assert parse_rate("5") == (5, 60)


def test_question_pages_have_their_own_more_generous_limit(rf, settings):
    settings.RATE_LIMIT_PUBLIC, settings.RATE_LIMIT_STEPS = "2/600", "4/600"
    here = rf.post("/", REMOTE_ADDR="192.0.2.1")
    assert [is_limited(here, "steps") for _ in range(5)] == [False] * 4 + [True]
    # Steps taken do not use up the submissions that write or send something.
    assert is_limited(here, "public") is False


def test_a_whole_registration_from_one_address_is_not_stopped_by_the_default_limits(
    client, settings
):
    from tests.registration.test_public_registration import ANSWERS, step

    settings.RATE_LIMIT_PUBLIC, settings.RATE_LIMIT_STEPS = "20/600", "300/600"
    # A family registering three people one after the other, each page posted twice
    # (an error corrected), stays within the limits.
    for _ in range(3 * 2 * len(ANSWERS)):
        assert client.post(step("name"), ANSWERS["name"]).status_code == 302


# Counted outside the request's transaction (issue 9, point 4)


def test_a_refusal_that_rolls_the_request_back_still_counts(client, settings):
    """A registration refused by the law rolls its writes back; the count stays."""
    from datetime import date

    from accueil.core import national_id
    from tests.api.test_api_booking import register

    settings.RATE_LIMIT_PUBLIC = "2/600"
    too_young = {"national_id": national_id.make(date(2020, 1, 1), 1)}
    statuses = [register(client, **too_young).status_code for _ in range(3)]
    assert statuses == [422, 422, 429]


def test_every_api_write_counts_but_reads_and_the_rules_do_not(client, settings):
    settings.RATE_LIMIT_PUBLIC = "1/600"
    for _ in range(3):
        assert client.get("/api/v1/sessions").status_code == 200
        client.post("/api/v1/rules/cai.eligibility", {}, content_type="application/json")
    assert client.post("/api/v1/registrations", {}, content_type="application/json").status_code
    refused = client.post("/api/v1/bookings/x", {}, content_type="application/json")
    assert refused.status_code == 429 and refused["Retry-After"] == "600"


def test_the_api_429_speaks_the_asked_language(client, settings):
    settings.RATE_LIMIT_PUBLIC = "1/600"
    client.post("/api/v1/registrations", {}, content_type="application/json")
    refused = client.post("/api/v1/registrations?lang=fr", {}, content_type="application/json")
    assert refused.status_code == 429 and refused["Content-Language"] == "fr"
    assert refused.json()["error"].startswith("Vous avez envoy")


# Which address is the client's: X-Forwarded-For only from our own proxies


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "client"),
    [
        ([], "192.0.2.1", "198.51.100.1", "192.0.2.1"),  # no proxy: the header is ignored
        (["127.0.0.1"], "192.0.2.1", "198.51.100.1", "192.0.2.1"),  # not from our proxy
        (["127.0.0.1"], "127.0.0.1", "198.51.100.1", "198.51.100.1"),
        (["127.0.0.1"], "127.0.0.1", "10.9.9.9, 198.51.100.1", "198.51.100.1"),  # spoof left
        (["127.0.0.1"], "127.0.0.1", "", "127.0.0.1"),
        (
            ["10.0.0.0/8", "127.0.0.1"],
            "127.0.0.1",
            "6.6.6.6, 198.51.100.1, 10.1.2.3",
            "198.51.100.1",
        ),
        (["127.0.0.1"], "127.0.0.1", "not-an-address", "127.0.0.1"),
        (["127.0.0.1"], "::ffff:127.0.0.1", "2001:db8::1", "2001:db8::1"),
        (["::1"], "::1", "198.51.100.1", "198.51.100.1"),
    ],
)
def test_forwarded_for_is_read_only_from_trusted_proxies(
    rf, settings, proxies, remote, forwarded, client
):
    from accueil.core.http import client_ip

    settings.TRUSTED_PROXIES = proxies
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == client


@pytest.mark.parametrize(
    ("value", "proxies"),
    [
        ("", []),
        ("0", []),
        ("127.0.0.1", ["127.0.0.1"]),
        (" 10.0.0.0/8, ::1 ", ["10.0.0.0/8", "::1"]),
    ],
)
def test_trusted_proxies_are_addresses_or_networks(value, proxies):
    from accueil.settings import trusted_proxies

    assert trusted_proxies(value) == proxies


@pytest.mark.parametrize("value", ["1", "2", "nginx", "127.0.0.1, 300.1.1.1"])
def test_a_proxy_count_or_a_name_is_refused_with_a_clear_message(value):
    from django.core.exceptions import ImproperlyConfigured

    from accueil.settings import trusted_proxies

    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        trusted_proxies(value)
