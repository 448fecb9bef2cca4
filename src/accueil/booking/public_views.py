"""The candidate's booking pages, reached with the private link (no account)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from accueil.registration import links


def manage(request: HttpRequest, token: str) -> HttpResponse:
    candidate = links.candidate_from_token(token)
    if candidate is None:
        raise Http404
    return render(request, "booking/manage.html", {"candidate": candidate, "token": token})
