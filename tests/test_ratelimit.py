"""Public submissions are limited per client address, in the shared cache."""

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


def test_the_cache_key_holds_no_address_in_clear(rf, settings):
    settings.RATE_LIMIT_PUBLIC = "5/600"
    is_limited(rf.post("/", REMOTE_ADDR="192.0.2.77"), "public")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM accueil_cache")
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
    from tests.test_public_registration import ANSWERS, step

    settings.RATE_LIMIT_PUBLIC, settings.RATE_LIMIT_STEPS = "20/600", "300/600"
    # A family registering three people one after the other, each page posted twice
    # (an error corrected), stays within the limits.
    for _ in range(3 * 2 * len(ANSWERS)):
        assert client.post(step("name"), ANSWERS["name"]).status_code == 302
