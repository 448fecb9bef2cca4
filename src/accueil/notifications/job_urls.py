"""The administrators' page of scheduled jobs (notifications.jobs)."""

from django.urls import path

from accueil.notifications import views

app_name = "jobs"

urlpatterns = [path("", views.scheduled_jobs, name="list")]
