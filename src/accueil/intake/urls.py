"""The officer's day (mounted at "officer/day/"): sessions, check-in, and the pages of
intake's tasks. At the same paths, a candidate's task list and the formalities document
(".../candidates/<id>/", ".../formalities/") are portal's, the contract's task
(".../contract/", ".../contract/draft/") contracts'."""

from django.urls import path

from accueil.intake import views

app_name = "intake"

urlpatterns = [
    path("", views.day, name="day"),
    path("sessions/<int:session_id>/", views.check_in, name="check_in"),
    path("sessions/<int:session_id>/walk-in/", views.walk_in, name="walk_in"),
    path(
        "sessions/<int:session_id>/bookings/<int:booking_id>/",
        views.check_in_booking,
        name="check_in_booking",
    ),
    path(
        "sessions/<int:session_id>/bookings/<int:booking_id>/undo/",
        views.check_in_undo,
        name="check_in_undo",
    ),
    path("candidates/<uuid:candidate_id>/document/", views.document, name="document"),
    path("candidates/<uuid:candidate_id>/profile/", views.profile, name="profile"),
    path("candidates/<uuid:candidate_id>/orientation/", views.orientation, name="orientation"),
    path("candidates/<uuid:candidate_id>/interview/", views.interview, name="interview"),
]
