"""Registration's pages mounted at "": registering a candidate who called or wrote and
correcting their details (officer_views.py); the candidate's contact details from their
private link and the confirmation of a new email address (public_views.py)."""

from django.urls import path

from accueil.registration import officer_views, public_views

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
    path("my-details/<str:token>/", public_views.my_details, name="my_details"),
    path("my-details/email/<str:token>/", public_views.email_confirm, name="email_confirm"),
]
