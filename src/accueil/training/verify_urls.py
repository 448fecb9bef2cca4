"""The public verification page of certificates (mounted at "verify/")."""

from django.urls import path

from accueil.training import views_certificates

app_name = "verify"

urlpatterns = [
    path("", views_certificates.verify, name="form"),
    path("<str:code>/", views_certificates.verify_code, name="certificate"),
]
