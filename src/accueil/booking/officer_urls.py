"""Officers' pages: plan and cancel sessions, attendee lists, book for a candidate (built
in booking/officer_views.py). Finding a candidate, at "officer/candidates/", is portal's;
registering one who called or wrote, at "officer/candidates/register/", registration's."""

from django.urls import path
from django.views.generic import RedirectView

from accueil.booking import officer_views as views

app_name = "officer"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="officer:session_list"), name="index"),
    path("sessions/", views.session_list, name="session_list"),
    path("sessions/plan/", views.session_plan, name="session_plan"),
    path("sessions/<int:session_id>/", views.session_detail, name="session_detail"),
    path("sessions/<int:session_id>/edit/", views.session_edit, name="session_edit"),
    path("sessions/<int:session_id>/cancel/", views.session_cancel, name="session_cancel"),
    path("candidates/<uuid:candidate_id>/book/", views.candidate_book, name="candidate_book"),
    path(
        "candidates/<uuid:candidate_id>/waitlist/",
        views.candidate_waitlist,
        name="candidate_waitlist",
    ),
]
