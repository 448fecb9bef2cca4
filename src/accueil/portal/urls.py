"""The pages that compose several capabilities (see docs/architecture.md)."""

from django.urls import path

from accueil.portal import views

app_name = "portal"

urlpatterns = [
    path("home/", views.home, name="home"),
]
