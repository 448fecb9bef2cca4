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
