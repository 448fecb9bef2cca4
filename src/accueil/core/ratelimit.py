"""Rate limiting of public submissions, per client address.

A fixed window per (scope, address) counted in the shared cache, so every web
worker sees the same count. RATE_LIMIT_PUBLIC ("20/600": 20 submissions per 10
minutes) limits the submissions that write or send something (a registration, a
booking, an emailed link); RATE_LIMIT_STEPS ("300/600") the question pages in
between, which only keep an answer in the session. "0" turns a limit off (load tests).
"""

import hashlib
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accueil.audit.service import client_ip


def parse_rate(rate: str) -> tuple[int, int]:
    count, _sep, seconds = rate.partition("/")
    return int(count), int(seconds or 60)


# The setting that holds each scope's rate; any other scope uses RATE_LIMIT_PUBLIC.
RATE_SETTINGS = {"steps": "RATE_LIMIT_STEPS"}


def rate_for(scope: str) -> tuple[int, int]:
    return parse_rate(getattr(settings, RATE_SETTINGS.get(scope, "RATE_LIMIT_PUBLIC")))


def is_limited(request: HttpRequest, scope: str) -> bool:
    """Count this submission; True when the address has gone over the limit."""
    limit, window = rate_for(scope)
    if limit <= 0:
        return False
    # The address is hashed: the cache holds no personal data in clear.
    address = hashlib.sha256((client_ip(request) or "").encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{address}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit


def limit_posts(scope: str) -> Callable:
    """Refuse POSTs over the limit with a clear page (HTTP 429) in the reader's language."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method == "POST" and is_limited(request, scope):
                return too_many(request, scope)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


def too_many(request: HttpRequest, scope: str = "public") -> HttpResponse:
    minutes = max(1, rate_for(scope)[1] // 60)
    response = render(request, "core/too_many.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response
