"""Accueil's URLs: one include per capability."""

from django.contrib import admin
from django.urls import include, path

from accueil.api.api import api

admin.site.site_header = "Accueil"
admin.site.site_title = "Accueil"

urlpatterns = [
    path("", include("accueil.core.urls")),
    path("", include("accueil.accounts.urls")),
    path("audit/", include("accueil.audit.urls")),
    path("candidates/", include("accueil.registration.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
