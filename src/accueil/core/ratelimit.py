"""Rate limiting of public submissions, per client address.

A fixed window per (scope, address), counted in the table `accueil_rate_limit`
shared by every web worker. RATE_LIMIT_PUBLIC ("20/600": 20 submissions per 10
minutes) limits the submissions that write or send something (a registration, a
booking, an emailed link, the API's writes); RATE_LIMIT_STEPS ("300/600") the
question pages in between, which only keep an answer in the session;
RATE_LIMIT_COSTLY ("60/600") the pages anyone may ask for without signing in that cost
the server more than a page (issue 14, point 11): a PDF drawn by WeasyPrint (the
guide's result), a calendar file. The public verification of a certificate's code
counts its lookups itself, in RATE_LIMIT_PUBLIC (training.views_certificates). The
integration path's calendar feed (contracts.views.calendar_feed) is left out: calendar
services fetch it for many people from a few addresses, and it is cached 15 minutes.
"0" turns a limit off (load tests).

Two properties make the limit hold:

- Every submission counts, whatever the answer. The count is taken by
  `RateLimitMiddleware.process_view`, which Django runs before it opens the view's
  transaction (ATOMIC_REQUESTS): the counter is committed on its own, in autocommit,
  and a refusal that rolls the request back does not roll the count back with it.
- The count is one atomic statement, `INSERT ... ON CONFLICT DO UPDATE SET count =
  count + 1 RETURNING count` (PostgreSQL; SQLite >= 3.35): a hundred requests at
  once get a hundred different counts, so exactly `limit` of them pass. (Django's
  cache `incr` on the database cache reads and then writes: parallel requests read
  the same count.)

Views say which limit applies with `@limit_posts(scope)` (their POSTs) or
`@limit_gets(scope)` (their GETs and HEADs), which only mark them; the API's writes
are recognised by their route (API_ROUTES). Over the limit: HTTP 429 with a
Retry-After header and a page in the reader's language.
"""

import hashlib
import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from accueil.core.http import client_ip

TABLE = "accueil_rate_limit"
# The API's writes count in the "api" scope (RATE_LIMIT_PUBLIC); its reads and the
# rules (which write nothing) do not.
API_NAMESPACE = "api-v1"
API_ROUTES = ("api/v1/registrations", "api/v1/bookings")
SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


def parse_rate(rate: str) -> tuple[int, int]:
    count, _sep, seconds = rate.partition("/")
    return int(count), int(seconds or 60)


# The setting that holds each scope's rate; any other scope uses RATE_LIMIT_PUBLIC.
RATE_SETTINGS = {"steps": "RATE_LIMIT_STEPS", "costly": "RATE_LIMIT_COSTLY"}
# The scopes whose requests are reads (pages and documents asked for, not forms sent).
# ("verify": the public verification of a certificate's code, counted by its view,
# training.views_certificates, each lookup whether typed or scanned from the QR code.)
READ_SCOPES = {"costly", "verify"}


def rate_for(scope: str) -> tuple[int, int]:
    return parse_rate(getattr(settings, RATE_SETTINGS.get(scope, "RATE_LIMIT_PUBLIC")))


COUNT_SQL = (
    f'INSERT INTO {TABLE} ("key", "count", "expires") VALUES (%s, 1, %s) '  # noqa: S608
    f'ON CONFLICT ("key") DO UPDATE SET "count" = {TABLE}."count" + 1 RETURNING "count"'
)
PURGE_SQL = f'DELETE FROM {TABLE} WHERE "expires" <= %s'  # noqa: S608


def is_limited(request: HttpRequest, scope: str) -> bool:
    """Count this submission; True when the address has gone over the limit.

    Called outside any transaction, the count is committed at once."""
    limit, window = rate_for(scope)
    if limit <= 0:
        return False
    now = int(time.time())
    # The window's number is in the key: a new window starts a new row at 1.
    start = now - now % window
    # The address is hashed: the table holds no personal data in clear.
    address = hashlib.sha256((client_ip(request) or "").encode()).hexdigest()[:32]
    key = f"{scope}:{address}:{start}"
    with connection.cursor() as cursor:
        cursor.execute(COUNT_SQL, [key, start + window])
        count = cursor.fetchone()[0]
        if count == 1:  # a new row: clear the rows of windows that have ended
            cursor.execute(PURGE_SQL, [now])
    return count > limit


def limit_posts(scope: str) -> Callable:
    """Mark a view: its POSTs count towards `scope`'s limit, and over the limit get a
    clear page (HTTP 429) in the reader's language. RateLimitMiddleware does both,
    before the view's transaction begins."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            return view(request, *args, **kwargs)

        # functools.wraps copies __dict__: decorators put around this one keep it.
        wrapped.rate_limit_scope = scope  # type: ignore[attr-defined]  # a marker for scope_of()
        return wrapped

    return decorate


def limit_gets(scope: str = "costly") -> Callable:
    """Mark a view that costs the server more than a page and needs no sign-in: its
    GETs (and HEADs) count towards `scope`'s limit, before the view runs."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            return view(request, *args, **kwargs)

        wrapped.rate_limit_get_scope = scope  # type: ignore[attr-defined]  # for scope_of()
        return wrapped

    return decorate


def scope_of(request: HttpRequest, view: Callable) -> str | None:
    """The limit this request counts towards, if any."""
    if request.method in ("GET", "HEAD"):
        return getattr(view, "rate_limit_get_scope", None)
    if request.method in SAFE_METHODS:
        return None
    if scope := getattr(view, "rate_limit_scope", None):
        return scope if request.method == "POST" else None
    match = request.resolver_match
    in_api = match is not None and API_NAMESPACE in match.namespaces
    return "api" if in_api and match is not None and match.route.startswith(API_ROUTES) else None


class RateLimitMiddleware:
    """Counts every limited submission before the view's transaction begins."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view, args, kwargs) -> HttpResponse | None:
        scope = scope_of(request, view)
        if scope is None or not is_limited(request, scope):
            return None
        if scope == "api":
            return too_many_api(request)
        return too_many(request, scope)


def too_many(request: HttpRequest, scope: str = "public") -> HttpResponse:
    minutes = max(1, rate_for(scope)[1] // 60)
    context = {"minutes": minutes, "reads": scope in READ_SCOPES}
    response = render(request, "core/too_many.html", context, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response


def too_many_api(request: HttpRequest) -> JsonResponse:
    """The API's 429, in its error shape and in `?lang=` or Accept-Language's language."""
    seconds = rate_for("api")[1]
    lang = request.GET.get("lang")
    if lang not in dict(settings.LANGUAGES):
        lang = translation.get_language()
    with translation.override(lang):
        message = _("You have sent too many requests from this connection. Wait and try again.")
    response = JsonResponse(
        {"error": message, "fact": None}, status=429, headers={"Retry-After": str(seconds)}
    )
    if request.GET.get("lang") == lang:
        response["Content-Language"] = lang
    return response
