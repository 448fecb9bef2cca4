"""The course calendar (mounted at "courses/"): anyone may read it; officers fill it in."""

from django.urls import path

from accueil.training import views

app_name = "training"

urlpatterns = [
    path("", views.calendar, name="calendar"),
    path("add/", views.event_add, name="event_add"),
    path("<int:event_id>/edit/", views.event_edit, name="event_edit"),
]
