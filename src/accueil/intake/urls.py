"""The officer's day (mounted at "officer/day/"): sessions, check-in, and each present
candidate's task list, from the residence document to the signed contract."""

from django.urls import path

from accueil.contracts import officer_views as contract_views
from accueil.intake import views

app_name = "intake"

urlpatterns = [
    path("", views.day, name="day"),
    path("sessions/<int:session_id>/", views.check_in, name="check_in"),
    path(
        "sessions/<int:session_id>/bookings/<int:booking_id>/",
        views.check_in_booking,
        name="check_in_booking",
    ),
    path("candidates/<uuid:candidate_id>/", views.tasks, name="tasks"),
    path("candidates/<uuid:candidate_id>/document/", views.document, name="document"),
    path("candidates/<uuid:candidate_id>/profile/", views.profile, name="profile"),
    path("candidates/<uuid:candidate_id>/orientation/", views.orientation, name="orientation"),
    path("candidates/<uuid:candidate_id>/interview/", views.interview, name="interview"),
    path("candidates/<uuid:candidate_id>/formalities/", views.formalities, name="formalities"),
    path("candidates/<uuid:candidate_id>/contract/", contract_views.contract_task, name="contract"),
    path(
        "candidates/<uuid:candidate_id>/contract/draft/",
        contract_views.contract_draft,
        name="contract_draft",
    ),
]
