"""The API's documentation page (/api/v1/docs): Swagger UI served from our own static
files (`swagger-ui-dist` from npm, copied by `npm run build` into
accueil/api/static/accueil/api/ and committed, so `make demo` needs no npm), in a page
with the reader's language on <html lang>. django-ninja's own page loads it from a CDN:
without internet it is blank, and each visit tells a third party who reads our API."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja import NinjaAPI
from ninja.openapi.docs import Swagger


class OwnSwagger(Swagger):
    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        url = self.get_openapi_url(api, kwargs)
        context = {
            "api": api,
            "openapi_url": url,
            # Without deep links, an operation's path is no link inside its button
            # (a link in a button is an interactive element nested in another: axe).
            "swagger_settings": {
                **self.settings,
                "deepLinking": False,
                "syntaxHighlight": False,  # its colours fail the contrast check
                "url": url,
            },
        }
        return render(request, "api/swagger.html", context)
