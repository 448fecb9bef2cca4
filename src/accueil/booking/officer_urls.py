"""Officers' pages: plan and cancel sessions, attendee lists, find a candidate and book
for them (built in booking/officer_views.py). Registering a candidate who called or wrote,
at "officer/candidates/register/", is registration's (registration/urls.py)."""

from django.urls import path
from django.views.generic import RedirectView

from accueil.booking import officer_views as views

app_name = "officer"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="officer:session_list"), name="index"),
    path("sessions/", views.session_list, name="session_list"),
    path("sessions/plan/", views.session_plan, name="session_plan"),
    path("sessions/<int:session_id>/", views.session_detail, name="session_detail"),
    path("sessions/<int:session_id>/cancel/", views.session_cancel, name="session_cancel"),
    path("candidates/", views.candidate_find, name="candidate_find"),
    path("candidates/<uuid:candidate_id>/book/", views.candidate_book, name="candidate_book"),
    path(
        "candidates/<uuid:candidate_id>/waitlist/",
        views.candidate_waitlist,
        name="candidate_waitlist",
    ),
]
