"""Registration's staff page (mounted at ""): registering a candidate who called or
wrote (officer_views.py)."""

from django.urls import path

from accueil.registration import officer_views

app_name = "registration"

urlpatterns = [
    path(
        "officer/candidates/register/",
        officer_views.candidate_register,
        name="candidate_register",
    ),
    path(
        "officer/candidates/<uuid:candidate_id>/correct/",
        officer_views.candidate_correct,
        name="candidate_correct",
    ),
]
