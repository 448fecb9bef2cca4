"""The course catalogue (mounted at "courses/"): anyone reads the published courses;
provider staff fill in their own; officers approve providers.

The old calendar's pages ("add/", "<id>/edit/") are gone: those URLs answer 404."""

from django.urls import path

from accueil.training import views_catalogue as catalogue

app_name = "training"

urlpatterns = [
    # Catalogue (issue 12, points 1-3).
    path("", catalogue.catalogue, name="catalogue"),
    path("<int:course_id>/", catalogue.course_detail, name="course_detail"),
    path("mine/", catalogue.provider_courses, name="provider_courses"),
    path("mine/add/", catalogue.course_add, name="course_add"),
    path("mine/<int:course_id>/", catalogue.course_manage, name="course_manage"),
    path("mine/<int:course_id>/edit/", catalogue.course_edit, name="course_edit"),
    path("mine/<int:course_id>/publish/", catalogue.course_publish, name="course_publish"),
    path("mine/<int:course_id>/cancel/", catalogue.course_cancel, name="course_cancel"),
    path("mine/<int:course_id>/sessions/add/", catalogue.session_add, name="session_add"),
    path(
        "mine/<int:course_id>/sessions/<int:session_id>/edit/",
        catalogue.session_edit,
        name="session_edit",
    ),
    path(
        "mine/<int:course_id>/sessions/<int:session_id>/remove/",
        catalogue.session_remove,
        name="session_remove",
    ),
    path("providers/", catalogue.providers, name="providers"),
    path(
        "providers/<int:organisation_id>/approval/",
        catalogue.provider_approve,
        name="provider_approve",
    ),
]
