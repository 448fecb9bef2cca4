"""Accueil's URLs: one include per capability."""

from django.contrib import admin
from django.urls import include, path

from accueil.api.api import api

admin.site.site_header = "Accueil"
admin.site.site_title = "Accueil"

urlpatterns = [
    path("", include("accueil.core.urls")),
    path("", include("accueil.portal.urls")),
    path("", include("accueil.accounts.urls")),
    path("", include("accueil.registration.account_urls")),
    path("audit/", include("accueil.audit.urls")),
    path("", include("accueil.registration.urls")),
    path("register/", include("accueil.registration.public_urls")),
    path("my-booking/", include("accueil.booking.public_urls")),
    path("officer/", include("accueil.booking.officer_urls")),
    path("", include("accueil.contracts.urls")),
    path("officer/contracts/", include("accueil.contracts.officer_urls")),
    path("officer/day/", include("accueil.intake.urls")),
    path("officer/emails/", include("accueil.notifications.urls")),
    path("jobs/", include("accueil.notifications.job_urls")),
    path("officer/letters/", include("accueil.notifications.letter_urls")),
    path("officer/statistics/", include("accueil.statistics.urls")),
    path("privacy/", include("accueil.privacy.urls")),
    path("social/", include("accueil.social.urls")),
    path("courses/", include("accueil.training.urls")),
    path("verify/", include("accueil.training.verify_urls")),
    path("guide/", include("accueil.guide.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
