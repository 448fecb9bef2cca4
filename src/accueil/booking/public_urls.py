"""Choosing, seeing, moving and cancelling an information-session booking, online,
with the private link (built in booking/public_views.py)."""

from django.urls import path

from accueil.booking import public_views

app_name = "booking"

urlpatterns = [
    path("<str:token>/", public_views.manage, name="manage"),
]
