"""Registration's staff pages (mounted at ""): the officers' candidate list and record,
and registering a candidate who called or wrote (officer_views.py)."""

from django.urls import path

from accueil.registration import officer_views, views

app_name = "registration"

urlpatterns = [
    path("candidates/", views.candidate_list, name="candidate_list"),
    path("candidates/<uuid:candidate_id>/", views.candidate_detail, name="candidate_detail"),
    path(
        "officer/candidates/register/",
        officer_views.candidate_register,
        name="candidate_register",
    ),
]
