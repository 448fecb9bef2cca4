"""The pages that compose several capabilities (see docs/architecture.md)."""

from django.urls import path  # noqa: F401

app_name = "portal"

urlpatterns: list = []
