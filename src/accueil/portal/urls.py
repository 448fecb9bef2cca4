"""The pages that compose several capabilities (see docs/architecture.md), at their
paths from the site's root."""

from django.urls import path

from accueil.portal import officer_views, views

app_name = "portal"

urlpatterns = [
    path("home/", views.home, name="home"),
    path("candidates/", officer_views.candidate_list, name="candidate_list"),
    path(
        "candidates/<uuid:candidate_id>/",
        officer_views.candidate_detail,
        name="candidate_detail",
    ),
    path("officer/candidates/", officer_views.candidate_find, name="candidate_find"),
    path("officer/day/candidates/<uuid:candidate_id>/", officer_views.tasks, name="tasks"),
    path(
        "officer/day/candidates/<uuid:candidate_id>/formalities/",
        officer_views.formalities,
        name="formalities",
    ),
]
