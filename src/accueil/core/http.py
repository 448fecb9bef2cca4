"""Small request helpers shared by the views, and the client's address."""

import ipaddress
from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, QueryDict
from django.urls import Resolver404, resolve
from django.utils.datastructures import MultiValueDict
from django.utils.http import url_has_allowed_host_and_scheme


def posted(request: HttpRequest) -> QueryDict | None:
    """The submitted data, even when empty (an empty form must show its errors);
    None for a GET, so the form is shown unbound."""
    return request.POST if request.method == "POST" else None


def posted_files(request: HttpRequest) -> MultiValueDict | None:
    """The uploaded files of a submitted form; None for a GET."""
    return request.FILES if request.method == "POST" else None


def allowed_methods(view) -> set[str] | None:
    """The HTTP methods a view answers (None: any). Read from Django's
    `require_http_methods` (and `require_GET`, `require_POST`) wherever it sits among
    the view's decorators, and from a class-based view's `http_method_names`."""
    if view_class := getattr(view, "view_class", None):
        return {name.upper() for name in view_class.http_method_names}
    while view is not None:
        code = getattr(view, "__code__", None)
        if code is not None and "request_method_list" in code.co_freevars:
            cell = view.__closure__[code.co_freevars.index("request_method_list")]
            return set(cell.cell_contents)
        view = getattr(view, "__wrapped__", None)
    return None


def answers_get(path: str) -> bool:
    """Whether a GET of this path (of this site) reaches a page rather than a 405."""
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return False
    methods = allowed_methods(match.func)
    return methods is None or "GET" in methods


def here(request: HttpRequest) -> str:
    """The address that brings the person back to the page they are on, for the
    language switch and "sign in": the page's own address, unless it answered a POST
    at an address that a GET cannot reach (a form's action that only takes POSTs);
    then the page the form was on (the Referer, of this site), or the home page."""
    path = request.get_full_path()
    if request.method in ("GET", "HEAD") or answers_get(path):
        return path
    referer = request.META.get("HTTP_REFERER", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, {request.get_host()}, request.is_secure()
    ):
        parts = urlsplit(referer)
        back = parts.path + (f"?{parts.query}" if parts.query else "")
        if answers_get(back):
            return back
    return "/"


def client_ip(request: HttpRequest | None) -> str | None:
    """The client's address: REMOTE_ADDR, unless that is one of our own proxies
    (settings.TRUSTED_PROXIES, addresses or networks); then X-Forwarded-For is read
    from the right, each proxy having appended the address it saw, and the first
    address that is not one of our proxies is the client's. Whatever a client
    writes into X-Forwarded-For itself stands to the left of that and is never read,
    and a client that reaches the web server directly is known by its socket."""
    if request is None:
        return None
    remote = _address(request.META.get("REMOTE_ADDR", ""))
    if remote is None or not _trusted(remote):
        return str(remote) if remote is not None else None
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    client = remote
    for part in reversed(forwarded.split(",")):
        hop = _address(part)
        if hop is None:
            break  # not an address: trust stops at the proxy that passed it on
        client = hop
        if not _trusted(hop):
            break
    return str(client)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    # An IPv4 client of a dual-stack socket reads ::ffff:192.0.2.1.
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return any(address in network for network in trusted_proxies())


def trusted_proxies() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return _networks(tuple(settings.TRUSTED_PROXIES))


@lru_cache(maxsize=4)
def _networks(entries: tuple[str, ...]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [ipaddress.ip_network(entry, strict=False) for entry in entries]
