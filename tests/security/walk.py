"""The machinery of the walk: every URL pattern of the site, the address made from it
with the world's objects, a visit as one role, what the answer means, and a fingerprint
of the database to tell that a refused request changed nothing."""

import hashlib
import re
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.security.world import ANONYMOUS, World


@dataclass(frozen=True)
class Route:
    key: str  # "namespace:name", or the route itself for a pattern without a name
    route: str  # the pattern as written, from the site's root


def routes() -> list[Route]:
    """Every URL pattern of the site, the admin site's and the API's included."""
    found: list[Route] = []

    def walk(resolver: URLResolver, prefix: str, namespace: str) -> None:
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                walk(pattern, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                key = f"{namespace}:{pattern.name}" if pattern.name else route
                found.append(Route(key, route))

    walk(get_resolver(), "", "")
    return found


ARGUMENT = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def arguments(route: str) -> list[str]:
    """The names of the arguments a route takes, in order."""
    return [a or b for a, b in ARGUMENT.findall(route)]


def address(route: str, values: dict[str, object]) -> str:
    """The path of `route` with each argument replaced by its value."""
    path = ARGUMENT.sub(lambda m: str(values[m.group(1) or m.group(2)]), route)
    return "/" + path.replace("^", "").replace("$", "")


SIGN_IN_PATHS = (resolve_url(settings.LOGIN_URL), "/admin/login/")
ADMIN_INDEX = "/admin/"


@dataclass(frozen=True)
class Answer:
    status: int
    location: str
    json: bool
    body: bytes = b""

    @property
    def to_sign_in(self) -> bool:
        return self.status in (301, 302, 303, 307) and self.location.startswith(SIGN_IN_PATHS)

    @property
    def not_in_admin(self) -> bool:
        """The admin site's answer for an object its user may not see (or that does not
        exist): back to the admin's index, with a message."""
        return self.status == 302 and self.location == ADMIN_INDEX

    def refused(self, object_page: bool = False) -> bool:
        """403 or 404, 401 from the API, 405 (a method the page does not take reveals
        nothing), sent to sign in; on the admin site's page of one object, sent back to
        the admin's index."""
        return (
            self.status in (401, 403, 404, 405)
            or self.to_sign_in
            or (object_page and self.not_in_admin)
        )

    def shown(self, object_page: bool = False) -> bool:
        """The page itself, or a redirect somewhere other than the sign-in page (nor, on
        the admin site's page of one object, back to the admin's index)."""
        sent_away = self.to_sign_in or (object_page and self.not_in_admin)
        return 200 <= self.status < 300 or (300 <= self.status < 400 and not sent_away)

    def __str__(self) -> str:
        return f"{self.status}{' -> ' + self.location if self.location else ''}"


def client_for(world: World, role: str, client: Client) -> Client:
    """pytest-django's `client`, signed in as the role's user with `force_login` (so that
    whatever the test fixtures make of `force_login`, a second factor verified for
    staff, applies here too)."""
    user = world.users[role]
    if role != ANONYMOUS and user is not None:
        client.force_login(user)
    return client


def visit(client: Client, method: str, path: str) -> Answer:
    if method == "get":
        response = client.get(path)
    elif path.startswith("/api/"):
        response = getattr(client, method)(path, "{}", content_type="application/json")
    else:
        response = getattr(client, method)(path, {})
    kind = response.get("Content-Type", "")
    return Answer(
        response.status_code,
        response.get("Location", ""),
        kind.startswith("application/json"),
        b"" if response.streaming else response.content,
    )


# Tables a refused request may touch without changing anything a person did: the
# session of the signed-in client and django-axes' record of requests.
UNWATCHED = ("django_session", "axes_")


def fingerprint() -> str:
    """A hash of every row of every table but the unwatched ones."""
    digest = hashlib.sha256()
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            if table.startswith(UNWATCHED):
                continue
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608 (names from the schema)
            rows = sorted(repr(row) for row in cursor.fetchall())
            digest.update(table.encode())
            digest.update("\n".join(rows).encode())
    return digest.hexdigest()
